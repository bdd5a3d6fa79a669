"""Bureau staff work only their own jurisdiction's casework (issue 28, privacy): an officer whose StaffProfile
names 武隆 sees and acts on 武隆's matters only — the matter list and screen, 我的待办, the workbench, the clock
list and the case search; another jurisdiction's matter screen is refused in Chinese and its task can be neither
claimed nor executed, nothing written. An officer whose profile names no jurisdiction (a city or province
account) sees both."""
import datetime as dt
import re

import pytest
from django.test import Client
from freezegun import freeze_time
from viewflow.workflow.models import Task

from casework.models import Matter
from clocks.services import clock_start
from roles.definitions import OFFICER
from roles.models import StaffProfile
from rules.profiles import get_profile
from tests.letters.letters_http import login, people, start_letter

DRAFT = "起草监督建议书（意见书）"


@pytest.fixture
def two(make_user, settings, django_capture_on_commit_callbacks):
    settings.ELASTICSEARCH_URL = ""  # the embedded search engine, indexed on commit
    wl = people(make_user, "wulong", "武隆区市场监督管理局")
    wz = people(make_user, "enshi", "恩施州市场监督管理局")
    for p, code in ((wl, "wulong"), (wz, "enshi")):
        StaffProfile.objects.create(user=p["officer"], jurisdiction=code)
    everywhere = make_user("officer_city", OFFICER, first_name="周市局")  # no profile: every jurisdiction
    with freeze_time("2026-09-01 09:00"), django_capture_on_commit_callbacks(execute=True):
        m_wl = start_letter(wl["officer"], "wulong", wl["agency"], ground="procedure", title="武隆抽检未履职")
        m_wz = start_letter(wz["officer"], "enshi", wz["agency"], ground="non_performance", title="恩施抽检未履职")
        for m, code, label in ((m_wl, "wulong", "武隆时限"), (m_wz, "enshi", "恩施时限")):
            clock_start(subject=m, profile=get_profile(code), rule_key="complaint_accept_period",
                        started_on=dt.date(2026, 9, 1), label=label)
    return {"wl": wl, "wz": wz, "city": everywhere, "m_wl": m_wl, "m_wz": m_wz}


def get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def draft_task(matter) -> Task:
    return Task.objects.get(process__caseprocess__matter=matter, flow_task__endswith=".draft")


@pytest.mark.django_db
def test_each_bound_officer_sees_only_its_own_jurisdiction(two):
    wl, wz = login(two["wl"]["officer"]), login(two["wz"]["officer"])
    with freeze_time("2026-09-02 09:00"):
        # the matter list
        html = get(wl, "/admin/casework/")
        assert "武隆抽检未履职" in html and "恩施抽检未履职" not in html
        html = get(wz, "/admin/casework/")
        assert "恩施抽检未履职" in html and "武隆抽检未履职" not in html
        response = wl.get("/admin/casework/?jurisdiction=enshi")  # another 辖区 is not offered as a filter
        assert response.status_code == 400 and "辖区筛选值无效，请从列表中选择辖区。" in response.content.decode()

        # the matter screen: its own; the other's refused with the reason (Wagtail's redirect to the dashboard)
        assert "武隆抽检未履职" in get(wl, f"/admin/casework/{two['m_wl'].pk}/")
        response = wl.get(f"/admin/casework/{two['m_wz'].pk}/")
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert "您无权查看该监督事项：本账号只办理重庆市武隆区的监督事项。" in get(wl, "/admin/")
        response = wz.get(f"/admin/casework/{two['m_wl'].pk}/")
        assert response.status_code == 302
        assert "您无权查看该监督事项：本账号只办理湖北省恩施土家族苗族自治州的监督事项。" in get(wz, "/admin/")

        # 我的待办: the draft of its own matter only
        html = get(wl, "/workflow/")
        assert html.count(DRAFT) >= 1 and "武隆抽检未履职" in html and "恩施抽检未履职" not in html
        html = get(wz, "/workflow/")
        assert "恩施抽检未履职" in html and "武隆抽检未履职" not in html

        # the workbench: its own matter and 待办, counted
        html = get(wl, "/admin/")
        assert "我立案的办理中事项（1）" in html and "武隆抽检未履职" in html and "恩施抽检未履职" not in html

        # the clock list: its own jurisdiction's clocks only
        html = get(wl, "/admin/clocks/")
        assert set(re.findall(r'aria-label="查看计算日历：([^"]+)"', html)) == {"武隆时限"}
        html = get(wz, "/admin/clocks/")
        assert set(re.findall(r'aria-label="查看计算日历：([^"]+)"', html)) == {"恩施时限"}

        # the case search: its own matter, not the other's
        html = get(wl, "/admin/search/cases/?q=抽检未履职")
        assert "武隆抽检未履职" in html and "恩施抽检未履职" not in html

        # an officer of every jurisdiction sees both
        city = login(two["city"])
        html = get(city, "/admin/casework/")
        assert "武隆抽检未履职" in html and "恩施抽检未履职" in html
        html = get(city, "/workflow/")
        assert "武隆抽检未履职" in html and "恩施抽检未履职" in html
        assert "恩施抽检未履职" in get(city, f"/admin/casework/{two['m_wz'].pk}/")
        html = get(city, "/admin/clocks/")
        assert set(re.findall(r'aria-label="查看计算日历：([^"]+)"', html)) == {"武隆时限", "恩施时限"}
        html = get(city, "/admin/search/cases/?q=抽检未履职")
        assert "武隆抽检未履职" in html and "恩施抽检未履职" in html


