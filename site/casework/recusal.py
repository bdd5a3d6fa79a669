"""Recusal of the bureau's own staff (回避, 003 第二十四条第（二）项; 004 第八条): one rule for every casework
process. A staff member declares an interest in a matter, or a leader finds one; from then on they can
neither draft, sign, review nor decide in that matter. Every service that drafts, signs, reviews or
decides calls `require_not_recused(by, matter)` after taking its lock; `recuse` is the one door that
records a recusal (the row, the matter's log and a DecisionRecord), with its ground from the profile."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from roles.access import is_bureau, is_leader
from rules.profiles import get_profile

from .models import DECLARED, FOUND, Matter, Recusal

KEY = "staff_recusal"


def _name(user) -> str:
    return user.get_full_name() or user.username


def citation(jurisdiction: str) -> str:
    profile = get_profile(jurisdiction)
    return str(profile.figure(KEY).citation) if profile.has(KEY) else ""


def grounds(jurisdiction: str) -> list[dict]:
    """The profile's recusal grounds with their citations ([] where the profile has no such rule)."""
    profile = get_profile(jurisdiction)
    return profile.choices(KEY) if profile.has(KEY) else []


def recusal_of(user, matter: Matter) -> Recusal | None:
    if user is None or not getattr(user, "is_authenticated", False) or matter is None:
        return None
    return Recusal.objects.filter(matter=matter, user=user).first()


def require_not_recused(user, matter: Matter) -> None:
    """Refuse (ValidationError, shown on the task screen) when `user` has recused themselves from `matter`
    or been found to have to; every draft/sign/review/decide service calls this."""
    rec = recusal_of(user, matter)
    if rec is None:
        return
    raise ValidationError(
        f"{_name(user)}已于{timezone.localtime(rec.decided_at):%Y年%m月%d日}在本事项回避（{rec.ground}），"
        f"依照{rec.article}的规定，不得再起草、签发、审核或决定本事项。")


@transaction.atomic
def recuse(*, matter: Matter, by, user, ground: str, note: str = "", check_permission: bool = True) -> Recusal:
    """Record a recusal: `user == by` is the person's own declaration (any bureau staff member); a
    recusal of someone else is a leader's decision (casework.order_recusal). `check_permission=False` only
    for a process service that has checked its own rule (004 第八条: the officer records an investigator's)."""
    from decisions.services import decision_record

    from .services import log

    if check_permission and not is_bureau(by):
        raise PermissionDenied("只有司法局工作人员可以申请或决定回避。")
    if user is None:
        raise ValidationError("请选择回避人员。")
    own = user.pk == by.pk
    if check_permission and not own and not (is_leader(by) and by.has_perm("casework.order_recusal")):
        raise PermissionDenied("决定他人回避须由司法局负责人作出；本人可以申请回避。")
    if not is_bureau(user):
        raise ValidationError("回避人员应为司法局工作人员。")
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    items = {g["code"]: g for g in grounds(matter.jurisdiction)}
    if not items:
        raise ValidationError(f"{get_profile(matter.jurisdiction).name}的规则中没有监督人员回避的规定。")
    item = items.get(ground)
    if item is None:
        raise ValidationError("请从本辖区规则列举的情形中选择回避事由。")
    if Recusal.objects.filter(matter=matter, user=user).exists():
        raise ValidationError(f"{_name(user)}已在本事项回避，无需重复登记。")
    note = (note or "").strip()
    label = item["label"] + (f"：{note}" if note else "")
    article = str(item["citation"])
    rec = Recusal(matter=matter, user=user, origin=DECLARED if own else FOUND, ground=label[:200],
                  article=article[:100], decided_by=by, decided_at=timezone.now())
    rec.full_clean()
    rec.save()
    how = "本人申请回避" if own else f"经负责人{_name(by)}决定回避"
    log(matter, by, f"{_name(user)}{how}（{label}，依据{article}），此后不得起草、签发、审核或决定本事项。")
    decision_record(kind="recusal", title=f"回避：{_name(user)}（{matter.number}）",
                    body=f"{_name(user)}{how}。事由：{label}。决定人：{_name(by)}。",
                    jurisdiction=matter.jurisdiction, agency=matter.respondent_name, outcome=how,
                    decided_on=timezone.localdate(), article=article, subject=matter,
                    confidential=True)  # who handles a matter is internal to the bureau
    released = release_tasks(user, matter)
    if released:
        log(matter, by, f"因回避，{_name(user)}已领取的待办（{'、'.join(released)}）退回待领取，由其他人员办理。")
    return rec


def _matter_of(obj):
    for attr in ("matter", "letter", "dispute", "case", "complaint"):
        related = getattr(obj, attr, None)
        if isinstance(related, Matter):
            return related
        if related is not None and related is not obj:
            found = _matter_of(related)
            if found is not None:
                return found
    return obj if isinstance(obj, Matter) else None


def matter_of_task(task) -> Matter | None:
    artifact = getattr(task.process, "artifact", None)
    return _matter_of(artifact) if artifact is not None else None


def release_tasks(user, matter: Matter) -> list[str]:
    """The recused person's claimed tasks in this matter go back to be claimed by someone else."""
    from viewflow.workflow.models import Task
    from viewflow.workflow.status import STATUS

    released = []
    for task in Task.objects.filter(owner=user, status=STATUS.ASSIGNED).select_related("process"):
        found = matter_of_task(task)
        if found is None or found.pk != matter.pk:
            continue
        activation = task.flow_task.activation_class(task)
        if activation.unassign.can_proceed():
            activation.unassign()
            released.append(str(task.flow_task.task_title or task.flow_task.name))
    return released
