"""Writes on activities, invitations, attendance and recusal. Each checks the caller's permission
itself (roles/definitions.py grants them by group) and validates before saving."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from casework.models import Agency
from roles import access
from rules.profiles import FigureMissing, get_profile
from supervisors.models import SERVING, Supervisor

from .absence import evaluate_absences
from .models import (
    AGENCY_KINDS,
    CASEFILE_REVIEW,
    DECLARED_CONFLICT,
    DECLARED_NONE,
    EXCUSED,
    INSPECTION,
    INVITED,
    PRESENT,
    RECUSED,
    UNEXCUSED,
    Activity,
    ConflictDeclaration,
    Invitation,
)
from .selectors import agency_invitation_kinds, agency_of, conflicts_for

# 001 第十条第二款: "司法行政机关要求回避" is the bureau's order, not a ground a supervisor declares
BUREAU_ONLY_GROUNDS = {"ordered"}


require = access.require  # one permission check for every service (roles.access)


def recusal_ground(jurisdiction: str, code: str) -> dict:
    """The profile's recusal ground `code` with its citation (000 第十二条, 001 第十条, 002 第十三条)."""
    for item in get_profile(jurisdiction).choices("recusal_grounds"):
        if item["code"] == code:
            return item
    raise ValidationError("请选择本辖区办法规定的回避情形。")


def activity_create(
    *,
    by,
    jurisdiction: str,
    kind: str,
    title: str,
    held_on: dt.date,
    place: str,
    agency: Agency | None = None,
    case_ref: str = "",
    notes: str = "",
) -> Activity:
    if not by.has_perm("activities.add_activity") and agency_invitation_kinds(by):
        return _agency_activity_create(by=by, kind=kind, title=title, held_on=held_on, place=place,
                                       case_ref=case_ref, notes=notes)
    require(by, "activities.add_activity", "只有司法局经办人可以安排监督活动。")
    access.require_own_jurisdiction(by, jurisdiction)
    if kind in AGENCY_KINDS:
        raise ValidationError("重大行政执法案件集体讨论、听证会、论证会由执法机关组织并邀请监督员，司法局请选择其他活动类型。")
    try:
        get_profile(jurisdiction)
    except FigureMissing as exc:
        raise ValidationError(str(exc)) from None
    if case_ref and not agency:
        raise ValidationError("填写涉及案件时，须同时填写办理该案件的执法机关。")
    if kind in (INSPECTION, CASEFILE_REVIEW) and agency is None:
        # an inspection or case-file review is always of an agency: recusal is judged against it
        raise ValidationError("执法检查、案卷评查须选择涉及的执法机关。")
    if agency is not None and agency.jurisdiction != jurisdiction:
        raise ValidationError(f"“{agency.name}”不属于所选辖区，请从本辖区执法机关名录中选择。")
    activity = Activity(
        jurisdiction=jurisdiction,
        kind=kind,
        title=title.strip(),
        held_on=held_on,
        place=place.strip(),
        agency=agency,
        case_ref=case_ref.strip(),
        notes=notes,
        created_by=by,
    )
    activity.full_clean()
    activity.save()
    return activity


def _agency_activity_create(*, by, kind: str, title: str, held_on: dt.date, place: str, case_ref: str,
                            notes: str) -> Activity:
    """An enforcement agency invites supervisors to its major-case discussion, hearing or 论证会
    (000 第九条第（四）项): the liaison organises it for its own agency only."""
    kinds = agency_invitation_kinds(by)
    agency = agency_of(by)
    if kind not in {k["code"] for k in kinds}:
        raise ValidationError(f"执法机关可邀请监督员参加的活动为：{'、'.join(k['label'] for k in kinds)}"
                              f"（依据{kinds[0]['citation']}）。")
    if held_on < timezone.localdate():
        raise ValidationError("活动日期不能早于今天：请在活动举行前安排并邀请。")
    activity = Activity(jurisdiction=agency.jurisdiction, kind=kind, title=(title or "").strip(), held_on=held_on,
                        place=(place or "").strip(), agency=agency, organiser=agency, case_ref=(case_ref or "").strip(),
                        notes=notes or "", created_by=by)
    activity.full_clean()
    activity.save()
    return activity


