"""issue 26 item 3: the safety net for new screens. As each role, open every admin menu item and every list
(every viewset's index and its results fragment) and the URLs a tester found broken: none may answer 500.
A role sees what it may (200), is sent on (302) or is refused in Chinese (403/404) — never a server error."""
import datetime as dt
import json
import re

import pytest
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from roles.definitions import EDITOR, LEADER, LIAISON, OFFICER, SUPERVISOR

pytestmark = pytest.mark.django_db
ROLES = ["editor", "officer", "leader", "liaison", "liaison_enshi", "supervisor", "superuser"]
OK = {200, 302, 400, 403, 404}


@pytest.fixture(autouse=True)
def _clock():
    with freeze_time("2026-12-06 10:00:00+08:00", tick=True):
        yield


@pytest.fixture
def role_users(site_tree, make_user):
    from casework.models import Agency
    from roles.models import StaffProfile
    from supervisors.models import SERVING, Supervisor

    wulong = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    enshi = Agency.objects.create(jurisdiction="enshi", name="恩施州交通运输局")
    users = {
        "editor": make_user("editor", EDITOR, first_name="编辑文"),
        "officer": make_user("officer", OFFICER, first_name="王经办"),
        "leader": make_user("leader", LEADER, first_name="李负责"),
        "liaison": make_user("liaison", LIAISON, first_name="赵联络"),
        "liaison_enshi": make_user("liaison_enshi", LIAISON, first_name="田联络"),
        "supervisor": make_user("supervisor", SUPERVISOR, first_name="陈监督"),
        "superuser": make_user("admin"),
    }
    StaffProfile.objects.create(user=users["liaison"], agency=wulong)
    StaffProfile.objects.create(user=users["liaison_enshi"], agency=enshi)
    Supervisor.objects.create(jurisdiction="wanzhou", name="陈监督", gender="female", birth_date=dt.date(1980, 1, 1),
                              id_number="110101198001010011", phone="13800000000", workplace="某律师事务所",
                              status=SERVING, user=users["supervisor"])
    return users


def menu_urls(html: str) -> list[str]:
    """Every admin URL in the sidebar's menu (Wagtail renders it as JSON for its React sidebar)."""
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    assert props, "no sidebar on the admin home"
    return sorted({u for u in re.findall(r'"url": "([^"]+)"', props.group(1)) if u.startswith("/admin/")})


def list_urls() -> list[str]:
    """Every viewset's list and its results fragment (the filter and paging requests)."""
    from django.urls import NoReverseMatch, reverse
    from wagtail.admin.viewsets import viewsets

    urls = []
    for viewset in viewsets.viewsets:
        for view in ("index", "index_results"):
            try:
                urls.append(reverse(viewset.get_url_name(view)))
            except (NoReverseMatch, AttributeError):
                pass
    return sorted(set(urls))


FOUND_BROKEN = [  # what a tester found answering 500 (issue 26)
    "/admin/agencies/", "/admin/agencies/results/", "/admin/coordination/apply/",
    "/admin/programme/wulong/0/", "/admin/programme/wulong/9999/", "/admin/programme/wulong/10000/",
    "/admin/programme/wulong/99999/", "/admin/programme/wulong/99999/report.xlsx",
    "/admin/programme/wulong/99999/report/chart-totals.png", "/admin/programme/wulong/2031/",
    "/admin/failwhale/", "/api/v2/pages/?offset=99999999999999999999",
]

