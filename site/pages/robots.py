"""/robots.txt: public pages open to crawlers; the admin, staff screens, search results, the API,
print copies and the pages that answer one visitor (receipts, status lookups, complaint notices) closed;
and the sitemap's absolute address on the host the crawler asked for (as the sitemap's own links)."""
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .hosts import request_base_url

DISALLOWED = (
    "/admin/",
    "/workflow/",
    "/search/",
    "/api/",
    "/documents/authenticate_with_password/",
    "/complaints/notice/",
    "/complaints/*/receipt/",
    "/complaints/*/status/",
    "/supervisors/*/campaigns/*/applied/",
    "/*/print/",
)


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "Allow: /", "",
             f"Sitemap: {request_base_url(request)}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
