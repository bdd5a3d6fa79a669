"""决定检索 and 案件检索 asked for a page the pager never offers (not a number, 0, 10^9, past the last page of
the results): a 400 with a Chinese message (issue 28), where they used to show another page quietly."""
import pytest

from tests.search.test_staff_case_search import login, world  # noqa: F401  (world: the fixture)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/search/cases/", "/admin/search/decisions/"])
@pytest.mark.parametrize("page, message", [
    ("1000000000", "页码无效：请填写 1 至 1000 之间的整数页码。"),
    ("0", "页码无效：请填写 1 至 1000 之间的整数页码。"),
    ("abc", "页码无效：请填写 1 至 1000 之间的整数页码。"),
])
def test_a_page_the_pager_never_offers_is_a_400_in_chinese(world, url, page, message):  # noqa: F811
    response = login(world["people"]["officer"]).get(url, {"q": "裁量", "page": page})
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.django_db
def test_a_page_past_the_results_is_a_400_and_page_one_answers(world):  # noqa: F811
    client = login(world["people"]["officer"])
    response = client.get("/admin/search/cases/", {"q": "裁量", "page": "2"})
    assert response.status_code == 400
    assert "页码无效：共 1 页结果，请填写 1 至 1 之间的整数页码。" in response.content.decode()
    assert client.get("/admin/search/cases/", {"q": "裁量", "page": "1"}).status_code == 200
