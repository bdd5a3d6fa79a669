"""Hand-offs from a complaint in its own file (一案一档, 004 监督意见书制度 第十一条): obstruction of the
investigation → 责令限期纠正 (004 监督意见书制度 第十条); substantiated → 监督意见书 and → 责任追究
(004 投诉举报制度 第十一条). Over HTTP as the role users, the clock frozen, literal numbers and dates."""
import datetime as dt

from django.test import Client
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document, MatterEvent
from clocks.models import Clock
from complaints.models import Complaint
from letters.models import Letter
from tests.complaints.helpers import complaint_data, login, submit
from tests.letters.letters_http import do_task, serve


def _investigate(people):
    officer = people["officer"]
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(people["agency"]))
    complaint = Complaint.objects.get()
    with freeze_time("2026-09-30 09:00"):
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
    with freeze_time("2026-10-09 09:00"):
        r = login(officer).post(f"/admin/complaints/{complaint.pk}/investigators/", {
            "users": [officer.pk, people["officer2"].pk], "no_interest": "on"})
        assert r.status_code == 302
    complaint.refresh_from_db()
    return complaint


def _review(people, complaint, outcome="substantiated"):
    with freeze_time("2026-10-20 10:00"):
        r = login(people["officer"]).post(f"/admin/complaints/{complaint.pk}/opinion/", {"text": "投诉属实。"})
        assert r.status_code == 302
        r = login(people["leader"]).post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "李局长、周副局长、吴副局长", "outcome": outcome,
            "decision": "执法人员检查店铺时推搡辱骂当事人属实，责令限期改正。"})
        assert r.status_code == 302


def test_obstructed_investigation_is_ordered_to_correct_in_the_complaints_file(people):
    """004 监督意见书制度 第十条: 不配合调查 → 责令限期纠正 (10 WD from receipt, platform default) in the same file."""
    complaint = _investigate(people)
    matter_id = complaint.matter_id
    officer = login(people["officer"])
    url = f"/admin/complaints/{complaint.pk}/handoff/obstruction/"
    with freeze_time("2026-10-09 10:00"):
        assert "被投诉举报机关不配合调查：责令限期纠正" in officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        # wrong role: the agency's own liaison may not order itself, a Chinese reason
        denied = login(people["liaison"]).post(url, {"findings": "x", "request": "y"})
        assert denied.status_code == 403 and "只有司法局经办人可以登记妨碍调查并责令纠正" in denied.content.decode()
        r = officer.post(url, {"findings": "2026年10月9日调取执法记录仪视频，该局以设备故障为由拒绝提供。",
                               "request": "于收到本通知书后提供2026年9月20日执法记录仪视频及检查记录。"})
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter_id}/"
        # twice: refused with a message, no second order
        again = officer.post(url, {"findings": "又拒绝。", "request": "提供。"})
        assert again.status_code == 200 and "不能重复制发" in again.content.decode()
    letter = Letter.objects.get()
    assert letter.matter_id == matter_id and letter.state == "ordering" and letter.ground == "obstruction"
    assert letter.ground_article == "《行政执法监督意见书制度》第十条"
    with freeze_time("2026-10-09 11:00"):
        do_task(people["officer"], complaint.matter, "起草逾期处理文书", {"text": "提供执法记录仪视频及检查记录。"})
        do_task(people["leader"], complaint.matter, "签发逾期处理文书", {"confirm": "on"})
    order = Document.objects.get(kind="correction_order")
    assert order.matter_id == matter_id and order.doc_number == "武隆监纠〔2026〕1号"
    assert order.addressee == "武隆区市场监督管理局" and order.article == "《行政执法监督意见书制度》第十条"
    assert order.body.startswith("经查，你单位不配合行政执法监督机构调查工作，妨碍行政执法监督人员依法履行监督职责。"
                                 "2026年10月9日调取执法记录仪视频")
    assert "逾期不纠正的，本机关将依法予以通报。" in order.body
    with freeze_time("2026-10-12 09:00"):
        serve(people["officer"], order, "2026-10-12")
    # 10 working days from receipt on Monday 2026-10-12 → Monday 2026-10-26
    due = Clock.objects.get(subject_id=str(matter_id), rule_key="decision_report_period")
    assert due.due_on == dt.date(2026, 10, 26) and str(due.citation) == "《行政执法监督意见书制度》第十条"
    # the investigation goes on in the same file: the complaint is still being handled
    complaint.refresh_from_db()
    assert complaint.status == "accepted"
    html = officer.get(f"/admin/casework/{matter_id}/").content.decode()
    assert "责令限期纠正通知书办理情况" in html and "武隆监纠〔2026〕1号" in html
    # the finding that follows gets its own letter beside the order, in the same file
    _review(people, complaint)
    with freeze_time("2026-10-21 09:00"):
        r = officer.post(f"/admin/complaints/{complaint.pk}/handoff/letter/", {
            "ground": "acts", "findings": "推搡辱骂属实。", "request": "批评教育。"})
        assert r.status_code == 302
    states = Letter.objects.filter(matter_id=matter_id).order_by("pk").values_list("ground", "state")
    assert list(states) == [("obstruction", "executing"), ("acts", "drafting")]


