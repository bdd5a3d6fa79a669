"""issue 30 item 1, the public side: after the receipt number and access code check, the complainant opens
the calendar of their own complaint's dates (004 投诉举报制度 第七条, 第十条) through a signed link; nobody
else's, and never a staff-written pause reason."""
import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.test import Client
from freezegun import freeze_time

from clocks.models import Clock
from clocks.services import clock_pause
from complaints.public_views import CALENDAR_SALT
from tests.complaints.helpers import complaint_data, login, submit

pytestmark = pytest.mark.django_db


def lookup(number, code):
    return Client().post("/complaints/wulong/status/", {"receipt_number": number, "code": code})


def calendar_link(status_html: str) -> str:
    links = re.findall(r'href="(/complaints/calendar/[^"]+/)"', status_html)
    assert len(links) == 1, links
    return links[0]


def numbered(html: str) -> dict[str, int]:
    soup = BeautifulSoup(html, "html.parser")
    return {td["data-date"]: int(td.select_one(".cc-num").get_text())
            for td in soup.select("td[data-date]") if td.select_one(".cc-num")}


def test_complainant_sees_the_acceptance_count_across_national_day(people):
    with freeze_time("2026-09-28 10:00"):
        _page, number, code = submit(Client(), complaint_data(people["agency"]))
        status = lookup(number, code).content.decode()
        url = calendar_link(status)
        response = Client().get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert numbered(html) == {"2026-09-29": 1, "2026-09-30": 2, "2026-10-08": 3, "2026-10-09": 4,
                              "2026-10-10": 5, "2026-10-12": 6, "2026-10-13": 7}
    assert "受理编号：" + number in html and "陈建国" not in html and "13812345678" not in html
    assert "依据《行政执法投诉举报制度》第七条，期限7个工作日" in re.sub(r"\s+", "", html)
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    # an hour later the link is dead
    with freeze_time("2026-09-28 11:01"):
        assert Client().get(url).status_code == 404


def test_a_pause_shows_on_the_public_calendar_without_its_reason(people):
    with freeze_time("2026-09-28 10:00"):
        _page, number, code = submit(Client(), complaint_data(people["agency"]))
    clock = Clock.objects.get(rule_key="complaint_accept_period")
    with freeze_time("2026-10-09 10:00"):
        clock_pause(clock=clock, start=dt.date(2026, 10, 9), reason="等待赵某某补充身份证明")
        html = Client().get(calendar_link(lookup(number, code).content.decode())).content.decode()
    assert "等待赵某某" not in html and "依规暂停计算" in html
    soup = BeautifulSoup(html, "html.parser")
    assert [m.get_text() for m in soup.select('td[data-date="2026-10-09"] .cc-mark')] == ["暂停"]
    assert "该时限正在暂停计算" in html


def test_tampered_or_foreign_links_answer_404_in_chinese(people):
    with freeze_time("2026-09-28 10:00"):
        _page, number, code = submit(Client(), complaint_data(people["agency"]))
        other, _n2, _c2 = submit(Client(), complaint_data(people["agency"], request="请求查处另一执法人员的行为。",
                                                          contact="13900000000"))
        mine = Clock.objects.filter(rule_key="complaint_accept_period").order_by("pk")
        first, second = mine[0], mine[1]
        foreign = signing.dumps({"c": first.subject_id, "k": second.pk}, salt=CALENDAR_SALT)
        response = Client().get(f"/complaints/calendar/{foreign}/")
        assert response.status_code == 404 and "页面不存在" in response.content.decode()
        assert Client().get("/complaints/calendar/not-a-token/").status_code == 404
        assert Client().get(calendar_link(lookup(number, code).content.decode())).status_code == 200


def test_staff_open_a_complaint_clock_calendar_liaison_may_not(people):
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(people["agency"]))
    clock = Clock.objects.get(rule_key="complaint_accept_period")
    url = f"/admin/clocks/calendar/{clock.pk}/"
    assert login(people["officer"]).get(url).status_code == 200
    assert login(people["leader"]).get(url).status_code == 200
    response = login(people["liaison"]).get(url)  # the agency complained about never sees the complaint
    assert response.status_code == 403 and "您无权查看该时限" in response.content.decode()
