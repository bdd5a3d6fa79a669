"""004 行政执法统计年报制度 第五条: the district report is not published through Wagtail's bulk 发布 either while no
response plan was made (the page editor's 发布 is tested in test_wl29_district_report_response_http). Over HTTP as
the role users, the clock frozen."""
import pytest
from freezegun import freeze_time

from casework.models import Agency
from programme.models import StatisticsReturn
from public_notices.models import AnnualReportPage
from roles.definitions import EDITOR, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import login
from tests.programme.test_wl29_district_report_response_http import FIGURES

pytestmark = pytest.mark.django_db


def test_bulk_publish_of_the_district_report_is_refused_until_the_plan_is_recorded(make_user, site_tree):
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    liaison = make_user("lx_m", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wulong")
    officer, editor = login(make_user("officer_wl", OFFICER)), login(make_user("editor_wl", EDITOR))
    url = "/admin/programme/wulong/2025/report/"
    with freeze_time("2026-01-05 09:00"):
        assert officer.post("/admin/programme/wulong/2025/statistics/open/").status_code == 302
        ret = StatisticsReturn.objects.get()
        assert login(liaison).post(f"/admin/programme/returns/{ret.pk}/", FIGURES).status_code == 302
        assert officer.post(url + "draft/").status_code == 302
        report = AnnualReportPage.objects.get()
    bulk = f"/admin/bulk/wagtailcore/page/publish/?id={report.pk}&next=/admin/pages/{report.get_parent().pk}/"
    with freeze_time("2026-01-26 10:00"):
        refused = editor.post(bulk, {}, follow=True)
        assert ("2025年度全区统计年报公开前须对社会反映进行预判，做好应对预案（统计 第五条）：请先在“汇总统计年报”页"
                "登记应对预案，再发布。") in refused.content.decode()
        report.refresh_from_db()
        assert not report.live and report.first_published_at is None
        assert officer.post(url + "response/plan/", {
            "text": "预判行政检查件数下降可能引发关注，准备答问口径，由办公室统一回应。"}).status_code == 302
    with freeze_time("2026-01-27 10:00"):
        assert editor.post(bulk, {}).status_code == 302
    report.refresh_from_db()
    assert report.live and report.first_published_at.date().isoformat() == "2026-01-27"
