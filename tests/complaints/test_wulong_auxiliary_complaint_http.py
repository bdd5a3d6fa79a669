"""A complaint about an auxiliary enforcement person (武隆 004《行政执法辅助人员管理办法》第十条 with
《行政执法投诉举报制度》第四条、第十一条): the public form offers the nine prohibited acts with their articles (never the
register); the handler names the person from the agency's register on the complaint screen (staff only); a staff
entry may name the person at intake; the person's record lists the complaint; the acts are carried into the
accountability case when the complaint is substantiated."""
from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from auxiliary.models import AuxiliaryStaff
from casework.models import Agency
from complaints.models import Complaint
from roles.definitions import LIAISON
from roles.models import StaffProfile
from tests.complaints.helpers import complaint_data, login, submit

pytestmark = [pytest.mark.django_db]
AUX = "《行政执法辅助人员管理办法》"
BRIBE = f"索取或者收受贿赂（{AUX}第十条第（六）项）"
CONDUCT = f"在履职中有不规范、不公正、不文明行为（{AUX}第十条第（八）项）"


def _person(agency, by, name, post="市场巡查辅助岗", number="110105199001010010"):
    return AuxiliaryStaff.objects.create(
        jurisdiction="wulong", agency=agency, name=name, id_number=number, birth_date=dt.date(1990, 1, 1),
        education="high_school", dispatch_unit="重庆某人力资源有限公司", dispatch_agreement="WL-PQ-2026-011",
        post=post, duties=["patrol"], supervising_officer="刘执法", officer_certificate="50015600123",
        start=dt.date(2026, 1, 1), created_by=by)


@pytest.fixture
def staff(people, make_user):
    other = Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")
    other_liaison = make_user("lx_cg2", LIAISON)
    StaffProfile.objects.create(user=other_liaison, agency=other)
    return {"mine": _person(people["agency"], people["officer"], "孙辅助"),
            "elsewhere": _person(other, people["officer"], "周辅助", post="市容巡查辅助岗", number="11010519900101003X")}


def test_public_form_offers_the_nine_acts_and_never_the_register(people, staff):
    form = Client().get("/complaints/wulong/").content.decode()
    assert "涉及行政执法辅助人员的行为" in form and BRIBE in form
    assert f"行政执法辅助人员不得有下列行为（{AUX}第十条）" in form
    assert form.count(f"{AUX}第十条第（") == 9
    assert "孙辅助" not in form and "auxiliary_staff" not in form
    # Enshi's rules take complaints but have no auxiliary-staff measures: no such field there
    assert "涉及行政执法辅助人员的行为" not in Client().get("/complaints/enshi/").content.decode()

    with freeze_time("2026-09-28 10:00"):
        # a register id smuggled into the public POST is ignored (the field is not on the public form)
        page, number, _ = submit(Client(), complaint_data(
            people["agency"], ground="bribes", aux_acts=["bribe", "conduct"], auxiliary_staff=str(staff["mine"].pk),
            officer_named="协管员孙某", request="请求查处辅助人员索要财物的行为。"))
    assert number is not None, page.content.decode()
    complaint = Complaint.objects.get()
    assert complaint.aux_acts == ["bribe", "conduct"] and complaint.auxiliary_staff is None
    with freeze_time("2026-09-28 11:00"):
        refused = Client().post("/complaints/wulong/", complaint_data(
            people["agency"], aux_acts=["nonsense"], request="另一件。"))
    assert refused.status_code == 200 and "nonsense" in refused.content.decode()  # Django's "not a valid choice"
    assert Complaint.objects.count() == 1

    officer = login(people["officer"])
    screen = officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
    assert f"涉及辅助人员的禁止行为：{BRIBE}；{CONDUCT}" in screen
    with freeze_time("2026-09-30 09:00"):
        assert officer.post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
    complaint.refresh_from_db()
    assert f"涉及行政执法辅助人员的禁止行为：{BRIBE}；{CONDUCT}" in complaint.matter.facts


def test_the_handler_names_the_person_from_the_agencys_register(people, staff):
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(people["agency"], ground="bribes", aux_acts=["bribe"]))
    complaint = Complaint.objects.get()
    officer = login(people["officer"])
    url = f"/admin/complaints/{complaint.pk}/auxiliary/"
    with freeze_time("2026-09-29 09:00"):
        screen = officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "登记所涉辅助人员" in screen and "孙辅助（武隆区市场监督管理局，市场巡查辅助岗，在岗）" in screen
        assert "周辅助" not in screen  # only the complained-about agency's register
        wrong = officer.post(url, {"person": str(staff["elsewhere"].pk), "acts": ["bribe"]})
        assert wrong.status_code == 400 and Complaint.objects.get().auxiliary_staff is None
        denied = login(people["liaison"]).post(url, {"person": str(staff["mine"].pk), "acts": ["bribe"]})
        # Wagtail turns the PermissionDenied into a redirect to the dashboard (tests/complaints/test_complaint_http)
        assert denied.status_code == 302 and denied["Location"] == "/admin/"
        assert Complaint.objects.get().auxiliary_staff is None
        assert officer.post(url, {"person": str(staff["mine"].pk), "acts": ["bribe", "privacy"]}).status_code == 302
    complaint.refresh_from_db()
    assert complaint.auxiliary_staff == staff["mine"] and complaint.aux_acts == ["privacy", "bribe"]
    screen = officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
    assert f'所涉行政执法辅助人员：<a href="/admin/auxiliary/{staff["mine"].pk}/">孙辅助</a>（市场巡查辅助岗，在岗）' in screen
    assert f"侵犯个人隐私或者泄露相关国家秘密、商业秘密以及其他需要保密的信息（{AUX}第十条第（四）项）；{BRIBE}" in screen
    # the person's record lists the complaint for the bureau; the agency's liaison does not see a complaint the
    # bureau handles (its staff's case, before any decision is served)
    record = officer.get(f"/admin/auxiliary/{staff['mine'].pk}/").content.decode()
    assert "涉及该人员的投诉举报" in record and complaint.receipt_number in record and BRIBE in record
    mine = login(people["liaison"]).get(f"/admin/auxiliary/{staff['mine'].pk}/").content.decode()
    assert "涉及该人员的投诉举报" not in mine and complaint.receipt_number not in mine


