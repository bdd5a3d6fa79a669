"""000 第八条第（七）项 / 001 第八条第（六）项 "办理交办的其他行政执法监督事项": the bureau assigns a supervisor any
other supervision matter (the commissioned-research record with kind 交办事项, the article from the profile), the
supervisor finds it in 我的待办 and reports; Wuhan's rules do not provide it."""
import datetime as dt

import pytest
from freezegun import freeze_time

from decisions.models import DecisionRecord
from roles.definitions import LEADER, OFFICER
from supervisors.models import ResearchAssignment
from tests.flows.worklist_pages import card, inbox
from tests.supervisors.test_supervisor_duties_http import login, supervisor

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make_user):
    return {"officer": make_user("duty_officer", OFFICER), "leader": make_user("duty_leader", LEADER)}


@pytest.fixture(autouse=True)
def _clock():
    with freeze_time("2026-12-06 10:00:00+08:00", tick=True):
        yield


def test_a_bureau_assigns_a_matter_and_receives_its_report(make_user, staff):
    chen = supervisor(make_user, "wanzhou", "陈监督")
    url = f"/admin/supervisor-duties/supervisors/{chen.pk}/"
    officer = login(staff["officer"])
    page = officer.get(url).content.decode()
    assert "交办事项（《万州区行政执法监督员管理办法》第八条第（七）项）" in page
    assert "专题调研（《万州区行政执法监督员管理办法》第八条第（二）项）" in page
    assert officer.post(url, {"action": "research", "kind": "assigned", "topic": "旁听区市场监管局行政处罚听证会",
                              "brief": "旁听并报告听证程序是否规范", "due_on": "2026-12-18"}).status_code == 302
    item = ResearchAssignment.objects.get()
    assert item.kind == "assigned" and item.article == "《万州区行政执法监督员管理办法》第八条第（七）项"
    assert DecisionRecord.objects.get(process_kind="research").title == "交办陈监督交办事项：旁听区市场监管局行政处罚听证会"
    todo = card(inbox(chen.user), "报告交办事项办理情况")
    assert "旁听区市场监管局行政处罚听证会" in todo and "2026-12-18" in todo
    mine = login(chen.user).get("/admin/supervisor-duties/mine/").content.decode()
    assert "提交办理情况报告：旁听区市场监管局行政处罚听证会（2026-12-18前）" in mine
    empty = login(chen.user).post("/admin/supervisor-duties/mine/", {"action": "report", "assignment": item.pk,
                                                                     "report": ""}).content.decode()
    assert "请填写报告。" in empty
    with freeze_time("2026-12-17 09:00:00+08:00"):
        assert login(chen.user).post("/admin/supervisor-duties/mine/", {
            "action": "report", "assignment": item.pk, "report": "听证程序规范，告知事项完整。"}).status_code == 302
    item.refresh_from_db()
    assert item.submitted_on == dt.date(2026, 12, 17) and item.report == "听证程序规范，告知事项完整。"
    record = officer.get(url).content.decode()
    assert ("<td>交办事项</td><td>旁听区市场监管局行政处罚听证会</td><td>2026-12-06</td><td>2026-12-18</td>"
            "<td>2026-12-17</td><td>已按期提交</td><td>《万州区行政执法监督员管理办法》第八条第（七）项</td>") in record


def test_weihai_cites_its_own_item_and_wuhan_refuses(make_user, staff):
    yu = supervisor(make_user, "weihai", "于海涛", start=dt.date(2025, 3, 1), years=2)
    officer = login(staff["officer"])
    assert officer.post(f"/admin/supervisor-duties/supervisors/{yu.pk}/", {
        "action": "research", "kind": "assigned", "topic": "走访企业了解涉企检查", "brief": "走访三家企业",
        "due_on": "2026-12-31"}).status_code == 302
    assert ResearchAssignment.objects.get().article == "《威海市行政执法社会监督员管理办法》第八条第（六）项"
    wu = supervisor(make_user, "wuhan", "黄志明", start=dt.date(2025, 9, 10), years=3)
    refused = officer.post(f"/admin/supervisor-duties/supervisors/{wu.pk}/", {
        "action": "research", "kind": "assigned", "topic": "题目", "brief": "要求", "due_on": "2026-12-31"})
    assert "湖北省武汉市的办法未规定交办监督员其他行政执法监督事项，不能办理。" in refused.content.decode()
    assert ResearchAssignment.objects.count() == 1
