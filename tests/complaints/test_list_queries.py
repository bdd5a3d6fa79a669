"""The complaint list at size (issue 28): its query count does not grow with the rows shown — the
acceptance and finishing clocks of the whole page are read in two queries, not two a row."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from complaints import services
from tests.complaints.helpers import complaint_data, login


def receive(people, k: int):
    fields = complaint_data(people["agency"], facts=f"第{k}件：执法人员在检查我的店铺时推搡并辱骂我。")
    fields["agency"] = people["agency"]
    complaint, _ = services.complaint_receive(jurisdiction="wulong", fields=fields, fingerprint=f"fp{k}",
                                              channel="letter", by=people["officer"])
    return complaint


def listing(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/admin/complaints/")
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.django_db
def test_complaint_list_queries_do_not_grow_with_rows(people):
    client = login(people["officer"])
    with freeze_time("2026-09-28 10:00"):
        first = receive(people, 0)
        receive(people, 1)  # one of each kind of row (accepted, waiting), as the menu's 待办 count reads them too
    with freeze_time("2026-09-30 10:00"):
        services.complaint_accept(complaint=first, by=people["officer"])
        listing(client)  # warm: content types and the calendar are cached after the first request
        two, html = listing(client)
    # received 2026-09-28: 7 working days across National Day → 2026-10-13 (met on acceptance);
    # accepted 2026-09-30: 30 days → 2026-10-30
    assert html.count("2026-10-13") == 2 and html.count("2026-10-30") == 1
    with freeze_time("2026-09-28 11:00"):
        for k in range(2, 50):
            receive(people, k)
    with freeze_time("2026-09-30 10:00"):
        listing(client)  # the writes made the menu's cached 我的待办 count stale: it is counted again once
        fifty, html = listing(client)
    assert html.count("2026-10-13") == 50 and html.count("2026-10-30") == 1
    assert fifty == two


@pytest.mark.django_db
def test_the_list_pages_50_and_refuses_a_page_or_status_it_never_offers(people):
    client = login(people["officer"])
    with freeze_time("2026-09-28 10:00"):
        for k in range(51):
            receive(people, k)
        html = client.get("/admin/complaints/").content.decode()
        assert html.count("2026-10-13") == 50 and "共 51 件，第 1 / 2 页" in html
        assert 'href="?page=2">下一页' in html
        html = client.get("/admin/complaints/?status=received&page=2").content.decode()
        assert html.count("2026-10-13") == 1 and 'href="?status=received&amp;page=1">上一页' in html
        for query, message in (("page=1000000000", "页码无效：请填写 1 至 2 之间的整数页码。"),
                               ("page=x", "页码无效：请填写 1 至 2 之间的整数页码。"),
                               ("status=closed", "状态筛选值无效，请从列表中选择状态。")):
            response = client.get(f"/admin/complaints/?{query}")
            html = response.content.decode()
            assert response.status_code == 400 and message in html and "2026-10-13" not in html
