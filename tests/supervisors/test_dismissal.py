"""Dismissal and resignation: grounds from the profile (000 第十八条, 001 第十六条, 002 第十五条); officer
proposes, leader decides; 解聘公告, recommending unit told (000 第十八条), documents recovered (000 第十九条);
and the absence rule starting a proposal by itself (000 第十八条第（三）项)."""
import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from freezegun import freeze_time
from wagtail.models import Page

from decisions.models import DecisionRecord
from flows import services as flow_services
from roles.definitions import LEADER, OFFICER
from supervisors import dismissals
from supervisors import processes as supervisor_processes
from supervisors.flows import DismissalFlow
from supervisors.models import DISMISSED, SERVING, Application, Dismissal, Term
from tests.supervisors.lifecycle import open_task, recruit


@pytest.fixture
def staff(site_tree, make_user):
    return make_user("officer", OFFICER), make_user("leader", LEADER)


def serving(jurisdiction, staff, **kw):
    officer, leader = staff
    _, (term,) = recruit(jurisdiction, officer, leader, **kw)
    return term.supervisor


@pytest.mark.django_db
def test_wanzhou_dismissal_announced_unit_told_documents_recovered_000_art18_art19(staff):
    officer, leader = staff
    sup = serving("wanzhou", staff)
    Application.objects.filter(supervisor=sup).update(recommending_unit_email="unit@example.cn")
    sup.recommending_unit = "某区工商联"
    sup.save()
    with freeze_time("2026-09-01 09:00"):
        with pytest.raises(PermissionDenied):  # only officers propose
            dismissals.dismissal_propose(supervisor=sup, ground="discipline_breach", statement="x", by=leader)
        with pytest.raises(ValidationError):  # a ground outside the profile's list
            supervisor_processes.dismissal_start(supervisor=sup, ground="leak", statement="泄密", by=officer)
        d = supervisor_processes.dismissal_start(supervisor=sup, ground="discipline_breach",
                                          statement="未经同意接受媒体采访。", by=officer)
        process = flow_services.process_for(d, DismissalFlow)
        decide = open_task(process, "decide")
        with pytest.raises(PermissionDenied):  # officers cannot decide
            flow_services.task_perform(task=decide, user=officer, action=lambda: None)
        flow_services.task_perform(task=decide, user=leader, action=lambda: dismissals.dismissal_decide(
            dismissal=d, approve=True, by=leader))
        d.refresh_from_db()
        sup.refresh_from_db()
        assert d.status == Dismissal.APPROVED and sup.status == DISMISSED
        assert sup.terms.get().status == Term.DISMISSED
        assert "第十八条第（二）项" in d.article
        page = Page.objects.get(pk=d.notice_page_id).specific
        html = Client().get(page.url).content.decode()
        assert "解聘" in html and sup.name in html and sup.id_number not in html
        assert d.unit_notified_on == dt.date(2026, 9, 1) and "某区工商联" in d.unit_notice
        assert mail.outbox and mail.outbox[0].to == ["unit@example.cn"]
        # 000 第十九条: the certificate and card come back, recorded as a task
        recover = open_task(process, "recover")
        flow_services.task_perform(task=recover, user=officer, action=lambda: dismissals.documents_recover(
            dismissal=d, recovered_on=dt.date(2026, 9, 1), note="聘书、证件已收回", by=officer))
    process.refresh_from_db()
    assert process.status == "DONE"
    assert sup.terms.get().documents_recovered_on == dt.date(2026, 9, 1)
    assert DecisionRecord.objects.filter(process_kind="dismissal", outcome="决定解聘").count() == 1


@pytest.mark.django_db
def test_weihai_dismissal_has_no_announcement_or_recovery_step_001_art16(staff):
    officer, leader = staff
    sup = serving("weihai", staff)
    with freeze_time("2026-09-01 09:00"):
        d = supervisor_processes.dismissal_start(supervisor=sup, ground="job_health", statement="工作调离。", by=officer)
        process = flow_services.process_for(d, DismissalFlow)
        flow_services.task_perform(task=open_task(process, "decide"), user=leader,
                                   action=lambda: dismissals.dismissal_decide(dismissal=d, approve=True, by=leader))
    d.refresh_from_db()
    process.refresh_from_db()
    assert d.notice_page_id is None and d.unit_notified_on is None
    assert process.status == "DONE"


