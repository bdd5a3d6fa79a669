"""备案审查 is a flow (issue 23 item 1; 003 第二十二条), over HTTP as the role users with a frozen clock: the filing
starts it, the review waits in the officers' 我的待办 with the review clock's date and article and is the
matter's 当前环节; the review done on the filing's screen completes it; a task opened by the wrong person, or
done twice, is refused in Chinese."""
import re

import pytest
from freezegun import freeze_time

from decisions.models import DecisionRecord
from filings.flows import FilingFlow
from filings.models import Filing
from flows.services import process_for
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import login, matter_html, people


def stage(user, matter) -> str:
    html = matter_html(login(user), matter)
    return re.search(r"<strong>状态</strong>：([^<]*)</div>", html).group(1)


@pytest.mark.django_db
def test_filing_review_is_the_flows_task(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    officer, leader, liaison = p["officer"], p["leader"], p["liaison"]
    with freeze_time("2026-03-10 09:00") as frozen:
        response = login(liaison).post("/admin/filings/new/", {
            "agency": p["agency"].pk, "title": "对某超市的行政处罚决定", "decision_number": "恩市监罚〔2026〕40号",
            "decided_on": "2026-03-02"})
        assert response.status_code == 302
        filing = Filing.objects.get(decision_number="恩市监罚〔2026〕40号")
        assert stage(officer, filing.matter) == "办理中 · 审查重大执法决定备案（合法性、适当性）"
        # 30 days from the filing (platform default, 003 第二十二条): 2026-04-09
        item = card(inbox(officer), "审查重大执法决定备案（合法性、适当性）")
        assert "期限：2026-04-09" in item and "第二十二条" in item
        for user in (leader, liaison, p["other"]):
            assert "审查重大执法决定备案" not in inbox(user)

        task = process_for(filing, FilingFlow).task_set.get(flow_task=FilingFlow.review)
        claim = f"/workflow/tasks/{task.pk}/claim/"
        refused = login(liaison).post(claim)
        assert refused.status_code == 403 and "您无权领取该待办" in refused.content.decode()
        response = login(officer).post(claim)
        assert response.status_code == 302
        url = response["Location"]
        assert login(officer).get(url)["Location"] == f"/admin/filings/{filing.pk}/"
        wrong = login(leader).get(url)  # held by the officer
        assert wrong.status_code == 403 and "该待办不由您办理" in wrong.content.decode()

        frozen.move_to("2026-03-20 15:00")
        assert login(officer).post(f"/admin/filings/{filing.pk}/review/", {"outcome": "passed"}).status_code == 302
        assert "审查重大执法决定备案" not in inbox(officer)
        twice = login(officer).get(url)
        assert twice.status_code == 403 and "该待办已办结，不能重复办理。" in twice.content.decode()
        client = login(officer)
        client.post(f"/admin/filings/{filing.pk}/review/", {"outcome": "passed"})
        assert "该备案已审查完毕，不能重复审查。" in client.get(f"/admin/filings/{filing.pk}/").content.decode()
        assert DecisionRecord.objects.filter(process_kind="filing").count() == 1
        process = process_for(filing, FilingFlow)
        assert process.status == "DONE"
        assert stage(officer, filing.matter).startswith("已办结")
