"""限时整改 after the yearly notification is a flow (issue 23 item 1; Wulong 004 监督情况通报制度 第五条、第六条),
over HTTP as the role users with a frozen clock: the leader signs the notification → the notice waits for
receipt (the liaison signs for it, the officer may enter the return slip) → the liaison's 待办 has the written
report with its due date and article → the officer's 待办 has the review → the matter closes. A period that
runs out is moved on by the scheduler's round (整改落实不力 recorded, the late report awaited). A task opened by
the wrong person, or done twice, is refused in Chinese."""
import re

import pytest
from freezegun import freeze_time

from casework.models import Document, Matter, MatterEvent
from clocks.scheduler import run_once
from programme.models import RectificationTask
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import login, matter_html, people

AGENCY = "武隆区市场监督管理局"
OTHER = "武隆其他局"


def stage(user, matter) -> str:
    html = matter_html(login(user), matter)
    return re.search(r"<strong>状态</strong>：([^<]*)</div>", html).group(1)


def href(item: str) -> str:
    return re.search(r'href="([^"]+)"', item).group(1)


@pytest.mark.django_db
def test_notification_rectification_chain_each_role_todo(make_user, site_tree):
    p = people(make_user, "wulong", AGENCY)
    officer, leader, liaison, other = p["officer"], p["leader"], p["liaison"], p["other"]
    other_agency = p["agency"].__class__.objects.get(name=OTHER)
    with freeze_time("2026-03-02 10:00") as frozen:
        response = login(leader).post("/admin/programme/wulong/2025/notification/", {
            "title": "关于2025年度行政执法情况的通报", "body": "2025年度全区行政执法情况通报如下。",
            "period_n": "10", "period_unit": "calendar_days",
            f"name_{p['agency'].pk}": "on", f"problems_{p['agency'].pk}": "行政处罚案卷未载明陈述申辩告知",
            f"name_{other_agency.pk}": "on", f"problems_{other_agency.pk}": "未按期公示行政执法决定"})
        assert response.status_code == 302, response.content.decode()
        market = RectificationTask.objects.get(agency=p["agency"])
        late = RectificationTask.objects.get(agency=other_agency)
        # signed: the flow waits for the receipt — the liaison's 待办 has 签收, the officer's the return slip
        assert stage(officer, market.matter) == "办理中 · 送达限期整改通知书"
        assert "签收《限期整改通知书》" in inbox(liaison)
        assert "登记送达回证：《限期整改通知书》" in inbox(officer)
        assert "限时整改并报告整改落实情况" not in inbox(liaison)

        # 2026-03-03: both liaisons sign online; 10 days from receipt = 2026-03-13 (004 第五条, period set by the 通报)
        frozen.move_to("2026-03-03 09:00")
        for user, task in ((liaison, market), (other, late)):
            assert login(user).post(f"/admin/casework/documents/{task.document.pk}/service/").status_code == 302
        assert stage(officer, market.matter) == "办理中 · 限时整改并报告整改落实情况"
        item = card(inbox(liaison), "限时整改并报告整改落实情况")
        assert "期限：2026-03-13" in item and "第五条" in item and "worklist__item--overdue" not in item
        assert "限时整改并报告整改落实情况" not in inbox(officer) and "限时整改并报告整改落实情况" not in inbox(leader)
        assert inbox(other).count("限时整改并报告整改落实情况") == 1  # its own, not the market's
        url = href(item)
        # the wrong person: another agency's liaison opens the market's task — refused in Chinese
        wrong = login(other).get(url)
        assert wrong.status_code == 403 and "该待办不由您办理" in wrong.content.decode()
        # its own: the task opens the matter screen with the report form
        own = login(liaison).get(url)
        assert own.status_code == 302 and own["Location"] == f"/admin/casework/{market.matter_id}/"

        # 2026-03-10: the liaison reports in writing; the officer's 待办 has the review
        frozen.move_to("2026-03-10 09:00")
        response = login(liaison).post(f"/admin/programme/tasks/{market.pk}/report/",
                                       {"report": "已对全部案卷补正陈述申辩告知。"})
        assert response.status_code == 302
        assert stage(officer, market.matter) == "办理中 · 审核整改落实情况"
        assert "限时整改并报告整改落实情况" not in inbox(liaison)
        assert "审核整改落实情况" in inbox(officer) and "审核整改落实情况" not in inbox(leader)
        # done twice: the task screen and the report are refused in Chinese, nothing written twice
        twice = login(liaison).get(url)
        assert twice.status_code == 403 and "该待办已办结，不能重复办理。" in twice.content.decode()
        client = login(liaison)
        client.post(f"/admin/programme/tasks/{market.pk}/report/", {"report": "再报一次。"})
        assert "已报告整改落实情况。" in matter_html(client, market.matter)
        market.refresh_from_db()
        assert market.report == "已对全部案卷补正陈述申辩告知。" and market.clock.status == "met"

        # the officer confirms the report: the matter closes
        response = login(officer).post(f"/admin/programme/tasks/{market.pk}/review/", {"note": ""})
        assert response.status_code == 302
        market.refresh_from_db()
        assert (market.accepted_by, market.review_note) == (officer, "经审核，整改落实情况属实，予以确认。")
        assert Matter.objects.get(pk=market.matter_id).status == "closed"
        assert "审核整改落实情况" not in inbox(officer)

        # the other agency: the last day moves nothing; the day after, the scheduler's round moves the flow
        frozen.move_to("2026-03-13 10:00")
        run_once()
        late.refresh_from_db()
        assert late.overdue_on is None
        assert stage(officer, late.matter) == "办理中 · 限时整改并报告整改落实情况"
        frozen.move_to("2026-03-16 10:00")
        run_once()
        late.refresh_from_db()
        assert late.overdue_on.isoformat() == "2026-03-16"
        assert stage(officer, late.matter) == "办理中 · 逾期报告整改落实情况（整改落实不力）"
        item = card(inbox(other), "逾期报告整改落实情况（整改落实不力）")
        assert "期限：2026-03-13" in item and "worklist__item--overdue" in item
        assert "限时整改并报告整改落实情况" not in inbox(other)
        event = MatterEvent.objects.get(matter=late.matter, text__contains="整改落实不力")
        assert event.text == ("限时整改期限已于2026-03-13届满，被通报机关未书面报告整改落实情况（《行政执法监督情况通报制度》"
                              "第五条），记为整改落实不力，纳入考核（《行政执法监督情况通报制度》第六条）。")
        run_once()  # a second round: nothing more
        assert MatterEvent.objects.filter(matter=late.matter, text__contains="整改落实不力").count() == 1

        # the late report still reaches the officer's review
        frozen.move_to("2026-03-17 09:00")
        assert login(other).post(f"/admin/programme/tasks/{late.pk}/report/",
                                 {"report": "已补充公示全部决定。"}).status_code == 302
        assert stage(officer, late.matter) == "办理中 · 审核整改落实情况"
        assert "整改落实不力" in matter_html(login(officer), late.matter)
    assert Document.objects.filter(kind="rectification_notice").count() == 2
