"""issue 24 items 11 and 13, driven over HTTP as the supervisor, the officer and the leader, clock frozen:
the yearly evaluation (万州办法 第十三条第（五）项、第七条第二款; 武汉办法 第四条第（六）项) and adjustment on it,
commendation (威海办法 第十七条) as a public notice, prior consent (万州办法 第十一条第（四）（五）项; 武汉办法 第十一条
第（五）项), misconduct referral (万州办法 第十七条), commissioned research (万州办法 第八条第（二）项; 威海办法 第八条第（五）项),
Wuhan's activity support (武汉办法 第四条第（五）项). Where a jurisdiction's rules are silent it is refused."""
import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from freezegun import freeze_time

from activities.models import (
    EXCUSED,
    LEAD,
    OPINION,
    PRESENT,
    UNEXCUSED,
    Activity,
    ActivitySupport,
    Invitation,
    Opinion,
)
from casework.models import Agency
from decisions.models import DecisionRecord
from referrals.models import Referral
from roles.definitions import LEADER, OFFICER, SUPERVISOR
from supervisors.models import (
    SERVING,
    ConsentRequest,
    Dismissal,
    Evaluation,
    ResearchAssignment,
    Supervisor,
    Term,
)
from tests.flows.worklist_pages import card, inbox

pytestmark = pytest.mark.django_db
WANZHOU = "《万州区行政执法监督员管理办法》"


@pytest.fixture(autouse=True)
def _clock():
    with freeze_time("2026-12-06 10:00:00+08:00", tick=True):
        yield


@pytest.fixture
def staff(make_user):
    return {"officer": make_user("duty_officer", OFFICER), "leader": make_user("duty_leader", LEADER)}


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


_n = iter(range(1, 1000))


def supervisor(make_user, jurisdiction="wanzhou", name="陈监督", *, start=dt.date(2024, 6, 18), years=5):
    i = next(_n)
    sup = Supervisor.objects.create(
        jurisdiction=jurisdiction, name=name, gender="female", birth_date=dt.date(1980, 1, 1),
        id_number=f"1101011980010{i:05d}", phone="13800000000", workplace="某律师事务所", status=SERVING,
        user=make_user(f"duty_sup{i}", SUPERVISOR))
    Term.objects.create(supervisor=sup, jurisdiction=jurisdiction, start=start,
                        end=start.replace(year=start.year + years) - dt.timedelta(days=1), article="聘期",
                        certificate_no=f"ZS{i:04d}")
    return sup


def attended(sup, by, statuses, *, year=2026, organiser=None):
    agency = Agency.objects.get_or_create(jurisdiction=sup.jurisdiction, name="区市场监督管理局")[0]
    invitations = []
    for k, status in enumerate(statuses, start=1):
        activity = Activity.objects.create(jurisdiction=sup.jurisdiction, kind="inspection", title=f"第{k}次执法检查",
                                           held_on=dt.date(year, k, 10), place="区政务中心", agency=agency,
                                           organiser=organiser, created_by=by)
        invitations.append(Invitation.objects.create(activity=activity, supervisor=sup, status=status, invited_by=by))
    return invitations


