"""申诉 decided and answered with a clock (004 行政执法投诉举报制度 第十四条) and the unfounded branch explained to
the complainant (第九条). The rules give no appeal window or answer period: the Wulong profile's reading is
30 days from the reply for the appeal, 30 days from its receipt for the answer (calendar days, then the
rest-day roll). Over HTTP as the role users, the clock frozen, literal dates counted by hand."""
from freezegun import freeze_time

from complaints.models import Complaint
from decisions.models import DecisionRecord
from tests.complaints.helpers import complaint_reviewed, login
from tests.flows.worklist_pages import card, inbox


def _unfounded(people) -> Complaint:
    return complaint_reviewed(people, opinion="执法记录仪视频显示执法人员未推搡当事人，反映情况不实。", outcome="unfounded",
                              decision="反映情况不实，向投诉举报人说明情况。")


def test_unfounded_reply_explains_and_states_the_appeal_window(people):
    complaint = _unfounded(people)
    officer = login(people["officer"])
    url = f"/admin/complaints/{complaint.pk}/reply/"
    with freeze_time("2026-10-22 10:00"):
        # 第九条: the unfounded branch must explain to the complainant
        r = officer.post(url, {"text": "经调查，你反映的执法人员推搡行为不属实。"})
        assert r.status_code == 400
        assert ("投诉举报反映情况不实的，应当向投诉举报人说明情况并做好解释工作（《行政执法投诉举报制度》第九条），"
                "请填写向投诉举报人说明的情况。") in r.content.decode()
        assert not complaint.notices.filter(kind="complaint_reply").exists()
        r = officer.post(url, {"text": "经调查，你反映的执法人员推搡行为不属实。",
                               "explanation": "经调取2026年9月20日执法记录仪视频，执法人员全程未与你发生肢体接触"})
        assert r.status_code == 302
    notice = complaint.notices.get(kind="complaint_reply")
    assert notice.body.split("\n") == [
        notice.body.split("\n")[0],
        "经调查，你反映的执法人员推搡行为不属实。",
        "经调查，你反映的情况不属实。依据《行政执法投诉举报制度》第九条，现将有关情况向你说明如下："
        "经调取2026年9月20日执法记录仪视频，执法人员全程未与你发生肢体接触。如对上述说明有疑问，可以向本机关咨询。",
        # 30 days from 10-22 is Saturday 11-21 → Monday 11-23
        "对调查处理决定不服的，可以自本告知书作出之日起30日内（即2026年11月23日前）向本机关提出申诉。"]
    assert "结论为：反映情况不实" in notice.body.split("\n")[0]


def test_appeal_after_its_deadline_is_refused_and_one_in_time_is_decided_and_answered_on_its_clock(people):
    complaint = _unfounded(people)
    officer, leader = login(people["officer"]), login(people["leader"])
    with freeze_time("2026-10-22 10:00"):
        assert officer.post(f"/admin/complaints/{complaint.pk}/reply/", {
            "text": "经调查，你反映的情况不属实。", "explanation": "执法记录仪视频显示执法人员未推搡你"}).status_code == 302
    appeal_url = f"/admin/complaints/{complaint.pk}/appeal/"
    with freeze_time("2026-11-24 10:00"):
        screen = officer.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "申诉期限30日，至2026-11-23届满" in screen
        late = officer.post(appeal_url, {"received_on": "2026-11-24", "text": "对调查结论不服。"})
        assert late.status_code == 400
        assert ("申诉已超过期限：调查处理结果于2026-10-22告知，申诉期限为30日，至2026-11-23届满（《行政执法投诉举报制度》"
                "第十四条；") in late.content.decode()
        assert "2026-11-24收到的申诉不予登记。" in late.content.decode()
        assert complaint.appeals.count() == 0
        # received on the last day: recorded, the answer period runs 30 days from it → Wednesday 12-23
        assert officer.post(appeal_url, {"received_on": "2026-11-23", "text": "对调查结论不服。"}).status_code == 302
    appeal = complaint.appeals.get()
    with freeze_time("2026-11-25 09:00"):
        item = card(inbox(people["leader"]), "对申诉作出处理决定并答复")
        assert "2026-12-23" in item and "第十四条" in item
        screen = leader.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "申诉处理和答复期限：至2026-12-23（《行政执法投诉举报制度》第十四条），待答复" in screen
        decide = f"/admin/complaints/{complaint.pk}/appeals/{appeal.pk}/decide/"
        # an officer cannot decide; the head must give reasons
        denied = officer.post(decide, {"outcome": "rejected", "reasons": "维持。"})
        assert denied.status_code == 403 and "申诉须由司法局负责人作出处理决定。" in denied.content.decode()
        r = leader.post(decide, {"outcome": "rejected", "reasons": ""})
        assert r.status_code == 400 and "请填写复查意见" in r.content.decode()
    with freeze_time("2026-12-01 15:00"):
        r = leader.post(decide, {"outcome": "rejected",
                                 "reasons": "原调查认定事实清楚，执法记录仪视频完整，处理适当"})
        assert r.status_code == 302
        again = leader.post(decide, {"outcome": "upheld", "reasons": "再议。"})
        assert again.status_code == 400 and "该申诉已于2026-12-01作出处理决定，不能重复决定。" in again.content.decode()
        screen = leader.get(f"/admin/complaints/{complaint.pk}/").content.decode()
        assert "2026-12-01决定：<strong>申诉不成立，维持原调查处理决定</strong>" in screen
        assert "至2026-12-23（《行政执法投诉举报制度》第十四条），已按期答复" in screen
        assert "对申诉作出处理决定并答复" not in inbox(people["leader"])
    appeal.refresh_from_db()
    answer = appeal.answer
    assert answer.kind == "complaint_appeal_answer" and answer.doc_number == "武隆投申〔2026〕1号"
    assert answer.body.split("\n") == [
        f"你于2026年11月23日对本机关投诉举报（受理编号：{complaint.receipt_number}）调查处理决定提出的申诉收悉。",
        "经复查，本机关认为：原调查认定事实清楚，执法记录仪视频完整，处理适当",
        "本机关决定：申诉不成立，维持原调查处理决定。"]
    record = DecisionRecord.objects.get(process_kind="complaint", outcome="申诉不成立，维持原调查处理决定")
    assert record.doc_number == "武隆投申〔2026〕1号" and record.decided_on.isoformat() == "2026-12-01"
    assert record.article == "《行政执法投诉举报制度》第十四条" and record.confidential