def test_handoff_before_the_complaint_is_substantiated_is_refused_and_writes_nothing(people):
    complaint = _investigate(people)
    officer = login(people["officer"])
    with freeze_time("2026-10-09 10:00"):
        r = officer.post(f"/admin/complaints/{complaint.pk}/handoff/letter/", {
            "ground": "acts", "findings": "推搡辱骂。", "request": "改正。"})
        assert r.status_code == 200
        assert "投诉举报尚未经领导集体讨论审定为查证属实（或部分属实），不能转入监督意见书程序" in r.content.decode()
        r = officer.post(f"/admin/complaints/{complaint.pk}/handoff/accountability/", {
            "kind": "fault", "grounds": ["rude"]})
        assert r.status_code == 200 and "不能转入责任追究程序（《行政执法投诉举报制度》第十一条）" in r.content.decode()
    assert not Letter.objects.exists() and not Case.objects.exists()
    assert not MatterEvent.objects.filter(text__contains="转入").exists()
    # an unfounded complaint never gets there either
    _review(people, complaint, outcome="unfounded")
    with freeze_time("2026-10-21 10:00"):
        r = officer.post(f"/admin/complaints/{complaint.pk}/handoff/letter/", {
            "ground": "acts", "findings": "推搡辱骂。", "request": "改正。"})
        assert r.status_code == 200 and "不能转入监督意见书程序" in r.content.decode()
    assert not Letter.objects.exists()


