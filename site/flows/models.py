"""The engine's one model: a casework process in its case file (一案一档).

Every casework flow (letters, complaints, coordination, accountability) runs its processes as `CaseProcess`
(or a proxy of it per flow), viewflow's `Process` plus the matter it belongs to. One matter carries a
whole chain (complaint → correction order → 通报) as successive processes, and `Matter.stage` is derived
from the active tasks of all of them (flows/stage.py)."""
from django.db import models
from viewflow.workflow.models import Process


class CaseProcess(Process):
    matter = models.ForeignKey("casework.Matter", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="processes", verbose_name="监督事项")
    # the jurisdiction whose casework this is (issue 28): stored so that a bound account's 我的待办 reads its own
    # processes from one index (flows.worklist) instead of resolving every task's matter; written by save()
    # (jurisdiction_of) and wherever a process is given its matter by an UPDATE (complaints.services)
    # (a database default too: a row inserted by SQL naming no jurisdiction, as flows/0002 and older code do, has none)
    jurisdiction = models.CharField("辖区", max_length=32, blank=True, default="", db_default="", db_index=True)

    class Meta:
        verbose_name = "办理流程"
        verbose_name_plural = "办理流程"

    def save(self, *args, **kwargs):
        if self.matter_id is None:
            self.matter_id = matter_id_of(self.artifact)
        if not self.jurisdiction:
            self.jurisdiction = jurisdiction_of(self.artifact, self.matter_id)
        if self._state.adding and not args and not kwargs:
            # a new process: insert both rows, without Django asking first whether the child row exists
            kwargs["force_insert"] = True
        super().save(*args, **kwargs)


def jurisdiction_of(artifact, matter_id: int | None) -> str:
    """The jurisdiction of a process: its matter's, else its record's own (a complaint, a filing), else its
    record's agency's, else its letter's matter's (a 复查 objection); "" if none names one."""
    from casework.models import Matter

    if matter_id is not None:
        # the record's matter as already read (a process is mostly started with its record just written), else read
        held = artifact._state.fields_cache.get("matter") if artifact is not None else None
        if held is not None and held.pk == matter_id:
            return held.jurisdiction
        return Matter.objects.filter(pk=matter_id).values_list("jurisdiction", flat=True).first() or ""
    if artifact is None:
        return ""
    if own := getattr(artifact, "jurisdiction", ""):
        return own
    if getattr(artifact, "agency_id", None):
        return artifact.agency.jurisdiction
    letter = getattr(artifact, "letter", None)
    if letter is not None and letter.matter_id:
        return letter.matter.jurisdiction
    return ""


def matter_id_of(artifact) -> int | None:
    """The matter a process's record belongs to: its `matter`, or its letter's (a 复查 objection)."""
    if artifact is None:
        return None
    if getattr(artifact, "matter_id", None):
        return artifact.matter_id
    letter = getattr(artifact, "letter", None)
    return getattr(letter, "matter_id", None)


class TaskIndex(models.Model):
    """待办索引 (issue 28): one row per open human task, beside viewflow's task, holding what 我的待办 counts, sorts
    and filters by — the task's resolved matter (as flows.worklist._process_matter resolves it), its jurisdiction
    (the process's stored CaseProcess.jurisdiction, or a plain process's record's; NULL: a plain process whose
    record names none, which no bound account sees), its due date and binding clock (as _task_due chooses them),
    and the task's own filter columns (status, owner, permission, step, created), so that the COUNT and the page of
    a province's officer are read from this one narrow table instead of resolving every task's matter and clocks
    by correlated subqueries (370 ms at 100,000 matters, cache cold).

    Derived, never written by hand: flows.task_index.refresh (one set-wise statement from the source of truth) is
    called by every write that can change a row — a task saved, a clock written, a process given its matter, a
    record's matter or jurisdiction changed — and the scheduler's round re-syncs what drifted (resync)."""
    task = models.OneToOneField("viewflow.Task", primary_key=True, on_delete=models.CASCADE,
                                related_name="worklist_index", verbose_name="待办")
    status = models.CharField("状态", max_length=50)
    owner_id = models.IntegerField("办理人", null=True)
    owner_permission = models.CharField("权限", max_length=255, null=True)
    flow_task = models.CharField("环节", max_length=255)
    created = models.DateTimeField("创建时间")
    matter_id = models.IntegerField("监督事项", null=True, db_index=True)
    jurisdiction = models.CharField("辖区", max_length=32, null=True)
    due_on = models.DateField("届满日", null=True)
    clock_id = models.IntegerField("时限", null=True)

    class Meta:
        verbose_name = "待办索引"
        verbose_name_plural = "待办索引"
        indexes = [
            # the claimable tasks of a permission (the COUNT and the page of 我的待办), in due order
            models.Index(fields=["owner_permission", "status", "jurisdiction", "due_on"], name="taskindex_perm"),
            # the tasks a person holds
            models.Index(fields=["owner_id", "status"], name="taskindex_owner"),
        ]

    def __str__(self) -> str:
        return f"待办索引 {self.task_id}"
