"""An inspection's decision not implemented on time, judged 追究责任 (004 行政执法监督检查制度 第十条), handed into the
accountability process as its own recorded step: the case is taken in through the accountability intake, in the
activity's file — the activity's matter where it has one, else the case's file becomes the activity's. Over HTTP as
the role users; dates are literals (fault transfer clock: 2 days, 过错 第十条第（一）项)."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Agency, MatterEvent
from clocks.models import Clock
from programme.models import Activity, FollowUp
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import do_task, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_user):
    market = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    liaison = make_user("lx_m", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=market, jurisdiction="wulong")
    return market, liaison, make_user("officer_wl", OFFICER)


def inspection(client, market, title):
    response = client.post("/admin/programme/wulong/2026/activities/new/", {
        "kind": "inspection", "agency": market.pk, "held_on": "2026-03-09", "title": title, "mode": "desk",
        "schedule": "periodic", "forms": "enforcement_check", "has_problems": "on", "findings": "罚没物品未按规定处置。"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return Activity.objects.get(title=title)


def followup(client, activity, outcome, note):
    assert client.post(f"/admin/programme/activities/{activity.pk}/followup/", {
        "outcome": outcome, "decided_on": "2026-04-20", "note": note}).status_code == 302
    return FollowUp.objects.filter(activity=activity).latest("pk")


def test_poor_implementation_judged_accountability_opens_the_case_in_the_activitys_file(setup):
    market, liaison, officer = setup
    off = login(officer)
    with freeze_time("2026-03-10 10:00"):
        activity = inspection(off, market, "春季执法检查")
    with freeze_time("2026-04-20 10:00"):
        # 考评 only: no hand-off into accountability
        scored = followup(off, activity, "assessment", "逾期未反馈，按标准考评。")
        refused = off.post(f"/admin/programme/followups/{scored.pk}/accountability/", {
            "kind": "fault", "grounds": ["inaction"], "facts": "x"})
        assert refused.status_code == 200
        assert "不是“追究责任”，不能转入责任追究（《行政执法监督检查制度》第十条）" in refused.content.decode()
        assert not Case.objects.exists()
        row = followup(off, activity, "accountability", "限期30日书面反馈，逾期仍未处置罚没物品。")
        page = off.get(f"/admin/programme/activities/{activity.pk}/").content.decode()
        assert "未按期落实或落实不力：追究责任" in page and "转入责任追究" in page
        # the liaison cannot hand off
        assert login(liaison).get(f"/admin/programme/followups/{row.pk}/accountability/").status_code in (302, 403)
        form = off.get(f"/admin/programme/followups/{row.pk}/accountability/").content.decode()
        assert "未按期落实或落实不力：追究责任（2026-04-20认定）。依《行政执法监督检查制度》第十条" in form
        assert "限期30日书面反馈，逾期仍未处置罚没物品。" in form  # the facts prefilled from the finding
        no_ground = off.post(f"/admin/programme/followups/{row.pk}/accountability/", {
            "kind": "fault", "facts": "逾期仍未处置罚没物品。"})
        assert no_ground.status_code == 200 and "第六条" in no_ground.content.decode()
        assert not Case.objects.exists()
        done = off.post(f"/admin/programme/followups/{row.pk}/accountability/", {
            "kind": "fault", "grounds": ["inaction"], "facts": "逾期仍未处置罚没物品。"})
        assert done.status_code == 302, done.content.decode()[-2000:]
        case = Case.objects.get()
        activity.refresh_from_db()
        row.refresh_from_db()
        assert row.case == case and activity.matter == case.matter
        assert case.matter.number == "武隆监案〔2026〕1号" and case.matter.source == "inspection"
        assert case.origin == "inspection" and case.grounds == ["inaction"] and case.intake_on == dt.date(2026, 4, 20)
        assert "《行政执法监督检查制度》第十条" in case.matter.facts
        # the case runs: 2 days to transfer if not ours (04-22), the officer's 我的待办 has 审查管辖
        clock = Clock.objects.get(subject_id=str(case.matter.pk), rule_key="fault_transfer_period")
        assert clock.due_on == dt.date(2026, 4, 22)
        page = off.get(f"/admin/programme/activities/{activity.pk}/").content.decode()
        assert "已转入责任追究：" in page and "武隆监案〔2026〕1号" in page
        again = off.post(f"/admin/programme/followups/{row.pk}/accountability/", {
            "kind": "fault", "grounds": ["inaction"], "facts": "再次"})
        assert "该落实情况已转入责任追究，不能重复转入" in again.content.decode()
        assert Case.objects.count() == 1
        do_task(off, "审查管辖", {"competent": "yes"})
        case.refresh_from_db()
        assert case.state == "investigating"


def test_an_activity_with_its_own_file_keeps_the_case_in_that_file(setup):
    market, liaison, officer = setup
    off = login(officer)
    with freeze_time("2026-03-10 10:00"):
        activity = inspection(off, market, "执法案卷抽查")
        assert off.post(f"/admin/programme/activities/{activity.pk}/matter/").status_code == 302
        activity.refresh_from_db()
        assert activity.matter.number == "武隆监案〔2026〕1号"
    with freeze_time("2026-05-06 09:00"):
        assert off.post(f"/admin/programme/activities/{activity.pk}/followup/", {
            "outcome": "accountability", "decided_on": "2026-05-06", "note": "整改落实不力。"}).status_code == 302
        row = FollowUp.objects.get()
        assert off.post(f"/admin/programme/followups/{row.pk}/accountability/", {
            "kind": "fault", "grounds": ["procedure"], "facts": "整改落实不力。"}).status_code == 302
        case = Case.objects.get()
        assert case.matter_id == activity.matter_id and case.matter.number == "武隆监案〔2026〕1号"
        events = "".join(MatterEvent.objects.filter(matter=case.matter).values_list("text", flat=True))
        assert "依《行政执法监督检查制度》第十条转入责任追究程序" in events
        # 2 days from Wednesday 05-06
        clock = Clock.objects.get(subject_id=str(case.matter.pk), rule_key="fault_transfer_period")
        assert clock.due_on == dt.date(2026, 5, 8)
