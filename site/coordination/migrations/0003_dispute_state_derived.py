"""The dispute's `state` column goes: where a dispute stands is derived (Dispute.state) from the facts the
flow's gates read. Each row's state is carried over into those facts first: agreed or not (第十八条), the day
the application was deemed withdrawn (第十二条第（二）项), the day the supervision of execution ended."""

from django.db import migrations, models

AGREED_STATES = ("agreed", "opinion")
PROPOSED_STATES = ("proposed", "decided")


def carry_over(apps, schema_editor):
    Dispute = apps.get_model("coordination", "Dispute")
    for d in Dispute.objects.select_related("matter").exclude(state__in=("received", "supplement", "accepted")):
        ended = d.matter.closed_on or d.created_at.date()
        if d.state in AGREED_STATES or (d.state == "done" and d.consent_on and not d.decided_on):
            d.agreed = True
        if d.state in PROPOSED_STATES or (d.state == "done" and d.decided_on):
            d.agreed = False
        if d.state == "withdrawn":
            d.withdrawn_on = ended
        if d.state == "done":
            d.finished_on = ended
        d.save(update_fields=["agreed", "withdrawn_on", "finished_on"])


def back(apps, schema_editor):
    Dispute = apps.get_model("coordination", "Dispute")
    for d in Dispute.objects.all():
        if d.refusal_ground:
            d.state = "refused"
        elif d.withdrawn_on:
            d.state = "withdrawn"
        elif d.finished_on:
            d.state = "done"
        elif d.decided_on:
            d.state = "decided"
        elif d.agreed is False:
            d.state = "proposed"
        elif d.consent_on:
            d.state = "opinion"
        elif d.agreed:
            d.state = "agreed"
        elif d.accepted_on:
            d.state = "accepted"
        else:
            d.state = "received"  # a pending supplement reads as awaiting examination
        d.save(update_fields=["state"])


class Migration(migrations.Migration):

    dependencies = [
        ('coordination', '0002_government_decision'),
        ('flows', '0002_case_process'),
    ]

    operations = [
        migrations.CreateModel(
            name='DisputeProcess',
            fields=[
            ],
            options={
                'verbose_name': '争议协调流程',
                'verbose_name_plural': '争议协调流程',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('flows.caseprocess',),
        ),
        migrations.AddField(
            model_name='dispute',
            name='agreed',
            field=models.BooleanField(blank=True, null=True, verbose_name='是否达成一致'),
        ),
        migrations.AddField(
            model_name='dispute',
            name='finished_on',
            field=models.DateField(blank=True, null=True, verbose_name='监督执行完毕日期'),
        ),
        migrations.AddField(
            model_name='dispute',
            name='withdrawn_on',
            field=models.DateField(blank=True, null=True, verbose_name='视为放弃申请日期'),
        ),
        migrations.RunPython(carry_over, back),
        migrations.RemoveField(
            model_name='dispute',
            name='state',
        ),
    ]
