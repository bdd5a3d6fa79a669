"""Wulong inspections over HTTP (004 行政执法监督检查制度): periodic and unscheduled inspections told apart and
only periodic ones counted toward "定期检查每年不少于2次" (第六条); the content checklist of 第七条 on the
inspection; the agency's late or poor implementation recorded as 考评 or accountability (第十条)."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework.models import Agency
from decisions.models import DecisionRecord
from programme.models import Activity, FollowUp
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile
from tests.complaints.helpers import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_user):
    market = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    StaffProfile.objects.create(user=make_user("lx_m", LIAISON), agency=market, jurisdiction="wulong")
    return market, make_user("officer_wl", OFFICER)


def post(client, market, **extra):
    return client.post("/admin/programme/wulong/2026/activities/new/", {
        "kind": "inspection", "agency": market.pk, "held_on": "2026-03-09", "title": "春季执法检查", "mode": "desk",
        "forms": "enforcement_check", **extra})


def test_unscheduled_inspections_do_not_count_and_poor_implementation_is_recorded(setup):
    market, officer = setup
    off = login(officer)
    with freeze_time("2026-03-10 10:00"):
        form = off.get("/admin/programme/wulong/2026/activities/new/").content.decode()
        assert "检查方式（监督检查必选，《行政执法监督检查制度》第六条）" in form and "不定期检查" in form
        missing = post(off, market)
        assert "请选择检查方式：定期检查或不定期检查（《行政执法监督检查制度》第六条：定期检查每年不少于2次，只计定期检查）" \
            in missing.content.decode()
        assert not Activity.objects.exists()
        assert post(off, market, schedule="unscheduled", title="接群众反映突击检查").status_code == 302
        page = off.get("/admin/programme/wulong/2026/").content.decode()
        assert "定期检查已开展0次，尚需2次（每年至少2次）；另有不定期检查1次，不计入" in page
        assert "监督检查（不定期检查）" in page
        assert post(off, market, schedule="periodic", has_problems="on",
                    findings="罚没物品未按规定处置。").status_code == 302
        page = off.get("/admin/programme/wulong/2026/").content.decode()
        assert "定期检查已开展1次，尚需1次（每年至少2次）；另有不定期检查1次，不计入" in page
        periodic = Activity.objects.get(schedule="periodic")
        # the 第七条 checklist is offered on the inspection (主体、法律适用、程序、罚没财物、着装风纪)
        page = off.get(f"/admin/programme/activities/{periodic.pk}/").content.decode()
        for label in ("执法主体是否合法", "法律依据适用是否正确", "是否履行法定程序", "罚没财物是否依法处置",
                      "着装是否规范，风纪是否严正"):
            assert label in page
        assert "罚没财物是否依法处置（第七条第（四）项）" in page
        assert "决定或建议的落实情况（《行政执法监督检查制度》第十条）" in page
    with freeze_time("2026-04-20 10:00"):
        url = f"/admin/programme/activities/{periodic.pk}/followup/"
        early = off.post(url, {"outcome": "assessment", "decided_on": "2026-03-01", "note": "逾期未反馈。"})
        assert "认定日期须在检查之日（2026-03-09）之后且不晚于今天" in early.content.decode()
        assert off.post(url, {"outcome": "assessment", "decided_on": "2026-04-20",
                              "note": "限期30日书面反馈，逾期未反馈。"}).status_code == 302
        row = FollowUp.objects.get()
        assert row.poor and row.article == "《行政执法监督检查制度》第十条"
        page = off.get(f"/admin/programme/activities/{periodic.pk}/").content.decode()
        assert "2026-04-20" in page and "未按期落实或落实不力：按照标准予以考评" in page
        record = DecisionRecord.objects.get(process_kind="accountability")
        assert record.decided_on == dt.date(2026, 4, 20) and record.agency == "武隆区市场监督管理局"
        # an inspection with nothing found has nothing to implement
        quiet = Activity.objects.get(schedule="unscheduled")
        refused = off.post(f"/admin/programme/activities/{quiet.pk}/followup/", {
            "outcome": "on_time", "decided_on": "2026-04-20", "note": "x"})
        assert "该检查未发现问题，没有需要落实的决定或建议" in refused.content.decode()