SCREENS = [  # screens reached from a list or the workbench rather than the menu (the powers menu item only
    # redirects to its jurisdiction's list)
    "/admin/powers/enshi/", "/admin/powers/enshi/new/", "/admin/powers/wulong/",
    "/admin/personnel/expiring/", "/admin/personnel/import-template.xlsx", "/admin/personnel/?agency=abc",
    "/admin/personnel/99999/", "/admin/personnel/agencies/99999/new/", "/admin/personnel/agencies/99999/import/",
    "/admin/casework/year/results/", "/admin/casework/year/results/?year=abc", "/admin/casework/year/2026/results/",
    "/admin/casework/year/2026/results.xlsx", "/admin/casework/year/2026/results/?jurisdiction=nowhere",
    "/admin/referrals/matter/99999/complaint/", "/admin/referrals/matter/99999/accountability/",
    "/admin/referrals/matter/99999/recovery/", "/admin/referrals/matter/99999/recovery/collect/",
    "/admin/referrals/matter/99999/nowhere/", "/admin/referrals/refusal/99999/", "/admin/referrals/letter/99999/",
    "/admin/referrals/rectification/99999/",
    "/admin/programme/wulong/2026/notification/special/", "/admin/programme/enshi/2026/notification/special/",
    "/admin/programme/wulong/2025/notification/special/", "/admin/programme/nowhere/2026/notification/special/",
    "/admin/accountability/intake/?jurisdiction=enshi", "/admin/accountability/intake/?jurisdiction=weihai",
    "/admin/accountability/intake/?jurisdiction=nowhere",
    "/admin/complaints/hotline/", "/admin/complaints/hotline/?jurisdiction=enshi",
    "/admin/complaints/hotline/?jurisdiction=wulong", "/admin/complaints/hotline/?jurisdiction=enshi&page=abc",
    "/admin/complaints/hotline/new/?jurisdiction=enshi", "/admin/complaints/hotline/import/?jurisdiction=enshi",
    "/admin/complaints/hotline/import-template.xlsx", "/admin/complaints/hotline/export.xlsx?jurisdiction=enshi",
    "/admin/complaints/hotline/99999/", "/admin/complaints/hotline/99999/reply/", "/admin/complaints/new/?jurisdiction=enshi",
    "/admin/casework/templates/enshi/hotline_reply/",
    # 003 第十条第一款: supervision contact points
    "/admin/complaints/contact-points/", "/admin/complaints/contact-points/?jurisdiction=enshi",
    "/admin/complaints/contact-points/?jurisdiction=wulong", "/admin/complaints/contact-points/new/?jurisdiction=enshi",
    "/admin/complaints/contact-points/99999/", "/admin/complaints/contact-points/99999/edit/",
    # issue 29.3: interference follow-ups, inspection follow-ups, coordination extras
    "/admin/complaints/interference/lapses/", "/admin/complaints/interference/lapses/new/",
    "/admin/complaints/interference/99999/followups/", "/admin/programme/activities/99999/followup/",
    "/admin/coordination/99999/statutory-limit/", "/admin/coordination/99999/proceeding/",
    "/admin/coordination/99999/emergency/", "/admin/coordination/emergency/99999/decision/",
    # supervisors' daily management (issue 24 items 11, 13)
    "/admin/supervisor-duties/", "/admin/supervisor-duties/?jurisdiction=weihai", "/admin/supervisor-duties/?year=abc",
    "/admin/supervisor-duties/?jurisdiction=nowhere", "/admin/supervisor-duties/evaluations/wanzhou/2026/",
    "/admin/supervisor-duties/evaluations/weihai/2026/", "/admin/supervisor-duties/evaluations/nowhere/2026/",
    "/admin/supervisor-duties/evaluations/wanzhou/99999/", "/admin/supervisor-duties/consents/",
    "/admin/supervisor-duties/commend/weihai/", "/admin/supervisor-duties/commend/wanzhou/",
    "/admin/supervisor-duties/referrals/99999/", "/admin/supervisor-duties/support/wuhan/2026/",
    "/admin/supervisor-duties/support/wanzhou/2026/", "/admin/supervisor-duties/support/activity/99999/",
    "/admin/supervisor-duties/supervisors/99999/", "/admin/supervisor-duties/mine/",
    # agencies' own duties (issue 29.2): own accountability, complaints about themselves, publication, cooperation
    "/admin/accountability/agency-cases/", "/admin/accountability/99999/take-over/",
    "/admin/complaints/99999/take-over/",
    "/admin/programme/returns/99999/duties/", "/admin/programme/wulong/2025/duties/",
    "/admin/programme/wulong/abc/duties/", "/admin/letters/matter/99999/cooperation/",
    # hand-offs into accountability: an inspection follow-up (检查 第十条), a statistics breach (统计 第六条)
    "/admin/programme/followups/99999/accountability/", "/admin/programme/returns/99999/accountability/",
    # 投诉 第十三条、第十五条: retaliation or the handling staff's misconduct from a complaint
    "/admin/complaints/99999/handoff/misconduct/",
    # 003 第二十三条 supervision measures of a matter
    "/admin/letters/matter/99999/measures/", "/admin/letters/99999/accountability/",
]


