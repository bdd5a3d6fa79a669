"""The complaint's steps are the flow's tasks (issue 23 item 1), over HTTP as the role users with a frozen clock:
at each step the right person's 我的待办 has the task with its literal due date, nobody else's does; the
matter screen shows the waiting step; the complaint screen's forms complete the task, recording who did it; a
task claimed by the wrong person is refused in Chinese; a step done twice is refused in Chinese and nothing is
written twice; an overdue acceptance stays waiting (the rules set no consequence), in red, after the scheduler."""
import pytest
from django.test import Client
from freezegun import freeze_time
from viewflow.workflow.models import Task

from casework.models import Matter
from complaints.models import Complaint, Notice
from decisions.models import DecisionRecord
from tests.complaints.helpers import complaint_data, login, submit
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db




def task(complaint, name: str) -> Task:
    from complaints.flows import ComplaintFlow
    from flows.services import process_for

    return process_for(complaint, ComplaintFlow).task_set.get(flow_task=getattr(ComplaintFlow, name))


def stage(user, matter_id: int) -> str:
    """The matter screen's 状态 line: 办理中 · the waiting step."""
    html = login(user).get(f"/admin/casework/{matter_id}/").content.decode()
    start = html.index("<strong>状态</strong>")
    return html[start:html.index("</div>", start)]


def test_each_step_is_a_task_of_the_right_people_with_its_date(people):
    officer, officer2, officer3, leader, liaison = (people[k] for k in ("officer", "officer2", "officer3", "leader",
                                                                        "liaison"))
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(people["agency"]))
        complaint = Complaint.objects.get()
        # 受理审核: the officers' task (claimable), due in 7 working days across National Day (第七条)
        item = card(inbox(officer), "受理审核")
        assert "武隆投〔2026〕1号" in item and "期限：2026-10-13" in item and "第七条" in item
        assert f'href="/admin/complaints/{complaint.pk}/"' in item
        assert "武隆投〔2026〕1号" not in inbox(leader) and "武隆投〔2026〕1号" not in inbox(liaison)
        # the liaison may not claim it; the officer claims it and is taken to the complaint screen
        acceptance = task(complaint, "acceptance")
        denied = login(liaison).post(f"/workflow/tasks/{acceptance.pk}/claim/")
        assert denied.status_code == 403 and "您无权领取该待办" in denied.content.decode()
        client = login(officer)
        claimed = client.post(f"/workflow/tasks/{acceptance.pk}/claim/")
        assert claimed.status_code == 302
        screen = client.get(claimed["Location"])
        assert screen.status_code == 302 and screen["Location"] == f"/admin/complaints/{complaint.pk}/"
        # a leader cannot accept (the service's own check; the admin sends a refused request home)
        refused = login(leader).post(f"/admin/complaints/{complaint.pk}/accept/")
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
        assert Complaint.objects.get().status == "received" and task(complaint, "acceptance").owner == officer

    with freeze_time("2026-09-30 09:00"):
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
        complaint.refresh_from_db()
        assert complaint.status == "accepted" and complaint.decision == "accepted"
        acceptance.refresh_from_db()
        assert acceptance.status == "DONE" and acceptance.owner == officer
        assert acceptance.finished.date().isoformat() == "2026-09-30"
        matter = complaint.matter
        # the process joined the case file opened on acceptance: its matter shows the waiting step
        assert acceptance.process.caseprocess.matter_id == matter.pk
        assert stage(officer, matter.pk).endswith("· 确定调查人员")
        # accepted twice: refused in Chinese, nothing written twice
        again = login(officer).post(f"/admin/complaints/{complaint.pk}/accept/", follow=True)
        assert "没有待办理的此环节" in again.content.decode()
        assert Matter.objects.count() == 1 and Notice.objects.filter(kind="complaint_acceptance").count() == 1
        assert DecisionRecord.objects.filter(outcome="受理").count() == 1
        # 确定调查人员: the officers' task, bound by the 30-day 办结期限 (第十条)
        item = card(inbox(officer), "确定调查人员")
        assert "期限：2026-10-30" in item and "第十条" in item
        assert "确定调查人员" not in inbox(leader) and "确定调查人员" not in inbox(liaison)

    with freeze_time("2026-10-09 09:00"):
        r = login(officer).post(f"/admin/complaints/{complaint.pk}/investigators/", {
            "users": [officer.pk, officer2.pk], "no_interest": "on"})
        assert r.status_code == 302
        assert task(complaint, "staffing").owner == officer
        # the investigation is the first investigator's task; the matter shows it
        item = card(inbox(officer), "调查并提出初步处理意见")
        assert "期限：2026-10-30" in item and "剩余16个工作日" in item
        assert "调查并提出初步处理意见" not in inbox(officer3) and "调查并提出初步处理意见" not in inbox(leader)
        assert stage(officer, matter.pk).endswith("· 调查并提出初步处理意见")
        # a non-investigator cannot write the opinion
        r = login(officer3).post(f"/admin/complaints/{complaint.pk}/opinion/", {"text": "属实。"})
        assert r.status_code == 302 and r["Location"] == "/admin/"
        assert Complaint.objects.get().opinion == "" and task(complaint, "investigation").status == "ASSIGNED"
        # the second investigator writes it: the task passes to them, and records who did
        r = login(officer2).post(f"/admin/complaints/{complaint.pk}/opinion/", {"text": "执法人员存在推搡行为，投诉属实。"})
        assert r.status_code == 302
        investigation = task(complaint, "investigation")
        assert investigation.status == "DONE" and investigation.owner == officer2
        assert "调查并提出初步处理意见" not in inbox(officer)

    with freeze_time("2026-10-20 09:00"):
        # 集体审定: the leaders' task, not the officers'
        item = card(inbox(leader), "领导集体讨论审定")
        assert "期限：2026-10-30" in item and "剩余8个工作日" in item
        assert "领导集体讨论审定" not in inbox(officer) and "领导集体讨论审定" not in inbox(liaison)
        assert stage(leader, matter.pk).endswith("· 领导集体讨论审定")
        r = login(leader).post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "李局长、周副局长", "outcome": "substantiated", "decision": "责令限期改正。"})
        assert r.status_code == 302
        complaint.refresh_from_db()
        assert complaint.status == "reviewed" and task(complaint, "review").owner == leader
        # 告知: the officers' task
        item = card(inbox(officer), "告知处理结果并归档")
        assert "期限：2026-10-30" in item
        assert "告知处理结果并归档" not in inbox(leader)
        assert stage(officer, matter.pk).endswith("· 告知处理结果并归档")

    with freeze_time("2026-10-22 09:00"):
        r = login(officer).post(f"/admin/complaints/{complaint.pk}/reply/", {"text": "经查，投诉属实，已责令改正。"})
        assert r.status_code == 302
        # twice: a clear message on the form, one reply notice and one record
        again = login(officer).post(f"/admin/complaints/{complaint.pk}/reply/", {"text": "再次告知。"})
        assert again.status_code == 400 and "没有待办理的此环节" in again.content.decode()
        complaint.refresh_from_db()
        assert complaint.status == "answered" and complaint.reply == "经查，投诉属实，已责令改正。"
        assert Notice.objects.filter(kind="complaint_reply").count() == 1
        assert task(complaint, "reply").owner == officer
        acceptance.process.refresh_from_db()
        assert acceptance.process.status == "DONE" and task(complaint, "end").status == "DONE"
        assert "武隆投〔2026〕1号" not in inbox(officer) and "武隆投〔2026〕1号" not in inbox(leader)
        # the complaint screen shows who did each step and when, as the process recorded it
        html = login(leader).get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert ("办理经过：受理审核（赵经办，2026-09-30）；确定调查人员（赵经办，2026-10-09）；"
                "调查并提出初步处理意见（钱经办，2026-10-09）；领导集体讨论审定（李局长，2026-10-20）；"
                "告知处理结果并归档（赵经办，2026-10-22）") in html


