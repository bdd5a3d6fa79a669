"""URLs of the search app (mounted at the site root by urls.py)."""
from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("api/search/", views.search_api, name="api"),
]
