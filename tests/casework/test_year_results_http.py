"""年度监督结果 (恩施 003 第三十条; 武隆 004 通报制度 第六条) for the bureau over HTTP: per agency and year, letters
and decisions issued, findings, overdue rectifications, substantiated complaints, late filings, late and missing
statistics returns, agencies named in notifications — literal counts, one jurisdiction selector, the rules' text
with the article and "no points given" where they give none, the Excel export, refused to liaisons."""
import datetime as dt
import io

import pytest
from django.test import Client
from freezegun import freeze_time
from openpyxl import load_workbook

from casework import services
from casework.models import Document
from clocks.services import clock_start, clock_stop
from complaints.models import PARTLY, SUBSTANTIATED, UNFOUNDED, Complaint
from filings.models import FINDING, Filing
from letters.models import Letter
from programme.deadlines import yearly_clock_start
from programme.models import Activity, Notification, ProgrammeYear, RectificationTask, StatisticsReturn
from rules.profiles import get_profile

D = dt.date
NOW = "2026-12-06 10:00"


def client_for(user):
    c = Client()
    c.force_login(user)
    return c


def row(page: str, pk: int) -> list[str]:
    import re

    tr = re.search(rf'<tr id="cr-agency-{pk}">(.*?)</tr>', page, re.S).group(1)
    return re.findall(r"<td>([^<]*)</td>", tr)


@pytest.fixture
def results_data(staff, make_agency):
    """Wulong 市场监管局 (A), 城管局 (B); Enshi 交通运输局 (E)."""
    officer = staff["officer"]
    a = make_agency("武隆区市场监督管理局", liaison="lx_scjg")
    b = make_agency("武隆区城市管理局", liaison="lx_cg")
    e = make_agency("恩施州交通运输局", jurisdiction="enshi", liaison="lx_es")
    seq = iter(range(1, 100))

    def matter(agency, process="letter"):
        return services.matter_open(by=officer, agency=agency, source="inspection", title="事项", facts="事实",
                                    process=process, opened_on=D(2026, 3, 1))

    def document(m, issued_on):
        n = next(seq)
        return Document.objects.create(matter=m, kind="letter", kind_label="监督文书", doc_number=f"测字〔{n}〕号",
                                       year=issued_on.year, seq=n, title="文书", addressee=m.agency.name, body="正文",
                                       issued_on=issued_on, issued_by=officer)

    def letter(agency, issued_on, *, decision_on=None, clock=None, to=None):
        m = matter(agency)
        return Letter.objects.create(
            matter=m, agency=to, state="rectifying", ground="g", ground_label="情形", ground_article="第一条",
            findings="查明", request="建议", drafted_by=officer, document=document(m, issued_on),
            decision_document=document(m, decision_on) if decision_on else None, rectify_clock=clock)

    wulong = get_profile("wulong")

    def rectify_clock(m, profile, started, stop_on=None):
        c = clock_start(subject=m, profile=profile, rule_key="dispute_answer_period", started_on=started)
        if stop_on:
            with freeze_time(f"{stop_on} 16:00"):
                clock_stop(clock=c)
        return c

    # letters: A two in 2026 (one with its decision in 2026), one in 2025; B one in 2026 addressed in
    # another matter's letter; E one in 2026
    la = letter(a, D(2026, 4, 1), decision_on=D(2026, 6, 1))
    la.rectify_clock = rectify_clock(la.matter, wulong, D(2026, 4, 1), stop_on="2026-05-20")  # due 04-09: late
    la.save()
    lb = letter(a, D(2026, 5, 1))
    lb.rectify_clock = rectify_clock(lb.matter, wulong, D(2026, 11, 2))  # due 11-09, running: overdue
    lb.save()
    letter(a, D(2025, 12, 1))  # issued the year before
    lc = letter(a, D(2026, 7, 1), to=b)  # addressed to B in A's matter
    lc.rectify_clock = rectify_clock(lc.matter, wulong, D(2026, 7, 1), stop_on="2026-07-03")  # on time
    lc.save()
    letter(e, D(2026, 8, 1), decision_on=D(2026, 9, 1))

    # findings: A an inspection with problems and one without; E a filing reviewed with a finding
    py = ProgrammeYear.objects.create(jurisdiction="wulong", year=2026)
    Activity.objects.create(year=py, kind="inspection", agency=a, held_on=D(2026, 6, 10), title="检查",
                            has_problems=True, recorded_by=officer)
    Activity.objects.create(year=py, kind="inspection", agency=b, held_on=D(2026, 6, 11), title="检查",
                            has_problems=False, recorded_by=officer)
    for number, late, outcome, reviewed in (("恩交罚〔2026〕1号", True, FINDING, D(2026, 5, 1)),
                                            ("恩交罚〔2026〕2号", True, "passed", D(2026, 5, 2)),
                                            ("恩交罚〔2026〕3号", False, "passed", D(2026, 5, 3))):
        Filing.objects.create(jurisdiction="enshi", agency=e, matter=matter(e, "filing"), title="处罚决定",
                              decision_number=number, decided_on=D(2026, 3, 1), filed_on=D(2026, 4, 1),
                              due_on=D(2026, 3, 20), late=late, filed_by=officer, outcome=outcome,
                              reviewed_on=reviewed)
    # complaints: A one substantiated and one partly; B one unfounded; A one substantiated in 2025
    for n, (agency, outcome, on) in enumerate(((a, SUBSTANTIATED, D(2026, 3, 1)), (a, PARTLY, D(2026, 4, 1)),
                                               (b, UNFOUNDED, D(2026, 4, 2)), (a, SUBSTANTIATED, D(2025, 4, 1)))):
        Complaint.objects.create(jurisdiction="wulong", receipt_number=f"WL-TS-{n}", agency=agency, request="请求",
                                 facts="事实", received_on=on, status="closed", outcome=outcome, reviewed_on=on)
    # 2025's statistics, reported in 2026 (due 2026-01-31): A late, B never
    py25 = ProgrammeYear.objects.create(jurisdiction="wulong", year=2025)
    ret_a = StatisticsReturn.objects.create(year=py25, agency=a)
    ret_b = StatisticsReturn.objects.create(year=py25, agency=b)
    clock_a = yearly_clock_start(subject=ret_a, profile=wulong, rule_key="annual_statistics_due", in_year=2026)
    yearly_clock_start(subject=ret_b, profile=wulong, rule_key="annual_statistics_due", in_year=2026)
    with freeze_time("2026-02-10 10:00"):
        clock_stop(clock=clock_a)
    # the notification names B, whose rectification is overdue
    note = Notification.objects.create(year=py25, title="通报", body="正文", period_n=10, period_unit="calendar_days",
                                       issued_on=D(2026, 3, 15), issued_by=officer)
    m = matter(b, "programme")
    RectificationTask.objects.create(notification=note, agency=b, matter=m, document=document(m, D(2026, 3, 15)),
                                     problems="问题", period_n=10, period_unit="calendar_days",
                                     clock=rectify_clock(m, wulong, D(2026, 3, 16)))
    return {"a": a, "b": b, "e": e}


