"""Supervision contact points (行政执法监督联系点, Enshi 003 第十条第一款) over HTTP as the role users: the officer
registers points of the profile's kinds (bad input refused field by field in Chinese, nothing stored), the public
complaint page lists the running points by name, kind and address only, a complaint a point passes on is entered
with the channel 监督联系点转来 and its point and counted per point, and a closed point can no longer be chosen.
Wulong's rules have no contact points: no register, no such channel."""
import pytest
from django.test import Client
from freezegun import freeze_time

from casework.models import Agency
from complaints.models import Complaint, ContactPoint
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.complaints.helpers import login

pytestmark = pytest.mark.django_db
ENSHI_10 = "《恩施土家族苗族自治州行政执法监督办法》第十条第一款"


@pytest.fixture
def enshi(db, make_user):
    agency = Agency.objects.create(jurisdiction="enshi", name="恩施州交通运输局", head_name="田局长")
    liaison = make_user("lx_cp", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency)
    return {"agency": agency, "liaison": liaison,
            "officer": make_user("cp_officer", OFFICER, first_name="向经办"),
            "leader": make_user("cp_leader", LEADER, first_name="覃局长")}


POINT = {"name": "恩施市政务服务中心联系点", "kind": "service_center", "address": "恩施市金桂大道88号",
         "contact_name": "黄晓燕", "contact_phone": "13972712345", "established_on": "2026-03-01"}


def entry(agency, **extra):
    data = {"category": "enforcement", "name": "杨明", "contact": "13907180001", "agency": str(agency.pk),
            "ground": "uncivil", "request": "请求查处执法人员粗暴执法。",
            "facts": "2026年10月30日，执法人员在恩施城区检查货车时推搡驾驶员。", "received_on": "2026-11-02"}
    data.update(extra)
    return data


def test_contact_points_register_public_list_and_complaints_per_point(enshi):
    officer = login(enshi["officer"])
    with freeze_time("2026-11-03 10:00"):
        form = officer.get("/admin/complaints/contact-points/new/?jurisdiction=enshi").content.decode()
        assert f"联系点类别：政务服务中心、基层站所、有代表性的企业、行业协会（{ENSHI_10}）。" in form
        # bad input: every field named, nothing stored
        html = officer.post("/admin/complaints/contact-points/new/?jurisdiction=enshi", {
            **POINT, "name": "", "kind": "", "contact_phone": "12ab", "established_on": "2026-12-01"}).content.decode()
        assert "请填写联系点名称。" in html and "请填写有效的手机号码或固定电话（如0718-8212345）。" in html
        assert f"请选择联系点类别：政务服务中心、基层站所、有代表性的企业、行业协会（{ENSHI_10}）。" in html
        assert "设立日期不能晚于今天。" in html
        assert not ContactPoint.objects.exists()
        # a liaison may not register points
        r = login(enshi["liaison"]).post("/admin/complaints/contact-points/new/?jurisdiction=enshi", POINT)
        assert r.status_code in (302, 403) and not ContactPoint.objects.exists()

        r = officer.post("/admin/complaints/contact-points/new/?jurisdiction=enshi", POINT)
        assert r.status_code == 302 and r["Location"] == "/admin/complaints/contact-points/?jurisdiction=enshi"
        r = officer.post("/admin/complaints/contact-points/new/?jurisdiction=enshi", {
            **POINT, "name": "恩施州物流行业协会联系点", "kind": "association", "address": "恩施市舞阳大街12号",
            "contact_name": "向东", "contact_phone": "0718-8212345"})
        assert r.status_code == 302
        again = officer.post("/admin/complaints/contact-points/new/?jurisdiction=enshi", POINT).content.decode()
        assert "本辖区已有同名的监督联系点。" in again
        center, association = ContactPoint.objects.get(kind="service_center"), ContactPoint.objects.get(kind="association")

        # the public page lists name, kind and address, never the contact person or phone
        public = Client().get("/complaints/enshi/").content.decode()
        assert f"也可以到就近的行政执法监督联系点反映（{ENSHI_10}）" in public
        assert "恩施市政务服务中心联系点（政务服务中心）：恩施市金桂大道88号" in public
        assert "黄晓燕" not in public and "13972712345" not in public

        # a complaint passed on by the centre: the point is required with that channel, and only with it
        html = officer.post("/admin/complaints/new/?jurisdiction=enshi",
                            entry(enshi["agency"], channel="contact_point")).content.decode()
        assert f"经监督联系点转来的，请选择转来的联系点（{ENSHI_10}）。" in html
        html = officer.post("/admin/complaints/new/?jurisdiction=enshi",
                            entry(enshi["agency"], channel="letter", contact_point=center.pk)).content.decode()
        assert "只有经监督联系点转来的投诉举报才登记联系点，请将来源渠道选为“监督联系点转来”。" in html
        assert not Complaint.objects.exists()
        r = officer.post("/admin/complaints/new/?jurisdiction=enshi",
                         entry(enshi["agency"], channel="contact_point", contact_point=center.pk))
        assert r.status_code == 302
        complaint = Complaint.objects.get()
        assert (complaint.channel, complaint.contact_point) == ("contact_point", center)
        detail = officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "监督联系点转来：恩施市政务服务中心联系点" in detail

        # the register: phones masked, this year's and all complaints per point
        listing = officer.get("/admin/complaints/contact-points/?jurisdiction=enshi").content.decode()
        assert "13972712345" not in listing and "139****2345" in listing
        row = listing[listing.index("恩施市政务服务中心联系点"):]
        assert "<td class=\"cw-nowrap\">运行中</td><td>1</td><td>1</td>" in row[:row.index("</tr>")]
        row = listing[listing.index("恩施州物流行业协会联系点"):]
        assert "<td class=\"cw-nowrap\">运行中</td><td>0</td><td>0</td>" in row[:row.index("</tr>")]

        # the association's point closes: kept on the register, gone from the public page and the choice
        r = officer.post(f"/admin/complaints/contact-points/{association.pk}/",
                         {"action": "close", "closed_on": "2026-11-03"})
        assert r.status_code == 302
        association.refresh_from_db()
        assert (association.active, association.closed_on.isoformat()) == (False, "2026-11-03")
        assert "已于2026-11-03撤销" in officer.get("/admin/complaints/contact-points/?jurisdiction=enshi").content.decode()
        assert "恩施州物流行业协会联系点" not in Client().get("/complaints/enshi/").content.decode()
        html = officer.post("/admin/complaints/new/?jurisdiction=enshi", entry(
            enshi["agency"], channel="contact_point", contact_point=association.pk, facts="另一件事实。")).content.decode()
        assert "所选监督联系点不属于本辖区或已撤销。" in html
        assert Complaint.objects.count() == 1


