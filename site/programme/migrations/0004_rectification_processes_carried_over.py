"""限时整改 became a flow (programme/flows.py). Every rectification task already in the database gets its
process in its matter (the rows viewflow would have written), waiting where the task stood, so the matter shows
its 当前环节 and the step reaches the right person's 我的待办:
- the notice not yet received → 送达限期整改通知书 (completed when receipt is recorded);
- received, no report → 限时整改并报告整改落实情况, the agency's first liaison's task
  (逾期报告整改落实情况 once the overdue scheduler has flagged it);
- reported, not reviewed → 审核整改落实情况, for the officers.
The stage text the old services wrote by hand goes (`Matter.stage` keeps only 已立案 / 已办结)."""

from django.db import migrations
from django.utils import timezone

FLOW = "programme/flows.RectificationFlow"
LIAISON = "执法机关联络员"


def carry_over(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Process = apps.get_model("viewflow", "Process")
    CaseProcess = apps.get_model("flows", "CaseProcess")
    Task = apps.get_model("viewflow", "Task")
    Rectification = apps.get_model("programme", "RectificationTask")
    Matter = apps.get_model("casework", "Matter")
    User = apps.get_model("auth", "User")
    tasks = Rectification.objects.filter(accepted_at__isnull=True).select_related("clock", "matter")
    if not tasks.exists():
        return
    ct, _ = ContentType.objects.get_or_create(app_label="programme", model="rectificationtask")
    started = set(Process.objects.filter(flow_class=FLOW, artifact_content_type=ct)
                  .values_list("artifact_object_id", flat=True))
    now = timezone.now()
    for task in tasks.order_by("pk"):
        if task.pk in started or task.matter.status == "closed":
            continue
        process = CaseProcess.objects.create(flow_class=FLOW, status="NEW", created=now, artifact_content_type=ct,
                                             artifact_object_id=task.pk, matter_id=task.matter_id,
                                             data={"rectification": task.pk, "title": "限时整改"})
        start = Task.objects.create(process_id=process.pk, flow_task=f"{FLOW}.start", flow_task_type="START",
                                    status="DONE", created=now, started=now, finished=now)
        owner, permission = None, None
        if task.clock_id is None:
            node, kind = "served", "FUNCTION"
        elif task.reported_at is None:
            node, kind = ("late_report" if task.overdue_on else "report"), "HUMAN"
            permission = "programme.report_rectification"
            owner = (User.objects.filter(staff_profile__agency_id=task.agency_id, is_active=True,
                                         groups__name=LIAISON).order_by("pk").first())
        else:
            node, kind, permission = "review", "HUMAN", "programme.manage_programme"
        waiting = Task.objects.create(process_id=process.pk, flow_task=f"{FLOW}.{node}", flow_task_type=kind,
                                      status="ASSIGNED" if owner else "NEW", owner=owner, assigned=now if owner else None,
                                      owner_permission=permission, created=now)
        waiting.previous.add(start)
        Matter.objects.filter(pk=task.matter_id).update(stage="已立案")


def remove(apps, schema_editor):
    Process = apps.get_model("viewflow", "Process")
    Process.objects.filter(flow_class=FLOW).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('programme', '0003_rectification_flow'),
        ('flows', '0002_case_process'),
        ('viewflow', '0015_task_scheduled'),
        ('roles', '0003_staffprofile_agency_register'),
        ('casework', '0007_matter_special_source'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.RunPython(carry_over, remove),
    ]
