"""我的待办 for every role and the casework workbench (issue 23 items 4-5), over HTTP as the role users with a
frozen clock: at each step of a Wulong 监督意见书 the right person's 待办 has the item, with its literal due date,
working days left and article, and nobody else's does; a complaint whose 办结期限 is near puts the extension
approval in the leader's 待办; the admin home is the workbench for officers, leaders and liaisons and stays the
page dashboard for editors; the menu item carries the count."""
import pytest
from django.test import Client, RequestFactory
from freezegun import freeze_time

from casework.models import Document
from complaints.models import Complaint
from roles.definitions import EDITOR
from tests.complaints.helpers import complaint_data, submit
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import do_task, login, people, start_letter

AGENCY = "武隆区文化和旅游发展委员会"




def sign(p, matter) -> Document:
    do_task(p["officer"], matter, "起草监督建议书（意见书）", {
        "ground": "procedure", "findings": "行政处罚未履行告知程序。", "request": "重新履行告知程序。"})
    do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
    return Document.objects.get(matter=matter, kind="opinion_letter")


@pytest.mark.django_db
def test_each_role_has_the_letter_work_waiting_on_it_and_nobody_else(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-25 02:00") as frozen:
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        # drafting waits on the officers (claimable by permission), not on the leader or the liaison
        assert "起草监督建议书（意见书）" in inbox(p["officer"])
        assert "起草监督建议书（意见书）" not in inbox(p["leader"])
        assert "起草监督建议书（意见书）" not in inbox(p["liaison"])
        doc = sign(p, matter)
        assert doc.doc_number == "武隆监意〔2026〕1号"

        # issued: the liaison signs for receipt, one click from 我的待办
        html = inbox(p["liaison"])
        item = card(html, "签收《")
        assert "武隆监意〔2026〕1号" in item and f'href="/admin/casework/documents/{doc.pk}/service/"' in item
        assert "2026-09-25签发" in item and "期限自签收之日起计算" in item
        # the officer is told to enter the receipt date from the return slip
        item = card(inbox(p["officer"]), "登记送达回证")
        assert "武隆监意〔2026〕1号" in item and f"/admin/casework/documents/{doc.pk}/service/" in item
        # nobody else: not the leader, not another agency's liaison
        assert "武隆监意〔2026〕1号" not in inbox(p["leader"])
        assert "武隆监意〔2026〕1号" not in inbox(p["other"])

        # the liaison signs online on Monday 2026-09-28
        frozen.move_to("2026-09-28 02:00")
        response = login(p["liaison"]).post(f"/admin/casework/documents/{doc.pk}/service/")
        assert response.status_code == 302
        doc.refresh_from_db()
        assert doc.received_on.isoformat() == "2026-09-28"

        # now the liaison's item is the rectification report, due 2026-10-30 (20 working days across National Day)
        html = inbox(p["liaison"])
        assert "签收《" not in html
        item = card(html, "报送整改情况")
        assert "期限：2026-10-30" in item and "剩余20个工作日" in item and "第八条" in item
        assert "worklist__item--overdue" not in item
        assert "武隆监意〔2026〕1号" not in inbox(p["officer"])  # nothing left to enter
        assert "报送整改情况" not in inbox(p["other"]) and "报送整改情况" not in inbox(p["officer"])

        # a day past the date, before the scheduler moves it on: in red, overdue by one working day
        frozen.move_to("2026-11-02 02:00")
        item = card(inbox(p["liaison"]), "报送整改情况")
        assert "worklist__item--overdue" in item and "已逾期1个工作日" in item and "期限：2026-10-30" in item

        # the liaison's workbench and menu count show it
        html = login(p["liaison"]).get("/admin/").content.decode()
        assert "监督办案工作台" in html and "我的待办（1）" in html and "报送整改情况" in html
        assert "已逾期：1 项" in html
        from flows.wagtail_hooks import register_tasks_menu

        request = RequestFactory().get("/admin/")
        request.user = p["liaison"]
        assert register_tasks_menu().render_component(request).label == "我的待办（1）"
        request = RequestFactory().get("/admin/")
        request.user = p["other"]
        assert register_tasks_menu().render_component(request).label == "我的待办"


@pytest.mark.django_db
def test_the_leader_is_asked_to_approve_an_extension_when_a_complaint_is_due_within_3_working_days(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(p["agency"]))
        complaint = Complaint.objects.get()
        # 受理审核 waits on the officer with its 7-working-day date (004 投诉举报制度 第七条)
        item = card(inbox(p["officer"]), "受理审核")
        assert "武隆投〔2026〕1号" in item and "期限：2026-10-13" in item and "第七条" in item
        assert "武隆投〔2026〕1号" not in inbox(p["leader"]) and "武隆投〔2026〕1号" not in inbox(p["liaison"])
    with freeze_time("2026-09-30 09:00"):
        assert login(p["officer"]).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
    with freeze_time("2026-10-20 09:00"):
        assert "审批延长办理期限" not in inbox(p["leader"])  # 8 working days left: not yet
    with freeze_time("2026-10-27 09:00"):
        item = card(inbox(p["leader"]), "审批延长办理期限")
        assert "期限：2026-10-30" in item and "剩余3个工作日" in item and "第十条" in item
        assert f'href="/admin/complaints/{complaint.pk}/"' in item and "最多30日" in item
        assert "审批延长办理期限" not in inbox(p["officer"]) and "审批延长办理期限" not in inbox(p["liaison"])
        # on the leader's workbench too
        home = login(p["leader"]).get("/admin/").content.decode()
        assert "审批延长办理期限" in home and "监督办案工作台" in home
        response = login(p["leader"]).post(f"/admin/complaints/{complaint.pk}/extension/", {
            "days": "30", "reason": "需调取第三方监控录像，情况复杂"})
        assert response.status_code == 302
        assert "审批延长办理期限" not in inbox(p["leader"])  # extended to 2026-11-30: no longer near


@pytest.mark.django_db
def test_workbench_for_casework_staff_page_dashboard_for_editors(make_user, site_tree):
    p = people(make_user, "wulong", AGENCY)
    for user in (p["officer"], p["leader"], p["liaison"]):
        html = login(user).get("/admin/").content.decode()
        assert "监督办案工作台" in html and "预警" in html and "本周到期" in html
        assert "编辑指南" not in html and "个页面" not in html and "搜索所有页面" not in html
        # the year at a glance is one click from the bureau's home, never from an agency's
        assert ('href="/admin/casework/year/"' in html) == (user is not p["liaison"])
    html = login(make_user("editor", EDITOR)).get("/admin/").content.decode()
    assert "监督办案工作台" not in html and "个页面" in html  # Wagtail's site summary (its English guide link is gone)


@pytest.mark.django_db
def test_a_dispute_puts_the_supplement_and_the_answer_in_the_right_liaisons_worklist(make_user):
    from coordination.models import Dispute
    from roles.definitions import LEADER, OFFICER
    from tests.coordination.helpers import agency_with_liaison, do_task, serve

    a, lx_a = agency_with_liaison(make_user, "武隆区市场监督管理局", "lx_a")
    b, lx_b = agency_with_liaison(make_user, AGENCY, "lx_b")
    officer = make_user("officer", OFFICER)
    off = login(officer)
    with freeze_time("2026-09-22 09:00") as frozen:
        assert login(lx_a).post("/admin/coordination/apply/", {
            "parties": [b.pk], "category": "duties", "title": "占道经营监管职责争议", "facts": "查处职责存在分歧。",
            "negotiation": "协商未达成一致。", "proposal_text": "建议按职责清单划分。"}).status_code == 302
        dispute = Dispute.objects.get()
        # examining the application is the officers' step: a leader holds the permission but it is not theirs
        assert "审查争议协调申请" in inbox(officer)
        assert "审查争议协调申请" not in inbox(make_user("leader", LEADER))
        do_task(off, "审查争议协调申请", {"decision": "supplement", "note": "缺少机构编制事项文件。"})
        notice = Document.objects.get(matter=dispute.matter, kind="coordination_supplement")
        assert "签收《" in inbox(lx_a) and "签收《" not in inbox(lx_b)
        frozen.move_to("2026-09-23 10:00")
        assert login(lx_a).post(f"/admin/casework/documents/{notice.pk}/service/").status_code == 302
        item = card(inbox(lx_a), "补正争议协调申请材料")
        assert "期限：2026-10-08" in item and "第十二条第（二）项" in item
        assert "补正争议协调申请材料" not in inbox(lx_b)
        frozen.move_to("2026-09-24 09:00")
        do_task(off, "登记补正材料", {"decision": "received", "received_on": "2026-09-24"})
        assert "补正争议协调申请材料" not in inbox(lx_a)
        do_task(off, "审查争议协调申请", {"decision": "accept", "note": "材料齐备。"})
        frozen.move_to("2026-09-28 09:00")
        serve(off, Document.objects.get(matter=dispute.matter, kind="coordination_notice"), "2026-09-25")
        item = card(inbox(lx_b), "报送答复意见")
        assert "期限：2026-10-09" in item and f'href="/admin/coordination/{dispute.pk}/answer-online/"' in item
        assert "报送答复意见" not in inbox(lx_a)
        frozen.move_to("2026-10-09 10:00")
        assert login(lx_b).post(f"/admin/coordination/{dispute.pk}/answer-online/", {
            "text": "认为应由市场监管部门查处。"}).status_code == 302
        assert "报送答复意见" not in inbox(lx_b)
