"""Statutory clocks: records with rule, article, pauses, extensions, provisional flag; recomputed on new holidays."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from clocks import scheduler
from clocks.selectors import due_soon, overdue
from clocks.services import clock_extend, clock_pause, clock_resume, clock_start, clock_stop
from rules.models import HolidayYear
from rules.profiles import get_profile

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def subject(make_user):
    return make_user("subject-holder", "司法局经办人")  # any model instance can carry a clock


def test_complaint_accept_clock_is_7_working_days_across_national_day_004_art7(subject):
    clock = clock_start(subject=subject, profile=get_profile("wulong"), rule_key="complaint_accept_period",
                        started_on=D(2026, 9, 29))
    assert clock.due_on == D(2026, 10, 14)  # 09-30, 10-08, 10-09, 10-10 (调休上班), 10-12, 10-13, 10-14
    assert clock.citation.code == "004 第七条" and clock.citation.document == "行政执法投诉举报制度"
    assert not clock.provisional


def test_pause_does_not_count_and_resume_recomputes_004_dispute_art14(subject):
    clock = clock_start(subject=subject, profile=get_profile("wulong"), rule_key="dispute_finish_period",
                        started_on=D(2026, 11, 2))
    assert clock.due_on == D(2026, 11, 11)
    clock_pause(clock=clock, start=D(2026, 11, 4), reason="提请有权机关解释")
    with pytest.raises(ValidationError):
        clock_pause(clock=clock, start=D(2026, 11, 5), reason="again")
    clock_resume(clock=clock, end=D(2026, 11, 6))
    clock.refresh_from_db()
    assert clock.due_on == D(2026, 11, 16)


def test_extension_is_capped_by_the_profile_004_complaints_art10(subject, make_user):
    leader = make_user("leader", "司法局负责人")
    profile = get_profile("wulong")
    clock = clock_start(subject=subject, profile=profile, rule_key="complaint_finish_period",
                        started_on=D(2026, 11, 2))
    assert clock.due_on == D(2026, 12, 2)
    clock_extend(clock=clock, n=20, by=leader, reason="情况复杂", profile=profile,
                 max_rule_key="complaint_extension_max")
    with pytest.raises(ValidationError, match="上限"):
        clock_extend(clock=clock, n=11, by=leader, reason="再延", profile=profile,
                     max_rule_key="complaint_extension_max")
    clock.refresh_from_db()
    assert clock.due_on == D(2026, 12, 22)


def test_provisional_clock_is_recomputed_when_staff_load_the_year(subject, django_capture_on_commit_callbacks):
    clock = clock_start(subject=subject, profile=get_profile("wanzhou"), rule_key="publicity_period",
                        started_on=D(2026, 12, 30))
    assert clock.due_on == D(2027, 1, 6) and clock.provisional_years == "2027"
    with django_capture_on_commit_callbacks(execute=True):
        HolidayYear.objects.create(year=2027, notice_number="国办发明电〔2026〕12号",
                                   holidays="2027-01-01~2027-01-03 元旦")
    clock.refresh_from_db()
    assert clock.provisional_years == ""
    assert clock.due_on == D(2027, 1, 7)  # 12-31, 01-04, 01-05, 01-06, 01-07


def test_overdue_and_due_soon_and_the_scheduler_marks_overdue(subject):
    clock = clock_start(subject=subject, profile=get_profile("wulong"), rule_key="complaint_accept_period",
                        started_on=D(2026, 11, 2))
    assert clock.due_on == D(2026, 11, 11)
    assert list(due_soon(D(2026, 11, 10))) == [clock]
    assert not overdue(D(2026, 11, 11)).exists()
    assert list(overdue(D(2026, 11, 12))) == [clock]
    with freeze_time("2026-11-12 09:00:00+08:00"):
        results = scheduler.run_once()
    assert "新增逾期 1 项" in results["法定时限逾期检查"]
    clock.refresh_from_db()
    assert clock.overdue_since == D(2026, 11, 12)
    clock_stop(clock=clock)
    assert not overdue(D(2026, 11, 12)).exists()


def test_dashboard_panel_lists_overdue_clocks_with_their_article(client, subject, make_user):
    clock_start(subject=subject, profile=get_profile("wulong"), rule_key="complaint_accept_period",
                started_on=D(2026, 1, 5))
    client.force_login(make_user("officer", "司法局经办人"))
    html = client.get("/admin/").content.decode()
    assert "法定时限" in html and "已逾期：1 项" in html and "投诉举报制度" in html


@pytest.mark.django_db
def test_an_extension_counts_even_when_the_caller_holds_a_prefetched_clock(make_user):
    """004 投诉举报制度 第十条: a clock read with its extensions prefetched (as the matter screen reads it)
    must still count the extension just approved."""
    from clocks.models import Clock
    from clocks.services import clock_extend, clock_start
    from rules.profiles import get_profile
    from supervisors.models import Supervisor

    subject = Supervisor.objects.create(jurisdiction="wulong", name="甲", gender="male", birth_date="1980-01-01",
                                        id_number="x", phone="1", workplace="w")
    profile = get_profile("wulong")
    clock = clock_start(subject=subject, profile=profile, rule_key="complaint_finish_period",
                        started_on=dt.date(2026, 9, 1))
    assert clock.due_on == dt.date(2026, 10, 8)  # 10-01 falls in National Day: rolled to 10-08
    stale = Clock.objects.prefetch_related("extensions", "pauses").get(pk=clock.pk)
    list(stale.extensions.all())
    clock_extend(clock=stale, n=10, by=make_user("boss"), reason="情况复杂", profile=profile,
                 max_rule_key="complaint_extension_max")
    clock.refresh_from_db()
    assert clock.due_on == dt.date(2026, 10, 12)  # 40 days from 09-01 = 10-11, a Sunday → Monday 10-12
