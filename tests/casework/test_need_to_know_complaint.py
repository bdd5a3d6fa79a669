"""Need-to-know in a complaint's matter (004 行政执法投诉举报制度; casework.visibility), over HTTP per role.

The agency complained about reads only the summary the officer chose to send it and its own materials:
never the complainant's account (which names the shop), who investigated or recused, the extension reason,
the leaders' collective review, or the bureau's evidence."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from freezegun import freeze_time

from casework.models import Agency, Attachment
from clocks.models import Clock
from complaints.models import Complaint
from roles.definitions import LEADER, LIAISON, OFFICER, SUPERVISOR
from roles.models import StaffProfile
from tests.casework.need_to_know import absent, login, page, present, refused
from tests.complaints.helpers import complaint_data, submit

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

SUMMARY = "有群众反映贵局执法人员于2026年9月20日检查时态度粗暴，请自查并说明情况。"
SECRETS = ("推搡并辱骂我", "店铺", "陈建国", "芙蓉路",  # the complainant's account and identity
           "赵经办", "孙经办", "钱经办", "确定调查人员", "回避",  # who investigated
           "需调取第三方监控录像", "批准延长办理期限",  # the extension and its reason
           "领导集体讨论审定", "投诉举报集体审定", "初步处理意见",  # the deliberation
           "投诉人提供的视频截图.pdf", "基本事实")


@pytest.fixture
def people(make_user):
    agency = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    other = Agency.objects.create(jurisdiction="wulong", name="武隆区城市管理局")
    out = {"agency": agency}
    for key, username, ag in (("liaison", "lx_sj", agency), ("other", "lx_cg", other)):
        out[key] = make_user(username, LIAISON, first_name="周联络" if ag == agency else "吴联络")
        StaffProfile.objects.create(user=out[key], agency=ag, jurisdiction="wulong")
    out.update(officer=make_user("officer1", OFFICER, first_name="赵经办"),
               officer2=make_user("officer2", OFFICER, first_name="钱经办"),
               officer3=make_user("officer3", OFFICER, first_name="孙经办"),
               leader=make_user("leader1", LEADER, first_name="李局长"),
               supervisor=make_user("sup1", SUPERVISOR))
    return out


def complaint_under_review(p, on_commit) -> Complaint:
    """Accepted, investigated by two (one recused), extended with a reason, reviewed collectively."""
    officer, leader = p["officer"], p["leader"]
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(p["agency"], facts="2026年9月20日，执法人员在检查我在芙蓉路的店铺时推搡并辱骂我。"))
        complaint = Complaint.objects.get()
    with freeze_time("2026-09-30 09:00"):
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
    with freeze_time("2026-10-09 09:00"):
        url = f"/admin/complaints/{complaint.pk}/investigators/"
        users = [officer.pk, p["officer2"].pk, p["officer3"].pk]
        assert login(officer).post(url, {"users": users, "no_interest": "on"}).status_code == 302
        assert login(p["officer2"]).post(f"/admin/complaints/{complaint.pk}/recuse/", {
            "user": p["officer2"].pk, "reason": "系投诉举报人的近亲属"}).status_code == 302
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/opinion/", {
            "text": "执法人员存在推搡行为，投诉属实。"}).status_code == 302
    with freeze_time("2026-10-26 15:00"):
        assert login(leader).post(f"/admin/complaints/{complaint.pk}/extension/", {
            "days": "30", "reason": "需调取第三方监控录像，情况复杂"}).status_code == 302
    with freeze_time("2026-11-20 10:00"), on_commit(execute=True):  # the record is indexed at commit
        assert login(leader).post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "李局长、周副局长、吴副局长", "outcome": "substantiated",
            "decision": "责令限期改正，建议对执法人员给予批评教育。"}).status_code == 302
    complaint.refresh_from_db()
    return complaint


def test_the_agency_complained_about_reads_only_the_summary_sent_and_its_own_materials(
        people, django_capture_on_commit_callbacks):
    p = people
    complaint = complaint_under_review(p, django_capture_on_commit_callbacks)
    matter = complaint.matter
    url = f"/admin/casework/{matter.pk}/"
    with freeze_time("2026-11-20 11:00"):
        officer = login(p["officer"])
        # before the officer writes a summary the agency is told nothing of the facts
        before = page(login(p["liaison"]), url)
        present(before, "司法局未告知事实摘要。")
        absent(before, *SECRETS)
        assert officer.post(f"/admin/casework/{matter.pk}/party-summary/", {"text": SUMMARY}).status_code == 302
        assert officer.post(f"/admin/casework/{matter.pk}/attachments/", {
            "file": SimpleUploadedFile("投诉人提供的视频截图.pdf", PDF), "description": ""}).status_code == 302
        liaison = login(p["liaison"])
        assert liaison.post(f"/admin/casework/{matter.pk}/attachments/", {
            "file": SimpleUploadedFile("情况说明.pdf", PDF), "description": "本局情况说明"}).status_code == 302

        # the liaison of the agency complained about
        html = page(liaison, url)
        present(html, "武隆监案〔2026〕1号", SUMMARY, "情况说明.pdf", "上传材料：情况说明.pdf", "周联络",
                "投诉举报人的身份和联系方式依法保护")
        absent(html, *SECRETS)
        listing = page(liaison, "/admin/casework/")
        present(listing, "武隆监案〔2026〕1号")
        # the bureau's evidence and the complaint's clock are refused with a Chinese reason
        evidence = Attachment.objects.get(original_name="投诉人提供的视频截图.pdf")
        refused(liaison, f"/admin/casework/files/attachment/{evidence.pk}/", "您无权查看该材料")
        finish = Clock.objects.get(rule_key="complaint_finish_period")
        calendar = liaison.get(f"/admin/clocks/calendar/{finish.pk}/")
        assert calendar.status_code == 403 and "您无权查看该时限" in calendar.content.decode()

        # the collective review is not in the agency's decision search either; staff find it
        absent(page(liaison, "/admin/search/decisions/?q=集体审定"), "投诉举报集体审定", "李局长、周副局长")
        present(page(login(p["officer"]), "/admin/search/decisions/?q=集体审定"), "投诉举报集体审定")

        # bureau staff (officer, leader) read the whole file
        for user in (p["officer"], p["leader"]):
            full = page(login(user), url)
            present(full, "推搡并辱骂我", "确定调查人员：赵经办、钱经办、孙经办", "需调取第三方监控录像，情况复杂",
                    "领导集体讨论审定", "投诉举报集体审定", "投诉人提供的视频截图.pdf", "情况说明.pdf", SUMMARY)
        assert login(p["officer"]).get(f"/admin/clocks/calendar/{finish.pk}/").status_code == 200

        # another agency's liaison and a supervisor: refused, with the reason
        other = login(p["other"])
        refused(other, url, "您无权查看该监督事项：执法机关联络员只能查看送达本机关的事项。")
        absent(page(other, "/admin/casework/"), "武隆监案〔2026〕1号")
        supervisor = login(p["supervisor"])
        refused(supervisor, url, "您无权查看该监督事项。")
        refused(supervisor, "/admin/casework/", "只有司法局工作人员和执法机关联络员可以查看监督事项。")


def test_only_bureau_staff_write_the_summary_sent_to_the_agency(people, django_capture_on_commit_callbacks):
    p = people
    complaint = complaint_under_review(p, django_capture_on_commit_callbacks)
    with freeze_time("2026-11-20 11:00"):
        url = f"/admin/casework/{complaint.matter_id}/party-summary/"
        response = login(p["liaison"]).post(url, {"text": "本局无此事。"})
        assert response.status_code == 302 and response["Location"] == "/admin/"
        complaint.matter.refresh_from_db()
        assert complaint.matter.party_summary == ""
        too_long = login(p["officer"]).post(url, {"text": "长" * 2001}, follow=True)
        assert "保存失败" in too_long.content.decode()
        complaint.matter.refresh_from_db()
        assert complaint.matter.party_summary == ""
