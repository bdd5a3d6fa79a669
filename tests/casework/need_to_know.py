"""Shared checks for the need-to-know tests: a page's text, and a refusal with its Chinese reason."""
from __future__ import annotations

from django.test import Client


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def refused(client: Client, url: str, reason: str) -> None:
    """Under /admin/ a refusal is Wagtail's redirect to the dashboard; the Chinese reason is shown there."""
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/", (url, response.status_code)
    shown = client.get("/admin/").content.decode()
    assert reason in shown, url


def absent(html: str, *secrets: str) -> None:
    leaked = [s for s in secrets if s in html]
    assert not leaked, leaked


def present(html: str, *needed: str) -> None:
    missing = [s for s in needed if s not in html]
    assert not missing, missing