def test_substantiated_complaint_hands_off_to_the_letter_and_to_accountability_in_the_same_file(people):
    """004 投诉举报制度 第十一条: 查证属实的，责令限期改正，并可追究责任人的责任 — one file."""
    complaint = _investigate(people)
    _review(people, complaint)
    matter_id = complaint.matter_id
    officer = login(people["officer"])
    with freeze_time("2026-10-21 09:00"):
        page = officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "制发行政执法监督意见书，责令限期改正" in page and "转入责任追究" in page
        form = officer.get(f"/admin/complaints/{complaint.pk}/handoff/letter/").content.decode()
        # the facts the collective review found are carried into the letter's form
        assert "执法人员检查店铺时推搡辱骂当事人属实，责令限期改正。" in form
        denied = login(people["liaison"]).post(f"/admin/complaints/{complaint.pk}/handoff/letter/", {
            "ground": "acts", "findings": "x", "request": "y"})
        assert denied.status_code == 403 and "只有司法局经办人可以将投诉举报转入监督意见书程序" in denied.content.decode()
        r = officer.post(f"/admin/complaints/{complaint.pk}/handoff/letter/", {
            "ground": "acts", "findings": "执法人员检查店铺时推搡辱骂当事人属实。",
            "request": "对涉事执法人员进行批评教育，向当事人赔礼道歉。"})
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter_id}/"
        again = officer.post(f"/admin/complaints/{complaint.pk}/handoff/letter/", {
            "ground": "procedure", "findings": "再次。", "request": "再次。"})
        assert again.status_code == 200 and "本投诉举报已转入监督意见书程序，不能重复转入。" in again.content.decode()
        r = officer.post(f"/admin/complaints/{complaint.pk}/handoff/accountability/", {
            "kind": "fault", "grounds": ["rude"]})
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter_id}/"
        again = officer.post(f"/admin/complaints/{complaint.pk}/handoff/accountability/", {
            "kind": "fault", "grounds": ["rude"]})
        assert again.status_code == 200 and "本事项已转入责任追究，不能重复转入。" in again.content.decode()
    letter = Letter.objects.get()
    case = Case.objects.get()
    assert letter.matter_id == matter_id and case.matter_id == matter_id
    assert letter.ground_article == "《行政执法监督意见书制度》第七条第（六）项" and letter.state == "drafting"
    assert case.origin == "complaint" and case.intake_on == dt.date(2026, 10, 21)
    # the accountability case's own clock: transfer within 2 calendar days of intake (过错 第十条第（一）项)
    transfer = Clock.objects.get(subject_id=str(matter_id), rule_key="fault_transfer_period")
    assert transfer.due_on == dt.date(2026, 10, 23)
    with freeze_time("2026-10-21 10:00"):
        do_task(people["officer"], complaint.matter, "起草监督建议书（意见书）", {
            "ground": "acts", "findings": "执法人员检查店铺时推搡辱骂当事人属实。", "request": "批评教育，赔礼道歉。"})
        do_task(people["leader"], complaint.matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
    doc = Document.objects.get(kind="opinion_letter")
    assert doc.matter_id == matter_id and doc.doc_number == "武隆监意〔2026〕1号"
    # the reply to the complainant ends the complaint, not the file: the letter and the case still run
    with freeze_time("2026-10-22 10:00"):
        r = officer.post(f"/admin/complaints/{complaint.pk}/reply/", {"text": "经调查属实，已责令改正。"})
        assert r.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "answered" and complaint.matter.status == "open"
    assert MatterEvent.objects.filter(matter_id=matter_id, text__contains="事项暂不办结").exists()
    html = officer.get(f"/admin/casework/{matter_id}/").content.decode()
    assert "行政执法监督意见书办理情况" in html and "武隆监意〔2026〕1号" in html and "责任追究" in html


def test_substantiated_complaint_suspected_crime_is_referred_by_the_head_once(people):
    """004 投诉举报制度 第十一条: 涉嫌构成犯罪的，依法移送司法机关处理 — the head decides, recorded in the file."""
    from decisions.models import DecisionRecord

    complaint = _investigate(people)
    url = f"/admin/complaints/{complaint.pk}/handoff/referral/"
    data = {"to": "重庆市武隆区公安局", "reasons": "执法人员殴打当事人致轻伤，涉嫌故意伤害。"}
    with freeze_time("2026-10-09 10:00"):
        early = login(people["leader"]).post(url, data)
        assert early.status_code == 200 and "不能转入移送司法机关（《行政执法投诉举报制度》第十一条）" in early.content.decode()
        assert not Document.objects.filter(kind="matter_referral").exists()
    _review(people, complaint)
    with freeze_time("2026-10-21 09:00"):
        officer = login(people["officer"]).post(url, data)
        assert officer.status_code == 403 and "只有司法局负责人可以决定移送司法机关。" in officer.content.decode()
        r = login(people["leader"]).post(url, data)
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{complaint.matter_id}/"
        again = login(people["leader"]).post(url, data)
        assert again.status_code == 200
        assert "本事项已于2026-10-21移送重庆市武隆区公安局，不能重复移送。" in again.content.decode()
    record = DecisionRecord.objects.get(outcome="涉嫌构成犯罪，移送司法机关处理")
    assert record.confidential and record.subject == complaint.matter
    assert record.article == "《行政执法投诉举报制度》第十一条" and record.decided_on == dt.date(2026, 10, 21)
    # the 移送函 (referrals.services.refer, the one door): to the receiving organ, in the complaint's file
    letter = Document.objects.get(kind="matter_referral")
    assert letter.matter == complaint.matter and letter.addressee == "重庆市武隆区公安局"
    assert letter.doc_number == "武隆移〔2026〕1号" and record.doc_number == "武隆移〔2026〕1号"
    assert "依据《行政执法投诉举报制度》第十一条的规定" in letter.body
    assert not Letter.objects.exists()
