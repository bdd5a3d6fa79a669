"""The casework workbench: the admin home of bureau staff (officers, leaders) and agency liaisons, instead
of Wagtail's page dashboard. 待办 (the first items of 我的待办, flows.worklist), 预警 (clocks overdue, due
within 3 working days, dates provisional for want of a holiday year), 本周到期, my open matters and the
count of open matters per process. Editors and superusers keep the page dashboard; other apps' panels stay."""
from __future__ import annotations

import datetime as dt

from django.db.models import Count, prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from roles.access import agency_of, bureau_jurisdiction, in_casework, is_bureau, own_jurisdiction_only

# Wagtail's page-editing panels, which casework staff never use
PAGE_PANELS = {"site_summary", "workflow_objects_to_moderate", "user_objects_in_workflow_moderation",
               "recent_edits", "locked_pages", "whats_new_in_wagtail_version", "upgrade_notification",
               "pages_for_moderation", "user_pages_in_workflow_moderation"}
TOP_ITEMS = 8
# the other apps' panels on the workbench: everything they read is watched by the work generation (terms,
# complaints, objections, activities, interference records), so each reader's is kept (`keep_panels`). The
# login alerts are not (failed logins change nobody's work), nor the workbench's 我的待办 items (kept apart).
KEPT_PANELS = frozenset({"my_tasks", "complaints", "pending_objections", "activities_todo", "interference"})
PROCESS_LABELS = {"letter": "监督建议书（意见书）", "complaint": "投诉举报", "coordination": "争议协调",
                  "accountability": "责任追究", "programme": "年度执法监督", "": "未指定程序"}


def is_workbench_user(user) -> bool:
    """Bureau staff and liaisons get the workbench; superusers (and editors, who are not in casework) keep
    Wagtail's page dashboard."""
    return bool(user is not None and user.is_authenticated and not user.is_superuser and in_casework(user))


def _week(today: dt.date) -> tuple[dt.date, dt.date]:
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


def _clock_row(clock, calendar, today) -> dict:
    from rules.calendar import working_days_left

    left = working_days_left(calendar, today, clock.due_on)
    overdue = clock.due_on < today
    text = ("今日到期" if left == 0 else f"剩余{left}个工作日") if not overdue else f"已逾期{-left}个工作日"
    return {"clock": clock, "label": clock.label, "url": clock.subject_url(), "subject": clock.subject,
            "due": clock.due_on, "article": str(clock.citation), "days_text": text, "overdue": overdue,
            "provisional": clock.provisional, "left": left}


def warnings(user, items, today: dt.date) -> dict:
    """预警. Bureau staff: every running clock that is overdue or due within 3 working days, and the
    running clocks whose dates are provisional (a holiday year to enter). A liaison: its own items."""
    from clocks.selectors import running
    from flows.worklist import SOON_WORKING_DAYS
    from rules.calendar import WorkCalendar

    if is_bureau(user) and user.has_perm("clocks.view_clock"):
        calendar = WorkCalendar.load()
        horizon = today + dt.timedelta(days=SOON_WORKING_DAYS * 3 + 14)  # wide enough to cover 3 working days
        # the first TOP_ITEMS of each list and the count: a province runs thousands of clocks (issue 28)
        # of its own jurisdiction only (a clock's profile_code is its jurisdiction: roles.access.bureau_jurisdiction)
        clocks = own_jurisdiction_only(running(), user, "profile_code")
        late = clocks.filter(due_on__lt=today)
        monday, sunday = _week(today)
        # the first TOP_ITEMS overdue, and the first TOP_ITEMS due from today to the horizon: 本周到期 (today to
        # Sunday, within the horizon) is the start of the latter — the same rows, not a third query — and the
        # subjects of both are read together (one query a kind of subject)
        overdue_clocks = list(late.order_by("due_on", "pk")[:TOP_ITEMS])
        ahead_clocks = list(clocks.filter(due_on__gte=today, due_on__lte=horizon).order_by("due_on", "pk")[:TOP_ITEMS])
        prefetch_related_objects(overdue_clocks + ahead_clocks, "subject")
        overdue = [_clock_row(c, calendar, today) for c in overdue_clocks]
        ahead = [_clock_row(c, calendar, today) for c in ahead_clocks]
        soon = [r for r in ahead if r["left"] <= SOON_WORKING_DAYS]
        week = [r for r in ahead if r["due"] <= sunday]
        provisional = list(clocks.exclude(provisional_years="").order_by("due_on")[:50])
        years = sorted({y for c in provisional for y in c.provisional_years.split(",") if y})
        # fewer than TOP_ITEMS overdue: that is all of them, no count to ask
        overdue_count = len(overdue_clocks) if len(overdue_clocks) < TOP_ITEMS else late.count()
        return {"clocks": True, "overdue": overdue, "overdue_count": overdue_count, "soon": soon,
                "provisional": provisional, "years": years, "week": week, "week_end": sunday,
                "can_enter_years": user.has_perm("rules.add_holidayyear")}
    monday, sunday = _week(today)
    dated = [i for i in items if i.due is not None]
    overdue = [i for i in dated if i.overdue]
    return {"clocks": False, "overdue": overdue[:TOP_ITEMS], "overdue_count": len(overdue),
            "soon": [i for i in dated if not i.overdue and i.days_left is not None
                     and i.days_left <= SOON_WORKING_DAYS][:TOP_ITEMS],
            "provisional": [i for i in dated if i.provisional][:TOP_ITEMS], "years": [],
            "week": [i for i in dated if today <= i.due <= sunday][:TOP_ITEMS], "week_end": sunday}


