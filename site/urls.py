"""URL map. Project routes first; Wagtail's page serving last (it catches everything)."""
from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from pages.robots import robots_txt
from pages.sitemap import sitemap
from request_guard import NotFound


def not_here(request):
    raise NotFound("您访问的页面不存在。")


urlpatterns = [
    path("admin/failwhale/", not_here),  # Wagtail's deliberate-error test view: no one needs a 500 on demand
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("", include("public_notices.urls")),
    path("", include("search.urls")),
    path("", include("flows.urls")),
    path("complaints/", include("complaints.urls")),  # public complaint form and status lookup (004 投诉举报制度)
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
