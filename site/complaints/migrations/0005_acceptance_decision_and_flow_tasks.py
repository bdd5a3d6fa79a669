"""The acceptance decision becomes a recorded fact (`decision`, read by the flow's gate) and the complaint
flow's steps become people's tasks: each waiting no-op Handle task of a running process becomes the claimable
View task of the same name (type HUMAN and the step's permission; viewflow stores the node's path, so the
task is the new node's). An investigation waiting without investigators becomes 确定调查人员 (staffing); with
them, it is assigned to the first one not recused. `status` stays the list's column, now written by the flow."""

from django.db import migrations, models

FLOW = "complaints/flows.ComplaintFlow"
HANDLE, DECIDE = "complaints.handle_complaint", "complaints.decide_complaint"
PERMISSION = {"acceptance": HANDLE, "investigation": HANDLE, "review": DECIDE, "reply": HANDLE}


def forwards(apps, schema_editor):
    Complaint = apps.get_model("complaints", "Complaint")
    Investigator = apps.get_model("complaints", "Investigator")
    Complaint.objects.filter(status__in=("accepted", "reviewed", "answered")).update(decision="accepted")
    Complaint.objects.filter(status="refused").update(decision="refused")
    Complaint.objects.filter(status="transferred").update(decision="transferred")
    qn = schema_editor.connection.ops.quote_name
    task, process = qn("viewflow_task"), qn("viewflow_process")
    with schema_editor.connection.cursor() as cursor:  # plain SQL: the flow_task field would import the flows
        cursor.execute(f"SELECT t.{qn('id')}, t.{qn('flow_task')}, p.{qn('artifact_object_id')} FROM {task} t "
                       f"JOIN {process} p ON p.{qn('id')} = t.{qn('process_id')} "
                       f"WHERE p.{qn('flow_class')} = %s AND t.{qn('status')} = %s AND t.{qn('flow_task')} IN "
                       f"(%s, %s, %s, %s)", [FLOW, "NEW", *(f"{FLOW}.{n}" for n in PERMISSION)])
        for task_id, node, complaint_id in cursor.fetchall():
            name = node.rsplit(".", 1)[1]
            owner = None
            if name == "investigation":
                first = (Investigator.objects.filter(complaint_id=complaint_id, recused=False)
                         .order_by("assigned_at", "pk").first())
                if first is None:
                    node = f"{FLOW}.staffing"
                else:
                    owner = first.user_id
            cursor.execute(f"UPDATE {task} SET {qn('flow_task')} = %s, {qn('flow_task_type')} = %s, "
                           f"{qn('owner_permission')} = %s, {qn('owner_id')} = %s, {qn('status')} = %s "
                           f"WHERE {qn('id')} = %s",
                           [node, "HUMAN", PERMISSION[name], owner, "ASSIGNED" if owner else "NEW", task_id])


def backwards(apps, schema_editor):
    qn = schema_editor.connection.ops.quote_name
    task, process = qn("viewflow_task"), qn("viewflow_process")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"UPDATE {task} SET {qn('flow_task')} = %s WHERE {qn('flow_task')} = %s",
                       [f"{FLOW}.investigation", f"{FLOW}.staffing"])
        cursor.execute(f"UPDATE {task} SET {qn('flow_task_type')} = %s, {qn('owner_permission')} = NULL, "
                       f"{qn('owner_id')} = NULL, {qn('status')} = %s WHERE {qn('status')} IN (%s, %s) AND "
                       f"{qn('process_id')} IN (SELECT {qn('id')} FROM {process} WHERE {qn('flow_class')} = %s)",
                       ["FUNCTION", "NEW", "NEW", "ASSIGNED", FLOW])


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0004_complaint_records_confidential'),
        ('flows', '0002_case_process'),
        ('viewflow', '0015_task_scheduled'),
    ]

    operations = [
        migrations.CreateModel(
            name='ComplaintProcess',
            fields=[
            ],
            options={
                'verbose_name': '投诉举报办理流程',
                'verbose_name_plural': '投诉举报办理流程',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('flows.caseprocess',),
        ),
        migrations.AddField(
            model_name='complaint',
            name='decision',
            field=models.CharField(blank=True, choices=[('accepted', '受理'), ('refused', '不予受理'), ('transferred', '转送')], max_length=16, verbose_name='受理审核结论'),
        ),
        migrations.AlterField(
            model_name='complaint',
            name='status',
            field=models.CharField(choices=[('received', '已收到，待审核'), ('lead', '匿名线索（不作为投诉举报受理）'), ('accepted', '已受理，调查中'), ('reviewed', '已集体审定，待告知'), ('answered', '已办结并告知'), ('refused', '不予受理'), ('transferred', '已转送有权机关')], db_index=True, default='received', editable=False, max_length=16, verbose_name='状态'),
        ),
        migrations.RunPython(forwards, backwards),
    ]