def test_a_wanzhou_supervisors_year_is_counted_graded_by_the_leader_and_the_ground_for_adjustment(make_user, staff):
    chen = supervisor(make_user)
    attended(chen, staff["officer"], [PRESENT, PRESENT, PRESENT, EXCUSED, UNEXCUSED])
    attended(chen, staff["officer"], [PRESENT], year=2025)  # another year does not count
    agency = Agency.objects.get(jurisdiction="wanzhou", name="区市场监督管理局")
    for kind, title in [(OPINION, "意见一"), (OPINION, "意见二"), (LEAD, "线索一")]:
        Opinion.objects.create(jurisdiction="wanzhou", supervisor=chen, kind=kind, agency=agency, title=title, body="内容")

    url = "/admin/supervisor-duties/evaluations/wanzhou/2026/"
    page = login(staff["officer"]).get(url).content.decode()
    assert f"依据{WANZHOU}第十三条第（五）项" in page
    # 受邀 出席 请假 无故缺席 出席率 意见建议 违法线索 调研报告
    assert "<td>5</td><td>3</td><td>1</td><td>1</td><td>60%</td><td>2</td><td>1</td><td>0</td>" in page
    assert "待负责人评定" in page
    # the officer may not grade; the leader must give a reason
    assert login(staff["officer"]).post(url, {"supervisor": chen.pk, "grade": "competent", "note": "好"}
                                        ).url == "/admin/"  # refused (Wagtail redirects with the message)
    refused = login(staff["leader"]).post(url, {"supervisor": chen.pk, "grade": "incompetent", "note": ""})
    assert "请填写评价意见。" in refused.content.decode() and not Evaluation.objects.exists()

    assert login(staff["leader"]).post(url, {"supervisor": chen.pk, "grade": "incompetent",
                                             "note": "全年无故缺席一次，履职不积极"}).status_code == 302
    ev = Evaluation.objects.get(supervisor=chen, year=2026)
    assert (ev.invited, ev.present, ev.excused, ev.unexcused, ev.opinions, ev.leads) == (5, 3, 1, 1, 2, 1)
    assert ev.grade_label == "不称职" and ev.decided_on == dt.date(2026, 12, 6)
    record = DecisionRecord.objects.get(process_kind="evaluation")
    assert record.outcome == "不称职" and record.article == f"{WANZHOU}第十三条第（五）项"
    assert f"可据此在聘任期内作出调整（{WANZHOU}第七条第二款）" in record.body and record.party_user == chen.user
    again = login(staff["leader"]).post(url, {"supervisor": chen.pk, "grade": "competent", "note": "复评"})
    assert "陈监督的2026年度履职评价已评定，不能重复评定。" in again.content.decode()
    assert Evaluation.objects.count() == 1

    # the supervisor sees it on the record
    own = login(chen.user).get("/workflow/my-record/").content.decode()
    assert "<td>2026</td><td>不称职</td><td>3/5</td>" in own and "2026-12-06" in own

    # the officer proposes the adjustment on it: a dismissal proposal that names the evaluation
    record_url = f"/admin/supervisor-duties/supervisors/{chen.pk}/"
    screen = login(staff["officer"]).get(record_url).content.decode()
    assert "依据2026年度履职评价提出调整" in screen
    assert f"2026年度履职评价为“不称职”（{WANZHOU}第十三条第（五）项）" in screen
    response = login(staff["officer"]).post(record_url, {
        "action": "adjust", "evaluation": ev.pk, "ground": "other",
        "statement": "2026年度履职评价为不称职，据此提出调整。"})
    assert response.status_code == 302
    dismissal = Dismissal.objects.get(supervisor=chen)
    assert dismissal.evaluation == ev and dismissal.status == Dismissal.PROPOSED
    assert dismissal.article == f"{WANZHOU}第十八条第（五）项"


def test_weihai_has_no_yearly_evaluation_and_a_grade_is_refused(make_user, staff):
    yu = supervisor(make_user, "weihai", "于海涛", start=dt.date(2025, 3, 1), years=2)
    page = login(staff["leader"]).get("/admin/supervisor-duties/evaluations/weihai/2026/").content.decode()
    assert "山东省威海市的办法未规定对监督员履职情况的评价，本辖区不开展年度评价。" in page
    refused = login(staff["leader"]).post("/admin/supervisor-duties/evaluations/weihai/2026/", {
        "supervisor": yu.pk, "grade": "excellent", "note": "好"})
    assert refused.status_code == 200 and not Evaluation.objects.exists()
    index = login(staff["officer"]).get("/admin/supervisor-duties/?jurisdiction=weihai").content.decode()
    assert "办法未规定对社会监督员履职情况的考核评价；平台不开展年度评价" in index


