"""Wulong inspections over HTTP (004 行政执法监督检查制度 第六条): each inspection records the form(s) it took
(案卷评查、执法检查、走访、座谈、问卷调查 or another named one); required, shown on the inspection and counted in the
year's statistics. Enshi's rules list no forms: its form asks none."""
import pytest
from freezegun import freeze_time

from casework.models import Agency
from programme.models import Activity
from roles.definitions import LIAISON, OFFICER
from roles.models import StaffProfile
from tests.complaints.helpers import login

pytestmark = pytest.mark.django_db
URL = "/admin/programme/wulong/2026/activities/new/"


def post(client, agency, **extra):
    return client.post(URL, {"kind": "inspection", "agency": agency.pk, "held_on": "2026-03-09", "title": "春季执法检查",
                             "mode": "desk", "schedule": "periodic", **extra})


def test_an_inspection_records_its_forms_and_the_year_counts_them(make_user):
    market = Agency.objects.create(jurisdiction="wulong", name="武隆区市场监督管理局")
    StaffProfile.objects.create(user=make_user("lx_m", LIAISON), agency=market, jurisdiction="wulong")
    off = login(make_user("officer_wl", OFFICER))
    with freeze_time("2026-03-10 10:00"):
        form = off.get(URL).content.decode()
        assert "检查形式（监督检查必选，可多选，《行政执法监督检查制度》第六条）" in form
        for label in ("案卷评查", "执法检查", "走访", "座谈", "问卷调查", "其他形式"):
            assert label in form
        missing = post(off, market).content.decode()
        assert "请选择检查形式：案卷评查、执法检查、走访、座谈、问卷调查、其他形式（《行政执法监督检查制度》第六条），可多选。" \
            in missing
        unnamed = post(off, market, forms=["visit", "other"]).content.decode()
        assert "选择“其他形式”的，请写明具体形式（《行政执法监督检查制度》第六条）。" in unnamed
        assert not Activity.objects.exists()
        assert post(off, market, forms=["visit", "forum", "other"], other_form="暗访").status_code == 302
        assert post(off, market, forms=["forum"], title="座谈了解执法情况").status_code == 302
        first = Activity.objects.get(title="春季执法检查")
        assert [f["label"] for f in first.forms] == ["走访", "座谈", "其他形式：暗访"]
        page = off.get(f"/admin/programme/activities/{first.pk}/").content.decode()
        assert "检查形式：走访、座谈、其他形式：暗访（《行政执法监督检查制度》第六条）" in page
        year = off.get("/admin/programme/wulong/2026/").content.decode()
        assert "本年度监督检查形式（《行政执法监督检查制度》第六条）" in year
        assert ("<th>案卷评查</th><th>执法检查</th><th>走访</th><th>座谈</th><th>问卷调查</th><th>其他形式</th>"
                in year)
        assert "<td>0次</td><td>0次</td><td>1次</td><td>2次</td><td>0次</td><td>1次</td>" in year


def test_enshi_asks_no_inspection_form(make_user):
    agency = Agency.objects.create(jurisdiction="enshi", name="恩施州市场监督管理局")
    StaffProfile.objects.create(user=make_user("lx_e", LIAISON), agency=agency, jurisdiction="enshi")
    off = login(make_user("officer_es", OFFICER))
    with freeze_time("2026-03-10 10:00"):
        form = off.get("/admin/programme/enshi/2026/activities/new/").content.decode()
        assert "检查形式（监督检查必选" not in form
        assert off.post("/admin/programme/enshi/2026/activities/new/", {
            "kind": "inspection", "agency": agency.pk, "held_on": "2026-03-09", "title": "执法检查",
            "mode": "desk"}).status_code == 302
        assert Activity.objects.get().forms == []
        assert "本年度监督检查形式" not in off.get("/admin/programme/enshi/2026/").content.decode()
