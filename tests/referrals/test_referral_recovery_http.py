"""Referrals as recorded steps with their documents, and recovery (Wulong 004): from a complaint and from the
accountability case in the same file (一案一档), only after the step each follows has ended — suspected crime
to the judicial organs (投诉 第十一条), breaches of discipline to the supervisory organs and sanctions to the
personnel department (错案 第四条); compensation shares fixed and 追偿 recorded (错案 第十二条第二款).
Over HTTP as the role users, the clock frozen, literal numbers and dates."""
import datetime as dt

from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from decisions.models import DecisionRecord
from referrals.models import Recovery, Referral
from roles.definitions import LIAISON
from roles.models import StaffProfile
from tests.complaints.helpers import complaint_reviewed, login
from tests.coordination.helpers import do_task


def _substantiated_with_wrong_case(people, make_user):
    officer = people["officer"]
    zhang = make_user("zhangwei", LIAISON)
    StaffProfile.objects.create(user=zhang, agency=people["agency"])
    complaint = complaint_reviewed(people, opinion="投诉属实。", outcome="substantiated",
                                   decision="执法人员隐瞒证据作出处罚，处罚决定已被撤销并赔偿，查证属实。")
    with freeze_time("2026-10-21 09:00"):
        r = login(officer).post(f"/admin/complaints/{complaint.pk}/handoff/accountability/", {
            "kind": "wrong_case", "wrong_ground": "complaint"})
        assert r.status_code == 302, r.content.decode()[-2000:]
    complaint.refresh_from_db()
    return complaint, Case.objects.get(matter=complaint.matter), zhang