def test_a_weihai_leader_commends_supervisors_in_a_public_notice(make_user, staff, site_tree):
    yu = supervisor(make_user, "weihai", "于海涛", start=dt.date(2025, 3, 1), years=2)
    sun = supervisor(make_user, "weihai", "孙雪", start=dt.date(2025, 3, 1), years=2)
    url = "/admin/supervisor-duties/commend/weihai/"
    form = login(staff["leader"]).get(url).content.decode()
    assert "依据《威海市行政执法社会监督员管理办法》第十七条" in form
    assert login(staff["officer"]).post(url, {"year": 2026, "supervisors": [yu.pk], "deeds": "事迹"}
                                        ).url == "/admin/"  # refused (Wagtail redirects with the message)
    empty = login(staff["leader"]).post(url, {"year": 2026, "supervisors": [yu.pk, sun.pk], "deeds": ""})
    assert "请填写积极履职、成绩突出的事迹。" in empty.content.decode()
    assert login(staff["leader"]).post(url, {"year": 2026, "supervisors": [yu.pk, sun.pk],
                                             "deeds": "全年提出意见建议12件，均被采纳。"}).status_code == 302

    from public_notices.models import CommendationNoticePage

    page = CommendationNoticePage.objects.get()
    assert page.title == "关于通报表彰2026年度优秀行政执法社会监督员的通报" and page.live
    assert page.commended_names == "于海涛（某律师事务所）、孙雪（某律师事务所）"
    public = Client().get(page.url).content.decode()
    assert "受表彰人员：于海涛（某律师事务所）、孙雪（某律师事务所）" in public
    assert "依据《威海市行政执法社会监督员管理办法》第十七条" in public
    assert "110101" not in public and "13800000000" not in public
    assert DecisionRecord.objects.filter(process_kind="commendation").count() == 2
    assert "通报表彰于海涛（2026年度）" in login(yu.user).get("/workflow/my-record/").content.decode()


def test_wanzhou_rules_do_not_provide_commendation(make_user, staff):
    page = login(staff["leader"]).get("/admin/supervisor-duties/commend/wanzhou/").content.decode()
    assert "本辖区办法未规定此事项。" in page and "办法未规定表彰" in page
    chen = supervisor(make_user)
    from django.core.exceptions import ValidationError

    from supervisors.duties import commendation_publish

    with pytest.raises(ValidationError, match="重庆市万州区的办法未规定通报表彰监督员"):
        commendation_publish(jurisdiction="wanzhou", year=2026, supervisors=[chen], deeds="事迹", by=staff["leader"])


def test_a_wanzhou_supervisor_asks_consent_for_a_media_interview_and_the_leader_decides(make_user, staff):
    chen = supervisor(make_user)
    mine = login(chen.user).get("/admin/supervisor-duties/mine/").content.decode()
    assert "以监督员名义参加社会活动" in mine and "接受新闻媒体采访" in mine
    past = login(chen.user).post("/admin/supervisor-duties/mine/", {
        "action": "consent", "kind": "media", "title": "电视台专访", "details": "万州电视台", "planned_on": "2026-12-05"})
    assert "须在参加之前提出申请：拟参加日期不能早于今天。" in past.content.decode()
    assert login(chen.user).post("/admin/supervisor-duties/mine/", {
        "action": "consent", "kind": "media", "title": "电视台法治栏目专访",
        "details": "万州电视台《法治万州》栏目，谈行政执法监督员履职体会", "planned_on": "2026-12-10"}).status_code == 302
    req = ConsentRequest.objects.get()
    assert req.article == f"{WANZHOU}第十一条第（五）项" and req.status == ConsentRequest.PENDING

    todo = card(inbox(staff["leader"]), "决定是否同意接受新闻媒体采访")
    assert "陈监督：电视台法治栏目专访" in todo and "2026-12-10" in todo
    consents = "/admin/supervisor-duties/consents/"
    assert "电视台法治栏目专访" in login(staff["officer"]).get(consents).content.decode()
    assert login(staff["officer"]).post(consents, {"request": req.pk, "decision": "approve", "note": ""}
                                        ).url == "/admin/"  # refused (Wagtail redirects with the message)
    no_reason = login(staff["leader"]).post(consents, {"request": req.pk, "decision": "refuse", "note": ""})
    assert "不同意的，请写明理由。" in no_reason.content.decode()
    assert login(staff["leader"]).post(consents, {"request": req.pk, "decision": "refuse",
                                                  "note": "涉及正在办理的监督事项，暂不宜接受采访"}).status_code == 302
    req.refresh_from_db()
    assert "决定是否同意接受新闻媒体采访" not in inbox(staff["leader"])
    assert req.status == ConsentRequest.REFUSED and req.decided_on == dt.date(2026, 12, 6)
    record = DecisionRecord.objects.get(process_kind="consent")
    assert record.outcome == "不同意" and record.party_user == chen.user
    own = login(chen.user).get("/workflow/my-record/").content.decode()
    assert "<td>接受新闻媒体采访</td><td>电视台法治栏目专访</td><td>2026-12-10</td><td>2026-12-06</td><td>不同意</td>" in own


