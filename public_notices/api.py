"""Wagtail API v2 at /api/v2/: pages (notices with their metadata via `?type=public_notices.NoticePage
&fields=doc_number,issuer,written_on,published_on,index_number`). Objections are never exposed, and
a publicity list's candidates only with the publicity columns (models.publicity.PublicCandidatesField)."""
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