def test_a_refused_complaint_ends_its_process_and_an_overdue_acceptance_stays_waiting(people):
    officer = people["officer"]
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(people["agency"]))
        first = Complaint.objects.get()
        submit(Client(), complaint_data(people["agency"], request="请求查处另一执法行为。", name="刘芳"))
        second = Complaint.objects.exclude(pk=first.pk).get()
    with freeze_time("2026-10-14 09:00"):
        from clocks.scheduler import run_once

        run_once()
        # past 2026-10-13: in red in the officer's 待办, still waiting (no rule moves it on)
        html = inbox(officer)
        assert html.count("已逾期1个工作日") == 2 and "期限：2026-10-13" in html
        assert task(first, "acceptance").status == "NEW"
        r = login(officer).post(f"/admin/complaints/{first.pk}/refuse/", {
            "ground": "elsewhere", "reasons": "该事项已由区信访办受理，正在办理中。"})
        assert r.status_code == 302
        first.refresh_from_db()
        assert first.status == "refused" and first.decision == "refused" and first.matter_id is None
        assert task(first, "acceptance").owner == officer
        assert task(first, "end").status == "DONE"
        r = login(officer).post(f"/admin/complaints/{second.pk}/transfer/", {
            "to": "武隆区纪委监委", "reasons": "涉嫌公职人员收受财物，属监察机关管辖。"})
        assert r.status_code == 302
        second.refresh_from_db()
        assert second.status == "transferred" and second.decision == "transferred"
        assert "worklist__item--overdue" not in inbox(officer)
