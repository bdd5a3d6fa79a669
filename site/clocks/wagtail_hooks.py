"""Staff see every running statutory clock, and the overdue and due-soon ones on the dashboard."""
from functools import partial

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from casework.paging import KeptCountPaginator, page_of
from rules.permissions import policy

from . import views
from .filters import ClockFilterSet
from .models import Clock
from .selectors import due_soon, overdue

# profiles/figures are never added or deleted by hand; audit records and clocks never edited
register_permission_policy(Clock, policy(Clock, "add", "change", "delete"))


class BadListInput(Exception):
    pass


class ClockIndexView(IndexView):
    """Wagtail's list, except that a page number the pager never offers (not a number, 0, 10^9) or a filter
    value the filter does not offer answers 400 with a Chinese message instead of a guessed page or an
    unfiltered list."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except BadListInput as exc:
            return render(request, "clocks/list_refused.html", {"message": str(exc)}, status=400)

    def filter_queryset(self, queryset):
        if self.filters is not None and not self.filters.is_valid():
            labels = {name: field.label for name, field in self.filters.form.fields.items()}
            wrong = "、".join(str(labels.get(name, name)) for name in self.filters.form.errors)
            raise BadListInput(f"筛选条件无效：{wrong}的取值不在可选范围内，请从筛选栏中选择。")
        return super().filter_queryset(queryset)

    default_ordering = "due_on"

    def get_base_queryset(self):
        """A bureau account bound to one jurisdiction lists only its clocks (a clock's profile_code is its
        jurisdiction: roles.access.bureau_jurisdiction); a city or province account every jurisdiction's."""
        from roles.access import own_jurisdiction_only

        return own_jurisdiction_only(super().get_base_queryset(), self.request.user, "profile_code")

    def order_queryset(self, queryset):
        """The order asked for (a column header, else by due date), the clock's number last: a total order,
        read from the index (due_on, id) / (status, due_on, id) a page at a time from either end (page_of)."""
        queryset = super().order_queryset(queryset)
        ordering = [str(o) for o in queryset.query.order_by]
        if ordering and not any(o.lstrip("-") in ("pk", "id") for o in ordering):
            queryset = queryset.order_by(*ordering, "-pk" if ordering[-1].startswith("-") else "pk")
        return queryset

    def paginate_queryset(self, queryset, page_size):
        from flows.badge import scope_of

        # its count kept under the reader's jurisdiction's generation: a bound account lists its own clocks only
        page, refused = page_of(queryset, self.request.GET.get(self.page_kwarg), page_size,
                                paginator_class=partial(ClockPaginator, scope=scope_of(self.request.user)))
        if refused:
            raise BadListInput(refused)
        return (page.paginator, page, page.object_list, page.has_other_pages())


class ClockPaginator(KeptCountPaginator, WagtailPaginator):
    """The far page of thousands of clocks as cheap as the first, and their count kept between writes (issue 28),
    with Wagtail's pager labels."""


class ClockViewSet(ModelViewSet):
    model = Clock
    index_view_class = ClockIndexView
    icon = "time"
    menu_label = "法定时限"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["label", "started_on", "due_on", "status", "provisional_years", "article",
                    Column("calendar", label="计数日历", accessor=lambda clock: format_html(
                        '<a href="{}" aria-label="查看计算日历：{}">查看日历</a>',
                        reverse("clocks:calendar", args=[clock.pk]), clock.label))]
    filterset_class = ClockFilterSet  # window (7/30 days, overdue, all running), status, jurisdiction, rule
    search_fields = ["label", "article"]
    form_fields = ["label"]
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("calendar/<int:pk>/", views.clock_calendar, name="calendar")]


class ClocksPanel(Component):
    name = "clocks"
    order = 90

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not self.request.user.has_perm("clocks.view_clock"):
            return ""
        today = timezone.localdate()
        return render_to_string("clocks/dashboard_panel.html", {
            # each clock names and links what it runs for (a matter): fetched in one query per kind
            "overdue": overdue(today).order_by("due_on").prefetch_related("subject")[:10],
            "overdue_count": overdue(today).count(),
            "soon": due_soon(today).order_by("due_on").prefetch_related("subject")[:10],
            "today": today,
        })


@hooks.register("register_admin_viewset")
def register_clocks():
    return ClockViewSet("clocks")


@hooks.register("construct_homepage_panels")
def add_clock_panel(request, panels):
    panels.append(ClocksPanel(request))
