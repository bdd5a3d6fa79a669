"""004 行政执法统计年报制度 第五条: the district report is not published through Wagtail's bulk 发布 either while no
response plan was made (the page editor's 发布 is tested in test_wl29_district_report_response_http). Over HTTP as
the role users, the clock frozen."""
import pytest
from freezegun import freeze_time

from roles.definitions import EDITOR
from tests.coordination.helpers import login
from tests.programme.district_report import REFUSAL, drafted_report, record_plan

pytestmark = pytest.mark.django_db


def test_bulk_publish_of_the_district_report_is_refused_until_the_plan_is_recorded(make_user, site_tree):
    officer, report = drafted_report(make_user)
    editor = login(make_user("editor_wl", EDITOR))
    bulk = f"/admin/bulk/wagtailcore/page/publish/?id={report.pk}&next=/admin/pages/{report.get_parent().pk}/"
    with freeze_time("2026-01-26 10:00"):
        refused = editor.post(bulk, {}, follow=True)
        assert REFUSAL in refused.content.decode()
        report.refresh_from_db()
        assert not report.live and report.first_published_at is None
        record_plan(officer)
    with freeze_time("2026-01-27 10:00"):
        assert editor.post(bulk, {}).status_code == 302
    report.refresh_from_db()
    assert report.live and report.first_published_at.date().isoformat() == "2026-01-27"
