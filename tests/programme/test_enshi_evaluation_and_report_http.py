"""Enshi's yearly evaluation (考核评议, 003 第十九条) and hearing work reports (第十六条第（七）项) over HTTP:
each evaluation says whether it is comprehensive or special (a special one names the contents chosen) and
records both its internal assessment and its external review; an evaluation missing either is refused with
the article and nothing is stored. Wulong's rules have no such parts: its evaluation is recorded without them."""
import pytest
from django.test import Client
from freezegun import freeze_time

from casework.models import Agency
from programme.models import Activity
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db
ENSHI_19 = "《恩施土家族苗族自治州行政执法监督办法》第十九条"


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people(make_user, site_tree):
    agencies = {}
    for key, name, code in (("market", "恩施州市场监督管理局", "enshi"), ("wl", "武隆区城市管理局", "wulong")):
        agencies[key] = Agency.objects.create(jurisdiction=code, name=name)
        liaison = make_user(f"lx_{key}", LIAISON)
        StaffProfile.objects.create(user=liaison, agency=agencies[key], jurisdiction=code)
    return {"agencies": agencies, "officer": make_user("officer_ev", OFFICER, first_name="王经办"),
            "leader": make_user("leader_ev", LEADER, first_name="李负责")}


def post(client, agency, jurisdiction="enshi", **extra):
    data = {"kind": "evaluation", "agency": agency.pk, "held_on": "2026-11-20", "title": "年度考核评议",
            "mode": "desk", **extra}
    return client.post(f"/admin/programme/{jurisdiction}/2026/activities/new/", data)


def test_an_enshi_evaluation_has_its_scope_and_both_parts(people):
    market, officer = people["agencies"]["market"], login(people["officer"])
    with freeze_time("2026-11-23 10:00"):
        form = officer.get("/admin/programme/enshi/2026/activities/new/").content.decode()
        assert f"考核评议范围（考核评议必选，{ENSHI_19}）" in form
        assert "综合考核评议" in form and "专项考核评议" in form
        assert f"内部考核的开展情况（考核评议必填，{ENSHI_19}）" in form
        assert f"外部评议的开展情况（考核评议必填，{ENSHI_19}）" in form

        html = post(officer, market, part_internal="考核执法科室。", part_external="问卷评议。").content.decode()
        assert f"请选择考核评议范围：综合考核评议或专项考核评议（{ENSHI_19}）。" in html
        html = post(officer, market, evaluation_scope="special", part_internal="考核执法科室。",
                    part_external="问卷评议。").content.decode()
        assert f"专项考核评议应写明选取的考核评议内容（{ENSHI_19}）。" in html
        html = post(officer, market, evaluation_scope="comprehensive", part_internal="考核执法科室。",
                    part_external="  ").content.decode()
        assert f"考核评议包括内部考核和外部评议（{ENSHI_19}），请填写外部评议的开展情况。" in html
        html = post(officer, market, evaluation_scope="comprehensive").content.decode()
        assert f"考核评议包括内部考核和外部评议（{ENSHI_19}），请填写内部考核、外部评议的开展情况。" in html
        assert Activity.objects.count() == 0

        year = officer.get("/admin/programme/enshi/2026/").content.decode()
        assert "已开展0次，尚需1次（每年至少1次）" in year

        response = post(officer, market, evaluation_scope="special", evaluation_subject="行政处罚案件办理",
                        part_internal="抽查12件行政处罚案卷，考核执法科室。",
                        part_external="向30名行政相对人发放评议问卷。")
        activity = Activity.objects.get()
        assert response.status_code == 302 and response["Location"] == f"/admin/programme/activities/{activity.pk}/"
        assert (activity.evaluation_scope, activity.evaluation_subject) == ("special", "行政处罚案件办理")
        assert activity.evaluation_parts == [
            {"code": "internal", "label": "内部考核", "text": "抽查12件行政处罚案卷，考核执法科室。"},
            {"code": "external", "label": "外部评议", "text": "向30名行政相对人发放评议问卷。"}]
        detail = officer.get(f"/admin/programme/activities/{activity.pk}/").content.decode()
        assert f"考核评议（{ENSHI_19}）" in detail
        assert "范围：专项考核评议：行政处罚案件办理" in detail
        assert "<td>外部评议</td><td>向30名行政相对人发放评议问卷。</td>" in detail
        year = officer.get("/admin/programme/enshi/2026/").content.decode()
        assert "已开展1次，已达每年至少1次" in year


def test_a_comprehensive_evaluation_keeps_no_subject_and_wulong_needs_no_parts(people):
    A, officer = people["agencies"], login(people["officer"])
    with freeze_time("2026-11-23 10:00"):
        response = post(officer, A["market"], evaluation_scope="comprehensive", evaluation_subject="不应保留",
                        part_internal="考核。", part_external="评议。")
        assert response.status_code == 302
        assert Activity.objects.get().evaluation_subject == ""
        form = officer.get("/admin/programme/wulong/2026/activities/new/").content.decode()
        assert "内部考核的开展情况" not in form and "考核评议范围" not in form
        response = post(officer, A["wl"], jurisdiction="wulong")
        assert response.status_code == 302
        wl = Activity.objects.get(agency=A["wl"])
        assert (wl.evaluation_scope, wl.evaluation_parts) == ("", [])