@pytest.mark.parametrize("role", ROLES)
def test_every_menu_item_and_list_opens_without_a_server_error(role_users, role):
    client = Client(raise_request_exception=False)
    client.force_login(role_users[role])
    home = client.get("/admin/")
    assert home.status_code == 200
    menu = menu_urls(home.content.decode())
    assert menu, "the role sees no menu"
    seen = {}
    for url in [*menu, *list_urls(), *FOUND_BROKEN, *SCREENS]:
        seen[url] = client.get(url).status_code
    broken = {url: status for url, status in seen.items() if status not in OK}
    assert broken == {}, json.dumps(broken, ensure_ascii=False, indent=1)
    # every menu item the role is shown opens for it (no item leads to a refusal)
    refused = {url: seen[url] for url in menu if seen[url] not in (200, 302)}
    assert refused == {}, refused


def test_agency_register_lists_agencies_with_their_liaisons_names(role_users):
    client = Client()
    client.force_login(role_users["officer"])
    for url in ("/admin/agencies/", "/admin/agencies/results/"):
        page = client.get(url).content.decode()
        assert "武隆区市场监督管理局" in page and "赵联络" in page, url
        assert "恩施州交通运输局" in page and "田联络" in page, url


def test_dispute_coordination_is_refused_in_chinese_where_the_rules_do_not_provide_it(role_users):
    client = Client()
    client.force_login(role_users["liaison_enshi"])
    response = client.get("/admin/coordination/apply/")
    assert response.status_code == 404
    assert "湖北省恩施土家族苗族自治州的办法没有规定行政执法争议协调" in response.content.decode()
    assert "/admin/coordination/apply/" not in client.get("/admin/").content.decode()  # not offered in the menu
    client.force_login(role_users["liaison"])  # Wulong's rules provide it
    assert client.get("/admin/coordination/apply/").status_code == 200


@pytest.mark.parametrize("url", [
    "/admin/programme/wulong/0/", "/admin/programme/wulong/9999/", "/admin/programme/wulong/10000/",
    "/admin/programme/wulong/99999/", "/admin/programme/wulong/2031/", "/admin/programme/wulong/99999/report.xlsx",
    "/admin/programme/wulong/99999/report/chart-totals.png", "/admin/programme/wulong/0/report/",
])
def test_a_programme_year_out_of_range_is_a_chinese_404_and_writes_nothing(role_users, url):
    from programme.models import ProgrammeYear

    client = Client()
    client.force_login(role_users["officer"])
    for response in (client.get(url), client.post(url, {"plan": "计划"})):
        assert response.status_code == 404, url
        assert "年度不正确：年度监督可查看2000年至2027年。" in response.content.decode()
    for action in ("plan", "statistics/open", "report/draft", "notification"):
        assert client.post(url.split("/report")[0].rstrip("/") + f"/{action}/", {"plan": "计划"}).status_code == 404
    assert ProgrammeYear.objects.count() == 0


def test_reading_a_programme_year_never_creates_it(role_users):
    from programme.models import ProgrammeYear

    client = Client()
    client.force_login(role_users["officer"])
    for url in ("/admin/programme/wulong/2027/", "/admin/programme/wulong/2026/report/",
                "/admin/programme/wulong/2026/report.xlsx", "/admin/programme/wulong/2026/report/chart-totals.png",
                "/admin/programme/wulong/2026/notification/", "/admin/programme/wulong/2026/notification/special/"):
        assert client.get(url).status_code == 200, url
    assert ProgrammeYear.objects.count() == 0
    assert "2027年度监督" in client.get("/admin/programme/wulong/2027/").content.decode()


def test_api_paging_past_any_count_is_a_400_with_a_chinese_message(db):
    response = Client().get("/api/v2/pages/?offset=99999999999999999999")
    assert response.status_code == 400
    assert response.json() == {"message": "参数 offset 过大：请填写不超过 1000000000 的非负整数。"}
    assert Client().get("/api/v2/pages/?limit=99999999999999999999").status_code == 400


def test_no_english_or_wagtail_remnants_in_the_admin(role_users):
    """issue 26 item 9: no "What's new in Wagtail" banner or help links to English guides; Wagtail's refusal
    reads 对不起，您没有权限访问。; the column and dialog names Wagtail left in English are Chinese."""
    from django.utils import translation

    editor = Client()
    editor.force_login(role_users["editor"])
    home = editor.get("/admin/").content.decode()
    assert "的新功能" not in home and "guide.wagtail.org" not in home and "docs.wagtail.org" not in home
    assert "编辑指南" not in home
    liaison = Client()
    liaison.force_login(role_users["liaison"])
    refused = liaison.get("/admin/agencies/", follow=True).content.decode()
    assert "对不起，您没有权限访问。" in refused and "你没有权限" not in refused
    with translation.override("zh-hans"):
        assert translation.gettext("Privacy and access") == "隐私与访问权限"
        assert translation.gettext("Shortcuts") == "快捷键"