def test_wrong_agency_person_refused_by_the_service(people, staff):
    from complaints import services

    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(people["agency"]))
    complaint = Complaint.objects.get()
    with pytest.raises(Exception) as refused:
        services.auxiliary_identify(complaint=complaint, by=people["officer"], person=staff["elsewhere"], acts=[])
    assert "周辅助不是武隆区市场监督管理局辅助人员名册中的人员，请从被投诉举报机关的名册中选择。" in str(refused.value)
    complaint.refresh_from_db()
    assert complaint.auxiliary_staff is None


def test_staff_entry_names_the_person_at_intake(people, staff):
    officer = login(people["officer"])
    data = complaint_data(people["agency"], channel="visit", received_on="2026-09-28", ground="rough",
                          aux_acts=["conduct"], auxiliary_staff=str(staff["elsewhere"].pk))
    with freeze_time("2026-09-28 10:00"):
        form = officer.get("/admin/complaints/new/?jurisdiction=wulong").content.decode()
        assert "被投诉举报的行政执法辅助人员" in form and "孙辅助（武隆区市场监督管理局，市场巡查辅助岗，在岗）" in form
        wrong = officer.post("/admin/complaints/new/", {**data, "jurisdiction": "wulong"})
        assert wrong.status_code == 200
        assert "周辅助不是武隆区市场监督管理局辅助人员名册中的人员，请从被投诉举报机关的名册中选择。" in wrong.content.decode()
        assert not Complaint.objects.exists()
        ok = officer.post("/admin/complaints/new/", {**data, "jurisdiction": "wulong",
                                                      "auxiliary_staff": str(staff["mine"].pk)})
        assert ok.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.auxiliary_staff == staff["mine"] and complaint.aux_acts == ["conduct"]


def test_substantiated_complaint_carries_the_acts_into_accountability(people, staff):
    from accountability.models import Case

    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(people["agency"], ground="bribes", aux_acts=["bribe"]))
    complaint = Complaint.objects.get()
    officer, leader = login(people["officer"]), login(people["leader"])
    with freeze_time("2026-09-30 09:00"):
        assert officer.post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
        assert officer.post(f"/admin/complaints/{complaint.pk}/auxiliary/", {
            "person": str(staff["mine"].pk), "acts": ["bribe"]}).status_code == 302
    with freeze_time("2026-10-09 09:00"):
        assert officer.post(f"/admin/complaints/{complaint.pk}/investigators/", {
            "users": [people["officer"].pk, people["officer2"].pk], "no_interest": "on"}).status_code == 302
    with freeze_time("2026-10-20 10:00"):
        assert officer.post(f"/admin/complaints/{complaint.pk}/opinion/", {"text": "辅助人员索要财物属实。"}).status_code == 302
        assert leader.post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "李局长、周副局长", "outcome": "substantiated",
            "decision": "辅助人员孙辅助索要财物属实，建议所在机关依法处理。"}).status_code == 302
        # once reviewed, the person and the acts are settled: no more identification step
        assert "登记所涉辅助人员" not in officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
    with freeze_time("2026-10-21 09:00"):
        page = officer.get(f"/admin/complaints/{complaint.pk}/handoff/accountability/").content.decode()
        assert f"投诉举报涉及行政执法辅助人员孙辅助（{BRIBE}）。" in page
        assert 'value="bribe" id="id_aux_acts_5" checked' in page  # prefilled from the complaint
        r = officer.post(f"/admin/complaints/{complaint.pk}/handoff/accountability/", {
            "kind": "fault", "grounds": ["rude"], "aux_acts": ["bribe"]})
        assert r.status_code == 302
    assert Case.objects.get().aux_acts == ["bribe"]


def test_demo_register_and_auxiliary_complaint_are_idempotent(site_tree):
    from auxiliary.demo import load_auxiliary
    from casework.demo import load_agencies
    from complaints.demo import load_auxiliary_complaint
    from demo.site_tree import load_users

    load_users()
    load_agencies()
    with freeze_time("2026-11-27 10:00"):
        for _ in range(2):
            load_auxiliary()
            load_auxiliary_complaint()
    assert list(AuxiliaryStaff.objects.order_by("pk").values_list("name", flat=True)) == ["何小兵", "邓丽"]
    complaint = Complaint.objects.get()
    assert complaint.auxiliary_staff.name == "何小兵" and complaint.aux_acts == ["bribe"]
    assert complaint.received_on == dt.date(2026, 11, 24) and complaint.channel == "visit"
