"""Admin: editors create, schedule and publish notices (the window computed and checked against the
rule); bureau staff see objections with the contact masked in the list and resolve them."""
import datetime as dt

import pytest
from freezegun import freeze_time
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from public_notices.models import NoticeIndexPage, Objection, PublicityPage
from public_notices.services import index_for

pytestmark = pytest.mark.django_db


def publicity_form(**over):
    data = {"title": "万州区拟聘行政执法监督员公示", "slug": "gongshi-2026-1", "publicity_start": "2026-09-29",
            "publicity_end": "", "doc_number": "", "issuer": "", "written_on": "2026-09-28", "index_number": "",
            "subject_category": "", "keywords": "监督员,公示", "body": rich_text("<p>现将拟聘人员予以公示。</p>"),
            "candidates": inline_formset([{"name": "刘明", "gender": "male", "birth_month": "1978-04",
                                           "workplace": "某律师事务所", "post": "律师", "recommended_by": "单位推荐"}]),
            "action-publish": "publish"}
    data.update(over)
    return nested_form_data(data)


@pytest.fixture
def editor_client(client, make_user, site_tree):
    client.force_login(make_user("ed", "编辑"))
    return client


@freeze_time("2026-09-28 10:00:00")
def test_editor_publishes_a_publicity_list_with_the_end_computed(editor_client):
    index = index_for(jurisdiction="wanzhou", kind="publicity")
    url = f"/admin/pages/add/public_notices/publicitypage/{index.pk}/"
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, publicity_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    page = PublicityPage.objects.get()
    assert page.live and page.publicity_end == dt.date(2026, 10, 12) and page.jurisdiction == "wanzhou"
    assert page.candidates.get().name == "刘明"


@freeze_time("2026-09-28 10:00:00")
def test_admin_refuses_a_window_shorter_than_the_rule_with_the_article(editor_client):
    index = index_for(jurisdiction="wanzhou", kind="publicity")
    response = editor_client.post(f"/admin/pages/add/public_notices/publicitypage/{index.pk}/",
                                  publicity_form(publicity_end="2026-10-09"))
    html = response.content.decode()
    assert response.status_code == 200 and not PublicityPage.objects.exists()
    assert "公示期不能缩短" in html and "《万州区行政执法监督员管理办法》第六条第（二）项" in html


@freeze_time("2026-09-20 10:00:00")
def test_editor_schedules_with_go_live(editor_client):
    from clocks import scheduler

    index = index_for(jurisdiction="wanzhou", kind="publicity")
    response = editor_client.post(f"/admin/pages/add/public_notices/publicitypage/{index.pk}/",
                                  publicity_form(go_live_at="2026-09-29 09:00"))
    assert response.status_code == 302
    page = PublicityPage.objects.get()
    assert not page.live and page.latest_revision.approved_go_live_at is not None
    with freeze_time("2026-09-29 01:00:01"):
        scheduler.run_once()
    page.refresh_from_db()
    assert page.live and page.published_on == dt.date(2026, 9, 29)


def test_each_kind_is_created_only_in_its_own_index(site_tree):
    from public_notices.models import PublicityPage, RecruitmentNoticePage, TypicalCasePage

    publicity = index_for(jurisdiction="weihai", kind="publicity")
    assert PublicityPage.can_create_at(publicity)
    assert not RecruitmentNoticePage.can_create_at(publicity) and not TypicalCasePage.can_create_at(publicity)
    assert NoticeIndexPage.can_create_at(site_tree["weihai"])
    assert not PublicityPage.can_create_at(site_tree["weihai"])


def test_every_kind_has_a_working_admin_add_form(editor_client):
    from public_notices.services import PAGE_CLASSES

    for kind, cls in PAGE_CLASSES.items():
        index = index_for(jurisdiction="wuhan", kind=kind)
        url = f"/admin/pages/add/public_notices/{cls._meta.model_name}/{index.pk}/"
        assert editor_client.get(url).status_code == 200, kind


@pytest.fixture
def objection(publish_list):
    with freeze_time("2026-09-29 08:00:00"):
        page = publish_list("wanzhou", start=dt.date(2026, 9, 29))
    return Objection.objects.create(page=page, person_concerned="刘明", objector_name="张三",
                                    contact="13700001111", facts="该同志存在应回避的利害关系。")


