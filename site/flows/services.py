"""Moving tasks from code (claim, perform, complete a waiting Handle) and the inbox query. Every function
checks the acting user's permission itself: viewflow's programmatic API (`task.activation()`, `Handle.run`) does not."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from flows.locking import first_locked
from held_rows import held

from . import task_index


def _flows():
    from .registry import flows

    return list(flows().values())


def process_for(obj, flow_class):
    from django.contrib.contenttypes.models import ContentType

    return flow_class.process_class.objects.filter(
        flow_class=flow_class, artifact_content_type=ContentType.objects.get_for_model(obj),
        artifact_object_id=obj.pk).first()


def open_tasks(user):
    """Human tasks the user holds or may claim (by the task's permission)."""
    if not user.is_authenticated:
        return Task.objects.none()
    qs = Task.objects.filter(flow_task_type="HUMAN", process__flow_class__in=_flows()).select_related("process")
    return qs.filter(open_task_q(user)).order_by("created")


def open_task_q(user) -> Q:
    """Which open tasks are the user's: held (assigned, started) or claimable by the task's permission. On the
    task's own columns, so that it filters viewflow's tasks and their copy in 待办索引 (flows.models.TaskIndex); 我的待办
    keeps of it what flows.worklist._worklist_q says (no superuser blanket, a leader not offered the officers' steps)."""
    mine = Q(owner_id=user.pk, status__in=[STATUS.ASSIGNED, STATUS.STARTED])
    perms = user.get_all_permissions()
    claimable = Q(status=STATUS.NEW, owner_id__isnull=True) & (Q(owner_permission__in=perms)
                                                               if not user.is_superuser else Q())
    return mine | claimable


def task_claim(*, task, user) -> Task:
    """Assign an unclaimed task to `user`, under the flow's lock; refused without the task's permission."""
    with task.flow_task.flow_class.lock(task.process_id):
        task.refresh_from_db()
        activation = task.flow_task.activation_class(task)
        if task.owner_id == user.pk and task.status == STATUS.ASSIGNED:
            return task
        if not task.flow_task.can_assign(user, task) or not activation.assign.can_proceed():
            raise PermissionDenied("您无权领取该待办，或该待办已由他人领取或办结。")
        from casework.recusal import matter_of_task, require_not_recused

        require_task_jurisdiction(user, task)  # another jurisdiction's task: 403 (casework.visibility)
        require_not_recused(user, matter_of_task(task))  # 回避: one rule for every process (ValidationError)
        activation.assign(user)
        return task


def require_task_jurisdiction(user, task) -> None:
    """Refuse (403, in Chinese) a bureau account bound to one jurisdiction a task of another jurisdiction —
    claimed, opened or executed (task_claim, task_perform, the task screens: flows.urls): a casework process's
    stored jurisdiction (CaseProcess.jurisdiction, one row read by its key, or already read with the task:
    task_with_jurisdiction), else its record's own (a supervisors' campaign or dismissal), as the worklist filters
    them (flows.worklist._process_jurisdiction, stored in 待办索引). An account of every jurisdiction asks nothing of
    the database here."""
    from casework.visibility import refused_jurisdiction
    from roles.access import bureau_jurisdiction, require_own_jurisdiction

    if bureau_jurisdiction(user):
        from .models import CaseProcess

        if hasattr(task, CASE_JURISDICTION):  # read with the task (None: not a casework process)
            found = getattr(task, CASE_JURISDICTION)
        else:
            found = CaseProcess.objects.filter(pk=task.process_id).values_list("jurisdiction", flat=True).first()
        if found is None:  # a plain process: its record's jurisdiction
            found = getattr(task.process.artifact, "jurisdiction", "") or ""
        if found:
            require_own_jurisdiction(user, found, lambda: refused_jurisdiction(user))


CASE_JURISDICTION = "case_jurisdiction"


def task_with_jurisdiction(pk):
    """The task `pk` (or None) with its casework process's stored jurisdiction, in one query, for
    require_task_jurisdiction (the task screens ask it before viewflow opens the task: flows.urls)."""
    from django.db.models import F
    from viewflow.workflow.models import Task

    return Task.objects.filter(pk=pk).annotate(**{CASE_JURISDICTION: F("process__caseprocess__jurisdiction")}).first()


def task_perform(*, task, user, action):
    """Do a human task from code, as the task screen would: under the flow's lock, claim it if needed,
    refuse unless `user` may execute it and it is still open, run `action()` (a service call that
    checks its own permission), then complete the task. Two concurrent calls complete it once."""
    with task.flow_task.flow_class.lock(task.process_id), transaction.atomic():
        task.refresh_from_db()
        if task.status == STATUS.NEW:
            task_claim(task=task, user=user)
            task.refresh_from_db()
        else:
            require_task_jurisdiction(user, task)
        activation = task.flow_task.activation_class(task)
        if not task.flow_task.can_execute(user, task) or not activation.start.can_proceed():
            raise PermissionDenied("该待办已办结或不由您办理。")
        activation.start(None)
        with task_index.batch():  # the action's writes, this task done, the next ones: 待办索引 written once
            result = action()
            activation.execute()
        return result


def task_execute_url(task) -> str:
    return task.flow_task.reverse("execute", args=[task.process_id, task.pk])


def run_handle(*, process=None, node, artifact=None) -> bool:
    """Complete the waiting Handle `node` of `process` (e.g. the publicity window closed), or of the process
    whose artifact is `artifact`: the waiting task found by the statement that takes the flow's lock
    (flows.locking), so that it is still waiting when the lock is held, and handed to the Handle in hand."""
    if process is not None:
        tasks = process.task_set.filter(flow_task=node, status=STATUS.NEW)
    else:
        from django.contrib.contenttypes.models import ContentType

        tasks = Task.objects.filter(
            flow_task=node, status=STATUS.NEW, process__flow_class=node.flow_class,
            process__artifact_content_type=ContentType.objects.get_for_model(artifact),
            process__artifact_object_id=artifact.pk)
    with first_locked(node.flow_class, tasks) as task:
        if task is None:
            return False
        with held(task), task_index.batch():  # its writes and the next steps: 待办索引 written once
            node.run(task)
    return True


def task_complete_by_system(*, task, action=None) -> bool:
    """The system completes a person's waiting task (a period ran out: the flow moves on without them),
    under the flow's lock: `action()` records what the period's end means (a service's internal write), then
    the task is done and the flow's next node reads what was recorded. False if the task was done meanwhile."""
    with task.flow_task.flow_class.lock(task.process_id), transaction.atomic():
        task.refresh_from_db()
        if task.status not in (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED):
            return False
        activation = task.flow_task.activation_class(task)
        if task.status == STATUS.NEW:
            activation.assign(None)  # nobody took it: the system does (no permission asked of it)
        if task.status != STATUS.STARTED:
            activation.start(None)
        with task_index.batch():
            if action is not None:
                action()
            activation.execute()
        return True