def test_referrals_from_the_complaint_and_the_case_in_one_file_and_recovery(people, make_user):
    complaint, case, zhang = _substantiated_with_wrong_case(people, make_user)
    matter = complaint.matter
    officer, leader = login(people["officer"]), login(people["leader"])
    to_case = f"/admin/referrals/matter/{matter.pk}/accountability/"
    with freeze_time("2026-10-22 09:00"):
        do_task(officer, "审查管辖", {"competent": "yes"})
        do_task(officer, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "张伟故意隐瞒当事人提交的证据，王磊审核未尽职。",
            "p0_name": "张伟", "p0_username": "zhangwei", "p0_position": "直接执法人员", "p0_share": "direct",
            "p1_name": "王磊", "p1_position": "审核人", "p1_share": "all_share"})
        # the case has not been decided: a referral from it is refused, nothing written
        early = leader.post(to_case, {"destination": "personnel", "to": "武隆区人力资源和社会保障局",
                                      "reasons": "建议给予行政处分。"})
        assert early.status_code == 200
        assert ("移送须在其所依据的环节办结后进行：责任追究案件尚未经领导集体讨论作出处理决定（当前环节：待领导集体讨论决定），"
                "不能移送（《行政执法错案责任倒查问责制度》第四条）。") in early.content.decode()
        assert not Referral.objects.exists() and not Document.objects.filter(kind="matter_referral").exists()
        # the wrong role: an officer may not decide a referral
        denied = officer.post(to_case, {"destination": "personnel", "to": "x", "reasons": "y"})
        assert denied.status_code == 403 and "只有司法局负责人可以决定移送。" in denied.content.decode()
        zw, wl = case.persons.get(name="张伟"), case.persons.get(name="王磊")
        do_task(leader, "领导集体讨论作出处理决定", {
            "discussion": "2026年10月22日局务会", f"s_{zw.pk}": ["sanction"], f"a_{zw.pk}": ["intent"],
            f"s_{wl.pk}": ["criticism"]})

    with freeze_time("2026-10-23 10:00"):
        page = leader.get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "移送（投诉举报）" in page and "移送（责任追究）" in page and "行政赔偿追偿" in page
        # from the accountability case: sanctions to the personnel department (错案 第四条)
        r = leader.post(to_case, {"destination": "personnel", "to": "武隆区人力资源和社会保障局", "persons": "张伟",
                                  "reasons": "张伟故意隐瞒证据造成错案，建议依法给予行政处分"})
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter.pk}/"
        again = leader.post(to_case, {"destination": "personnel", "to": "武隆区人力资源和社会保障局",
                                      "reasons": "再次移送。"})
        assert again.status_code == 200
        assert "本事项已于2026-10-23移送武隆区人力资源和社会保障局，不能重复移送。" in again.content.decode()
        # from the complaint in the same file: suspected crime to the judicial organs (投诉 第十一条)
        r = leader.post(f"/admin/complaints/{complaint.pk}/handoff/referral/", {
            "to": "重庆市武隆区人民检察院", "reasons": "张伟隐瞒证据，涉嫌徇私舞弊。"})
        assert r.status_code == 302

    personnel, judicial = Referral.objects.get(destination="personnel"), Referral.objects.get(destination="judicial")
    assert personnel.matter == matter == judicial.matter
    assert personnel.source == "accountability" and judicial.source == "complaint"
    assert personnel.article == "《行政执法错案责任倒查问责制度》第四条"
    assert judicial.article == "《行政执法投诉举报制度》第十一条"
    assert personnel.document.doc_number == "武隆移〔2026〕1号" and judicial.document.doc_number == "武隆移〔2026〕2号"
    assert personnel.document.addressee == "武隆区人力资源和社会保障局"
    assert personnel.document.body.split("\n")[1] == (
        "上述问题属于给予处分，移送人事部门的情形。依据《行政执法错案责任倒查问责制度》第四条的规定，"
        "现将张伟有关问题移送你单位依法处理，相关材料随函附送。")
    record = personnel.record
    assert record.confidential and record.process_kind == "accountability" and record.doc_number == "武隆移〔2026〕1号"
    assert record.decided_on == dt.date(2026, 10, 23) and record.outcome == "给予处分，移送人事部门"
    # the agency's liaison does not see the referrals on the matter screen
    liaison_page = login(people["liaison"]).get(f"/admin/casework/{matter.pk}/").content.decode()
    assert "武隆区人力资源和社会保障局" not in liaison_page and "移送与追偿" not in liaison_page

    recover = f"/admin/referrals/matter/{matter.pk}/recovery/"
    with freeze_time("2026-11-10 10:00"):
        data = {"compensation": "20000", "paid_on": "2026-11-02", "basis": "张伟故意隐瞒证据，导致处罚决定被撤销并赔偿。"}
        # 王磊 acted without intent or gross negligence: no recovery from him (错案 第十二条第二款)
        r = leader.post(recover, {**data, f"share_{zw.pk}": "8000", f"share_{wl.pk}": "2000"})
        assert r.status_code == 200
        assert ("王磊的处理决定中没有故意或者重大过失（从重情形“故意或者有重大过失”），不能向其追偿"
                "（《行政执法错案责任倒查问责制度》第十二条第二款）。") in r.content.decode()
        r = leader.post(recover, {**data, f"share_{zw.pk}": "25000"})
        assert r.status_code == 200 and "追偿金额合计25000.00元，超过已支付的行政赔偿金额20000.00元。" in r.content.decode()
        assert not Recovery.objects.exists()
        r = leader.post(recover, {**data, f"share_{zw.pk}": "8000"})
        assert r.status_code == 302
        page = leader.get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "已支付行政赔偿金20000.00元（2026-11-02）；张伟8000.00元" in page
    recovery = Recovery.objects.get()
    assert recovery.shares == [{"person": zw.pk, "name": "张伟", "amount": "8000.00"}]
    assert recovery.document.doc_number == "武隆追偿〔2026〕1号" and recovery.decided_on == dt.date(2026, 11, 10)
    assert "张伟（直接执法人员）：8000.00元" in recovery.document.body
    own = DecisionRecord.objects.get(party_user=zhang, outcome="追偿8000.00元")
    assert own.article == "《行政执法错案责任倒查问责制度》第十二条第二款" and own.confidential
    with freeze_time("2026-11-11 09:00"):
        assert "追偿8000.00元" in login(zhang).get("/admin/accountability/mine/").content.decode()
