"""URLs of the flows app (mounted at the site root by urls.py): staff screens under /workflow/,
viewflow's task URLs under /workflow/<process>/, the public supervisor pages under /supervisors/.

Anonymous visitors of any /workflow/ URL are sent to the Wagtail login (viewflow alone answers 403)."""
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver, include, path, reverse

from . import views
from .registry import flows


def login_first(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return view(request, *args, **kwargs)

    wrapped.__name__ = getattr(view, "__name__", "view")
    return wrapped


def guarded(patterns):
    for p in patterns:
        if isinstance(p, URLResolver):
            guarded(p.url_patterns)
        elif isinstance(p, URLPattern):
            p.callback = login_first(p.callback)
    return patterns


# viewflow's own process/task pages (detail, assign, undo, cancel, revive ...) need viewflow's site
# frame, which this project does not use: they answered 500. Staff work from 我的待办 and the execute
# screens; every other viewflow page answers 404 in Chinese, with the way back.
OFFERED = {"execute"}


def not_offered(request, *args, **kwargs):
    return TemplateResponse(request, "flows/not_offered.html", {}, status=404)


# viewflow refuses a task screen with a bare 403 (the wrong person) or its English transition error ("Start ::
# no transition from "DONE""): say which, in Chinese; a refusal already in Chinese (a service's) stands
TASK_DONE = "该待办已办结，不能重复办理。"
NOT_YOURS = "该待办不由您办理：请在“我的待办”中领取由您办理的事项。"


def refused_in_chinese(view):
    def wrapped(request, *args, **kwargs):
        from viewflow.workflow.models import Task
        from viewflow.workflow.status import STATUS

        from roles.access import bureau_jurisdiction

        try:
            if bureau_jurisdiction(request.user):  # another jurisdiction's task: refused before viewflow opens it
                from .services import require_task_jurisdiction, task_with_jurisdiction

                task = task_with_jurisdiction(kwargs.get("task_pk"))  # one query, the jurisdiction with it
                if task is not None:
                    require_task_jurisdiction(request.user, task)
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            if any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)):
                raise
            task = Task.objects.filter(pk=kwargs.get("task_pk")).first()
            if task is not None and task.status in (STATUS.DONE, STATUS.CANCELED):
                raise PermissionDenied(TASK_DONE) from exc
            raise PermissionDenied(NOT_YOURS) from exc

    wrapped.__name__ = getattr(view, "__name__", "view")
    return wrapped


def offered_only(patterns):
    for p in patterns:
        if isinstance(p, URLResolver):
            offered_only(p.url_patterns)
        elif isinstance(p, URLPattern) and p.name not in OFFERED:
            p.callback = not_offered
        elif isinstance(p, URLPattern):
            p.callback = refused_in_chinese(p.callback)
    return patterns


def flow_urls(flow_class):
    patterns, app_name, namespace = flow_class.instance.urls
    return include((guarded(offered_only(list(patterns))), app_name), namespace=namespace)


def staff_patterns():
    """The engine's screens, then each process app's staff screens that start its processes (the names stay
    in the "flows" namespace: flows:campaign_new …), from the app's `staff_urls` module."""
    from django.utils.module_loading import autodiscover_modules

    from . import staff_urls

    autodiscover_modules("staff_urls")
    return [*engine, *staff_urls.collected()]


engine = [
    path("", views.inbox, name="inbox"),
    path("tasks/<int:task_pk>/claim/", views.claim, name="claim"),
]

urlpatterns = [
    path("workflow/", include((staff_patterns(), "flows"))),
    *[path(f"workflow/{prefix}/", flow_urls(flow_class)) for prefix, flow_class in flows().items()],
    path("supervisors/", include("supervisors.urls")),
]
