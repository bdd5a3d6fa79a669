"""The demo's rectification whose period ran out before the demo was loaded: what the scheduler's job would have
recorded is recorded (overdue_on, the day after the period's last day), so its panel (已逾期) and the referral
screen agree; the screen says plainly how late the report is. Clock frozen on Monday 2026-09-21."""
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from freezegun import freeze_time

from programme.models import RectificationTask

pytestmark = pytest.mark.django_db


@freeze_time("2026-09-21 10:00")
def test_the_demo_rectification_past_its_period_is_recorded_overdue(site_tree):
    from casework.demo import load_agencies
    from demo.site_tree import load_users
    from programme.demo import load_programme

    load_users()
    load_agencies()
    load_programme()
    load_programme()  # idempotent
    task = RectificationTask.objects.get(clock__isnull=False, agency__name="武隆区市场监督管理局")
    # served 2026-03-12, 30 days: to Monday 2026-04-13 (the 11th a Saturday); recorded the next day, as the job does
    assert (str(task.clock.due_on), str(task.overdue_on)) == ("2026-04-13", "2026-04-14")
    officer = Client()
    officer.force_login(get_user_model().objects.get(username="officer"))
    panel = officer.get(f"/admin/casework/{task.matter_id}/").content.decode()
    assert '<span class="cw-late">2026-04-13 已逾期</span>' in panel
    assert "整改期限届满未书面报告整改落实情况，已于2026-04-14记为整改落实不力。" in panel
    screen = officer.get(f"/admin/referrals/rectification/{task.pk}/").content.decode()
    assert "尚未逾期" not in screen
    # 2026-04-14 … 2026-09-21: 115 weekdays, less 5月1日、4日、5日 and 6月19日, plus the working Saturday 5月9日 and
    # Sunday 9月20日
    assert "该局的整改报告已逾期113个工作日未报送（整改期限至2026-04-13），2026-04-14记为整改落实不力。" in screen