def require_organiser(by, activity: Activity, perm: str, message: str) -> None:
    """The bureau (by its permission), or the liaison of the agency that organised the activity."""
    if activity.organiser_id is not None and not by.has_perm(perm):
        agency = agency_of(by)
        if agency is not None and agency.pk == activity.organiser_id and agency_invitation_kinds(by):
            return
    require(by, perm, message)
    access.require_own_jurisdiction(by, activity.jurisdiction)


@transaction.atomic
def invitation_create(*, activity: Activity, supervisor: Supervisor, by) -> Invitation:
    require_organiser(by, activity, "activities.add_invitation", "只有司法局经办人或组织活动的执法机关可以邀请监督员参加活动。")
    if supervisor.jurisdiction != activity.jurisdiction:
        raise ValidationError(f"{supervisor.name}不是本辖区的监督员，不能邀请参加本次活动。")
    if supervisor.status != SERVING:
        raise ValidationError(
            f"{supervisor.name}不在聘任期内（{supervisor.get_status_display()}），不能邀请。"
        )
    conflict = conflicts_for(
        supervisor=supervisor, agency=activity.agency, case_ref=activity.case_ref
    ).first()
    if conflict is not None:
        raise ValidationError(
            f"{supervisor.name}已有回避记录（{conflict.ground_label}，依据{conflict.article}），"
            f"不能参加涉及“{conflict.agency}{'·' + conflict.case_ref if conflict.case_ref else ''}”的活动。"
        )
    invitation = Invitation(activity=activity, supervisor=supervisor, invited_by=by)
    invitation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        raise ValidationError(f"已邀请{supervisor.name}参加本次活动。") from None
    return invitation


