"""Dispute coordination extras over HTTP (004 行政执法争议协调办法): a time limit set by law prevails over the
7 working days (第十四条末句、第二十二条), investigations, views heard, heads' meetings and expert 论证
(第十五条), urgent enforcement during the stand-still and the government's decision on it (第十六条).

November 2026 has no public holiday; dates are counted by hand."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework.models import Document
from clocks.models import Clock
from coordination.models import Emergency, Proceeding
from decisions.models import DecisionRecord
from tests.coordination.helpers import do_task, login
from tests.coordination.test_coordination_http import apply, setup

pytestmark = pytest.mark.django_db


def finish(matter):
    return Clock.objects.filter(subject_id=str(matter.pk), rule_key="dispute_finish_period").order_by("-pk").first()


def test_law_time_limit_recorded_before_acceptance_governs_the_clock_and_the_notice(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off = login(officer)
    with freeze_time("2026-11-02 09:00") as frozen:
        dispute = apply(lx_a, b, title="食品经营许可核查职责争议")
        page = off.get(f"/admin/casework/{dispute.matter_id}/").content.decode()
        assert "登记法定办理时限（从其规定）" in page
        bad = off.post(f"/admin/coordination/{dispute.pk}/statutory-limit/",
                       {"basis": "行政许可法第四十二条", "n": "20", "unit": "working_days"})
        assert "请写明规定办理时限的法律、法规或规章名称（带书名号）及条款" in bad.content.decode()
        assert off.post(f"/admin/coordination/{dispute.pk}/statutory-limit/", {
            "basis": "《中华人民共和国行政许可法》第四十二条", "n": "20", "unit": "working_days"}).status_code == 302
        frozen.move_to("2026-11-03 09:00")
        do_task(off, "审查争议协调申请", {"decision": "accept", "note": "材料齐备。"})
        clock = finish(dispute.matter)
        assert (clock.n, clock.unit, clock.due_on) == (20, "working_days", dt.date(2026, 12, 1))
        notice = Document.objects.get(matter=dispute.matter, kind="coordination_acceptance")
        assert "20个工作日" in notice.body and "2026年12月1日" in notice.body
        assert "《中华人民共和国行政许可法》第四十二条" in notice.body
        page = off.get(f"/admin/casework/{dispute.matter_id}/").content.decode()
        assert "2026-12-01" in page and "《中华人民共和国行政许可法》第四十二条规定20个工作日，从其规定" in page
        assert "第十四条、第二十二条" in page
        # 第十四条's extension no longer applies: the law's limit governs
        refused = login(leader).post(f"/admin/coordination/{dispute.pk}/extend/", {"n": "5", "reason": "情况复杂"})
        assert "不适用本办法第十四条的延长" in refused.content.decode()
        assert not clock.extensions.exists()


def test_law_time_limit_after_acceptance_replaces_the_running_clock(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off = login(officer)
    with freeze_time("2026-11-03 09:00") as frozen:
        dispute = apply(lx_a, b)
        do_task(off, "审查争议协调申请", {"decision": "accept", "note": "材料齐备。"})
        assert finish(dispute.matter).due_on == dt.date(2026, 11, 12)  # 7 WD (第十四条)
        frozen.move_to("2026-11-04 09:00")
        assert off.post(f"/admin/coordination/{dispute.pk}/pause/", {
            "start": "2026-11-04", "reason": "提请有权机关解释"}).status_code == 302
        frozen.move_to("2026-11-05 09:00")
        assert off.post(f"/admin/coordination/{dispute.pk}/resume/", {"end": "2026-11-05"}).status_code == 302
        assert off.post(f"/admin/coordination/{dispute.pk}/statutory-limit/", {
            "basis": "《重庆市城市管理条例》第十条", "n": "30", "unit": "calendar_days"}).status_code == 302
        clocks = Clock.objects.filter(subject_id=str(dispute.matter_id), rule_key="dispute_finish_period")
        assert sorted(clocks.values_list("status", flat=True)) == ["cancelled", "running"]
        # 30 days from 11-03 → 12-03, the two paused days (11-04, 11-05) carried over → Saturday 12-05,
        # a rest day: the period ends on the next working day (第二十一条, 民事诉讼法 期间)
        assert finish(dispute.matter).due_on == dt.date(2026, 12, 7)
        assert "《重庆市城市管理条例》第十条" in finish(dispute.matter).label


def test_hearings_meetings_expert_review_and_urgent_enforcement(make_user):
    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    off = login(officer)
    with freeze_time("2026-11-03 09:00") as frozen:
        dispute = apply(lx_a, b)
        do_task(off, "审查争议协调申请", {"decision": "accept", "note": "材料齐备。"})
        frozen.move_to("2026-11-05 10:00")
        url = f"/admin/coordination/{dispute.pk}/proceeding/"
        early = off.post(url, {"kind": "staffing_views", "held_on": "2026-11-02", "participants": "区委编办",
                               "content": "职责划分意见。"})
        assert "日期须在受理之日（2026-11-03）之后且不晚于今天" in early.content.decode()
        for kind, day, who, what in (
                ("staffing_views", "2026-11-04", "区委编办", "三定方案规定占道经营由城市管理局查处。"),
                ("heads_meeting", "2026-11-05", "两局分管负责人", "会议议定由城市管理局牵头。"),
                ("expert_review", "2026-11-05", "政府法律顾问王律师", "论证认为执法依据明确。")):
            assert off.post(url, {"kind": kind, "held_on": day, "participants": who,
                                  "content": what}).status_code == 302
        assert Proceeding.objects.filter(dispute=dispute).count() == 3
        page = off.get(f"/admin/casework/{dispute.matter_id}/").content.decode()
        assert "听取机构编制管理部门等单位意见" in page and "2026-11-04" in page
        assert "组织相关行政执法机关负责人参加协调会议" in page and "邀请政府法律顾问及专家学者论证" in page
        assert "《行政执法争议协调办法》第十五条" in page

        # 第十六条: the respondent's liaison reports an urgent enforcement request for its own agency
        resp = login(lx_b)
        assert "登记紧急执法或临时性处置措施" in resp.get("/admin/coordination/mine/").content.decode()
        assert resp.post(f"/admin/coordination/{dispute.pk}/emergency/", {
            "agency": b.pk, "kind": "request", "occurred_on": "2026-11-05",
            "content": "占道堆放危化品，需立即清除。"}).status_code == 302
        wrong = resp.post(f"/admin/coordination/{dispute.pk}/emergency/", {
            "agency": a.pk, "kind": "temporary", "occurred_on": "2026-11-05", "content": "代报"})
        assert wrong.status_code == 200 and Emergency.objects.count() == 1
        row = Emergency.objects.get()
        assert row.awaiting_government and row.article == "《行政执法争议协调办法》第十六条"
        page = off.get(f"/admin/casework/{dispute.matter_id}/").content.decode()
        assert "特殊或紧急情况需立即执法，报区政府决定" in page and "待区政府决定" in page
        frozen.move_to("2026-11-06 10:00")
        assert off.post(f"/admin/coordination/emergency/{row.pk}/decision/", {
            "decided_on": "2026-11-06", "decision": "同意由城市管理局立即清除。"}).status_code == 302
        row.refresh_from_db()
        assert row.government_decided_on == dt.date(2026, 11, 6)
        record = DecisionRecord.objects.get(process_kind="coordination", outcome="同意由城市管理局立即清除。")
        assert record.decided_on == dt.date(2026, 11, 6) and record.article == "《行政执法争议协调办法》第十六条"
        again = off.post(f"/admin/coordination/emergency/{row.pk}/decision/", {
            "decided_on": "2026-11-06", "decision": "再次"})
        assert "已登记决定" in again.content.decode()
        assert off.post(f"/admin/coordination/{dispute.pk}/emergency/", {
            "agency": a.pk, "kind": "temporary", "occurred_on": "2026-11-06",
            "content": "设置警示围挡。"}).status_code == 302
        page = off.get(f"/admin/casework/{dispute.matter_id}/").content.decode()
        assert "2026-11-06：同意由城市管理局立即清除。" in page and "采取临时性处置措施" in page
