"""URLs of the notice domain (feeds, archive, API), mounted at the site root before Wagtail's pages.
The objection form lives under its publicity page (`<page>/objection/`, a RoutablePage route)."""
from django.urls import path

from . import views
from .api import api_router
from .feeds import JurisdictionNoticeFeed, NoticeFeed

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("feeds/notices.xml", NoticeFeed(), name="notices_feed"),
    path("feeds/<slug:jurisdiction>/notices.xml", JurisdictionNoticeFeed(), name="jurisdiction_notices_feed"),
    path("notices/archive/", views.archive, name="notices_archive"),
]