def my_matters(user):
    from .models import OPEN, Matter
    from .selectors import visible_matters

    if is_bureau(user):
        qs = own_jurisdiction_only(Matter.objects.filter(opened_by=user), user)
    else:
        qs = visible_matters(user)
    return qs.filter(status=OPEN).select_related("agency").order_by("-opened_on", "-pk")


def process_counts(user) -> list[tuple[str, int]]:
    from .models import OPEN
    from .selectors import visible_matters

    # COUNT(*), not of the key: counted off the open matters' index (matter_open_process) without reading a row
    rows = (visible_matters(user).filter(status=OPEN).order_by().values("process").annotate(n=Count("*"))
            .order_by("process"))
    return [(PROCESS_LABELS.get(r["process"], r["process"]), r["n"]) for r in rows]


def certificates(user, today: dt.date) -> dict | None:
    """执法证件到期提醒 (恩施 003 第十四条第（七）项): the valid certificates of the agencies the person sees that
    expire within their profile's notice window or have expired; None where no jurisdiction keeps the register."""
    from personnel import services as personnel

    jurisdictions = personnel.register_jurisdictions()  # read once, for the windows and the agencies both
    people, windows = personnel.expiring(user, today, jurisdictions)
    if not windows:
        return None
    rows = list(people[:TOP_ITEMS + 1])
    # a certificate listed is of an agency the person sees (expiring reads them so): the agencies are asked for only
    # when none is listed — the panel still shows (nothing expiring) where any is seen
    if not rows and not personnel.visible_agencies(user, jurisdictions).exists():
        return None
    return {"rows": [(p, (p.valid_to - today).days) for p in rows[:TOP_ITEMS]], "more": len(rows) > TOP_ITEMS,
            "count": people.count() if len(rows) > TOP_ITEMS else len(rows),
            "windows": [str(rule) for rule in windows.values()], "url": reverse("personnel:expiring")}


class WorkbenchPanel(Component):
    name = "workbench"
    order = 10

    class Media:
        css = {"all": ["flows/worklist.css"]}

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        from flows.worklist import for_request

        user, today = self.request.user, timezone.localdate()
        items = for_request(self.request)  # kept in the cache under the same work generation (flows.worklist)
        data = kept(f"panel:{user.pk}", today, lambda: self._data(user, today), user=user)
        warn = data["warn"] or warnings(user, items, today)  # a liaison's: from the items, no query
        return render_to_string("casework/workbench.html", {
            "items": items[:TOP_ITEMS], "todo_count": len(items), "more": len(items) > TOP_ITEMS,
            **data, "warn": warn, "today": today,  # after data: a liaison's kept "warn" is None
            "mine_label": "我立案的办理中事项" if is_bureau(user) else "本机关办理中的监督事项",
            "inbox_url": reverse("flows:inbox"),
            # bureau staff: the year at a glance (年度概览) one click from their home
            "year_url": reverse("casework_year:index") if is_bureau(user) else "",
            "results_url": reverse("casework_year:results_index") if is_bureau(user) else "",
        }, request=self.request)

    @staticmethod
    def _data(user, today) -> dict:
        """Everything the panel reads from the database besides 我的待办: about 20 queries, kept (`kept`)."""
        from .stages import annotate

        matters = my_matters(user)
        clocks = is_bureau(user) and user.has_perm("clocks.view_clock")  # else 预警 comes from the items
        warn = warnings(user, [], today) if clocks else None
        # the list and its count apart: a window count (COUNT(*) OVER ()) would read every one of a province officer's
        # open matters from the table (~60 ms at 100,000) where the count reads an index and the list ten rows
        return {"warn": warn, "matters": annotate(matters[:10]), "matters_count": matters.count(),
                "counts": process_counts(user),
                "agency": None if is_bureau(user) else agency_of(user),
                "results_glance": results_glance(today, bureau_jurisdiction(user)) if is_bureau(user) else "",
                "certificates": certificates(user, today)}