@pytest.mark.django_db
def test_a_bound_officer_cannot_claim_or_execute_another_jurisdictions_task(two):
    wl = login(two["wl"]["officer"])
    other = draft_task(two["m_wz"])
    with freeze_time("2026-09-02 09:00"):
        # claiming the 恩施 draft: refused, the task stays unclaimed
        response = wl.post(f"/workflow/tasks/{other.pk}/claim/")
        assert response.status_code == 403
        assert "您无权查看该监督事项：本账号只办理重庆市武隆区的监督事项。" in response.content.decode()
        other.refresh_from_db()
        assert (other.owner_id, other.status) == (None, "NEW")

        # the 恩施 officer takes it; the 武隆 officer can neither open nor submit its screen
        wz = login(two["wz"]["officer"])
        response = wz.post(f"/workflow/tasks/{other.pk}/claim/")
        assert response.status_code == 302
        url = response["Location"]
        for response in (wl.get(url), wl.post(url, {"ground": "non_performance", "findings": "改写。",
                                                     "request": "改写。"})):
            assert response.status_code == 403
            assert "本账号只办理重庆市武隆区的监督事项" in response.content.decode()
        other.refresh_from_db()
        assert (other.owner_id, other.status) == (two["wz"]["officer"].pk, "ASSIGNED")
        matter = Matter.objects.get(pk=two["m_wz"].pk)
        assert matter.letters.get().findings == "2026年上半年未按计划开展食品安全抽检，投诉件未在期限内办结。"

        # its own draft it claims as before
        response = wl.post(f"/workflow/tasks/{draft_task(two['m_wl']).pk}/claim/")
        assert response.status_code == 302


@pytest.mark.django_db
def test_a_process_stores_its_matters_jurisdiction(two):
    from flows.models import CaseProcess

    assert CaseProcess.objects.get(matter=two["m_wl"]).jurisdiction == "wulong"
    assert CaseProcess.objects.get(matter=two["m_wz"]).jurisdiction == "enshi"


@pytest.mark.django_db
def test_another_jurisdictions_campaign_task_is_neither_listed_nor_claimable(two, site_tree):
    """The supervisors' campaign runs viewflow's plain Process: narrowed by its campaign's jurisdiction."""
    city = login(two["city"])
    with freeze_time("2026-09-02 09:00"):
        response = city.post("/workflow/campaigns/new/", {
            "jurisdiction": "wanzhou", "title": "2026年度监督员选聘", "places": "2",
            "deadline": "2026-09-20", "description": "面向社会公开选聘。"})
        assert response.status_code == 302, response.content.decode()
        review = Task.objects.get(flow_task__endswith=".review", status="NEW")
        assert "资格审查" in get(city, "/workflow/")
        wl = login(two["wl"]["officer"])
        html = get(wl, "/workflow/")
        assert "资格审查" not in html and "武隆抽检未履职" in html
        response = wl.post(f"/workflow/tasks/{review.pk}/claim/")
        assert response.status_code == 403
        assert "本账号只办理重庆市武隆区的监督事项" in response.content.decode()
        review.refresh_from_db()
        assert (review.owner_id, review.status) == (None, "NEW")