@transaction.atomic
def recusal_declare(*, invitation: Invitation, by, ground: str | None, note: str = "") -> Invitation:
    """The invited supervisor declares a conflict (ground = a profile code) or none (ground=None).
    An officer may enter a written declaration on the supervisor's behalf."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",)).select_related("activity", "supervisor").get(pk=invitation.pk)
    )
    activity, supervisor = invitation.activity, invitation.supervisor
    own = supervisor.user_id is not None and supervisor.user_id == by.pk
    if own:
        require(by, "activities.declare_conflict", "您没有作回避声明的权限。")
    else:
        require(by, "activities.order_recusal", "只能由受邀监督员本人或司法局经办人登记回避声明。")
    if invitation.status != INVITED:
        raise ValidationError(f"本次邀请已是“{invitation.get_status_display()}”，不能再作回避声明。")
    if activity.held_on < timezone.localdate():
        raise ValidationError("回避声明应在活动开始前作出；本次活动日期已过。")
    if not activity.touches_agency_or_case:
        raise ValidationError("本次活动不涉及具体执法机关或案件，无需作回避声明。")
    now = timezone.now()
    if ground is None:
        invitation.declaration, invitation.declared_at = DECLARED_NONE, now
        invitation.save(update_fields=["declaration", "declared_at"])
        return invitation
    if ground in BUREAU_ONLY_GROUNDS:
        raise ValidationError("该情形由司法行政机关决定，监督员自行回避请选择其他情形。")
    item = recusal_ground(activity.jurisdiction, ground)
    conflict = ConflictDeclaration(
        supervisor=supervisor,
        jurisdiction=activity.jurisdiction,
        agency=activity.agency,
        case_ref=activity.case_ref,
        ground=item["code"],
        ground_label=item["label"],
        article=str(item["citation"]),
        origin=ConflictDeclaration.DECLARED,
        activity=activity,
        note=note.strip(),
        created_by=by,
    )
    conflict.full_clean()
    conflict.save()
    invitation.declaration, invitation.declared_at, invitation.status = DECLARED_CONFLICT, now, RECUSED
    invitation.save(update_fields=["declaration", "declared_at", "status"])
    return invitation


@transaction.atomic
def recusal_record(
    *, supervisor: Supervisor, agency: Agency, ground: str, by, case_ref: str = "", note: str = ""
) -> ConflictDeclaration:
    """The bureau records a conflict or orders recusal (001 第十条第二款); every open invitation on that
    agency/case becomes 回避 at once."""
    require(by, "activities.order_recusal", "只有司法局经办人可以登记回避或要求回避。")
    access.require_own_jurisdiction(by, supervisor.jurisdiction)
    if agency is None:
        raise ValidationError("请选择需回避的执法机关。")
    if agency.jurisdiction != supervisor.jurisdiction:
        raise ValidationError(f"“{agency.name}”不属于{supervisor.name}所在辖区。")
    item = recusal_ground(supervisor.jurisdiction, ground)
    conflict = ConflictDeclaration(
        supervisor=supervisor,
        jurisdiction=supervisor.jurisdiction,
        agency=agency,
        case_ref=case_ref.strip(),
        ground=item["code"],
        ground_label=item["label"],
        article=str(item["citation"]),
        origin=ConflictDeclaration.RECORDED,
        note=note.strip(),
        created_by=by,
    )
    conflict.full_clean()
    conflict.save()
    # only activities still ahead: a past invitation keeps its attendance question (absence rule)
    affected = Invitation.objects.filter(
        supervisor=supervisor,
        status=INVITED,
        activity__agency=conflict.agency,
        activity__held_on__gte=timezone.localdate(),
    )
    if conflict.case_ref:
        affected = affected.filter(activity__case_ref=conflict.case_ref)
    affected.update(status=RECUSED, declaration=DECLARED_CONFLICT, declared_at=timezone.now())
    return conflict


@transaction.atomic
def attendance_record(*, invitation: Invitation, status: str, by, excuse_reason: str = "") -> Invitation:
    """Present / excused (请假, with reason) / unexcused (无故缺席); then the absence rule is evaluated."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",)).select_related("activity", "supervisor").get(pk=invitation.pk)
    )
    require_organiser(by, invitation.activity, "activities.record_attendance",
                      "只有司法局经办人或组织活动的执法机关可以登记出席情况。")
    activity = invitation.activity
    if status not in (PRESENT, EXCUSED, UNEXCUSED):
        raise ValidationError("出席情况只能是出席、请假或无故缺席。")
    if invitation.status == RECUSED:
        conflict = conflicts_for(
            supervisor=invitation.supervisor, agency=activity.agency, case_ref=activity.case_ref
        ).first()
        cite = f"（依据{conflict.article}）" if conflict else ""
        raise ValidationError(f"{invitation.supervisor.name}已就本次活动回避{cite}，不能登记出席情况。")
    if activity.held_on > timezone.localdate():
        raise ValidationError("活动尚未举行，不能登记出席情况。")
    if status == EXCUSED and not excuse_reason.strip():
        raise ValidationError("登记请假须填写请假事由。")
    if status == PRESENT and activity.touches_agency_or_case and invitation.declaration != DECLARED_NONE:
        cite = get_profile(activity.jurisdiction).figure("recusal_grounds").citation
        raise ValidationError(
            f"{invitation.supervisor.name}尚未声明无回避情形（依据{cite}），不能登记为出席。"
        )
    if invitation.status == UNEXCUSED and status != UNEXCUSED and invitation.findings.exists():
        raise ValidationError("该次缺席已作为无故缺席认定的依据，不能更改；如有异议请在解聘程序中说明。")
    invitation.status = status
    invitation.excuse_reason = excuse_reason.strip() if status == EXCUSED else ""
    invitation.recorded_by, invitation.recorded_at = by, timezone.now()
    invitation.full_clean(validate_constraints=False)
    invitation.save()
    if status == UNEXCUSED:
        evaluate_absences(invitation.supervisor)
    return invitation
