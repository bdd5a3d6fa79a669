"""Staff search (决定检索) in the Wagtail admin menu; every admin user, filtered by visible_records. 案件检索
(case_views.py): bureau staff and liaisons, filtered by casework.visibility.
Search synonyms (检索同义词): editors and case officers keep them; 办事入口: editors (roles/definitions.py)."""
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views, case_views
from .models import SearchSynonym, ServiceEntry


class SynonymViewSet(ModelViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "检索同义词"
    menu_order = 265
    add_to_admin_menu = True
    list_display = ["word", "synonyms", "two_way", "note", "updated_at"]
    search_fields = ["word", "synonyms", "note"]
    form_fields = ["word", "synonyms", "two_way", "note"]


class ServiceEntryViewSet(ModelViewSet):
    """办事入口: editors keep the buttons that lead from a search (or the portal) to a form or a phone number."""

    model = ServiceEntry
    icon = "link"
    menu_label = "办事入口"
    menu_order = 266
    add_to_admin_menu = True
    list_display = ["title", "jurisdiction", "url", "keywords", "sort_order", "live"]
    list_filter = ["jurisdiction", "live"]
    search_fields = ["title", "keywords", "synonyms"]
    form_fields = ["title", "description", "url", "jurisdiction", "keywords", "synonyms", "sort_order", "live"]


@hooks.register("register_admin_urls")
def register_search_urls():
    return [
        path("search/decisions/", admin_views.decision_search, name="search_decisions"),
        path("search/decisions/<int:pk>/", admin_views.decision_detail, name="search_decision_detail"),
        path("search/cases/", case_views.case_search, name="search_cases"),
    ]


@hooks.register("register_admin_menu_item")
def register_search_menu_item():
    return MenuItem("决定检索", reverse("search_decisions"), icon_name="search", order=260)


class CaseSearchMenuItem(MenuItem):
    def is_shown(self, request):
        from roles.access import in_casework

        return in_casework(request.user)


@hooks.register("register_admin_menu_item")
def register_case_search_menu_item():
    return CaseSearchMenuItem("案件检索", reverse("search_cases"), icon_name="search", order=259)


@hooks.register("register_admin_viewset")
def register_synonyms():
    return SynonymViewSet("search_synonyms")


@hooks.register("register_admin_viewset")
def register_service_entries():
    return ServiceEntryViewSet("search_service_entries")
