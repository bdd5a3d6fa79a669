"""/sitemap.xml from the page tree's own rows.

Wagtail's sitemap loads every live page whole and of its specific type (every notice's body: one query
per page type, each row wide) and asks each page for its URL; at 2,000 notices a first hit after a
publish took about 0.4 s, and it grows with the site. The entries need only a page's `url_path` and
dates, so they come from one narrow query here: the location is the address the crawler used (as
`pages.hosts.PublicUrlMixin` does) plus the path below the site's root page. A page type that says what
it lists in the sitemap itself (`get_sitemap_urls`) is still asked."""
from __future__ import annotations

from django.contrib.sitemaps import views as sitemap_views
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page

from .hosts import request_base_url

FIELDS = ("path", "depth", "url_path", "content_type_id", "last_published_at", "latest_revision_created_at")


class PageTreeSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        self.root_path = root.url_path
        return root.get_descendants(inclusive=True).live().public().order_by("path").only(*FIELDS)

    def _urls(self, page, protocol, domain):
        base = request_base_url(self.request)
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            cls = item.specific_class
            if cls is not None and cls.get_sitemap_urls is not Page.get_sitemap_urls:
                urls.extend(item.specific.get_sitemap_urls(self.request))
            elif item.url_path.startswith(self.root_path):
                urls.append({"location": base + item.url_path[len(self.root_path) - 1:],
                             "lastmod": item.last_published_at or item.latest_revision_created_at})
        last_mods = {u.get("lastmod") for u in urls}
        if last_mods and None not in last_mods:  # the Last-Modified header, as Wagtail's sitemap sets it
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    return sitemap_views.sitemap(request, {"pages": PageTreeSitemap(request)})