@pytest.mark.django_db
def test_a_bound_officer_sees_only_its_own_jurisdictions_year(two):
    wl = login(two["wl"]["officer"])
    with freeze_time("2026-09-02 09:00"):
        html = get(wl, "/admin/casework/year/2026/")
        assert "重庆市武隆区 2026年度概览" in html and "全部辖区" not in html
        assert 'value="enshi"' not in html
        for url in ("/admin/casework/year/2026/?jurisdiction=enshi", "/admin/casework/year/2026/results/?jurisdiction=enshi",
                    "/admin/casework/year/2026.xlsx?jurisdiction=enshi"):
            response = wl.get(url)
            assert response.status_code == 403, url
            assert "本账号只能查看重庆市武隆区的" in response.content.decode()
        html = get(wl, "/admin/casework/year/2026/results/")
        assert "重庆市武隆区 2026年度监督结果" in html
        city = login(two["city"])
        html = get(city, "/admin/casework/year/2026/?jurisdiction=enshi")
        assert "全部辖区" in html and 'value="wulong"' in html


@pytest.mark.django_db
def test_a_bound_officers_task_screen_reads_its_jurisdiction_with_the_task(two):
    """The task screens refuse another jurisdiction's task before viewflow opens it (flows.urls): the task is read
    with its process's stored jurisdiction in one query, not the task and then its CaseProcess row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    wl = login(two["wl"]["officer"])
    with freeze_time("2026-09-02 09:00"):
        response = wl.post(f"/workflow/tasks/{draft_task(two['m_wl']).pk}/claim/")
        url = response["Location"]
        get(wl, url)  # the role groups and the profile kept (roles.auth_cache), as on any later screen
        with CaptureQueriesContext(connection) as ctx:
            html = get(wl, url)
        assert DRAFT in html
        sql = [q["sql"] for q in ctx.captured_queries]
        # 1 session, 1 user; 1 the task with its stored jurisdiction (viewflow_task LEFT JOIN flows_caseprocess:
        # the check), then viewflow's own: 1 the task, 2 its process (Process, CaseProcess), 1 the owner; the
        # draft screen: 5 letter, 1 report, 1 objection; Wagtail's admin frame: 1 user profile, 1 locale,
        # 1 page and 1 collection permissions, 1 site permissions, 1 page; the menu: 1 supervisor,
        # 1 decision record; the matter panel: 1 document, 1 clock, 1 pause, 1 extension. Before: 27, the task
        # and then its CaseProcess row (SELECT flows_caseprocess.jurisdiction ... WHERE process_ptr_id = ...).
        assert len(sql) == 26
        assert '"flows_caseprocess"."jurisdiction" AS "case_jurisdiction"' in sql[2]
        assert not any(q.startswith('SELECT "flows_caseprocess"."jurisdiction" FROM') for q in sql)


JURISDICTION_SELECT = re.compile(r'<select name="jurisdiction">.*?</select>', re.S)


@pytest.mark.django_db
def test_a_bound_officer_is_offered_only_its_own_jurisdiction_chosen(two):
    """The matter list's 辖区 select and the activity list's 辖区 links: a bound account its own 辖区 only, chosen,
    with no 全部 (which would mean the same); an account of every jurisdiction 全部 and each one, as before."""
    wl, city = login(two["wl"]["officer"]), login(two["city"])
    with freeze_time("2026-09-02 09:00"):
        html = get(wl, "/admin/casework/")
        assert JURISDICTION_SELECT.findall(html) == [
            '<select name="jurisdiction"><option value="wulong" selected>重庆市武隆区</option></select>']
        html = get(city, "/admin/casework/")
        assert JURISDICTION_SELECT.findall(html) == [
            '<select name="jurisdiction"><option value="">全部</option><option value="wanzhou">重庆市万州区</option>'
            '<option value="weihai">山东省威海市</option><option value="wuhan">湖北省武汉市</option>'
            '<option value="enshi">湖北省恩施土家族苗族自治州</option><option value="wulong">重庆市武隆区</option>'
            '</select>']
        html = get(city, "/admin/casework/?jurisdiction=enshi")
        assert '<option value="enshi" selected>湖北省恩施土家族苗族自治州</option>' in html

        html = get(wl, "/admin/activities/")
        assert "<p>辖区：<strong>重庆市武隆区</strong>" in html and "全部" not in html.split("辖区：")[1][:200]
        html = get(city, "/admin/activities/")
        assert ('<p>辖区：<a href="?">全部</a> · <a href="?jurisdiction=wanzhou">重庆市万州区</a> · '
                '<a href="?jurisdiction=weihai">山东省威海市</a> · <a href="?jurisdiction=wuhan">湖北省武汉市</a> · '
                '<a href="?jurisdiction=enshi">湖北省恩施土家族苗族自治州</a> · '
                '<a href="?jurisdiction=wulong">重庆市武隆区</a>') in html