def test_consent_kinds_follow_each_jurisdictions_rules(make_user, staff):
    wu = supervisor(make_user, "wuhan", "黄志明", start=dt.date(2025, 9, 10), years=3)
    wei = supervisor(make_user, "weihai", "孙雪", start=dt.date(2025, 3, 1), years=2)
    form = login(wu.user).get("/admin/supervisor-duties/mine/").content.decode()
    assert '<option value="activity">以监督员名义参加社会活动</option>' in form
    assert '<option value="media">' not in form and "办法未规定接受新闻媒体采访须经同意" in form
    refused = login(wu.user).post("/admin/supervisor-duties/mine/", {
        "action": "consent", "kind": "media", "title": "采访", "details": "报社", "planned_on": "2026-12-10"})
    assert "本辖区办法未规定该事项须经同意。" in refused.content.decode()
    assert login(wu.user).post("/admin/supervisor-duties/mine/", {
        "action": "consent", "kind": "activity", "title": "社区普法讲座", "details": "某社区邀请以义务监督员身份讲座",
        "planned_on": "2026-12-12"}).status_code == 302
    assert ConsentRequest.objects.get().article == "《武汉市行政执法义务监督员管理办法》第十一条第（五）项"
    weihai = login(wei.user).get("/admin/supervisor-duties/mine/").content.decode()
    assert "申请事前同意" not in weihai and "第九条第（五）项规定不得以社会监督员名义从事任何与监督工作无关的活动" in weihai