@pytest.mark.django_db
def test_resignation_needs_the_written_statement_and_takes_the_same_path_002_art15_6(staff):
    officer, leader = staff
    sup = serving("wuhan", staff)
    with freeze_time("2026-09-01 09:00"):
        with pytest.raises(ValidationError) as exc:
            supervisor_processes.dismissal_start(supervisor=sup, ground="resignation", statement=" ", by=officer)
        assert "书面辞任声明" in exc.value.messages[0]
        d = supervisor_processes.dismissal_start(supervisor=sup, ground="resignation",
                                          statement="本人因工作繁忙，申请辞去义务监督员。", by=officer)
        process = flow_services.process_for(d, DismissalFlow)
        flow_services.task_perform(task=open_task(process, "decide"), user=leader,
                                   action=lambda: dismissals.dismissal_decide(dismissal=d, approve=True, by=leader))
    d.refresh_from_db()
    assert "辞任" in Page.objects.get(pk=d.notice_page_id).title  # 002 第十六条: resignation announced


@pytest.mark.django_db
def test_rejected_proposal_needs_a_reason_and_keeps_the_supervisor_serving(staff):
    officer, leader = staff
    sup = serving("wanzhou", staff)
    d = supervisor_processes.dismissal_start(supervisor=sup, ground="other", statement="群众反映。", by=officer)
    with pytest.raises(ValidationError):
        dismissals.dismissal_decide(dismissal=d, approve=False, note="", by=leader)
    dismissals.dismissal_decide(dismissal=d, approve=False, note="经核实反映不实。", by=leader)
    sup.refresh_from_db()
    assert sup.status == SERVING


@pytest.mark.django_db
def test_absence_rule_fires_a_dismissal_proposal_automatically_000_art18_3(staff):
    from activities import services as activities

    officer, leader = staff
    sup = serving("wanzhou", staff)
    with freeze_time("2026-10-20 09:00"):
        for day in (dt.date(2026, 9, 1), dt.date(2026, 10, 10)):
            activity = activities.activity_create(by=officer, jurisdiction="wanzhou", kind="training",
                                                  title=f"{day:%m月}培训", held_on=day, place="区司法局")
            invitation = activities.invitation_create(activity=activity, supervisor=sup, by=officer)
            activities.attendance_record(invitation=invitation, status="unexcused", by=officer)
    d = Dismissal.objects.get(supervisor=sup)
    assert d.automatic and d.ground == "absence" and d.proposed_by is None
    assert "第十八条第（三）项" in d.article
    process = flow_services.process_for(d, DismissalFlow)
    assert open_task(process, "decide").status == "NEW"  # waiting for the leader's decision


# ------------------------------------------------------------------ issue 12: jurisdiction, notice fields
@pytest.mark.django_db
def test_dismissal_form_grounds_follow_the_supervisors_jurisdiction(staff):
    """The form shows one jurisdiction's supervisors and grounds; a Wuhan supervisor posted from the
    Wanzhou form (with a Wanzhou ground) is refused server-side, nothing recorded."""
    officer, leader = staff
    wuhan_sup = serving("wuhan", staff, names=("丙三",))
    client = Client()
    client.force_login(officer)
    with freeze_time("2026-09-01 09:00"):
        client.force_login(officer)
        form = client.get("/workflow/dismissals/new/?jurisdiction=wanzhou").content.decode()
        assert "丙三" not in form and "第十八条" in form
        assert 'name="jurisdiction" value="wanzhou"' in form
        refused = client.post("/workflow/dismissals/new/", {
            "jurisdiction": "wanzhou", "supervisor": wuhan_sup.pk, "ground": "absence",
            "statement": "无正当理由两次不参加活动。"})
        assert refused.status_code == 200
        assert "所选监督员不属于本辖区或不在聘" in refused.content.decode()
        assert not Dismissal.objects.exists()
        wuhan_form = client.get("/workflow/dismissals/new/?jurisdiction=wuhan").content.decode()
        assert "丙三" in wuhan_form and "第十五条" in wuhan_form
        ok = client.post("/workflow/dismissals/new/", {
            "jurisdiction": "wuhan", "supervisor": wuhan_sup.pk, "ground": "absence",
            "statement": "无正当理由连续两次不参加活动。"})
        assert ok.status_code == 302
    d = Dismissal.objects.get()
    assert d.jurisdiction == "wuhan" and "第十五条" in d.article


@pytest.mark.django_db
def test_dismissal_notice_names_the_person_fills_its_fields_and_uses_chinese_dates(staff):
    from public_notices.models import DismissalNoticePage

    officer, leader = staff
    sup = serving("wanzhou", staff)
    with freeze_time("2026-11-22 09:00"):
        d = supervisor_processes.dismissal_start(supervisor=sup, ground="discipline_breach",
                                          statement="未经同意接受媒体采访。", by=officer)
        dismissals.dismissal_decide(dismissal=d, approve=True, by=leader)
    page = DismissalNoticePage.objects.get()
    assert page.dismissed_name == "周明" and page.ground_code == "discipline_breach"
    assert "第十八条第（二）项" in page.ground_text
    assert "自2026年11月22日起" in page.body and "2026-11-22" not in page.body
    assert "收回聘书和证件" in page.body and "第十九条" in page.body
