"""The admin screens over HTTP with role users: officers run activities and opinions, supervisors
declare and submit, liaisons answer — and a liaison never sees a confidential supervisor's identity
(001 第十四条) nor another agency's items."""

import datetime as dt

import pytest
from django.urls import reverse
from freezegun import freeze_time

from activities.models import AbsenceFinding, ConflictDeclaration, Invitation, Opinion
from activities.opinions import opinion_forward, opinion_submit
from activities.services import invitation_create
from roles.definitions import EDITOR
from tests.activities.agencies import addressable, register_entry

TODAY = dt.date(2026, 12, 15)


@pytest.fixture(autouse=True)
def _clock():
    """Activity dates and answer deadlines are checked against today: the clock is frozen, never the real date."""
    with freeze_time("2026-12-15 10:00:00+08:00", tick=True):
        yield


pytestmark = pytest.mark.django_db
AGENCY = "市城市管理局"
NAME = "欧阳明远"


def url(name, *args):
    return reverse(f"activities_admin:{name}", args=args)


def denied(resp) -> bool:
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message."""
    return resp.status_code == 403 or (
        resp.status_code == 302 and resp["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def confidential_lead(make_supervisor, officer):
    sup = make_supervisor("weihai", name=NAME, login=True)
    opinion = opinion_submit(
        by=sup.user,
        kind="lead",
        agency=addressable(AGENCY, "weihai"),
        title="占道经营执法选择性处罚",
        body="同一路段商户处罚标准不一。",
        confidential=True,
    )
    opinion_forward(opinion=opinion, by=officer, forwarded_on=dt.date(2026, 11, 2))
    return opinion


def test_officer_schedules_invites_and_records_attendance_over_http(client, officer, make_supervisor):
    sup_a, sup_b = make_supervisor("weihai"), make_supervisor("weihai")
    client.force_login(officer)
    resp = client.post(
        url("activity_create"),
        {
            "jurisdiction": "weihai",
            "kind": "meeting",
            "title": "季度监督工作会议",
            "held_on": "2026-01-05",
            "place": "市司法局三楼会议室",
            "agency": "",
            "case_ref": "",
            "notes": "",
        },
    )
    activity_url = resp["Location"]
    assert resp.status_code == 302
    for sup in (sup_a, sup_b):
        assert client.post(activity_url, {"action": "invite", "supervisor": sup.pk}).status_code == 302
    inv_a, inv_b = Invitation.objects.order_by("pk")
    client.post(activity_url, {"action": "attendance", "invitation": inv_a.pk, "status": "present"})
    client.post(activity_url, {"action": "attendance", "invitation": inv_b.pk, "status": "unexcused"})
    page = client.get(activity_url).content.decode()
    assert "出席" in page and "无故缺席" in page
    assert "第十六条第（六）项" in page  # the absence rule shown with its article
    inv_a.refresh_from_db()
    assert inv_a.status == "present"


def test_invite_refused_on_screen_with_the_article(client, officer, make_supervisor, make_activity):
    from activities.services import recusal_record

    sup = make_supervisor("weihai")
    recusal_record(supervisor=sup, agency=register_entry("市生态环境局", sup.jurisdiction), ground="ordered", by=officer)
    activity = make_activity("weihai", held_on=TODAY + dt.timedelta(days=3), agency="市生态环境局")
    client.force_login(officer)
    page = client.post(
        url("activity", activity.pk), {"action": "invite", "supervisor": sup.pk}
    ).content.decode()
    assert "第十条第二款" in page and not Invitation.objects.exists()


def test_supervisor_declares_a_conflict_on_their_screen(client, officer, make_supervisor, make_activity):
    sup = make_supervisor("wanzhou", login=True)
    activity = make_activity("wanzhou", held_on=TODAY + dt.timedelta(days=3), agency="区交通局")
    inv = invitation_create(activity=activity, supervisor=sup, by=officer)
    client.force_login(sup.user)
    page = client.get(url("my_invitations")).content.decode()
    assert activity.title in page and "第十二条" in page
    client.post(
        url("my_invitations"), {"invitation": inv.pk, "ground": "relatives", "note": "配偶在该局任职"}
    )
    inv.refresh_from_db()
    assert inv.status == "recused" and ConflictDeclaration.objects.get().origin == "declared"


def test_supervisor_submits_and_sees_status_and_outcome(client, make_supervisor, officer):
    sup = make_supervisor("weihai", login=True)
    client.force_login(sup.user)
    page = client.get(url("my_opinions")).content.decode()
    assert "申请对本人身份保密" in page and "第十四条" in page
    client.post(
        url("my_opinions"),
        {
            "kind": "opinion",
            "agency": addressable(AGENCY, "weihai").pk,
            "title": "建议公开裁量基准",
            "body": "建议在门户网站公开行政处罚裁量基准。",
            "confidential": "on",
        },
    )
    opinion = Opinion.objects.get()
    assert opinion.confidential and opinion.supervisor == sup
    client.force_login(officer)
    client.post(url("opinion", opinion.pk), {"action": "forward", "forwarded_on": "2026-11-02", "note": ""})
    page = client.get(url("opinions")).content.decode()
    assert "2026-12-02" in page and "第十二条" in page  # due date with its article
    client.post(
        url("opinion", opinion.pk), {"action": "decide", "outcome": "adopted", "note": "已在网站公开。"}
    )
    client.force_login(sup.user)
    page = client.get(url("my_opinions")).content.decode()
    assert "已办结" in page and "采纳并已整改" in page and "已在网站公开。" in page


def test_wanzhou_supervisor_is_not_offered_confidentiality(client, make_supervisor):
    sup = make_supervisor("wanzhou", login=True)
    client.force_login(sup.user)
    assert "申请对本人身份保密" not in client.get(url("my_opinions")).content.decode()


def test_liaison_never_sees_a_confidential_supervisors_name(client, confidential_lead, make_liaison):
    liaison = make_liaison("liaison_city", AGENCY)
    client.force_login(liaison)
    listing = client.get(url("agency_opinions")).content.decode()
    detail_url = url("agency_opinion", confidential_lead.pk)
    detail = client.get(detail_url).content.decode()
    answered = client.post(detail_url, {"answer": "已组织核查，统一处罚尺度。"}, follow=True).content.decode()
    for page in (listing, detail, answered):
        assert "监督员（已申请保密）" in page
        assert NAME not in page
        assert confidential_lead.supervisor.workplace not in page
    confidential_lead.refresh_from_db()
    assert confidential_lead.status == "answered"


def test_liaison_of_another_agency_sees_nothing(client, confidential_lead, make_liaison):
    other = make_liaison("liaison_traffic", "市交通运输局")
    client.force_login(other)
    assert confidential_lead.title not in client.get(url("agency_opinions")).content.decode()
    assert client.get(url("agency_opinion", confidential_lead.pk)).status_code == 404
    resp = client.post(url("agency_opinion", confidential_lead.pk), {"answer": "x"})
    assert resp.status_code == 404
    confidential_lead.refresh_from_db()
    assert confidential_lead.status == "forwarded"


@pytest.mark.parametrize("name", ["activities", "findings", "opinions", "conflicts"])
def test_bureau_screens_are_closed_to_other_roles(client, make_user, make_liaison, make_supervisor, name):
    sup = make_supervisor("weihai", login=True)
    # a Weihai liaison: Weihai's rules give agencies no activities of their own to invite supervisors to (a
    # Wanzhou liaison sees its own agency's, 000 第九条第（四）项: tests/activities/test_agency_invitations_http.py)
    for user in (make_user(f"ed_{name}", EDITOR), make_liaison(f"li_{name}", AGENCY, "weihai"), sup.user):
        client.force_login(user)
        assert denied(client.get(url(name)))


def test_supervisor_and_liaison_screens_are_closed_to_officers(client, officer):
    client.force_login(officer)
    for name in ("my_invitations", "my_opinions", "agency_opinions"):
        assert denied(client.get(url(name)))


def test_finding_list_shows_the_article(client, officer, make_supervisor, make_activity):
    from activities.services import attendance_record

    sup = make_supervisor("wuhan")
    for day in (dt.date(2026, 2, 1), dt.date(2026, 3, 1)):
        inv = invitation_create(
            activity=make_activity("wuhan", held_on=day, agency="", kind="training"),
            supervisor=sup,
            by=officer,
        )
        attendance_record(invitation=inv, status="unexcused", by=officer)
    assert AbsenceFinding.objects.count() == 1
    client.force_login(officer)
    page = client.get(url("findings")).content.decode()
    assert "第十五条第（二）项" in page and sup.name in page


def test_a_due_date_in_a_year_without_holiday_data_is_shown_as_provisional(client, officer, make_supervisor):
    """Forwarded 2026-12-10: 30 days (001 第十二条) end in January 2027, a year with no holiday data yet."""
    from rules.models import HolidayYear

    HolidayYear.objects.filter(year=2027).delete()
    sup = make_supervisor("weihai", login=True)
    opinion = opinion_submit(by=sup.user, kind="opinion", agency=addressable(AGENCY, sup.jurisdiction), title="建议", body="内容")
    _, clock = opinion_forward(opinion=opinion, by=officer, forwarded_on=dt.date(2026, 12, 10))
    assert clock.provisional
    client.force_login(officer)
    page = client.get(url("opinion", opinion.pk)).content.decode()
    assert "暂定日期" in page and "2027" in page and "第十二条" in page


def test_dashboard_and_menu_show_each_role_its_own_work(client, confidential_lead, make_liaison, officer):
    liaison = make_liaison("liaison_dash", AGENCY)
    client.force_login(liaison)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "待反馈的转送事项" in home and url("agency_opinions") in home
    # no bureau menu items (the sidebar lists each item's url in quotes)
    assert f'"{url("activities")}"' not in home and f'"{url("opinions")}"' not in home
    assert NAME not in home
    client.force_login(officer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'"{url("activities")}"' in home and url("agency_opinions") not in home


def test_officer_orders_recusal_on_screen_weihai_001_art10_para2(client, officer, make_supervisor):
    sup = make_supervisor("weihai")
    client.force_login(officer)
    page = client.get(url("conflicts") + "?jurisdiction=weihai").content.decode()
    assert "司法行政机关要求回避" in page and "第十条第二款" in page
    client.post(
        url("conflicts") + "?jurisdiction=weihai",
        {
            "supervisor": sup.pk,
            "agency": register_entry("市生态环境局", "weihai").pk,
            "case_ref": "",
            "ground": "ordered",
            "note": "近亲属在该局",
        },
    )
    conflict = ConflictDeclaration.objects.get()
    assert conflict.origin == "recorded" and conflict.article.endswith("第十条第二款")
    # Wuhan's grounds have no bureau order: the bureau records one of the three grounds of 002 第十三条
    page = client.get(url("conflicts") + "?jurisdiction=wuhan").content.decode()
    assert "司法行政机关要求回避" not in page and "第十三条第（一）项" in page


def test_wanzhou_opinion_screen_says_no_answer_period_and_cites_000_art16(client, officer, make_supervisor):
    sup = make_supervisor("wanzhou", login=True)
    opinion = opinion_submit(by=sup.user, kind="opinion", agency=addressable(AGENCY, sup.jurisdiction), title="建议", body="内容")
    client.force_login(officer)
    client.post(url("opinion", opinion.pk), {"action": "forward", "forwarded_on": "2026-11-02", "note": ""})
    page = client.get(url("opinion", opinion.pk)).content.decode()
    assert "本辖区办法未规定执法机关反馈期限" in page and "第十六条" in page
