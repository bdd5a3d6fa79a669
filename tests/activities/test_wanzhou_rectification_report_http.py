"""000 第十六条第三款, driven over HTTP with the clock frozen: an agency that cannot correct at once answers with a
rectification deadline, and must then report to the bureau how it adopted the opinion and what it rectified. The
report waits in the liaison's 我的待办 due on that deadline, reaches the bureau's and the supervisor's screens, is
taken once, and only from the agency the opinion was forwarded to."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from freezegun import freeze_time

from activities.models import Opinion
from activities.opinions import opinion_rectification_report, opinion_submit
from tests.activities.agencies import register_entry
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db
AGENCY = "区市场监督管理局"
ART = "《万州区行政执法监督员管理办法》第十六条"


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def forwarded(make_supervisor, make_liaison, officer):
    """A Wanzhou supervisor's opinion forwarded by the officer on 2026-03-02 to the liaison's agency."""
    sup = make_supervisor("wanzhou", "周建国", login=True)
    liaison = make_liaison("liaison_rect", AGENCY, "wanzhou")
    with freeze_time("2026-03-02 10:00:00+08:00"):
        opinion = opinion_submit(by=sup.user, kind="opinion", agency=register_entry(AGENCY), title="窗口收费公示不全",
                                 body="办事大厅收费项目未全部公示。")
        r = login(officer).post(f"/admin/activities/opinions/{opinion.pk}/",
                                {"action": "forward", "forwarded_on": "2026-03-02", "note": "请研究办理。"})
        assert r.status_code == 302
    return opinion, sup, liaison


def test_the_agency_reports_its_rectification_by_the_deadline_it_stated(forwarded, officer, make_liaison):
    opinion, sup, liaison = forwarded
    url = f"/admin/activities/agency/{opinion.pk}/"
    with freeze_time("2026-03-10 10:00:00+08:00"):
        assert login(liaison).post(url, {"answer": "公示栏需重新制作，分步整改。",
                                         "rectify_by": "2026-04-30"}).status_code == 302
        page = login(liaison).get(url).content.decode()
        assert "报送意见建议采纳情况和问题整改情况" in page
        assert f"本机关反馈时明确了整改期限2026-04-30，请及时将采纳情况和整改情况报送司法局（依据{ART}）" in page
        item = card(inbox(liaison), "报送意见建议采纳情况和问题整改情况")
        assert "窗口收费公示不全" in item and "2026-04-30" in item
        bureau = login(officer).get(f"/admin/activities/opinions/{opinion.pk}/").content.decode()
        assert f"待执法机关于整改期限2026-04-30前报送采纳情况和整改情况（依据{ART}）" in bureau
        assert login(officer).post(f"/admin/activities/opinions/{opinion.pk}/", {
            "action": "decide", "outcome": "rectifying", "note": "督促按期整改并报送。"}).status_code == 302

    with freeze_time("2026-05-06 10:00:00+08:00"):  # the deadline has passed without a report
        bureau = login(officer).get(f"/admin/activities/opinions/{opinion.pk}/").content.decode()
        assert f"逾期未报送（整改期限2026-04-30，依据{ART}）" in bureau
        assert "已逾期" in card(inbox(liaison), "报送意见建议采纳情况和问题整改情况")
        empty = login(liaison).post(url, {"action": "report", "report": "  "})
        assert "请填写意见建议采纳情况和问题整改情况。" in empty.content.decode()
        assert login(liaison).post(url, {"action": "report",
                                         "report": "意见已采纳，收费项目已全部上墙公示。"}).status_code == 302

    opinion.refresh_from_db()
    assert opinion.rectification_reported_on == dt.date(2026, 5, 6) and opinion.rectification_reported_by == liaison
    with freeze_time("2026-05-07 10:00:00+08:00"):
        bureau = login(officer).get(f"/admin/activities/opinions/{opinion.pk}/").content.decode()
        assert "2026-05-06已报送（晚于整改期限2026-04-30）：意见已采纳，收费项目已全部上墙公示。" in bureau
        assert "报送意见建议采纳情况和问题整改情况" not in inbox(liaison)
        assert "整改期限 2026-04-30，整改情况已于2026-05-06报送司法局" in login(sup.user).get(
            "/admin/activities/mine/opinions/").content.decode()
        with pytest.raises(ValidationError, match="整改情况已于2026-05-06报送。"):
            opinion_rectification_report(opinion=opinion, by=liaison, report="再报一次")
        other = make_liaison("liaison_other", "区城市管理局", "wanzhou")
        assert login(other).post(url, {"action": "report", "report": "x"}).status_code == 404


def test_an_answer_without_a_deadline_needs_no_report(forwarded):
    opinion, _sup, liaison = forwarded
    with freeze_time("2026-03-10 10:00:00+08:00"):
        assert login(liaison).post(f"/admin/activities/agency/{opinion.pk}/",
                                   {"answer": "已当场纠正。", "rectify_by": ""}).status_code == 302
        assert "报送意见建议采纳情况和问题整改情况" not in inbox(liaison)
        assert "报送意见建议采纳情况和问题整改情况" not in login(liaison).get(
            f"/admin/activities/agency/{opinion.pk}/").content.decode()
        with pytest.raises(ValidationError, match="本机关反馈时未明确整改期限，无需另行报送整改情况。"):
            opinion_rectification_report(opinion=Opinion.objects.get(pk=opinion.pk), by=liaison, report="x")
