"""Where page URLs point: the address the visitor used, else the configured public address.

Wagtail builds full URLs from the Site record, whose stock hostname is `localhost` — so the sitemap,
the API's `html_url` and the print view said `http://localhost/...`. `PublicUrlMixin` (on every page
type) uses the request's host (already checked against ALLOWED_HOSTS) when the page belongs to the
site serving the request, and settings.PUBLIC_BASE_URL when there is no request and the Site still
names a local host."""
from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

LOCAL_HOSTS = {"localhost", "127.0.0.1", ""}


def request_base_url(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


class PublicUrlMixin:
    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, page_path = parts
        if request is not None:
            site = Site.find_for_request(request)
            if site is not None and site.pk == site_id:
                root_url = request_base_url(request)
        elif urlsplit(root_url or "").hostname in LOCAL_HOSTS and getattr(settings, "PUBLIC_BASE_URL", ""):
            root_url = settings.PUBLIC_BASE_URL.rstrip("/")
        return site_id, root_url, page_path