@pytest.mark.django_db
def test_the_officer_sees_each_agency_s_results_for_the_year(results_data, staff):
    a, b, e = results_data["a"], results_data["b"], results_data["e"]
    with freeze_time(NOW):
        page = client_for(staff["officer"]).get("/admin/casework/year/2026/results/").content.decode()
    # letters, decisions, findings, filing findings, overdue rectifications, complaints, late filings,
    # late returns, missing returns, notified, interference lapses, inspections poorly implemented, rectifications
    # found not rectified on review; then the count of the items Wulong's 通报制度 第六条 deducts for (notified +
    # overdue rectifications + found not rectified), blank for Enshi
    assert row(page, a.pk) == ["2", "1", "1", "0", "2", "2", "0", "1", "0", "0", "0", "0", "0", "2"]
    assert row(page, b.pk) == ["1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "0", "0", "0", "2"]
    assert row(page, e.pk) == ["1", "1", "0", "1", "0", "0", "2", "0", "0", "0", "0", "0", "0", ""]
    assert "行政执法监督结果纳入法治建设绩效考核指标体系" in page and "第三十条" in page
    assert "办法未规定各项结果的分值，平台只列各项计数，由考核机关评分" in page
    assert "未规定分值：平台标出扣分项目并列各项计数，由考核机关评分" in page and "第六条" in page
    assert ("扣减分值的项目：被通报（通报限时整改、逾期不纠正予以通报）、逾期未整改（监督文书、限时整改）、"
            "经审核认定整改落实不力（通报限时整改）（《行政执法监督情况通报制度》第六条）") in page
    assert "平台尚未登记此类情形" not in page and "干预插手案件不记录或不如实记录" in page
    assert ("逾期按至2026-12-06的情况。本表不计：重大行政执法决定应报未报（平台只登记已报送的备案，"
            "无从得知应报未报的决定）。</p>") in page and page.count("本表不计") == 1
    assert "<th scope=\"col\">分值</th>" not in page
    with freeze_time(NOW):
        enshi = client_for(staff["leader"]).get("/admin/casework/year/2026/results/?jurisdiction=enshi")
    html = enshi.content.decode()
    assert "恩施州交通运输局" in html and "武隆区市场监督管理局" not in html
    assert "平台标出扣分项目" not in html and "扣分项计数" not in html
    assert row(html, e.pk) == ["1", "1", "0", "1", "0", "0", "2", "0", "0", "0", "0", "0", "0"]


@pytest.mark.django_db
def test_the_excel_export_has_the_same_counts_and_the_basis(results_data, staff):
    with freeze_time(NOW):
        response = client_for(staff["officer"]).get("/admin/casework/year/2026/results.xlsx?jurisdiction=wulong")
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment; filename=results-2026-wulong.xlsx"
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "重庆市武隆区 2026年度监督结果"
    assert rows[1][-1] == "扣分项计数"
    assert rows[2] == ("重庆市武隆区", "武隆区城市管理局", 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 2)
    assert rows[3] == ("重庆市武隆区", "武隆区市场监督管理局", 2, 1, 1, 0, 2, 2, 0, 1, 0, 0, 0, 0, 0, 2)
    assert rows[4][:12] == ("合计", None, 3, 1, 1, 0, 3, 2, 0, 1, 1, 1)
    text = "\n".join(str(c) for r in rows for c in r if c)
    assert "分值：制度规定被通报、整改落实不力的扣减相应分值，未规定分值：平台标出扣分项目并列各项计数，由考核机关评分" in text
    assert ("扣减分值的项目：被通报（通报限时整改、逾期不纠正予以通报）、逾期未整改（监督文书、限时整改）、"
            "经审核认定整改落实不力（通报限时整改）（《行政执法监督情况通报制度》第六条）") in text
    assert "重大行政执法决定应报未报（平台只登记已报送的备案，无从得知应报未报的决定）" in text
    assert text.count("本表不计") == 1  # the heading row, not again at the end of its line


@pytest.mark.django_db
def test_liaisons_are_refused_and_bad_years_are_404_in_chinese(results_data, staff, django_user_model):
    liaison = client_for(django_user_model.objects.get(username="lx_scjg"))
    refused = liaison.get("/admin/casework/year/2026/results/")
    assert refused.status_code == 403 and "年度监督结果仅供司法局经办人和负责人查看。" in refused.content.decode()
    officer = client_for(staff["officer"])
    with freeze_time(NOW):
        bad = officer.get("/admin/casework/year/1999/results/")
        assert bad.status_code == 404 and "年度须在2000年至2027年之间" in bad.content.decode()
        assert officer.get("/admin/casework/year/2026/results/?jurisdiction=nowhere").status_code == 404
        assert officer.get("/admin/casework/year/results/?year=abc").status_code == 404
        assert officer.get("/admin/casework/year/results/?year=2026&jurisdiction=enshi")["Location"] == \
            "/admin/casework/year/2026/results/?jurisdiction=enshi"
        home = officer.get("/admin/").content.decode()
    assert "/admin/casework/year/results/" in home and "年度监督结果（纳入考核）" in home


@pytest.mark.django_db
def test_points_only_where_the_profile_gives_them(results_data, staff):
    """A bureau that enters points into Wulong's profile (通报制度 第六条) gets a 分值 column from them."""
    from rules.models import RuleFigure

    figure = RuleFigure.objects.get(profile__code="wulong", key="assessment_results")
    figure.value = {**figure.value, "points": {"notified": -2, "rectify_overdue": -1, "returns_missing": -0.5}}
    figure.save(update_fields=["value"])
    with freeze_time(NOW):
        page = client_for(staff["officer"]).get("/admin/casework/year/2026/results/?jurisdiction=wulong")
    html = page.content.decode()
    assert "<th scope=\"col\">分值</th>" in html
    assert ("被通报（通报限时整改、逾期不纠正予以通报）每项-2分、逾期未整改（监督文书、限时整改）每项-1分、"
            "统计年报逾期未报送每项-0.5分") in html
    assert row(html, results_data["b"].pk)[-1] == "-3.5"  # notified 1, overdue 1, missing return 1
    assert row(html, results_data["a"].pk)[-1] == "-2.0"  # two overdue rectifications
