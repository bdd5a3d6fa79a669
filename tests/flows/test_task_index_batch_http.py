"""待办索引 written once per batch (flows.task_index.batch, issue 28): a receipt entered, a complaint received, a task
screen done refresh the rows of every task their writes concern at the batch's end, inside the transaction. Over
HTTP with a frozen clock the rectification task a receipt creates has its literal due date and matter at once; a
batch's rows wait for its end; an exception leaving it refreshes what stands, a transaction that must roll back
nothing."""
import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from freezegun import freeze_time
from viewflow.workflow.models import Task

from clocks.services import clock_extend, clock_start, clock_stop
from flows.models import TaskIndex
from flows.task_index import batch, resync
from rules.profiles import get_profile
from tests.letters.letters_http import login, people, signed_letter, start_letter

AGENCY = "武隆区文化和旅游发展委员会"


@pytest.mark.django_db
def test_a_receipt_gives_the_rectification_task_its_due_date_at_once(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-25 02:00"):
        matter, doc = signed_letter(p)
        response = login(p["officer"]).post(f"/admin/casework/documents/{doc.pk}/service/", {
            "received_on": "2026-09-25", "method": "直接送达", "received_by_name": "李小红"})
        assert response.status_code == 302
    task = Task.objects.get(process__caseprocess__matter=matter, flow_task_type="HUMAN",
                            status__in=("NEW", "ASSIGNED", "STARTED"))
    row = TaskIndex.objects.get(pk=task.pk)
    # 004 第八条: 20 working days from receipt on 2026-09-25, across the National Day week
    assert (str(row.due_on), row.matter_id, row.jurisdiction, row.status) == (
        "2026-10-29", matter.pk, "wulong", "ASSIGNED")
    assert row.owner_id == p["liaison"].pk
    assert resync() == {"checked": TaskIndex.objects.count(), "written": 0, "dropped": 0}


@pytest.mark.django_db
def test_a_batch_refreshes_at_its_end_and_keeps_what_stands(make_user):
    p = people(make_user, "wulong", AGENCY)
    profile = get_profile("wulong")
    with freeze_time("2026-11-02 02:00"):  # a Monday, no holiday within the fortnight
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        task = Task.objects.get(process__caseprocess__matter=matter, status="NEW")

        def due():
            value = TaskIndex.objects.get(pk=task.pk).due_on
            return value and str(value)

        assert due() is None
        with transaction.atomic():
            with batch():
                clock = clock_start(subject=matter, profile=profile, rule_key="letter_rectify_period",
                                    started_on=task.created.date(), n=3, unit="calendar_days", label="测试期限")
                assert due() is None  # the refresh waits for the batch's end
            assert due() == "2026-11-05"

        # an exception leaving the batch, caught within the transaction: the extension stands, and its row with it
        with transaction.atomic():
            with pytest.raises(ValidationError):
                with batch():
                    clock_extend(clock=clock, n=5, by=p["leader"], reason="情况复杂", profile=profile,
                                 max_rule_key="complaint_extension_max")
                    raise ValidationError("后续步骤失败")
            assert due() == "2026-11-10"

        # a transaction that must roll back: nothing refreshed, nothing stopped
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                with batch():
                    clock_stop(clock=clock)
                    with transaction.atomic(savepoint=False):
                        raise RuntimeError("写入失败")
        assert due() == "2026-11-10"
        clock.refresh_from_db()
        assert clock.status == "running"
        assert resync() == {"checked": TaskIndex.objects.count(), "written": 0, "dropped": 0}