def test_confirmed_misconduct_is_referred_in_wanzhou_only(make_user, staff):
    from complaints.models import SUBSTANTIATED, Complaint
    from complaints.models import SUPERVISOR as REPORT

    chen = supervisor(make_user)
    report = Complaint.objects.create(
        jurisdiction="wanzhou", receipt_number="WZJB-2026-0007", category=REPORT, supervisor=chen, request="调查",
        facts="监督员索要财物", received_on=dt.date(2026, 10, 9), outcome=SUBSTANTIATED, reviewed_on=dt.date(2026, 11, 20))
    index = login(staff["officer"]).get("/admin/supervisor-duties/?jurisdiction=wanzhou").content.decode()
    assert "WZJB-2026-0007 陈监督（查证属实，审定于2026-11-20）" in index
    url = f"/admin/supervisor-duties/referrals/{report.pk}/"
    assert f"依据{WANZHOU}第十七条" in login(staff["officer"]).get(url).content.decode()
    missing = login(staff["officer"]).post(url, {"department": "", "facts": "索要财物"})
    assert "请填写移送部门。" in missing.content.decode() and not Referral.objects.exists()
    assert login(staff["leader"]).post(url, {"department": "区纪委监委", "facts": "索要财物"}).url == "/admin/"
    assert login(staff["officer"]).post(url, {"department": "区纪委监委",
                                              "facts": "利用监督员身份向被检查单位索要财物"}).status_code == 302
    # the one referral door (referrals.services.refer): a Referral of the report, no matter, no 移送函
    ref = Referral.objects.get()
    assert (ref.source, ref.complaint, ref.matter, ref.document) == ("supervisor", report, None, None)
    assert ref.referred_on == dt.date(2026, 12, 6) and ref.article == f"{WANZHOU}第十七条"
    assert (ref.to, ref.persons, ref.destination_label) == ("区纪委监委", "陈监督", "违法违纪行为移送相关部门")
    record = DecisionRecord.objects.get(process_kind="supervisor_referral")
    assert record.outcome == "移送区纪委监委" and record.confidential and record.subject == report
    twice = login(staff["officer"]).post(url, {"department": "区纪委监委", "facts": "再次"})
    assert "该举报查实的违法违纪行为已于2026-12-06移送区纪委监委，不能重复移送。" in twice.content.decode()
    assert "<td>WZJB-2026-0007</td><td>区纪委监委</td><td>2026-12-06</td>" in login(staff["officer"]).get(
        f"/admin/supervisor-duties/supervisors/{chen.pk}/").content.decode()

    wu = supervisor(make_user, "wuhan", "黄志明", start=dt.date(2025, 9, 10), years=3)
    other = Complaint.objects.create(
        jurisdiction="wuhan", receipt_number="WHJB-2026-0002", category=REPORT, supervisor=wu, request="调查",
        facts="事实", received_on=dt.date(2026, 10, 9), outcome=SUBSTANTIATED, reviewed_on=dt.date(2026, 11, 20))
    refused = login(staff["officer"]).post(f"/admin/supervisor-duties/referrals/{other.pk}/",
                                           {"department": "市纪委监委", "facts": "事实"})
    assert "湖北省武汉市的办法未规定将监督员违法违纪行为移送相关部门" in refused.content.decode()
    assert Referral.objects.count() == 1


def test_research_is_commissioned_with_a_due_date_and_the_supervisor_reports(make_user, staff):
    yu = supervisor(make_user, "weihai", "于海涛", start=dt.date(2025, 3, 1), years=2)
    url = f"/admin/supervisor-duties/supervisors/{yu.pk}/"
    past = login(staff["officer"]).post(url, {"action": "research", "kind": "research", "topic": "涉企检查频次",
                                              "brief": "调研",
                                              "due_on": "2026-12-06"})
    assert "报告提交期限须晚于今天。" in past.content.decode()
    assert login(staff["officer"]).post(url, {"action": "research", "kind": "research",
                                              "topic": "涉企行政检查频次专题调研",
                                              "brief": "走访不少于十家企业，提出意见建议",
                                              "due_on": "2026-12-31"}).status_code == 302
    item = ResearchAssignment.objects.get()
    assert item.article == "《威海市行政执法社会监督员管理办法》第八条第（五）项"
    assert DecisionRecord.objects.get(process_kind="research").outcome == "2026-12-31前提交报告"
    todo = card(inbox(yu.user), "提交专题调研报告")
    assert "涉企行政检查频次专题调研" in todo and "2026-12-31" in todo
    mine = login(yu.user).get("/admin/supervisor-duties/mine/").content.decode()
    assert "提交调研报告：涉企行政检查频次专题调研（2026-12-31前）" in mine
    with freeze_time("2026-12-20 09:00:00+08:00"):
        assert login(yu.user).post("/admin/supervisor-duties/mine/", {
            "action": "report", "assignment": item.pk, "report": "走访十二家企业，检查频次……"}).status_code == 302
    item.refresh_from_db()
    assert item.submitted_on == dt.date(2026, 12, 20) and item.state == "已按期提交"
    assert "<td>2026-12-31</td><td>2026-12-20</td><td>已按期提交</td>" in login(staff["officer"]).get(url).content.decode()

    wu = supervisor(make_user, "wuhan", "黄志明", start=dt.date(2025, 9, 10), years=3)
    refused = login(staff["officer"]).post(f"/admin/supervisor-duties/supervisors/{wu.pk}/", {
        "action": "research", "kind": "research", "topic": "题目", "brief": "要求", "due_on": "2026-12-31"})
    assert "湖北省武汉市的办法未规定委托监督员专题调研" in refused.content.decode()