def test_excel_downloads_carry_chinese_names(role_users):
    officer = Client()
    officer.force_login(role_users["officer"])
    response = officer.get("/admin/programme/wulong/2026/report.xlsx")
    assert response["Content-Disposition"] == (
        "attachment; filename=\"report-wulong-2026.xlsx\"; filename*=utf-8''"
        "%E6%AD%A6%E9%9A%86%E5%8C%BA%E5%8F%B8%E6%B3%95%E5%B1%802026%E5%B9%B4%E5%BA%A6"
        "%E8%A1%8C%E6%94%BF%E6%89%A7%E6%B3%95%E7%BB%9F%E8%AE%A1%E5%B9%B4%E6%8A%A5.xlsx")  # 武隆区司法局2026年度行政执法统计年报


@pytest.mark.parametrize("role", ROLES)
def test_auxiliary_staff_screens_open_for_every_role(role_users, role):
    """The auxiliary staff register's person screens (004《行政执法辅助人员管理办法》): status change, assessment,
    file, breach handling, the person's record and the agency's management checks — 200 where the role may,
    a Chinese refusal otherwise, never a 500."""
    from auxiliary.models import AuxiliaryStaff
    from casework.models import Agency

    agency = Agency.objects.get(name="武隆区市场监督管理局")
    person = AuxiliaryStaff.objects.create(
        jurisdiction="wulong", agency=agency, name="陈小军", id_number="110105199001010010",
        birth_date=dt.date(1990, 1, 1), education="high_school", dispatch_unit="重庆某人力资源有限公司",
        dispatch_agreement="WL-PQ-2026-007", post="市场巡查辅助岗", duties=["patrol"], supervising_officer="刘执法",
        officer_certificate="50015600123", start=dt.date(2026, 12, 1), created_by=role_users["superuser"])
    client = Client(raise_request_exception=False)
    client.force_login(role_users[role])
    urls = [f"/admin/auxiliary/{person.pk}/", f"/admin/auxiliary/{person.pk}/status/",
            f"/admin/auxiliary/{person.pk}/status/?kind=dismiss&assessment=999", f"/admin/auxiliary/{person.pk}/assess/",
            f"/admin/auxiliary/{person.pk}/record/", f"/admin/auxiliary/{person.pk}/sanction/",
            f"/admin/auxiliary/agencies/{agency.pk}/checks/", "/admin/auxiliary/records/999/file/",
            "/admin/auxiliary/checklist/wulong/"]
    from auxiliary.models import AgencyCheck

    check = AgencyCheck.objects.create(  # 第十八条: the head's accountability handed to 责任追究
        jurisdiction="wulong", agency=agency, checked_on=dt.date(2026, 12, 1), violations=["quota"],
        findings="下达罚款指标", head_name="张某某", head_accountability=True, checked_by=role_users["superuser"])
    urls.append(f"/admin/auxiliary/checks/{check.pk}/accountability/")
    seen = {url: client.get(url).status_code for url in urls}
    assert {u: s for u, s in seen.items() if s not in OK} == {}
    if role == "liaison":  # the agency's own liaison manages its staff
        assert all(seen[u] == 200 for u in urls[:7]), seen


def test_checklist_screens_open_for_every_role(role_users):
    """issue 24 items 4 and 6: an activity's screen (participants, checklist findings), a finding's letter form,
    the findings statistics and their Excel, and the checklist (检查清单) kept in the admin."""
    from casework.models import Agency
    from programme import services
    from programme.models import ChecklistItem

    officer, leader = role_users["officer"], role_users["leader"]
    agency = Agency.objects.get(name="恩施州交通运输局")
    activity = services.activity_record(jurisdiction="enshi", kind="inspection", agency=agency,
                                        held_on=dt.date(2026, 11, 20), title="交通运输执法检查", onsite=True,
                                        participants=[(officer, "鄂恩监字第0107号"), (leader, "鄂恩监字第0021号")],
                                        by=officer)
    item = ChecklistItem.objects.get(jurisdiction="enshi", code="uniforms")
    finding = services.finding_record(activity=activity, item=item, text="执法人员未按规定着制式服装。", by=officer)
    urls = [f"/admin/programme/activities/{activity.pk}/", f"/admin/programme/findings/{finding.pk}/letter/",
            "/admin/programme/enshi/2026/checklist/", "/admin/programme/enshi/2026/checklist.xlsx",
            "/admin/programme/wulong/2026/checklist/", "/admin/checklist_items/",
            f"/admin/checklist_items/edit/{item.pk}/", "/admin/checklist_items/new/"]
    for role in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(role_users[role])
        seen = {url: client.get(url).status_code for url in urls}
        if role in ("officer", "leader", "superuser"):
            assert set(seen.values()) == {200}, (role, seen)
        else:
            assert set(seen.values()) <= {302, 403}, (role, seen)


