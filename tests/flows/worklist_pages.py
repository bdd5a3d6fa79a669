"""Reading 我的待办 over HTTP in tests: the page as a user sees it, and one item's card on it."""
from django.test import Client


def inbox(user) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/workflow/")
    assert response.status_code == 200
    return response.content.decode()


def card(html: str, title: str) -> str:
    """The card of the first item called `title` in a 我的待办 page."""
    assert title in html, html
    start = html.rindex("<li", 0, html.index(title))
    return html[start:html.index("</li>", start)]
