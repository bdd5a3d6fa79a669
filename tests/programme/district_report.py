"""The Wulong district report drafted from one agency's statistics (004 统计 第五条 tests): the agency, its liaison's
return, the officer's draft, at 2026-01-05; then the bureau's response plan that lets it be published."""
from freezegun import freeze_time

from casework.models import Agency
from programme.models import StatisticsReturn
from public_notices.models import AnnualReportPage
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import login
from tests.programme.test_wl29_district_report_response_http import FIGURES

URL = "/admin/programme/wulong/2025/report/"
REFUSAL = ("2025年度全区统计年报公开前须对社会反映进行预判，做好应对预案（统计 第五条）：请先在“汇总统计年报”页"
           "登记应对预案，再发布。")


def drafted_report(make_user):
    """(the officer's client, the drafted AnnualReportPage), not yet published."""
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    liaison = make_user("lx_m", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wulong")
    officer = login(make_user("officer_wl", OFFICER))
    with freeze_time("2026-01-05 09:00"):
        assert officer.post("/admin/programme/wulong/2025/statistics/open/").status_code == 302
        ret = StatisticsReturn.objects.get()
        assert login(liaison).post(f"/admin/programme/returns/{ret.pk}/", FIGURES).status_code == 302
        assert officer.post(URL + "draft/").status_code == 302
    return officer, AnnualReportPage.objects.get()


def record_plan(officer) -> None:
    assert officer.post(URL + "response/plan/", {
        "text": "预判行政检查件数下降可能引发关注，准备答问口径，由办公室统一回应。"}).status_code == 302
