"""投诉 第十五条: the file about the bureau's own staff has no agency under supervision. Its screen shows neither
the 不配合监督 panel (意见书 第六条、第十条) nor the 告知被监督机关的事实摘要 box, and the services behind them refuse
with a Chinese message, nothing written; a normal file (the complaint's, about an agency) still shows both."""
from freezegun import freeze_time

from casework.models import MatterEvent
from complaints.models import ComplaintMisconduct
from letters.models import CooperationRefusal
from tests.complaints.helpers import login
from tests.complaints.test_complaint_handoff_http import _investigate


def test_the_bureau_staff_file_addresses_no_agency(people):
    complaint = _investigate(people)
    officer = login(people["officer"])
    with freeze_time("2026-10-13 09:00"):
        r = officer.post(f"/admin/complaints/{complaint.pk}/handoff/misconduct/", {
            "misconduct": "handler", "kind": "fault", "grounds": ["other"],
            "misconduct_facts": "调查人员向被投诉机关泄露投诉人身份"})
        assert r.status_code == 302
    staff_file = ComplaintMisconduct.objects.get(kind="handler").case.matter
    assert staff_file.agency_id is None and complaint.matter.agency_id == people["agency"].pk
    with freeze_time("2026-10-13 10:00"):
        normal = officer.get(f"/admin/casework/{complaint.matter_id}/").content.decode()
        staff = officer.get(f"/admin/casework/{staff_file.pk}/").content.decode()
        cooperation = officer.get(f"/admin/letters/matter/{staff_file.pk}/cooperation/")
        posted = officer.post(f"/admin/letters/matter/{staff_file.pk}/cooperation/", {
            "kind": "no_cooperation", "occurred_on": "2026-10-13", "facts": "拒绝提供材料。", "request": "提供材料。"})
        summary = officer.post(f"/admin/casework/{staff_file.pk}/party-summary/", {"text": "投诉人反映调查人员泄露身份。"},
                               follow=True).content.decode()
    # the normal file: both present
    assert "<h2>不配合监督</h2>" in normal and "登记不配合监督并责令限期纠正" in normal
    assert "<h2>告知被监督机关的事实摘要</h2>" in normal and "保存摘要" in normal
    assert "时限自被监督机关收到文书之日（送达回证签收日期）起算" in normal
    # the bureau's own staff: none of it
    assert "<strong>追究对象</strong>：武隆区司法局（本机关工作人员）" in staff
    for text in ("不配合监督", "告知被监督机关的事实摘要", "保存摘要", "时限自被监督机关收到文书之日"):
        assert text not in staff, text
    message = "该案卷追究本机关工作人员的责任，没有被监督机关，不能登记不配合监督。"
    assert cooperation.status_code == 403 and message in cooperation.content.decode()
    assert posted.status_code == 403 and message in posted.content.decode()
    assert "该案卷追究本机关工作人员的责任，没有被监督机关，不填写告知被监督机关的事实摘要。" in summary
    staff_file.refresh_from_db()
    assert staff_file.party_summary == "" and not CooperationRefusal.objects.exists()
    assert not MatterEvent.objects.filter(matter=staff_file, text__contains="事实摘要").exists()


def test_the_services_refuse_the_file_without_agency(people):
    """The one door of each: called directly (a command, an admin screen) it refuses the same way."""
    import datetime as dt

    import pytest
    from django.core.exceptions import ValidationError

    from casework.services import party_summary_set
    from letters.cooperation import refusal_record

    complaint = _investigate(people)
    with freeze_time("2026-10-13 09:00"):
        login(people["officer"]).post(f"/admin/complaints/{complaint.pk}/handoff/misconduct/", {
            "misconduct": "handler", "kind": "fault", "grounds": ["other"], "misconduct_facts": "泄露投诉人身份"})
        staff_file = ComplaintMisconduct.objects.get(kind="handler").case.matter
        with pytest.raises(ValidationError) as exc:
            refusal_record(matter=staff_file, by=people["officer"], kind="no_cooperation", facts="拒绝。",
                           occurred_on=dt.date(2026, 10, 13), request="提供。")
        assert exc.value.messages == ["该案卷追究本机关工作人员的责任，没有被监督机关，不能登记不配合监督。"]
        with pytest.raises(ValidationError) as exc:
            party_summary_set(matter=staff_file, by=people["officer"], text="摘要")
        assert exc.value.messages == ["该案卷追究本机关工作人员的责任，没有被监督机关，不填写告知被监督机关的事实摘要。"]
