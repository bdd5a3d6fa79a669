"""/sitemap.xml from the page tree's own rows.

Wagtail's sitemap loads every live page whole and of its specific type (every notice's body: one query
per page type, each row wide) and asks each page for its URL; at 2,000 notices a first hit after a
publish took about 0.4 s, and it grows with the site. The entries need only a page's `url_path` and
dates, so they come from one narrow query here: the location is the address the crawler used (as
`pages.hosts.PublicUrlMixin` does) plus the path below the site's root page. A page type that says what
it lists in the sitemap itself (`get_sitemap_urls`) is still asked.

A sitemap file holds at most 50,000 URLs (sitemaps.org); Django's sitemap view shows only the first
`limit` of them unless asked for `?p=2`. Past one file, /sitemap.xml is a sitemap index naming
/sitemap.xml?p=1, ?p=2 …, so a crawler finds every notice."""
from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import views as sitemap_views
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page, get_page_models

from .hosts import request_base_url
from .visibility import visible_to_anonymous

FIELDS = ("url_path", "content_type_id", "last_published_at", "latest_revision_created_at", "pk")


class PageTreeSitemap(Sitemap):
    limit = 50_000

    def items(self):
        root = self.get_wagtail_site().root_page
        self.root_path = root.url_path
        pages = visible_to_anonymous(root.get_descendants(inclusive=True))
        return pages.order_by("path").values_list(*FIELDS)

    def _urls(self, page, protocol, domain):
        base = request_base_url(self.request)
        asks = _types_listing_themselves()
        urls = []
        for url_path, content_type_id, published, revised, pk in self.paginator.page(page).object_list:
            if content_type_id in asks:
                urls.extend(Page.objects.get(pk=pk).specific.get_sitemap_urls(self.request))
            elif url_path.startswith(self.root_path):
                urls.append({"location": base + url_path[len(self.root_path) - 1:], "lastmod": published or revised})
        if int(page) == 1:  # 办事入口 (complaint form, status lookup …): their internal addresses, once
            from search.service_entries import sitemap_paths

            known = {u["location"] for u in urls}
            urls.extend({"location": base + path, "lastmod": changed} for path, changed in sitemap_paths().items()
                        if base + path not in known)
        last_mods = {u.get("lastmod") for u in urls}
        if last_mods and None not in last_mods:  # the Last-Modified header, as Wagtail's sitemap sets it
            self.latest_lastmod = max(last_mods)
        for url in urls:
            url["xml"] = _entry(url)
        return urls


def _entry(url: dict) -> str:
    """One <url> element, as Django's sitemap.xml template writes it (the day in the site's time zone):
    rendered here, the template only joins them (its per-entry tags took nine tenths of the time)."""
    lastmod = url.get("lastmod")
    if isinstance(lastmod, dt.datetime):
        lastmod = timezone.localtime(lastmod) if timezone.is_aware(lastmod) else lastmod
    day = f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>" if lastmod else ""
    return mark_safe(f"<url><loc>{escape(url['location'])}</loc>{day}</url>")  # noqa: S308 (escaped above)


def _types_listing_themselves() -> set[int]:
    models = [m for m in get_page_models() if m.get_sitemap_urls is not Page.get_sitemap_urls]
    return {ct.pk for ct in ContentType.objects.get_for_models(*models).values()} if models else set()


@sitemap_views.x_robots_tag
def sitemap(request):
    pages = PageTreeSitemap(request)
    if "p" not in request.GET and pages.paginator.num_pages > 1:
        here = request_base_url(request) + request.path
        parts = [sitemap_views.SitemapIndexItem(f"{here}?p={n}", None) for n in pages.paginator.page_range]
        return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": parts}, content_type="application/xml")
    return sitemap_views.sitemap(request, {"pages": pages}, template_name="pages/sitemap.xml")
