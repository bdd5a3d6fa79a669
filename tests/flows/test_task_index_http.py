"""待办索引 (flows.models.TaskIndex, issue 28): 我的待办 counts, sorts and pages the bureau's tasks from the stored
row of each open task (its matter, jurisdiction, due date), kept in step by every write. Over the demo content the
stored list is the one the old computation (correlated subqueries on every page, kept here as it was) gives, for
several role users, and nothing drifted (resync rewrites no row); over HTTP with a frozen clock the literal due date
moves with the clock (extended, stopped), the claim and the finish show at once, and a bound account sees only its
own jurisdiction's work."""
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time
from viewflow.workflow.models import Task

from clocks.services import clock_extend, clock_start, clock_stop
from flows.models import TaskIndex
from flows.task_index import COLUMNS, _expected, _raw, resync
from rules.profiles import get_profile
from tests.flows.worklist_pages import card, inbox
from tests.letters.letters_http import do_task, login, people, start_letter

AGENCY = "武隆区文化和旅游发展委员会"
DRAFT = "起草监督建议书（意见书）"


def computed(user, today):
    """我的待办's bureau tasks as flows.worklist computed them before 待办索引 (its code as it was): the task's matter
    and due date by correlated subqueries, a bound account's processes by lists of keys."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
    from viewflow.workflow.models import Process

    from casework.models import Recusal
    from flows.models import CaseProcess
    from flows.services import open_tasks
    from flows.worklist import (
        QuerySource,
        _human_steps,
        _plain_process_records,
        _process_matter,
        _role_permissions,
        _task_due,
        _task_items,
    )
    from roles.access import bureau_jurisdiction, groups_of
    from roles.definitions import LEADER, OFFICER

    tasks = open_tasks(user).filter(Q(owner=user) | Q(owner_permission__in=user.get_all_permissions()))
    groups = groups_of(user)
    if LEADER in groups and OFFICER not in groups:
        tasks = tasks.exclude(Q(owner__isnull=True) & Q(owner_permission__in=_role_permissions(OFFICER)))
    steps = _human_steps()
    tasks = tasks.filter(flow_task__in=list(steps)).annotate(worklist_matter=_process_matter()).filter(
        ~Exists(Recusal.objects.filter(user=user, matter_id=OuterRef("worklist_matter"))))
    if own := bureau_jurisdiction(user):
        keep = Q(process__in=CaseProcess.objects.filter(jurisdiction__in=[own, ""]).order_by().values("pk"))
        if records := _plain_process_records():
            plain = [Process.objects.filter(artifact_content_type_id=ct.pk, artifact_object_id__in=model
                                            ._default_manager.filter(jurisdiction=own).order_by().values("pk"))
                     .order_by().values("pk") for model, ct in ContentType.objects.get_for_models(*records).items()]
            keep |= Q(process__in=plain[0].union(*plain[1:], all=True))
        tasks = tasks.filter(keep)
    title = Case(*[When(flow_task=ref, then=Value(t)) for ref, (_n, t) in steps.items()],
                 default=Value(""), output_field=CharField())

    def build(pks):
        return {int(i.key.split(":")[1]): i for i in _task_items(user, tasks.filter(pk__in=pks), None)}

    return QuerySource(tasks, due=_task_due(steps), title=title, order=("created", "pk"), build=build)


@pytest.mark.django_db
def test_the_stored_worklist_is_the_computed_one_over_the_demo_content():
    import datetime as dt

    from flows.worklist import viewflow_tasks

    with freeze_time("2026-10-12 02:00"):
        call_command("load_demo", stdout=StringIO())
        # every task the demo opened through the services has its row as recomputed: no hook was missed
        expected = {r[0]: r for r in _raw(*_expected(stage="all").query.sql_with_params())}
        stored = {r[0]: r for r in _raw("SELECT " + ", ".join(COLUMNS) + " FROM flows_taskindex", ())}
        diff = [(stored.get(k), r) for k, r in expected.items() if stored.get(k) != r]
        assert not diff, "\n".join(f"stored {a}\nwanted {b}" for a, b in diff[:4])
        report = resync()
        assert report["written"] == 0 and report["dropped"] == 0 and report["checked"] > 0, report
        assert TaskIndex.objects.count() == report["checked"]
        users = get_user_model().objects
        today = dt.date(2026, 10, 12)
        counts = {}
        for username in ("officer", "leader", "officer_wl", "admin"):
            user = users.get(username=username)
            stored, old = viewflow_tasks(user, today=today), computed(user, today)
            counts[username] = stored.count()
            assert counts[username] == old.count(), username
            heads = stored.heads(1000)
            assert heads == old.heads(1000), username
            refs = [ref for _key, ref in heads[:50]]
            assert {k: vars(i) for k, i in stored.build(refs).items()} == \
                   {k: vars(i) for k, i in old.build(refs).items()}, username
        assert counts["officer"] > 0 and counts["leader"] > 0
        # the bound account: only 武隆's work, fewer than the officer of every jurisdiction
        assert 0 < counts["officer_wl"] < counts["officer"]
        wl = users.get(username="officer_wl")
        shown = [ref for _key, ref in viewflow_tasks(wl, today=today).heads(1000)]
        assert set(TaskIndex.objects.filter(pk__in=shown).values_list("jurisdiction", flat=True)) <= {"wulong", ""}
        others = TaskIndex.objects.exclude(jurisdiction__in=["wulong", ""]).filter(status="NEW")
        assert others.exists() and not set(others.values_list("pk", flat=True)) & set(shown)


@pytest.mark.django_db
def test_the_stored_due_date_follows_the_clock_the_claim_and_the_finish(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-11-02 02:00"):  # a Monday, no holiday within the fortnight
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        task = Task.objects.get(process__caseprocess__matter=matter, status="NEW")
        assert TaskIndex.objects.get(pk=task.pk).matter_id == matter.pk
        clock = clock_start(subject=matter, profile=get_profile("wulong"), rule_key="letter_rectify_period",
                            started_on=task.created.date(), n=3, unit="calendar_days", label="测试期限")
        cache.clear()
        assert "期限：2026-11-05" in card(inbox(p["officer"]), DRAFT)

        # extended by 5 days: the due date moves in the stored row and on the page
        clock_extend(clock=clock, n=5, by=p["leader"], reason="情况复杂", profile=get_profile("wulong"),
                     max_rule_key="complaint_extension_max")
        assert str(TaskIndex.objects.get(pk=task.pk).due_on) == "2026-11-10"
        assert "期限：2026-11-10" in card(inbox(p["officer"]), DRAFT)

        # claimed: held by the officer, no longer claimable
        response = login(p["officer"]).post(reverse("flows:claim", args=[task.pk]))
        assert response.status_code == 302
        row = TaskIndex.objects.get(pk=task.pk)
        assert (row.status, row.owner_id) == ("ASSIGNED", p["officer"].pk)
        assert "期限：2026-11-10" in card(inbox(p["officer"]), DRAFT)

        # the matter's clock stopped: the task no longer has its due date
        clock_stop(clock=clock)
        assert TaskIndex.objects.get(pk=task.pk).due_on is None
        assert "期限：2026-11-10" not in inbox(p["officer"])

        # finished: the drafting task leaves the list and its row; signing waits on the leader
        do_task(p["officer"], matter, DRAFT, {
            "ground": "procedure", "findings": "行政处罚未履行告知程序。", "request": "重新履行告知程序。"})
        assert not TaskIndex.objects.filter(pk=task.pk).exists()
        assert DRAFT not in inbox(p["officer"])
        assert "签发监督建议书（意见书）" in inbox(p["leader"])
        assert resync() == {"checked": TaskIndex.objects.count(), "written": 0, "dropped": 0}
