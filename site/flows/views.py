"""The engine's staff screens: my tasks (我的待办) and claiming a task. Each process's own screens live in
its app."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from viewflow.workflow.models import Task

from . import services

LOGIN = "wagtailadmin_login"


def describe(task) -> dict:
    process = task.process
    artifact = process.artifact
    return {"task": task, "title": task.flow_task.task_title, "flow": process.flow_class.process_title,
            "subject": artifact, "created": task.created,
            "mine": task.owner_id is not None}


def other_todos(user) -> list[dict]:
    """Items waiting for `user` outside the processes, counted in 我的待办 too: for an agency liaison,
    the opinions forwarded to their agency and not yet answered."""
    from django.urls import reverse

    try:
        from activities.selectors import is_liaison, open_for_agency
    except ImportError:  # activities not installed in this deployment
        return []
    if not is_liaison(user):
        return []
    return [{"title": "反馈转送的意见建议", "flow": "意见建议办理", "subject": o.title,
             "created": o.forwarded_on, "url": reverse("activities_admin:agency_opinion", args=[o.pk])}
            for o in open_for_agency(user).order_by("forwarded_on", "pk")]


def starters(user) -> list[tuple[str, str]]:
    """The 发起 buttons this user may actually use (none for supervisors and liaisons)."""
    from django.urls import reverse

    items = [("supervisors.open_campaign", "发起选聘", "flows:campaign_new"),
             ("supervisors.open_campaign", "发起续聘", "flows:renewal_new"),
             ("supervisors.propose_dismissal", "提出解聘", "flows:dismissal_new")]
    return [(label, reverse(name)) for perm, label, name in items if user.has_perm(perm)]


def to_inbox(request, message: str):
    """After a service succeeded: say so and show 我的待办."""
    messages.success(request, message)
    return redirect("flows:inbox")


@login_required(login_url=LOGIN)
def inbox(request):
    """我的待办, 50 items a page in order of urgency; a page number the pager never offers answers 400 in
    Chinese (casework.paging)."""
    from casework.paging import page_of

    from .worklist import for_request

    items = for_request(request)
    page, error = page_of(items, request.GET.get("page"))
    return render(request, "flows/inbox.html", {
        "items": page.object_list if page else [], "page": page, "error": error, "total": len(items),
        "starters": starters(request.user)}, status=400 if error else 200)


@login_required(login_url=LOGIN)
@require_POST
def claim(request, task_pk: int):
    from django.core.exceptions import ValidationError

    task = get_object_or_404(Task, pk=task_pk)
    try:
        services.task_claim(task=task, user=request.user)
    except ValidationError as exc:  # e.g. recused from the matter (casework.recusal)
        messages.error(request, "不能领取该待办：" + "；".join(exc.messages))
        from casework.recusal import matter_of_task

        matter = matter_of_task(task)
        return redirect(matter.admin_url() if matter is not None else "flows:inbox")
    return redirect(services.task_execute_url(task))
