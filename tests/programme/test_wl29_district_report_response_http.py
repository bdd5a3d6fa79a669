"""004 行政执法统计年报制度 第五条 for the bureau as the publisher of the district report (第三条第二款), over HTTP as the
role users, the clock frozen: the response plan is recorded before publication and the editor's 发布 in the Wagtail
page editor is refused without it; after publication only the follow-up is recorded, with its date."""
import datetime as dt

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from casework.models import Agency
from programme.models import ProgrammeYear, StatisticsReturn
from public_notices.models import AnnualReportPage
from roles.definitions import EDITOR, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import login

pytestmark = pytest.mark.django_db

FIGURES = {"c_penalty": 12, "c_permit": 30, "c_coercion": 1, "c_levy": 0, "c_inspection": 41, "c_ruling": 0,
           "c_payment": 0, "c_confirmation": 3, "c_reward": 0, "c_other": 0, "explanation": "数据来源于办案系统。"}


def edit_form(client, page_pk: int) -> dict:
    """The Wagtail editor's form of the page as the editor would send it back (every field as shown)."""
    soup = BeautifulSoup(client.get(f"/admin/pages/{page_pk}/edit/").content, "html.parser")
    form = soup.find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        else:
            data[name] = field.get("value", "")
    return data


def test_district_report_needs_a_plan_before_publication_and_a_follow_up_after(make_user, site_tree):
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    liaison = make_user("lx_m", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction="wulong")
    officer, editor = login(make_user("officer_wl", OFFICER)), login(make_user("editor_wl", EDITOR))
    url = "/admin/programme/wulong/2025/report/"
    with freeze_time("2026-01-05 09:00"):
        assert officer.post("/admin/programme/wulong/2025/statistics/open/").status_code == 302
        ret = StatisticsReturn.objects.get()
        assert login(liaison).post(f"/admin/programme/returns/{ret.pk}/", FIGURES).status_code == 302
        page = officer.get(url).content.decode()
        assert "全区统计年报公开前的应对预案和公开后的舆情跟踪（《行政执法统计年报制度》第五条）" in page
        assert "全区统计年报尚未公开；公开前须登记应对预案，否则不能发布。" in page
        # the follow-up cannot precede publication
        early = officer.post(url + "response/follow-up/", {"text": "无"})
        assert early.status_code == 400 and "全区统计年报尚未公开：舆情跟踪在公开后进行（统计 第五条）" in early.content.decode()
        # the liaison may not record the bureau's plan
        assert login(liaison).post(url + "response/plan/", {"text": "x"}).status_code in (302, 403)
        assert officer.post(url + "draft/").status_code == 302
        report = AnnualReportPage.objects.get()

    with freeze_time("2026-01-26 10:00"):
        # the editor presses 发布 in the page editor: refused, the page stays a draft
        data = edit_form(editor, report.pk)
        refused = editor.post(f"/admin/pages/{report.pk}/edit/", {**data, "action-publish": "action-publish"},
                              follow=True)
        assert ("2025年度全区统计年报公开前须对社会反映进行预判，做好应对预案（统计 第五条）：请先在“汇总统计年报”页"
                "登记应对预案，再发布。") in refused.content.decode()
        report.refresh_from_db()
        assert not report.live and report.first_published_at is None
        blank = officer.post(url + "response/plan/", {"text": " "})
        assert blank.status_code == 400 and ProgrammeYear.objects.get(year=2025).report_plan == ""
        assert "请填写应对预案。" in blank.content.decode()
        assert officer.post(url + "response/plan/", {
            "text": "预判行政检查件数下降可能引发关注，准备答问口径，由办公室统一回应。"}).status_code == 302

    with freeze_time("2026-01-27 10:00"):
        ok = editor.post(f"/admin/pages/{report.pk}/edit/", {**edit_form(editor, report.pk),
                                                             "action-publish": "action-publish"})
        assert ok.status_code == 302, ok.content.decode()[-2000:]
        report.refresh_from_db()
        assert report.live
        # published: the plan is closed, the follow-up opens
        page = officer.get(url).content.decode()
        assert "全区统计年报已于2026-01-27公开。" in page
        assert "应对预案（2026-01-26登记）：预判行政检查件数下降可能引发关注" in page
        late_plan = officer.post(url + "response/plan/", {"text": "补充预案"})
        assert late_plan.status_code == 400
        assert "全区统计年报已于2026-01-27公开：应对预案应在公开前制定（统计 第五条）" in late_plan.content.decode()

    with freeze_time("2026-01-29 10:00"):
        assert officer.post(url + "response/follow-up/", {
            "text": "网民询问检查件数下降原因，已在政务公开栏目答复。"}).status_code == 302
        py = ProgrammeYear.objects.get(year=2025)
        assert py.report_plan_on == dt.date(2026, 1, 26) and py.report_follow_up_on == dt.date(2026, 1, 29)
        assert "舆情跟踪（2026-01-29登记）：网民询问检查件数下降原因" in officer.get(url).content.decode()