def kept(name: str, today: dt.date, compute, *, generation=None, user=None):
    """compute() once, then from the cache until anything it may have read changes: kept under the work
    generations (any write that can change anyone's work: flows.badge; the `user`'s jurisdiction's, for a bureau
    account bound to one, else every jurisdiction's) — or the `generation` of what it reads, where that is
    narrower — the rules' generation (profiles, figures, holidays: pages.cache) and the date (days left,
    overdue). The 我的待办 count and list are kept the same way; a write that sends no signal (queryset.update) is
    seen within TIMEOUT seconds."""
    from django.core.cache import cache

    from flows.badge import TIMEOUT, scope_of
    from flows.badge import generation as work_generation
    from pages.cache import generation as rules_generation

    gen = generation() if generation is not None else work_generation(scope_of(user) if user is not None else "")
    key = f"workbench:{name}:{gen}:{rules_generation()}:{today.isoformat()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


# the results that feed the assessment, in the workbench's one line (keys of casework.assessment.COLUMNS)
GLANCE = [("notified", "被通报", "项"), ("rectify_overdue", "逾期未整改", "项"), ("complaints", "投诉举报查证属实", "件"),
          ("returns_late", "统计年报逾期报送", "件"), ("returns_missing", "统计年报逾期未报送", "件"),
          ("interference_lapses", "干预插手不记录或不如实记录", "次"), ("inspection_poor", "检查决定落实不力", "项"),
          ("rectify_ineffective", "经审核认定整改落实不力", "项")]


def results_glance(today, jurisdiction: str = "") -> str:
    """年度监督结果 of the current year in one line: what is counted against the agencies (纳入考核) — of one
    jurisdiction (a district bureau's staff), or of all. A dozen aggregates over the year's records: computed once
    a jurisdiction, then kept until one of them is written."""
    from .assessment import results

    def compute() -> str:
        r = results(year=today.year, today=today, jurisdiction=jurisdiction)
        return f"{today.year}年度纳入考核的监督结果：" + "、".join(
            f"{label}{r.total(key)}{unit}" for key, label, unit in GLANCE)

    # kept under the generation of its own inputs (assessment.INPUTS), not the work generation: a write elsewhere
    # (a task claimed, an event recorded) does not count a year's records again
    from .assessment import generation

    return kept(f"results-glance:{jurisdiction or 'all'}", today, compute, generation=generation)


def arrange(request, panels: list) -> None:
    """construct_homepage_panels: casework staff get the workbench on top and none of Wagtail's page panels;
    the clock panel's lists are part of the workbench's 预警 there."""
    if not is_workbench_user(request.user):
        return
    panels[:] = [p for p in panels if getattr(p, "name", "") not in PAGE_PANELS | {"clocks"}]
    panels.insert(0, WorkbenchPanel(request))


def keep_panels(request, panels: list) -> None:
    """construct_homepage_panels, after every app added its panel: on the workbench, the panels of KEPT_PANELS
    are rendered once per reader and kept (`kept`) — about ten queries fewer on each visit."""
    if not is_workbench_user(request.user):
        return
    user, today = request.user, timezone.localdate()
    for panel in panels:
        name = getattr(panel, "name", "")
        if name in KEPT_PANELS:
            panel.render_html = (lambda parent_context=None, render=panel.render_html, name=name:
                                 kept(f"{name}:{user.pk}", today, lambda: render(parent_context), user=user))
