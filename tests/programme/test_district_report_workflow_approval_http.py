"""统计 第五条 on Wagtail's moderation workflow: the moderator's final 批准 publishes the page through the
workflow's finish action, where neither before_publish_page nor before_bulk_action runs. The district report is
refused there too while the bureau made no response plan: nothing is published and the task stays open; once
the plan is recorded the same approval publishes it. Over HTTP as the role users, the clock frozen."""
import pytest
from django.contrib.auth.models import Group
from freezegun import freeze_time
from wagtail.models import GroupApprovalTask, TaskState, Workflow, WorkflowState, WorkflowTask

from roles.definitions import EDITOR
from tests.coordination.helpers import login
from tests.programme.district_report import REFUSAL, drafted_report, record_plan

pytestmark = pytest.mark.django_db


def test_workflow_approval_of_the_district_report_is_refused_until_the_plan_is_recorded(make_user, site_tree):
    officer, report = drafted_report(make_user)
    editor_user, moderator_user = make_user("editor_wl", EDITOR), make_user("moderator_wl", EDITOR)
    moderators = Group.objects.create(name="年报审核")
    moderator_user.groups.add(moderators)
    task = GroupApprovalTask.objects.create(name="统计年报审核")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="统计年报审批")
    # WorkflowTask by its own manager: workflow.workflow_tasks is modelcluster's deferring manager (kept in memory)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    with freeze_time("2026-01-05 09:00"):
        workflow.workflow_pages.create(page=report.get_parent())  # the report's section is moderated
        assert report.get_workflow() == workflow
        workflow.start(report, editor_user)  # 提交审核 (the editor's submission is not what is tested here)
    state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    approve = f"/admin/pages/workflow/action/{report.pk}/approve/{state.pk}/"
    moderator = login(moderator_user)
    with freeze_time("2026-01-26 10:00"):
        refused = moderator.post(approve, {"comment": "同意发布。"}, follow=True)
        assert refused.redirect_chain[-1][0] == f"/admin/pages/{report.pk}/edit/"
        assert REFUSAL in refused.content.decode()
        # the modal's request (XMLHttpRequest) gets the redirect to the same message
        modal = moderator.post(approve, {"comment": "同意发布。"}, headers={"x-requested-with": "XMLHttpRequest"})
        assert modal.json() == {"step": "success", "redirect": f"/admin/pages/{report.pk}/edit/"}
        report.refresh_from_db()
        assert not report.live and report.first_published_at is None
        state.refresh_from_db()
        assert state.status == TaskState.STATUS_IN_PROGRESS
        assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS
        record_plan(officer)
    with freeze_time("2026-01-27 10:00"):
        assert moderator.post(approve, {"comment": "同意发布。"}).status_code == 302
    report.refresh_from_db()
    assert report.live and report.first_published_at.date().isoformat() == "2026-01-27"
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_APPROVED
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
