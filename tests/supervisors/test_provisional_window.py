"""A publicity window reaching into a year without holiday data is provisional; when staff load that
year the campaign's window end follows the recomputed page (rules.periods; 000 第六条第（二）项)."""
import datetime as dt

import pytest
from freezegun import freeze_time

from public_notices.models import PublicityPage
from roles.definitions import LEADER, OFFICER
from rules.models import HolidayYear
from supervisors import processes as supervisor_processes
from supervisors import services
from tests.supervisors.helpers import application_data
from tests.supervisors.lifecycle import review_and_publish


@pytest.mark.django_db
def test_window_end_follows_the_2027_holiday_notice(site_tree, make_user, django_capture_on_commit_callbacks):
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    with freeze_time("2026-12-28 09:00"):
        campaign = supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="选聘", places=1,
                                                deadline=dt.date(2026, 12, 28))
        services.application_submit(campaign=campaign, data=application_data("wanzhou"))
    with freeze_time("2026-12-29 09:00"):
        review_and_publish(campaign, officer, leader)
    page = PublicityPage.objects.get(pk=campaign.publicity_page_id)
    assert "2027" in page.publicity_provisional_years
    before = campaign.publicity_end  # weekends only in 2027: 5 working days end on 2027-01-05
    with django_capture_on_commit_callbacks(execute=True):
        HolidayYear.objects.create(year=2027, notice_number="国办发明电〔2026〕演示号", notice_title="2027年节假日安排",
                                   holidays="2027-01-01 至 2027-01-03 元旦")
    campaign.refresh_from_db()
    page.refresh_from_db()
    assert campaign.publicity_end == page.publicity_end
    assert campaign.publicity_end > before