def test_wuhan_records_transport_meal_and_insurance_per_activity_and_sums_the_year(make_user, staff):
    huang = supervisor(make_user, "wuhan", "黄志明", start=dt.date(2025, 9, 10), years=3)
    cheng = supervisor(make_user, "wuhan", "程琳", start=dt.date(2025, 9, 10), years=3)
    first, second = attended(huang, staff["officer"], [PRESENT, PRESENT])
    joint = Invitation.objects.create(activity=first.activity, supervisor=cheng, status=PRESENT,
                                      invited_by=staff["officer"])
    absent = Invitation.objects.create(activity=second.activity, supervisor=cheng, status=UNEXCUSED,
                                       invited_by=staff["officer"])
    url = f"/admin/supervisor-duties/support/activity/{first.activity.pk}/"
    page = login(staff["officer"]).get(url).content.decode()
    assert "依据《武汉市行政执法义务监督员管理办法》第四条第（五）项" in page
    assert login(staff["officer"]).post(url, {"invitation": first.pk, "transport": "30.00", "meal": "20.00",
                                              "insured": "on", "policy_no": "PA2026-001"}).status_code == 302
    no_policy = login(staff["officer"]).post(url, {"invitation": joint.pk, "transport": "15", "meal": "20",
                                                   "insured": "on", "policy_no": ""})
    assert "已投保意外伤害保险的，请填写保单号。" in no_policy.content.decode()
    negative = login(staff["officer"]).post(url, {"invitation": joint.pk, "transport": "-5", "meal": "20"})
    assert "交通补助不能为负数。" in negative.content.decode()
    assert login(staff["officer"]).post(url, {"invitation": joint.pk, "transport": "15", "meal": "20"}
                                        ).status_code == 302
    url2 = f"/admin/supervisor-duties/support/activity/{second.activity.pk}/"
    assert login(staff["officer"]).post(url2, {"invitation": second.pk, "transport": "12.50", "meal": "0"}
                                        ).status_code == 302
    not_there = login(staff["officer"]).post(url2, {"invitation": absent.pk, "transport": "10", "meal": "10"})
    assert "程琳未登记出席该活动，不能登记保障。" in not_there.content.decode()
    assert login(staff["leader"]).post(url2, {"invitation": second.pk, "transport": "1", "meal": "1"}
                                       ).url == "/admin/"  # refused (Wagtail redirects with the message)
    assert ActivitySupport.objects.count() == 3
    assert ActivitySupport.objects.get(invitation=first).transport == Decimal("30.00")

    year = login(staff["leader"]).get("/admin/supervisor-duties/support/wuhan/2026/").content.decode()
    assert "<td>程琳</td><td>1</td><td>15.00</td><td>20.00</td><td>35.00</td><td>0</td>" in year
    assert "<td>黄志明</td><td>2</td><td>42.50</td><td>20.00</td><td>62.50</td><td>1</td>" in year
    assert "<td>合计</td><td>3</td><td>57.50</td><td>40.00</td><td>97.50</td><td>1</td>" in year
    own = login(huang.user).get("/workflow/my-record/").content.decode()
    assert "保障活动2次，交通补助42.50元，误餐补助20.00元，合计62.50元。" in own

    chen = supervisor(make_user, "wanzhou", "陈监督")
    (wz,) = attended(chen, staff["officer"], [PRESENT])
    refused = login(staff["officer"]).post(f"/admin/supervisor-duties/support/activity/{wz.activity.pk}/",
                                           {"invitation": wz.pk, "transport": "10", "meal": "10"})
    assert refused.status_code == 200 and "本辖区办法未规定参加活动的交通、误餐、保险保障" in refused.content.decode()
    assert ActivitySupport.objects.count() == 3
