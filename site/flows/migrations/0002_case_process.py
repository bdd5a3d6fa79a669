"""Casework processes run as `CaseProcess` (viewflow's Process plus its matter). Every process already in
the database gets its row, with the matter read from the process's record, so running processes keep
working under the new process class and their matters show the waiting steps (flows/stage.py)."""

import django.db.models.deletion
from django.db import migrations, models

CASE_FLOWS = ("letters/flows.LetterFlow", "complaints/flows.ComplaintFlow", "coordination/flows.CoordinationFlow",
              "accountability/flows.AccountabilityFlow")


def carry_over(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Process = apps.get_model("viewflow", "Process")
    qn = schema_editor.connection.ops.quote_name
    marks = ", ".join(["%s"] * len(CASE_FLOWS))
    with schema_editor.connection.cursor() as cursor:  # plain SQL: the flow_class field would import the flows
        cursor.execute(f"SELECT {qn('id')}, {qn('artifact_content_type_id')}, {qn('artifact_object_id')} "
                       f"FROM {qn(Process._meta.db_table)} WHERE {qn('flow_class')} IN ({marks})", list(CASE_FLOWS))
        rows = cursor.fetchall()
        found = []
        for process_id, ct_id, object_id in rows:
            matter_id = None
            if ct_id and object_id:
                ct = ContentType.objects.get(pk=ct_id)
                model = apps.get_model(ct.app_label, ct.model)
                record = model.objects.filter(pk=object_id).first()
                if record is not None:
                    matter_id = getattr(record, "matter_id", None)
                    if matter_id is None and getattr(record, "letter_id", None):  # a 复查 objection
                        matter_id = apps.get_model("letters", "Letter").objects.get(pk=record.letter_id).matter_id
            found.append((process_id, matter_id))
        table = qn("flows_caseprocess")
        for process_id, matter_id in found:
            cursor.execute(f"INSERT INTO {table} ({qn('process_ptr_id')}, {qn('matter_id')}) VALUES (%s, %s)",
                           [process_id, matter_id])


def remove(apps, schema_editor):
    schema_editor.execute("DELETE FROM flows_caseprocess")


class Migration(migrations.Migration):

    dependencies = [
        ('casework', '0006_merge_recusal'),
        ('flows', '0001_flow_modules_moved'),
        ('viewflow', '0015_task_scheduled'),
        ('letters', '0004_interview_step'),
        ('complaints', '0004_complaint_records_confidential'),
        ('coordination', '0002_government_decision'),
        ('accountability', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='CaseProcess',
            fields=[
                ('process_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='viewflow.process')),
                ('matter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='processes', to='casework.matter', verbose_name='监督事项')),
            ],
            options={
                'verbose_name': '办理流程',
                'verbose_name_plural': '办理流程',
            },
            bases=('viewflow.process',),
        ),
        migrations.RunPython(carry_over, remove),
    ]
