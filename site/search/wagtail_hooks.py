"""Staff search (决定检索) in the Wagtail admin menu; every admin user, filtered by visible_records."""
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_search_urls():
    return [
        path("search/decisions/", admin_views.decision_search, name="search_decisions"),
        path("search/decisions/<int:pk>/", admin_views.decision_detail, name="search_decision_detail"),
    ]


@hooks.register("register_admin_menu_item")
def register_search_menu_item():
    return MenuItem("决定检索", reverse("search_decisions"), icon_name="search", order=260)