def test_objections_are_listed_masked_for_officers_and_hidden_from_editors(client, make_user, objection):
    client.force_login(make_user("ed", "编辑"))
    assert client.get("/admin/objections/").status_code in (302, 403)
    client.force_login(make_user("off", "司法局经办人"))
    html = client.get("/admin/objections/").content.decode()
    assert "137****1111" in html and "13700001111" not in html
    inspect = client.get(f"/admin/objections/inspect/{objection.pk}/").content.decode()
    assert "13700001111" in inspect  # the officer handling it may see the full contact
    dashboard = client.get("/admin/").content.decode()
    assert "待处理的公示异议（1）" in dashboard


def test_officer_resolves_an_objection_in_the_admin(client, make_user, objection):
    officer = make_user("off", "司法局经办人")
    client.force_login(officer)
    url = f"/admin/objections/edit/{objection.pk}/"
    response = client.post(url, {"status": "rejected", "resolution_note": ""})
    assert "请填写处理意见" in response.content.decode()
    liu = objection.page.candidates.get(name="刘明")
    assert f'<option value="{liu.pk}" selected>' in client.get(url).content.decode()  # typed name offered
    response = client.post(url, {"candidate": liu.pk, "status": "rejected", "resolution_note": "经核实，所反映情况不属实。"})
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.status == "rejected" and objection.resolved_by == officer and objection.resolved_at
    assert objection.candidate == liu


# ------------------------------------------------------------------ one door for the objection decision
def test_admin_resolution_goes_through_the_door_decision_record_and_log_entry(client, make_user, objection):
    from wagtail.models import ModelLogEntry

    from decisions.models import DecisionRecord

    officer = make_user("off", "司法局经办人")
    client.force_login(officer)
    url = f"/admin/objections/edit/{objection.pk}/"
    # tied to the person before it can be resolved
    html = client.post(url, {"candidate": "", "status": "upheld", "resolution_note": "经核实属实。"}).content.decode()
    assert "请先确定异议所涉的拟聘人员" in html
    liu = objection.page.candidates.get(name="刘明")
    with freeze_time("2026-10-13 10:00:00"):
        assert client.post(url, {"candidate": liu.pk, "status": "upheld",
                                 "resolution_note": "经核实属实。"}).status_code == 302
    record = DecisionRecord.objects.get(process_kind="objection")
    assert record.outcome == "异议成立" and record.decided_on == dt.date(2026, 10, 13)
    assert "第六条第（二）项" in record.article and "处理人：off" in record.body and record.subject == objection
    entry = ModelLogEntry.objects.get(action="public_notices.objection_resolve")
    assert entry.user == officer and entry.object_id == str(objection.pk)
    assert entry.data["old"]["status"] == "待处理" and entry.data["new"]["status"] == "异议成立"
    assert entry.data["new"]["candidate"].startswith("刘明")


def test_admin_resolution_needs_the_process_permission(client, make_user, objection):
    """A leader holds change_objection but not the process step's permission (review_application)."""
    leader = make_user("lead", "司法局负责人")
    client.force_login(leader)
    liu = objection.page.candidates.get(name="刘明")
    response = client.post(f"/admin/objections/edit/{objection.pk}/",
                           {"candidate": liu.pk, "status": "upheld", "resolution_note": "经核实属实。"})
    assert response.status_code in (200, 403)
    if response.status_code == 200:
        assert "只有司法局经办人员可以处理公示异议" in response.content.decode()
    objection.refresh_from_db()
    assert objection.status == "pending"


def test_two_officers_resolving_at_once_the_second_gets_a_message_not_a_500(client, make_user, objection,
                                                                           monkeypatch):
    """Both opened the form while it was pending; the first saved a moment before the second. The form's
    own stale check passed for both (simulated by skipping it), so the door's lock decides."""
    from public_notices.services import objection_resolve
    from public_notices.wagtail_hooks import ObjectionResolveForm

    first, second = make_user("off1", "司法局经办人"), make_user("off2", "司法局经办人")
    liu = objection.page.candidates.get(name="刘明")
    monkeypatch.setattr(ObjectionResolveForm, "clean", lambda self: self.cleaned_data)
    objection_resolve(objection=objection, upheld=False, note="经核实不成立。", by=first, candidate=liu)
    client.force_login(second)
    response = client.post(f"/admin/objections/edit/{objection.pk}/",
                           {"candidate": liu.pk, "status": "upheld", "resolution_note": "经核实属实。"})
    assert response.status_code == 200
    assert "该异议已由off1处理（异议不成立），不能重复处理" in response.content.decode()
    objection.refresh_from_db()
    assert objection.status == "rejected" and objection.resolved_by == first
