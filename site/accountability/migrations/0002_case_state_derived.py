"""The case's `state` column goes: where a case stands is derived (Case.state) from its flow's waiting step and
the recorded outcome. A case that had ended with its decision confirmed keeps that as `confirmed_on` (the day
its file closed, else the decision's day); a transfer is already recorded (transferred_on)."""

from django.db import migrations, models


def carry_over(apps, schema_editor):
    Case = apps.get_model("accountability", "Case")
    for case in Case.objects.filter(state="done").select_related("matter"):
        case.confirmed_on = case.matter.closed_on or case.decided_on or case.created_at.date()
        case.save(update_fields=["confirmed_on"])


def back(apps, schema_editor):
    Case = apps.get_model("accountability", "Case")
    Case.objects.filter(confirmed_on__isnull=False).update(state="done")
    Case.objects.filter(transferred_on__isnull=False).update(state="transferred")
    # running cases go back to 'intake'; their step is in the flow


class Migration(migrations.Migration):

    dependencies = [
        ('accountability', '0001_initial'),
        ('flows', '0002_case_process'),
    ]

    operations = [
        migrations.CreateModel(
            name='AccountabilityProcess',
            fields=[
            ],
            options={
                'verbose_name': '责任追究流程',
                'verbose_name_plural': '责任追究流程',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('flows.caseprocess',),
        ),
        migrations.AddField(
            model_name='case',
            name='confirmed_on',
            field=models.DateField(blank=True, null=True, verbose_name='处理决定确认日期'),
        ),
        migrations.RunPython(carry_over, back),
        migrations.RemoveField(
            model_name='case',
            name='state',
        ),
    ]