def test_wulong_follow_up_screens_open_for_every_role(role_users):
    """issue 29.3: an interference record's 通报 and handling (干预 第八条、第九条), the lapses in recording (第十条),
    an inspection's follow-up (检查 第十条) — open for the bureau, refused to the others."""
    from casework.models import Agency
    from complaints.interference import interference_record
    from programme import services

    officer = role_users["officer"]
    agency = Agency.objects.get(name="武隆区市场监督管理局")
    with freeze_time("2026-11-20 10:00"):
        record = interference_record(by=officer, jurisdiction="wulong", occurred_at=timezone.now(),
                                     interferer_name="某副局长", interferer_unit="区某局", kind="pleading",
                                     manner="phone", case_ref="某案", content="说情，已拒绝。")
        activity = services.activity_record(jurisdiction="wulong", kind="inspection", schedule="periodic",
                                            forms=["enforcement_check"],
                                            agency=agency, held_on=dt.date(2026, 11, 20), title="定期检查",
                                            onsite=False, has_problems=True, findings="着装不规范。", by=officer)
    urls = ["/admin/complaints/interference/lapses/", "/admin/complaints/interference/lapses/new/",
            f"/admin/complaints/interference/{record.pk}/followups/", f"/admin/programme/activities/{activity.pk}/followup/"]
    for role in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(role_users[role])
        seen = {url: client.get(url).status_code for url in urls}
        if role in ("officer", "leader", "superuser"):
            assert set(seen.values()) == {200}, (role, seen)
        else:
            assert set(seen.values()) <= {302, 403, 404}, (role, seen)
@pytest.mark.parametrize("role", ROLES)
def test_supervisor_duty_screens_open_for_every_role(role_users, role):
    """issue 24 items 11, 13: a supervisor's 履职档案 and the yearly screens, as each role: bureau staff see them,
    the others are refused (a redirect with Wagtail's Chinese sentence, or 403), never a server error."""
    from supervisors.models import Supervisor

    client = Client(raise_request_exception=False)
    client.force_login(role_users[role])
    pk = Supervisor.objects.get(name="陈监督").pk
    urls = [f"/admin/supervisor-duties/supervisors/{pk}/", "/admin/supervisor-duties/?jurisdiction=wanzhou",
            "/admin/supervisor-duties/evaluations/wanzhou/2026/", "/admin/supervisor-duties/consents/"]
    seen = {url: client.get(url).status_code for url in urls}
    expected = 200 if role in ("officer", "leader", "superuser") else 302
    assert seen == {url: expected for url in urls}
    mine = client.get("/admin/supervisor-duties/mine/").status_code
    assert mine == (200 if role == "supervisor" else 302)


def test_programme_accountability_handoff_screens_open_for_every_role(role_users):
    """检查 第十条, 统计 第六条: the hand-off screens open for the bureau's case handlers, refused to the others."""
    from casework.models import Agency
    from programme import services
    from programme.models import StatisticsReturn

    officer = role_users["officer"]
    agency = Agency.objects.get(name="武隆区市场监督管理局")
    with freeze_time("2026-11-20 10:00"):
        activity = services.activity_record(jurisdiction="wulong", kind="inspection", schedule="periodic",
                                            forms=["enforcement_check"],
                                            agency=agency, held_on=dt.date(2026, 11, 20), title="定期检查",
                                            onsite=False, has_problems=True, findings="着装不规范。", by=officer)
        row = services.followup_record(activity=activity, by=officer, outcome="accountability",
                                       decided_on=dt.date(2026, 11, 20), note="逾期未落实。")
        services.statistics_open(jurisdiction="wulong", year=2025, by=officer)
        ret = StatisticsReturn.objects.filter(agency=agency).get()
    urls = [f"/admin/programme/followups/{row.pk}/accountability/", f"/admin/programme/returns/{ret.pk}/accountability/"]
    for role in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(role_users[role])
        seen = {url: client.get(url).status_code for url in urls}
        if role in ("officer", "leader", "superuser"):
            assert set(seen.values()) == {200}, (role, seen)
        else:
            assert set(seen.values()) <= {302, 403, 404}, (role, seen)