def test_wulong_has_no_contact_points(enshi):
    officer = login(enshi["officer"])
    assert officer.get("/admin/complaints/contact-points/?jurisdiction=wulong").status_code == 404
    form = officer.get("/admin/complaints/new/?jurisdiction=wulong").content.decode()
    assert "监督联系点转来" not in form and "转来的监督联系点" not in form


def test_a_point_is_revoked_on_its_own_screen_and_the_register_is_a_plain_table(enshi):
    """The register has no form in its rows; the point's own screen shows it (full phone to the officer) and
    revokes it through contact_points.contact_point_close: a bad or out-of-range date is refused in Chinese on
    that screen and nothing is written."""
    officer = login(enshi["officer"])
    with freeze_time("2026-11-03 10:00"):
        assert officer.post("/admin/complaints/contact-points/new/?jurisdiction=enshi", POINT).status_code == 302
        point = ContactPoint.objects.get()
        listing = officer.get("/admin/complaints/contact-points/?jurisdiction=enshi").content.decode()
        table = listing[listing.index('<table class="listing">'):]
        table = table[:table.index("</table>")]
        assert "<form" not in table and "撤销日期" not in table and "<th>操作</th>" not in table
        assert f'<a href="/admin/complaints/contact-points/{point.pk}/">恩施市政务服务中心联系点</a>' in table
        assert "139****2345" in table and "13972712345" not in table

        url = f"/admin/complaints/contact-points/{point.pk}/"
        screen = officer.get(url).content.decode()
        assert f"联系点（{ENSHI_10}）" in screen and "设立日期：2026-03-01" in screen
        assert "联系电话：13972712345" in screen and "撤销联系点" in screen
        assert f'href="/admin/complaints/contact-points/{point.pk}/edit/"' in screen

        for bad, message in (("2026-13-45", "请填写有效的撤销日期，如 2026-11-03。"),
                             ("", "请填写撤销日期。"),
                             ("2026-02-28", "撤销日期应在设立日期和今天之间。"),
                             ("2026-11-04", "撤销日期应在设立日期和今天之间。")):
            r = officer.post(url, {"closed_on": bad})
            assert r.status_code == 200 and message in r.content.decode(), bad
            point.refresh_from_db()
            assert (point.active, point.closed_on) == (True, None), bad

        # a liaison may not even open it; a leader (bureau, not the handler) sees it masked and cannot revoke
        assert login(enshi["liaison"]).post(url, {"closed_on": "2026-11-01"}).status_code in (302, 403)
        leader = login(enshi["leader"])
        seen = leader.get(url).content.decode()
        assert "联系电话：139****2345" in seen and "撤销联系点" not in seen
        assert leader.post(url, {"closed_on": "2026-11-01"}).status_code in (302, 403)
        point.refresh_from_db()
        assert point.active

        r = officer.post(url, {"closed_on": "2026-11-01"})
        assert r.status_code == 302 and r["Location"] == url
        point.refresh_from_db()
        assert (point.active, point.closed_on.isoformat()) == (False, "2026-11-01")
        screen = officer.get(url).content.decode()
        assert "监督联系点“恩施市政务服务中心联系点”已撤销。" in screen
        assert "状态：<strong>已于2026-11-01撤销</strong>" in screen and "撤销联系点</button>" not in screen
        assert officer.post(url, {"closed_on": "2026-11-02"}).status_code == 302
        point.refresh_from_db()
        assert point.closed_on.isoformat() == "2026-11-01"
