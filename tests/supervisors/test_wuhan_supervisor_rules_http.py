"""Wuhan's rules for its 行政执法义务监督员 (武汉办法) where no test held them yet, driven over HTTP as the
officer, the leader and the public, clock frozen: the four candidate categories on the application form
(第六条) and the conditions with their articles (第五条); the yearly evaluation and the incentive (第四条第（六）项);
a dismissal announced with the certificate and the card recovered (第十五条第（五）项、第十六条); the unrenewed
term that ends by itself (第八条)."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time
from wagtail.models import Page

from clocks.scheduler import run_once
from decisions.models import DecisionRecord
from roles.definitions import LEADER, OFFICER, SUPERVISOR
from supervisors.models import DISMISSED, ENDED, SERVING, Campaign, Dismissal, Evaluation, Supervisor, Term
from tests.flows.test_campaign_http import claim_and_open
from tests.supervisors.lifecycle import recruit

WUHAN = "《武汉市行政执法义务监督员管理办法》"


@pytest.fixture
def staff(site_tree, make_user):
    return make_user("wh_officer", OFFICER), make_user("wh_leader", LEADER)


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_application_form_offers_wuhans_four_categories_and_its_conditions_002_art5_art6(staff):
    officer, _ = staff
    with freeze_time("2026-06-01 09:00"):
        assert login(officer).post("/workflow/campaigns/new/", {
            "jurisdiction": "wuhan", "title": "2026年度义务监督员选聘", "places": "3",
            "deadline": "2026-06-30", "description": ""}).status_code == 302
        campaign = Campaign.objects.get(jurisdiction="wuhan")
        form = Client().get(f"/supervisors/wuhan/campaigns/{campaign.pk}/apply/").content.decode()
    for code, label in [("npc_cppcc", "人大代表、政协委员以及知名人士"),
                        ("expert", "专家学者、法律工作者、新闻媒体工作者、社区工作者"),
                        ("business", "企业界、行业协会代表"), ("retired_official", "有行政执法工作经历的退休公务员")]:
        assert f'<option value="{code}">{label}</option>' in form
    assert 'value="lawyer"' not in form and 'value="party_gov"' not in form  # Wanzhou's categories
    assert f"年龄在25至65周岁之间（{WUHAN}第五条第（一）项）" in form
    assert f"未受过违法犯罪记录、不良信用记录（{WUHAN}第五条第（二）项）" in form
    assert f"报名方式：个人自荐、单位推荐、特别邀请（{WUHAN}第七条第（一）项）" in form


@pytest.mark.django_db
def test_the_leader_grades_a_wuhan_supervisors_year_and_commends_002_art4_6(staff, make_user):
    officer, leader = staff
    huang = Supervisor.objects.create(
        jurisdiction="wuhan", name="黄志明", gender="male", birth_date=dt.date(1975, 4, 2),
        id_number="110101197504020017", phone="13900000000", workplace="某社区居委会", status=SERVING,
        user=make_user("wh_sup", SUPERVISOR))
    Term.objects.create(supervisor=huang, jurisdiction="wuhan", start=dt.date(2025, 9, 10), end=dt.date(2028, 9, 9),
                        article=f"{WUHAN}第八条", certificate_no="武汉监聘〔2025〕001号")
    url = "/admin/supervisor-duties/evaluations/wuhan/2026/"
    with freeze_time("2026-12-06 10:00"):
        page = login(officer).get(url).content.decode()
        assert f"依据{WUHAN}第四条第（六）项" in page and "黄志明" in page
        assert login(leader).post(url, {"supervisor": huang.pk, "grade": "excellent",
                                        "note": "全年积极参加执法检查和案卷评查"}).status_code == 302
        commend = "/admin/supervisor-duties/commend/wuhan/"
        assert f"依据{WUHAN}第四条第（六）项" in login(leader).get(commend).content.decode()
        assert login(leader).post(commend, {"year": 2026, "supervisors": [huang.pk],
                                            "deeds": "全年提出意见建议8件，均已转交办理。"}).status_code == 302
    ev = Evaluation.objects.get(supervisor=huang, year=2026)
    assert ev.grade_label == "优秀" and ev.decided_on == dt.date(2026, 12, 6)
    record = DecisionRecord.objects.get(process_kind="evaluation")
    assert record.outcome == "优秀" and record.article == f"{WUHAN}第四条第（六）项"

    from public_notices.models import CommendationNoticePage

    notice = CommendationNoticePage.objects.get()
    assert notice.title == "关于通报表彰2026年度优秀行政执法义务监督员的通报" and notice.live
    public = Client().get(notice.url).content.decode()
    assert "黄志明（某社区居委会）" in public and "110101197504020017" not in public and "13900000000" not in public


@pytest.mark.django_db
def test_a_wuhan_dismissal_is_announced_and_certificate_and_card_come_back_002_art15_art16(staff):
    officer, leader = staff
    _, (term,) = recruit("wuhan", officer, leader)
    sup = term.supervisor
    assert term.card_no  # 聘书和证件 (第七条第（三）项)
    with freeze_time("2026-09-01 09:00"):
        form = login(officer).get("/workflow/dismissals/new/?jurisdiction=wuhan").content.decode()
        assert "因工作调整、健康状况、家庭等原因不宜继续担任（" + WUHAN + "第十五条第（五）项）" in form
        assert "本辖区办法未规定的事项" not in form  # Wuhan's rules set every figure of this step
        assert login(officer).post("/workflow/dismissals/new/", {
            "jurisdiction": "wuhan", "supervisor": sup.pk, "ground": "job_health_family",
            "statement": "因工作调往外地，不宜继续担任。"}).status_code == 302
        client = login(leader)
        url, html = claim_and_open(client, "决定解聘")
        assert f"发布解聘公告（{WUHAN}第十六条）" in html and f"收回聘书和证件（{WUHAN}第十六条）" in html
        assert client.post(url, {"decision": "approve", "note": ""}).status_code == 302
        d = Dismissal.objects.get(supervisor=sup)
        public = Client().get(Page.objects.get(pk=d.notice_page_id).specific.url).content.decode()
        assert "自2026年9月1日起解聘其行政执法义务监督员职务，收回聘书和证件（" + WUHAN + "第十六条）" in public
        client = login(officer)
        url, html = claim_and_open(client, "收回聘书、证件")
        assert f"登记收回聘书和证件的情况（{WUHAN}第十六条）" in html
        assert client.post(url, {"recovered_on": "2026-09-01", "note": "聘书、证件已交回"}).status_code == 302
    sup.refresh_from_db()
    term.refresh_from_db()
    assert sup.status == DISMISSED and term.documents_recovered_on == dt.date(2026, 9, 1)


@pytest.mark.django_db
def test_an_unrenewed_wuhan_term_ends_by_itself_002_art8(staff):
    officer, leader = staff
    _, (term,) = recruit("wuhan", officer, leader)
    # appointed the day after the 10-day publicity (第七条第（二）项), for three years (第八条)
    assert (term.start, term.end) == (dt.date(2026, 3, 14), dt.date(2029, 3, 13))
    with freeze_time("2029-03-13 09:00"):
        run_once()
        assert "周明" in Client().get("/supervisors/wuhan/roster/").content.decode()
    with freeze_time("2029-03-14 03:00"):
        run_once()
        assert "周明" not in Client().get("/supervisors/wuhan/roster/").content.decode()
    term.refresh_from_db()
    assert term.status == Term.ENDED and term.supervisor.status == ENDED
    record = DecisionRecord.objects.get(process_kind="dismissal", outcome="期满自然解聘")
    assert record.article == f"{WUHAN}第八条" and record.decided_on == dt.date(2029, 3, 14)
    assert record.body == f"聘任期2026-03-14至2029-03-13届满未续聘，依{WUHAN}第八条自然解聘。"


@pytest.mark.django_db
def test_the_bureau_invites_supervisors_to_review_normative_documents_and_they_show_their_card_002_art10_art12(staff, make_user):
    officer, _ = staff
    huang = Supervisor.objects.create(
        jurisdiction="wuhan", name="黄志明", gender="male", birth_date=dt.date(1975, 4, 2),
        id_number="110101197504020017", phone="13900000000", workplace="某社区居委会", status=SERVING,
        user=make_user("wh_sup", SUPERVISOR))
    Term.objects.create(supervisor=huang, jurisdiction="wuhan", start=dt.date(2025, 9, 10), end=dt.date(2028, 9, 9),
                        article=f"{WUHAN}第八条", certificate_no="武汉监聘〔2025〕001号", card_no="武汉监证〔2025〕001号")
    with freeze_time("2026-06-01 02:00"):
        form = login(officer).get("/admin/activities/new/").content.decode()
        assert '<option value="normative_review">规范性文件审查备案</option>' in form
        response = login(officer).post("/admin/activities/new/", {
            "jurisdiction": "wuhan", "kind": "normative_review", "title": "2026年第二季度备案规范性文件审查",
            "held_on": "2026-06-15", "place": "市司法局二楼会议室", "agency": "", "case_ref": "", "notes": ""})
        assert response.status_code == 302
        assert login(officer).post(response["Location"], {"action": "invite", "supervisor": huang.pk}).status_code == 302
        mine = login(huang.user).get("/admin/activities/mine/invitations/").content.decode()
    assert "2026-06-15" in mine and "2026年第二季度备案规范性文件审查" in mine
    # 第十二条: the card to hold and show when acting
    assert f"履行监督职责时，请持有并出示行政执法义务监督员证件（证件编号：武汉监证〔2025〕001号），依据{WUHAN}第十二条。" in mine
