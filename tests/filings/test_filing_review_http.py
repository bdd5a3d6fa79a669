"""备案审查 of major enforcement decisions (003 第二十二条), over HTTP: the liaison files, the review clock runs from
the filing, the officer reviews 合格 (a DecisionRecord) or finds a problem that opens a supervision letter in the
same file; late filings are counted per agency; a liaison neither sees nor files for another agency."""
import io

import pytest
from freezegun import freeze_time

from casework.models import Agency, Attachment, Matter
from clocks.models import Clock
from decisions.models import DecisionRecord
from filings.models import Filing
from letters.models import Letter
from roles.definitions import EDITOR
from tests.letters.letters_http import login, people

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="decision.pdf"):
    f = io.BytesIO(PDF)
    f.name = name
    return f


def file(client, agency, *, title, number, decided_on, upload=True):
    data = {"agency": agency.pk, "title": title, "decision_number": number, "decided_on": decided_on}
    if upload:
        data["upload"] = pdf()
    return client.post("/admin/filings/new/", data)


@pytest.mark.django_db
def test_liaison_files_officer_reviews_pass_and_finding(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    with freeze_time("2026-03-10 09:00") as frozen:
        response = file(login(p["liaison"]), p["agency"], title="对某超市销售过期食品的行政处罚决定",
                        number="恩市监罚〔2026〕12号", decided_on="2026-03-02")
        assert response.status_code == 302
        filing = Filing.objects.get(decision_number="恩市监罚〔2026〕12号")
        assert (filing.agency, filing.filed_on.isoformat(), filing.due_on.isoformat(), filing.late) == (
            p["agency"], "2026-03-10", "2026-03-23", False)
        assert Attachment.objects.filter(matter=filing.matter).count() == 1
        clock = Clock.objects.get(rule_key="filing_review_period", subject_id=str(filing.matter_id))
        assert (clock.started_on.isoformat(), clock.due_on.isoformat(), clock.article) == (
            "2026-03-10", "2026-04-09", "第二十二条")

        html = login(p["officer"]).get(f"/admin/filings/{filing.pk}/").content.decode()
        assert "2026年04月09日前完成" in html and "第二十二条" in html and "办法未规定期限，平台默认" in html
        assert "应报备截止：2026年03月23日" in html and "按期报备" in html
        # the liaison sees its own filing and the date that bound it, not the bureau's internal review clock
        html = login(p["liaison"]).get(f"/admin/filings/{filing.pk}/").content.decode()
        assert "应报备截止：2026年03月23日" in html and "2026年04月09日前完成" not in html and "审查案卷" not in html

        # a liaison may not review: 403 with the reason, nothing written
        response = login(p["liaison"]).post(f"/admin/filings/{filing.pk}/review/", {"outcome": "passed"})
        assert response.status_code == 403
        assert "只有司法局经办人或负责人可以对备案的重大行政执法决定进行合法性、适当性审查" in response.content.decode()
        editor = make_user("editor_enshi", EDITOR)
        assert login(editor).post(f"/admin/filings/{filing.pk}/review/", {"outcome": "passed"}).status_code == 403
        filing.refresh_from_db()
        assert filing.outcome == "pending" and not DecisionRecord.objects.filter(process_kind="filing").exists()

        frozen.move_to("2026-03-20 15:00")
        # the review waits in the officer's 待办 with its clock, in nobody else's
        todo = login(p["officer"]).get("/workflow/").content.decode()
        assert "审查重大执法决定备案（合法性、适当性）" in todo and "2026-04-09" in todo and "第二十二条" in todo
        for other in (p["liaison"], editor):
            assert "审查重大执法决定备案" not in login(other).get("/workflow/").content.decode()
        response = login(p["officer"]).post(f"/admin/filings/{filing.pk}/review/", {"outcome": "passed"})
        assert response.status_code == 302
        filing.refresh_from_db()
        assert (filing.outcome, filing.reviewed_on.isoformat(), filing.reviewed_by) == (
            "passed", "2026-03-20", p["officer"])
        record = DecisionRecord.objects.get(process_kind="filing")
        assert "审查重大执法决定备案" not in login(p["officer"]).get("/workflow/").content.decode()
        assert (record.outcome, record.decided_on.isoformat(), record.agency, record.doc_number, record.title) == (
            "合格", "2026-03-20", "恩施州市场监督管理局", "恩市监罚〔2026〕12号",
            "恩施州市场监督管理局《对某超市销售过期食品的行政处罚决定》备案审查")
        assert "第二十二条" in record.article
        clock.refresh_from_db()
        assert clock.status == "met"
        assert Matter.objects.get(pk=filing.matter_id).status == "closed"

        # a second filing: the review finds a problem, which opens a letter in the same file
        frozen.move_to("2026-03-23 09:00")
        file(login(p["liaison"]), p["agency"], title="对某药店的行政处罚决定", number="恩市监罚〔2026〕15号",
             decided_on="2026-03-16")
        second = Filing.objects.get(decision_number="恩市监罚〔2026〕15号")
        frozen.move_to("2026-03-25 10:00")
        response = login(p["officer"]).post(f"/admin/filings/{second.pk}/review/", {
            "outcome": "finding", "ground": "illegal_decision",
            "findings": "罚款数额超出本机关裁量基准规定的幅度。", "request": "依法重新作出处罚决定。"})
        assert response.status_code == 302 and response["Location"] == f"/admin/casework/{second.matter_id}/"
        letter = Letter.objects.get()
        assert letter.matter_id == second.matter_id
        html = login(p["officer"]).get(f"/admin/casework/{second.matter_id}/").content.decode()
        assert "重大行政执法决定备案审查：对某药店的行政处罚决定" in html and "起草监督建议书（意见书）" in html
        assert (letter.ground, letter.findings) == ("illegal_decision", "罚款数额超出本机关裁量基准规定的幅度。")
        second.refresh_from_db()
        assert (second.outcome, second.reviewed_on.isoformat()) == ("finding", "2026-03-25")
        assert DecisionRecord.objects.get(process_kind="filing", outcome="存在问题").doc_number == "恩市监罚〔2026〕15号"


@pytest.mark.django_db
def test_late_filing_counted_and_other_agency_refused(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    other_agency = Agency.objects.get(name="恩施其他局")
    with freeze_time("2026-03-30 09:00"):
        # decided 2 March, due 23 March (15 working days, platform default): filed on 30 March = late
        assert file(login(p["liaison"]), p["agency"], title="责令停产停业决定", number="恩市监罚〔2026〕3号",
                    decided_on="2026-03-02", upload=False).status_code == 302
        assert file(login(p["liaison"]), p["agency"], title="吊销许可证决定", number="恩市监罚〔2026〕20号",
                    decided_on="2026-03-20", upload=False).status_code == 302
        late = Filing.objects.get(decision_number="恩市监罚〔2026〕3号")
        assert (late.due_on.isoformat(), late.late) == ("2026-03-23", True)

        html = login(p["officer"]).get("/admin/filings/?year=2026").content.decode()
        row = html[html.index('<tr class="cw-count"><td>恩施州市场监督管理局'):]
        assert row[:row.index("</tr>")] == ('<tr class="cw-count"><td>恩施州市场监督管理局</td><td>2</td>'
                                            '<td class="cw-late">1</td><td>2</td>')

        # the other agency's liaison: cannot see the register entries nor a filing, cannot file for the agency
        other = login(p["other"])
        html = other.get("/admin/filings/").content.decode()
        assert "责令停产停业决定" not in html and "恩施州市场监督管理局" not in html
        response = other.get(f"/admin/filings/{late.pk}/")
        assert response.status_code == 403
        assert "执法机关联络员只能查看本机关报送的备案" in response.content.decode()
        response = file(other, p["agency"], title="冒报决定", number="恩其〔2026〕1号", decided_on="2026-03-20",
                        upload=False)
        assert response.status_code == 403
        assert "执法机关联络员只能报备本机关作出的重大行政执法决定" in response.content.decode()
        assert not Filing.objects.filter(decision_number="恩其〔2026〕1号").exists()
        # its own agency is fine
        assert file(other, other_agency, title="本机关决定", number="恩其〔2026〕2号", decided_on="2026-03-20",
                    upload=False).status_code == 302

        # the officer enters a filing for an agency (received on paper), with the decision's text
        assert file(login(p["officer"]), p["agency"], title="纸质报送的处罚决定", number="恩市监罚〔2026〕21号",
                    decided_on="2026-03-27").status_code == 302
        entered = Filing.objects.get(decision_number="恩市监罚〔2026〕21号")
        assert (entered.filed_by, entered.agency, entered.late) == (p["officer"], p["agency"], False)
        assert Attachment.objects.get(matter=entered.matter).uploaded_by == p["officer"]

        # a bad date: a form error, nothing written
        count = Filing.objects.count()
        response = file(login(p["liaison"]), p["agency"], title="日期有误的决定", number="恩市监罚〔2026〕30号",
                        decided_on="2026-02-30", upload=False)
        assert response.status_code == 200
        assert "决定日期格式不正确" in response.content.decode()
        response = file(login(p["liaison"]), p["agency"], title="日期有误的决定", number="恩市监罚〔2026〕30号",
                        decided_on="2026-04-02", upload=False)
        assert response.status_code == 200
        assert "决定日期（2026年04月02日）不能晚于报备日期（2026年03月30日）" in response.content.decode()
        # a file that is not an allowed document: a form error, and neither the filing nor its file is written
        bad = io.BytesIO(b"MZ\x90\x00 not a document")
        bad.name = "decision.exe"
        response = login(p["liaison"]).post("/admin/filings/new/", {
            "agency": p["agency"].pk, "title": "附件有误的决定", "decision_number": "恩市监罚〔2026〕31号",
            "decided_on": "2026-03-20", "upload": bad})
        assert response.status_code == 200 and "不支持的文件类型“.exe”" in response.content.decode()
        assert Filing.objects.count() == count and not Matter.objects.filter(title__contains="有误").exists()


@pytest.mark.django_db
def test_menu_item_where_the_rules_have_filing_review(make_user):
    """Enshi's liaison finds 重大执法决定备案 in the 监督办案 menu; Wanzhou's rules have no 备案审查, its liaison does not."""
    from tests.roles.test_admin_menu_by_role import labels_for

    p = people(make_user, "enshi", "恩施州市场监督管理局")
    wanzhou = people(make_user, "wanzhou", "万州区市场监督管理局")
    assert "重大执法决定备案" in labels_for(p["liaison"])[1]
    assert "重大执法决定备案" in labels_for(p["officer"])[1]
    assert "重大执法决定备案" not in labels_for(wanzhou["liaison"])[1]
    # and the filing form offers only agencies under rules with 备案审查
    html = login(p["officer"]).get("/admin/filings/new/").content.decode()
    assert "恩施州市场监督管理局" in html and "万州区市场监督管理局" not in html