def test_hearing_an_agencys_work_report_is_a_method_in_enshi_only(people):
    """003 第十六条第（七）项: 听取行政执法工作情况报告 is one of Enshi's supervision methods; a problem heard opens a
    supervision matter as any other activity's finding does. Wulong's rules do not list it."""
    A, officer = people["agencies"], login(people["officer"])
    with freeze_time("2026-11-23 10:00"):
        form = officer.get("/admin/programme/enshi/2026/activities/new/").content.decode()
        assert "登记监督检查、案卷评查、考核评议、听取行政执法工作情况报告" in form
        assert '<option value="work_report">听取行政执法工作情况报告</option>' in form
        wl_form = officer.get("/admin/programme/wulong/2026/activities/new/").content.decode()
        assert "听取行政执法工作情况报告" not in wl_form
        response = post(officer, A["wl"], jurisdiction="wulong", kind="work_report", title="听取年度执法工作汇报")
        assert response.status_code == 200 and not Activity.objects.exists()

        response = post(officer, A["market"], kind="work_report", title="听取2026年度行政执法工作情况报告",
                        has_problems="on", findings="报告称全年未开展执法人员培训。")
        activity = Activity.objects.get()
        assert response.status_code == 302 and activity.kind == "work_report"
        year = officer.get("/admin/programme/enshi/2026/").content.decode()
        assert "听取行政执法工作情况报告" in year and "已开展1次（办法未规定）" in year
        assert "《恩施土家族苗族自治州行政执法监督办法》第十六条第（七）项，办法未规定次数" in year
        response = officer.post(f"/admin/programme/activities/{activity.pk}/matter/")
        activity.refresh_from_db()
        assert response["Location"] == f"/admin/casework/{activity.matter_id}/"
        assert (activity.matter.source, activity.matter.title) == (
            "own_initiative", "听取行政执法工作情况报告发现问题：听取2026年度行政执法工作情况报告")


def test_a_case_file_review_records_each_file_examined(people):
    """003 第十八条: the review examines each file's documents and evidence (true, standard, complete) and judges
    the act (lawful, appropriate); a file failing either says what is wrong; the screen sums them up."""
    A, officer = people["agencies"], login(people["officer"])
    cite = "《恩施土家族苗族自治州行政执法监督办法》第十八条"
    with freeze_time("2026-11-23 10:00"):
        response = post(officer, A["market"], kind="casefile_review", title="2026年度行政处罚案卷评查")
        review = Activity.objects.get()
        url = f"/admin/programme/activities/{review.pk}/casefiles/"
        html = officer.get(f"/admin/programme/activities/{review.pk}/").content.decode()
        assert f"评查的案卷（{cite}）" in html and "尚未登记评查的案卷。" in html

        bad = officer.post(url, {"file_number": "恩市监罚〔2026〕12号", "case_title": "某超市销售过期食品案",
                                 "materials_ok": "0", "act_ok": "1"})
        assert bad.status_code == 400
        assert f"案卷不符合要求的，请写明存在的问题（{cite}）。" in bad.content.decode()
        assert not review.case_files.exists()
        assert officer.post(url, {"file_number": "恩市监罚〔2026〕12号", "case_title": "某超市销售过期食品案",
                                  "materials_ok": "0", "act_ok": "1",
                                  "note": "缺少送达回证，现场检查笔录无当事人签名。"}).status_code == 302
        assert officer.post(url, {"file_number": "恩市监罚〔2026〕15号", "case_title": "某药店未凭处方销售处方药案",
                                  "materials_ok": "1", "act_ok": "1"}).status_code == 302
        twice = officer.post(url, {"file_number": "恩市监罚〔2026〕15号", "case_title": "重复", "materials_ok": "1",
                                   "act_ok": "1"})
        assert "案卷“恩市监罚〔2026〕15号”已在本次评查中登记。" in twice.content.decode()
        html = officer.get(f"/admin/programme/activities/{review.pk}/").content.decode()
        assert "评查案卷2件：文书和证据不真实、不规范或不完整的1件，执法行为不合法或不适当的0件。" in html
        assert "缺少送达回证，现场检查笔录无当事人签名。" in html
        review.refresh_from_db()
        assert review.has_problems is True

        # an evaluation has no files to record
        post(officer, A["market"], evaluation_scope="comprehensive", part_internal="考核。", part_external="评议。")
        evaluation = Activity.objects.get(kind="evaluation")
        refused = officer.post(f"/admin/programme/activities/{evaluation.pk}/casefiles/", {
            "file_number": "X1", "case_title": "某案", "materials_ok": "1", "act_ok": "1"}, follow=True)
        assert "只有案卷评查可以登记评查的案卷。" in refused.content.decode()
        assert not evaluation.case_files.exists()
        assert response.status_code == 302
