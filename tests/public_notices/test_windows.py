"""公示期: the end is computed from the jurisdiction's rule (publication day not counted) and can be
lengthened, never shortened below the rule."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from public_notices.models import PublicityPage
from rules.models import HolidayYear

D = dt.date
pytestmark = pytest.mark.django_db


def test_wanzhou_window_is_5_working_days_across_national_day_000_art6_2(publish_list):
    page = publish_list("wanzhou", start=D(2026, 9, 29))
    # 09-30, 10-08, 10-09, 10-10 (调休上班), 10-12; 10-01..10-07 are holidays, 10-11 a Sunday
    assert page.publicity_end == D(2026, 10, 12)
    assert page.publicity_end_auto and not page.is_provisional
    assert str(page.window_rule.citation) == "《万州区行政执法监督员管理办法》第六条第（二）项"


def test_wanzhou_window_across_spring_festival_000_art6_2(publish_list):
    page = publish_list("wanzhou", start=D(2026, 2, 12))
    # 02-13, 02-14 (调休上班 Sat), then 02-15..02-23 holiday, 02-24, 02-25, 02-26
    assert page.publicity_end == D(2026, 2, 26)


def test_wuhan_window_is_10_days_and_ends_on_next_working_day_after_holiday_002_art7_2(publish_list):
    page = publish_list("wuhan", start=D(2026, 9, 25))
    # 10 calendar days -> 10-05, inside the National Day holiday -> first working day after it
    assert page.publicity_end == D(2026, 10, 8)
    plain = publish_list("wuhan", start=D(2026, 6, 1), title="第二批公示")
    assert plain.publicity_end == D(2026, 6, 11)


def test_weihai_window_is_platform_default_because_001_art4_sets_no_length(publish_list):
    page = publish_list("weihai", start=D(2026, 6, 1))
    assert page.publicity_end == D(2026, 6, 8)  # 5 working days, the platform default
    assert page.window_rule.specified is False
    assert "平台默认" in str(page.window_rule)


def test_editor_may_lengthen_the_window(publish_list):
    page = publish_list("wanzhou", start=D(2026, 6, 1), end=D(2026, 6, 30))
    assert page.publicity_end == D(2026, 6, 30) and not page.publicity_end_auto


def test_window_shorter_than_rule_is_refused_citing_the_article_000_art6_2(publish_list):
    with pytest.raises(ValidationError) as exc:
        publish_list("wanzhou", start=D(2026, 9, 29), end=D(2026, 10, 9))
    message = " ".join(exc.value.messages)
    assert "公示期不少于5个工作日" in message and "2026年10月12日" in message
    assert "《万州区行政执法监督员管理办法》第六条第（二）项" in message
    assert not PublicityPage.objects.exists()  # nothing half-written


def test_wuhan_refusal_cites_002_art7_2(publish_list):
    with pytest.raises(ValidationError) as exc:
        publish_list("wuhan", start=D(2026, 6, 1), end=D(2026, 6, 10))
    assert "《武汉市行政执法义务监督员管理办法》第七条第（二）项" in " ".join(exc.value.messages)


def test_window_into_2027_is_provisional_then_recomputed_when_year_is_loaded(
        publish_list, django_capture_on_commit_callbacks):
    with freeze_time("2026-12-20 09:00:00"):
        page = publish_list("wanzhou", start=D(2026, 12, 30))
    # 12-31, then 2027 has no holiday data: weekends only -> 01-01 (Fri), 01-04, 01-05, 01-06
    assert page.publicity_end == D(2027, 1, 6)
    assert page.is_provisional and "2027年节假日安排尚未录入" in page.provisional_note
    with django_capture_on_commit_callbacks(execute=True):
        HolidayYear.objects.create(year=2027, notice_number="国办发明电〔2026〕演示号",
                                   holidays="2027-01-01~2027-01-03 元旦", workdays="")
    page.refresh_from_db()
    assert page.publicity_end == D(2027, 1, 7)  # 01-01 is now a holiday
    assert not page.is_provisional
    assert page.latest_revision.content["publicity_end"] == "2027-01-07"


def test_window_state_is_judged_in_shanghai_inclusive_of_end_day(publish_list):
    page = publish_list("wanzhou", start=D(2026, 9, 29))
    with freeze_time("2026-09-28 15:59:00"):  # 23:59 in Shanghai on the 28th
        assert page.window_state == "pending"
    with freeze_time("2026-09-28 16:00:00"):  # 00:00 on the 29th in Shanghai
        assert page.window_state == "open"
    with freeze_time("2026-10-12 15:59:00"):
        assert page.window_state == "open" and page.window_state_label == "公示中"
    with freeze_time("2026-10-12 16:00:00"):
        assert page.window_state == "closed" and page.window_state_label == "已结束"


def test_start_before_scheduled_go_live_is_refused(publish_list):
    go_live = dt.datetime(2026, 6, 10, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with freeze_time("2026-06-01"), pytest.raises(ValidationError) as exc:
        publish_list("wanzhou", start=D(2026, 6, 5), go_live_at=go_live)
    assert "不得早于定时发布日期" in " ".join(exc.value.messages)
