"""12345 hotline work orders in Enshi (issue 24 item 1, 003 第十条) over HTTP with a frozen clock: an officer enters a
work order (number unique in the jurisdiction, date received, the caller masked in the list); it runs through the
complaint process; once settled it is answered back to the hotline (reply letter, state, the Excel export); an import
with bad cells reports each in Chinese and stores nothing; a good import stores every row."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from freezegun import freeze_time
from openpyxl import Workbook, load_workbook

from casework.models import Agency
from complaints.models import Complaint, HotlineOrder, Notice
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.complaints.helpers import login
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db
HEADER = ["工单编号", "收到日期", "来电人", "联系电话", "被反映机关", "诉求内容", "热线要求办结日期"]


@pytest.fixture
def enshi(db, make_user):
    agency = Agency.objects.create(jurisdiction="enshi", name="恩施州交通运输局")
    liaison = make_user("lx_es", LIAISON)
    StaffProfile.objects.create(user=liaison, agency=agency)
    Agency.objects.create(jurisdiction="enshi", name="恩施州林业局")  # no liaison: cannot be addressed
    return {"agency": agency, "liaison": liaison, "officer": make_user("es_officer", OFFICER, first_name="向经办"),
            "leader": make_user("es_leader", LEADER, first_name="覃局长")}


def order_data(agency, **extra) -> dict:
    data = {"jurisdiction": "enshi", "order_number": "ES20261106001", "received_on": "2026-11-06",
            "hotline_due_on": "2026-11-20", "agency": str(agency.pk), "caller_name": "向先生",
            "caller_phone": "13907181234", "content": "反映执法人员查车时态度粗暴、未出示执法证件。"}
    data.update(extra)
    return data


def sheet(*rows) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in rows:
        ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("工单.xlsx", buf.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def test_a_work_order_is_entered_runs_as_a_complaint_and_is_answered_back(enshi):
    officer, agency = enshi["officer"], enshi["agency"]
    client = login(officer)
    with freeze_time("2026-11-09 10:00"):
        form = client.get("/admin/complaints/hotline/new/?jurisdiction=enshi").content.decode()
        assert "《恩施土家族苗族自治州行政执法监督办法》第十条第一款" in form and "未规定工单办理和回复期限" in form
        r = client.post("/admin/complaints/hotline/new/", order_data(agency))
        assert r.status_code == 302
        order = HotlineOrder.objects.get()
        complaint = order.complaint
        assert order.received_on.isoformat() == "2026-11-06" and complaint.channel == "hotline"
        assert complaint.received_on.isoformat() == "2026-11-06" and complaint.status == "received"
        assert complaint.receipt_number == "恩施投〔2026〕1号" and complaint.id_number == ""
        detail = client.get(r["Location"]).content.decode()
        assert "ES20261106001" in detail and "办理中：已收到，待审核" in detail and "13907181234" not in detail
        # 受理审核 runs from the day the order was received: 7 working days from Friday 2026-11-06
        assert "期限：2026-11-17" in card(inbox(officer), "受理审核")
        # the list masks the caller
        listing = client.get("/admin/complaints/hotline/?jurisdiction=enshi").content.decode()
        assert "向**" in listing and "139****1234" in listing and "13907181234" not in listing
        assert "向先生" not in listing and "2026-11-20" in listing
        # the same number again: refused in Chinese, nothing written
        again = client.post("/admin/complaints/hotline/new/", order_data(agency, content="另一次来电"))
        assert again.status_code == 200
        assert "工单编号ES20261106001已于2026-11-06登记（受理编号恩施投〔2026〕1号），不能重复登记。" in again.content.decode()
        assert HotlineOrder.objects.count() == 1 and Complaint.objects.count() == 1
        # a date received in the future, a due date before it: refused with the field's message
        bad = client.post("/admin/complaints/hotline/new/", order_data(
            agency, order_number="ES20261106002", received_on="2026-11-10", hotline_due_on="2026-11-01"))
        page = bad.content.decode()
        assert "收到日期不能晚于今天。" in page and Complaint.objects.count() == 1
        # not yet settled: answering back is refused
        early = client.post(f"/admin/complaints/hotline/{order.pk}/reply/", {"on": "2026-11-09", "text": "办理中"})
        assert early.status_code == 400
        assert "该工单的投诉举报尚未办结（当前：已收到，待审核），办结、不予受理或转送后再回复热线。" in early.content.decode()

    with freeze_time("2026-11-10 09:00"):
        r = client.post(f"/admin/complaints/{complaint.pk}/refuse/", {
            "ground": "elsewhere", "reasons": "该事项已由恩施州信访局受理。"})
        assert r.status_code == 302
        item = card(inbox(officer), "回复12345热线工单")
        assert "工单ES20261106001" in item and "期限：2026-11-20" in item
        assert "回复12345热线工单" not in inbox(enshi["liaison"])
        detail = client.get(f"/admin/complaints/hotline/{order.pk}/").content.decode()
        assert "待回复热线" in detail and "经审核不予受理：已由监察、信访或其他机关受理" in detail
        r = client.post(f"/admin/complaints/hotline/{order.pk}/reply/", {
            "on": "2026-11-10", "text": "已告知来电人向恩施州信访局了解办理进展。"})
        assert r.status_code == 302
        order.refresh_from_db()
        assert order.state == "已回复热线" and order.replied_on.isoformat() == "2026-11-10"
        assert order.replied_by == officer
        letter = Notice.objects.get(kind="hotline_reply")
        assert letter.doc_number == "恩施热复〔2026〕1号" and order.reply_notice == letter
        assert "你中心转办的工单（工单编号：ES20261106001）于2026年11月6日收到" in letter.body
        assert letter.article == "《恩施土家族苗族自治州行政执法监督办法》第十条第一款"
        assert client.get(f"/admin/complaints/notices/{letter.pk}.pdf").status_code == 200
        assert "回复12345热线工单" not in inbox(officer)
        twice = client.post(f"/admin/complaints/hotline/{order.pk}/reply/", {"on": "2026-11-10", "text": "再次回复"})
        assert twice.status_code == 400 and "该工单已于2026-11-10回复热线，不能重复回复。" in twice.content.decode()
        assert Notice.objects.filter(kind="hotline_reply").count() == 1
        order.refresh_from_db()
        assert order.reply_text == "已告知来电人向恩施州信访局了解办理进展。"
        # the export the hotline takes: state and answer, no personal data
        export = client.get("/admin/complaints/hotline/export.xlsx?jurisdiction=enshi")
        assert export.status_code == 200
        ws = load_workbook(io.BytesIO(export.content)).active
        row = [c.value for c in ws[2]]
        assert row[0] == "ES20261106001" and row[3] == "恩施投〔2026〕1号" and row[5] == "已回复热线"
        assert row[7].date().isoformat() == "2026-11-10" and row[9] == "恩施热复〔2026〕1号"
        assert "13907181234" not in str([c.value for r in ws.iter_rows() for c in r])
        # a liaison sees no work orders
        assert login(enshi["liaison"]).get("/admin/complaints/hotline/").status_code in (302, 403)


def test_an_import_with_bad_cells_reports_each_and_stores_nothing(enshi):
    client = login(enshi["officer"])
    with freeze_time("2026-11-09 10:00"):
        client.post("/admin/complaints/hotline/new/", order_data(enshi["agency"]))
        bad = sheet(
            ["ES20261109001", "2026-11-09", "李女士", "13907180002", "恩施州交通运输局", "反映罚款未开票据。", ""],
            ["ES20261106001", "2026-11-06", "", "", "恩施州交通运输局", "重复的工单。", ""],
            ["ES20261109002", "2026-13-01", "", "12345", "恩施州公安局", "", ""],
            ["ES20261109003", "2026-11-12", "", "", "恩施州林业局", "反映林业执法问题。", "2026-11-01"],
            ["ES20261109001", "2026/11/9", "", "", "恩施州交通运输局", "表格内重复。", ""],
        )
        r = client.post("/admin/complaints/hotline/import/", {"jurisdiction": "enshi", "file": bad})
        assert r.status_code == 400
        page = r.content.decode()
        for line in ("第3行“工单编号”列：工单编号ES20261106001已于2026-11-06登记（受理编号恩施投〔2026〕1号），不能重复登记。",
                     "第4行“收到日期”列：“2026-13-01”不是日期（如 2026-11-06）。",
                     "第4行“被反映机关”列：“恩施州公安局”不在本辖区执法机关名录中（请填写名录中的机关全称）。",
                     "第4行“诉求内容”列：请填写诉求内容。",
                     "第4行“联系电话”列：请填写有效的手机号码、固定电话（如023-77712345）或电子邮箱。",
                     "第5行“收到日期”列：收到日期不能晚于今天。",
                     "第5行“热线要求办结日期”列：热线要求办结日期不能早于收到日期。",
                     "第6行“工单编号”列：工单编号ES20261109001在表格中重复。"):
            assert line in page, line
        assert "第5行“被反映机关”列：" in page  # 恩施州林业局 has no liaison: it cannot be addressed
        assert "未导入任何工单" in page
        assert HotlineOrder.objects.count() == 1 and Complaint.objects.count() == 1

        good = sheet(["ES20261109001", "2026-11-09", "李女士", "13907180002", "恩施州交通运输局", "反映罚款未开票据。",
                      "2026-11-23"],
                     ["ES20261109002", "2026年11月9日", None, None, "恩施州交通运输局", "反映执法车辆违规停放。", None])
        r = client.post("/admin/complaints/hotline/import/", {"jurisdiction": "enshi", "file": good})
        assert r.status_code == 302
        imported = HotlineOrder.objects.filter(imported=True).order_by("order_number")
        assert [(o.order_number, o.received_on.isoformat(), o.complaint.receipt_number) for o in imported] == [
            ("ES20261109001", "2026-11-09", "恩施投〔2026〕2号"), ("ES20261109002", "2026-11-09", "恩施投〔2026〕3号")]
        assert imported[0].hotline_due_on.isoformat() == "2026-11-23" and imported[1].complaint.name == ""
        assert all(o.complaint.status == "received" for o in imported)
        # not a workbook: one Chinese sentence, nothing stored
        junk = SimpleUploadedFile("x.xlsx", b"not a workbook")
        r = client.post("/admin/complaints/hotline/import/", {"jurisdiction": "enshi", "file": junk})
        assert "文件不是有效的Excel（.xlsx）文件" in r.content.decode() and HotlineOrder.objects.count() == 3


def test_work_orders_are_refused_where_the_rules_do_not_have_them(enshi):
    client = login(enshi["officer"])
    r = client.get("/admin/complaints/hotline/?jurisdiction=wulong")
    assert r.status_code == 404 and "该辖区的规则未规定12345热线转办工单。" in r.content.decode()


def test_enshi_demo_has_a_public_complaint_and_work_orders_one_answered_back(site_tree):
    from casework.demo import load_agencies
    from complaints.demo import load_enshi_complaints
    from demo.site_tree import load_users

    load_users()
    load_agencies()
    with freeze_time("2026-11-27 10:00"):
        load_enshi_complaints()
        load_enshi_complaints()
    orders = {o.order_number: o for o in HotlineOrder.objects.select_related("complaint")}
    assert set(orders) == {"ES20261119001", "ES20261126002"}
    assert orders["ES20261119001"].state == "已回复热线" and orders["ES20261119001"].replied_on.isoformat() == "2026-11-22"
    assert orders["ES20261126002"].state == "办理中：已收到，待审核"
    assert Complaint.objects.filter(jurisdiction="enshi").count() == 3
