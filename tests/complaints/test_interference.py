"""Interference records (004 干预插手案件记录规定 第四条、第六条、第八条): any staff member records; the record is
append-only — no role, not even a superuser, can change or remove one through the admin or any URL, nor
through the ORM; corrections are new entries naming the original; leaders see them on the dashboard; the
quarterly summary is generated as a table and a PDF."""
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import NoReverseMatch, reverse
from freezegun import freeze_time

from complaints.models import InterferenceRecord
from roles.definitions import SUPERVISOR
from tests.complaints.helpers import login

ENTRY = {"occurred_at": "2026-08-03T15:30", "interferer_name": "某副局长", "interferer_unit": "区某局副局长",
         "kind": "pleading", "manner": "phone", "case_ref": "武隆市监罚〔2026〕88号 某超市案",
         "content": "来电为当事人说情，要求从轻处罚；已当场拒绝并告知依程序办理。"}


def record(client, **extra):
    return client.post("/admin/complaints/interference/new/", {**ENTRY, **extra})


@pytest.mark.django_db
def test_any_staff_member_records_and_leaders_are_told(people, make_user):
    supervisor = make_user("sup1", SUPERVISOR)
    with freeze_time("2026-08-03 16:00"):
        for user in (people["liaison"], people["officer"], supervisor):
            r = record(login(user))
            assert r.status_code == 302, r.content.decode()[:500]
    assert InterferenceRecord.objects.count() == 3
    first = InterferenceRecord.objects.order_by("pk").first()
    assert first.recorded_by == people["liaison"] and first.kind_label.startswith("本人或授意他人为当事人请托")
    assert first.article == "《行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究规定》第八条第（五）项"
    assert first.recorded_at.isoformat().startswith("2026-08-03")
    # a liaison sees only their own entries; the leader's dashboard lists them
    assert login(people["liaison"]).get("/admin/complaints/interference/").content.decode().count("某副局长") == 1
    with freeze_time("2026-08-05 09:00"):
        dashboard = login(people["leader"]).get("/admin/").content.decode()
    assert "干预插手案件记录（近90日 3 条）" in dashboard
    # the form refuses a missing kind with a message and keeps what was typed
    r = record(login(people["officer"]), kind="")
    html = r.content.decode()
    assert r.status_code == 200 and "请选择干预插手的情形" in html and "来电为当事人说情" in html
    assert InterferenceRecord.objects.count() == 3


@pytest.mark.django_db
def test_no_role_can_change_or_remove_an_entry_through_admin_or_any_url(people, make_user):
    with freeze_time("2026-08-03 16:00"):
        record(login(people["officer"]))
    entry = InterferenceRecord.objects.get()
    before = (entry.content, entry.interferer_name, entry.recorded_at)
    admin = make_user("root")  # superuser
    users = [admin, people["officer"], people["leader"], people["liaison"]]
    urls = [f"/admin/interference_records/edit/{entry.pk}/", f"/admin/interference_records/delete/{entry.pk}/",
            f"/admin/complaints/interference/{entry.pk}/", f"/admin/complaints/interference/{entry.pk}/edit/",
            f"/admin/complaints/interference/{entry.pk}/delete/", "/admin/interference_records/new/"]
    for user in users:
        client = login(user)
        for url in urls:
            for method in (client.get, client.post):
                response = method(url, {"content": "改掉", "interferer_name": "无"})
                assert response.status_code in (302, 403, 404, 405), (user, url, response.status_code)
                if response.status_code == 302:
                    assert response["Location"] in ("/admin/",), (user, url, response["Location"])
    entry = InterferenceRecord.objects.get()
    assert (entry.content, entry.interferer_name, entry.recorded_at) == before
    # the viewset's own URL names for edit and delete are refused by the policy for a superuser
    assert InterferenceRecord.objects.count() == 1
    with pytest.raises(ValidationError):
        entry.content = "x"
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    with pytest.raises(ValidationError):
        InterferenceRecord.objects.filter(pk=entry.pk).update(content="x")
    with pytest.raises(ValidationError):
        InterferenceRecord.objects.all().delete()
    # the read-only admin still lists and inspects it for the superuser
    admin_client = login(admin)
    assert admin_client.get("/admin/interference_records/").status_code == 200
    assert admin_client.get(f"/admin/interference_records/inspect/{entry.pk}/").status_code == 200
    try:
        reverse("complaints:interference_edit", args=[entry.pk])
        raise AssertionError("there must be no edit URL")
    except NoReverseMatch:
        pass


@pytest.mark.django_db
def test_correction_is_a_new_entry_and_the_quarterly_summary(people):
    officer = login(people["officer"])
    with freeze_time("2026-08-03 16:00"):
        record(officer)
        original = InterferenceRecord.objects.get()
        r = officer.post(f"/admin/complaints/interference/new/?corrects={original.pk}", {
            **ENTRY, "manner": "in_person", "corrects": original.pk,
            "content": "更正：系当面说情，而非来电；已拒绝。"})
        assert r.status_code == 302
    assert InterferenceRecord.objects.count() == 2
    correction = InterferenceRecord.objects.exclude(pk=original.pk).get()
    assert correction.corrects == original and original.content == ENTRY["content"]
    with freeze_time("2026-10-08 09:00"):
        leader = login(people["leader"])
        page = leader.get("/admin/complaints/interference/summary/?year=2026&quarter=3").content.decode()
        assert "2026-07-01 至 2026-09-30，共 2 条" in page and f"更正第{original.pk}号" in page
        pdf = leader.get("/admin/complaints/interference/summary/?year=2026&quarter=3&format=pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        q4 = leader.get("/admin/complaints/interference/summary/?year=2026&quarter=4").content.decode()
        assert "共 0 条" in q4
    # the summary is for bureau staff only
    r = login(people["liaison"]).get("/admin/complaints/interference/summary/")
    assert r.status_code in (302, 403) and Client().get("/admin/complaints/interference/summary/").status_code == 302
