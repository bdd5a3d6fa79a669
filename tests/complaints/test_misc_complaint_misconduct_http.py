"""004 投诉举报制度 第十三条 (the complained party obstructs the handling or retaliates against the complainant) and
第十五条 (the receiving organ's staff misbehave): from the complaint's screen the bureau records the finding and
hands it into accountability through accountability.services.case_intake — in the complaint's file, a recorded
step with the article; the same finding twice is refused, and so is the agency's liaison."""
import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from accountability.models import Case
from casework.models import MatterEvent
from clocks.models import Clock
from complaints.models import ComplaintMisconduct
from tests.complaints.helpers import login
from tests.complaints.test_complaint_handoff_http import _investigate


def test_retaliation_and_handler_misconduct_go_to_accountability_once_each(people):
    complaint = _investigate(people)
    matter_id = complaint.matter_id
    officer = login(people["officer"])
    url = f"/admin/complaints/{complaint.pk}/handoff/misconduct/"
    with freeze_time("2026-10-12 09:00"):
        page = officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "打击报复投诉举报人、办理人员违法：追究责任" in page
        assert "（《行政执法投诉举报制度》第十三条、第十五条）" in page
        form = officer.get(url).content.decode()
        assert "应追究责任的情形（《行政执法投诉举报制度》第十三条、第十五条）" in form
        assert "对投诉举报人打击报复（第十三条）" in form and "失职渎职或者有其他违法行为（第十五条）" in form
        denied = login(people["liaison"]).get(url)
        assert denied.status_code == 403
        assert "只有司法局经办人可以登记打击报复、工作人员违法行为并转入责任追究。" in denied.content.decode()
        empty = officer.post(url, {"kind": "fault", "grounds": ["other"], "misconduct_facts": "x"}).content.decode()
        assert "请选择应追究责任的情形（《行政执法投诉举报制度》第十三条、第十五条）。" in empty
        r = officer.post(url, {"misconduct": "retaliation", "kind": "fault", "grounds": ["other"],
                               "misconduct_facts": "被投诉执法人员2026年10月10日到投诉人店铺以检查为名多次刁难"})
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter_id}/"
        again = officer.post(url, {"misconduct": "retaliation", "kind": "fault", "grounds": ["other"],
                                   "misconduct_facts": "再次刁难"}).content.decode()
        assert "该投诉举报已就“被投诉人或者其他有关当事人干扰、阻碍投诉举报办理，或者对投诉举报人打击报复”转入责任追究，" \
               "不能重复转入。" in again
    first = ComplaintMisconduct.objects.get()
    assert first.article == "《行政执法投诉举报制度》第十三条" and first.found_on == dt.date(2026, 10, 12)
    assert first.case.matter_id == matter_id and first.case.origin == "complaint"
    step = MatterEvent.objects.get(matter_id=matter_id, text__contains="打击报复")
    assert "依《行政执法投诉举报制度》第十三条追究责任。转入责任追究程序。" in step.text
    assert Clock.objects.get(subject_id=str(matter_id), rule_key="fault_transfer_period").due_on == dt.date(2026, 10, 14)
    # the handling staff's own misconduct: the complaint's file has its case, so this one gets a file of its own,
    # the step logged in the complaint's file
    with freeze_time("2026-10-13 09:00"):
        r = officer.post(url, {"misconduct": "handler", "kind": "fault", "grounds": ["other"],
                               "misconduct_facts": "调查人员向被投诉机关泄露投诉人身份"})
        assert r.status_code == 302
    second = ComplaintMisconduct.objects.get(kind="handler")
    assert second.article == "《行政执法投诉举报制度》第十五条" and second.case.matter_id != matter_id
    assert Case.objects.count() == 2
    # 第十五条: the persons concerned are the bureau's own staff — no agency under supervision in that file
    staff_file = second.case.matter
    assert staff_file.agency_id is None and staff_file.jurisdiction == "wulong"
    assert second.case.run_by == "bureau" and second.case.intake_on == dt.date(2026, 10, 13)
    number = staff_file.number
    assert MatterEvent.objects.filter(matter_id=matter_id,
                                      text__contains=f"已在{number}中对本机关工作人员受理责任追究").exists()
    with freeze_time("2026-10-13 10:00"):
        page = officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        case_page = officer.get(f"/admin/casework/{staff_file.pk}/").content.decode()
        liaison_page = login(people["liaison"]).get(f"/admin/casework/{staff_file.pk}/")
        listing = login(people["liaison"]).get("/admin/casework/").content.decode()
    assert "<td>2026-10-12</td>" in page and "<td>《行政执法投诉举报制度》第十五条</td>" in page and number in page
    assert "<td>武隆区司法局（本机关工作人员）</td>" in page
    assert "<strong>追究对象</strong>：武隆区司法局（本机关工作人员）" in case_page
    assert "（《行政执法投诉举报制度》第十五条：受理机关工作人员）" in case_page
    assert people["agency"].name not in case_page.split("<strong>追究对象</strong>")[1].split("</div>")[0]
    # the complained-about agency's liaison never reads the bureau's own staff file
    assert liaison_page.status_code == 302 and liaison_page["Location"] == "/admin/" and number not in listing


def _screen(client, pk: int) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/admin/complaints/{pk}/")
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_the_complaint_screen_reads_its_misconduct_rows_in_constant_queries(people):
    """The misconduct table (第十三条、第十五条) on the complaint's screen: one row or two, the same query count."""
    complaint = _investigate(people)
    officer = login(people["officer"])
    url = f"/admin/complaints/{complaint.pk}/handoff/misconduct/"
    with freeze_time("2026-10-12 09:00"):
        assert officer.post(url, {"misconduct": "retaliation", "kind": "fault", "grounds": ["other"],
                                  "misconduct_facts": "被投诉执法人员到投诉人店铺多次刁难"}).status_code == 302
        _screen(officer, complaint.pk)  # warm: content types, the calendar and the profile are cached
        one, html = _screen(officer, complaint.pk)
    assert html.count("<td>《行政执法投诉举报制度》第十三条</td>") == 1
    with freeze_time("2026-10-12 10:00"):
        assert officer.post(url, {"misconduct": "handler", "kind": "fault", "grounds": ["other"],
                                  "misconduct_facts": "调查人员向被投诉机关泄露投诉人身份"}).status_code == 302
        _screen(officer, complaint.pk)
        two, html = _screen(officer, complaint.pk)
    assert html.count("<td>《行政执法投诉举报制度》第十三条</td>") == 1
    assert html.count("<td>《行政执法投诉举报制度》第十五条</td>") == 1
    assert two == one
