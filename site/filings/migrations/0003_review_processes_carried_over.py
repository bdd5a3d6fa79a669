"""备案审查 became a flow (filings/flows.py). Every filing still to be reviewed gets its process in its matter
(the rows viewflow would have written), waiting at 审查重大执法决定备案（合法性、适当性）for the officers, so the
matter shows its 当前环节 and the review reaches 我的待办. The stage text the old service wrote by hand
(备案审查中) goes (`Matter.stage` keeps only 已立案 / 已办结)."""

from django.db import migrations
from django.utils import timezone

FLOW = "filings/flows.FilingFlow"


def carry_over(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Process = apps.get_model("viewflow", "Process")
    CaseProcess = apps.get_model("flows", "CaseProcess")
    Task = apps.get_model("viewflow", "Task")
    Filing = apps.get_model("filings", "Filing")
    Matter = apps.get_model("casework", "Matter")
    pending = Filing.objects.filter(outcome="pending")
    if not pending.exists():
        return
    ct, _ = ContentType.objects.get_or_create(app_label="filings", model="filing")
    started = set(Process.objects.filter(flow_class=FLOW, artifact_content_type=ct)
                  .values_list("artifact_object_id", flat=True))
    now = timezone.now()
    for filing in pending.order_by("pk"):
        if filing.pk in started:
            continue
        process = CaseProcess.objects.create(flow_class=FLOW, status="NEW", created=now, artifact_content_type=ct,
                                             artifact_object_id=filing.pk, matter_id=filing.matter_id,
                                             data={"filing": filing.pk, "title": filing.title[:200]})
        start = Task.objects.create(process_id=process.pk, flow_task=f"{FLOW}.start", flow_task_type="START",
                                    status="DONE", created=now, started=now, finished=now)
        review = Task.objects.create(process_id=process.pk, flow_task=f"{FLOW}.review", flow_task_type="HUMAN",
                                     status="NEW", owner_permission="filings.review_filing", created=now)
        review.previous.add(start)
        Matter.objects.filter(pk=filing.matter_id, stage="备案审查中").update(stage="已立案")


def remove(apps, schema_editor):
    apps.get_model("viewflow", "Process").objects.filter(flow_class=FLOW).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('filings', '0002_filing_review_flow'),
        ('flows', '0002_case_process'),
        ('viewflow', '0015_task_scheduled'),
        ('casework', '0007_matter_special_source'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.RunPython(carry_over, remove),
    ]
