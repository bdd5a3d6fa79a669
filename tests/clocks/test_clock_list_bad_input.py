"""The clock list (法定时限) asked for a page its pager never offers or a filter value its filters do not offer
(issue 28): a 400 with a Chinese message, never a guessed page or a quietly unfiltered list."""
import pytest
from django.test import Client

from roles.definitions import OFFICER


@pytest.fixture
def officer(make_user):
    client = Client()
    client.force_login(make_user("clk_officer", OFFICER))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("query, message", [
    ("p=1000000000", "页码无效：请填写 1 至 1 之间的整数页码。"),
    ("p=0", "页码无效：请填写 1 至 1 之间的整数页码。"),
    ("p=abc", "页码无效：请填写 1 至 1 之间的整数页码。"),
    ("window=99", "筛选条件无效：时间窗口的取值不在可选范围内，请从筛选栏中选择。"),
    ("status=%E5%9D%8F", "筛选条件无效：状态的取值不在可选范围内，请从筛选栏中选择。"),
])
def test_a_bad_page_or_filter_is_a_400_in_chinese(officer, query, message):
    officer.get("/admin/clocks/")
    response = officer.get(f"/admin/clocks/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.django_db
def test_the_pages_and_filters_it_offers_still_answer(officer):
    for query in ("", "p=1", "window=7", "status=running", "window=overdue&p=1"):
        assert officer.get(f"/admin/clocks/?{query}").status_code == 200, query
