"""Interference records (插手干预记录, 004 干预插手案件记录规定): record (第四条、第六条), correct by a new entry
(never edit, never delete), list for the leaders (通报, 第八条) and the quarterly summary as a table/PDF."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from roles.access import agency_of, own_jurisdiction_only, require, require_own_jurisdiction
from rules.profiles import get_profile

from .models import MANNERS, InterferenceAction, InterferenceLapse, InterferenceRecord

RECORD = "complaints.record_interference"


@transaction.atomic
def interference_record(*, by, jurisdiction: str, occurred_at: dt.datetime, interferer_name: str,
                        interferer_unit: str, kind: str, manner: str, case_ref: str, content: str,
                        matter=None, corrects: InterferenceRecord | None = None) -> InterferenceRecord:
    require(by, RECORD, "您没有记录干预插手案件情况的权限。")
    require_own_jurisdiction(by, jurisdiction)
    profile = get_profile(jurisdiction)
    kinds = {k["code"]: k for k in profile.choices("interference_kinds")} if profile.has("interference_kinds") else {}
    if kind not in kinds:
        raise ValidationError("请选择干预插手的情形（依据干预插手案件记录规定第八条、第四条）。")
    if manner not in dict(MANNERS):
        raise ValidationError("请选择干预方式（书面或口头等）。")
    if why := guidance_manner_mismatch(kind, manner):
        raise ValidationError(why)
    if occurred_at > timezone.now():
        raise ValidationError("发生时间不能晚于现在。")
    if corrects is not None and corrects.jurisdiction != jurisdiction:
        raise ValidationError("更正记录须与原记录属于同一辖区。")
    if matter is not None:
        from casework.selectors import can_view_matter

        if not can_view_matter(by, matter):
            raise ValidationError("您无权关联该监督事项。")
    record = InterferenceRecord(
        jurisdiction=jurisdiction, occurred_at=occurred_at, interferer_name=(interferer_name or "").strip(),
        interferer_unit=(interferer_unit or "").strip(), kind=kind, kind_label=kinds[kind]["label"][:100],
        article=str(kinds[kind]["citation"])[:100], manner=manner, case_ref=(case_ref or "").strip(),
        matter=matter, content=(content or "").strip(), corrects=corrects, recorded_by=by)
    record.full_clean()
    record.save()
    return record


# 第四条: guidance on a case under way is given in writing (书面提出); given orally (口头提出), the case officer
# records it. The two kinds of guidance are told apart by their manner, so the manner must agree with the kind.
GUIDANCE_WRITTEN, GUIDANCE_ORAL, WRITTEN = "guidance_written", "guidance_oral", "written"


def guidance_manner_mismatch(kind: str, manner: str) -> str:
    """Why a guidance entry's manner contradicts its kind ("" when it agrees, or the kind is not guidance)."""
    if kind == GUIDANCE_WRITTEN and manner != WRITTEN:
        return ("情形为“领导干部书面提出的指导性意见”的，方式应为“书面”（干预插手案件记录规定第四条）；"
                "口头等方式提出的，请选择“领导干部口头提出的指导性意见”。")
    if kind == GUIDANCE_ORAL and manner == WRITTEN:
        return ("情形为“领导干部口头提出的指导性意见”的，方式不能为“书面”（干预插手案件记录规定第四条）；"
                "书面提出的，请选择“领导干部书面提出的指导性意见”。")
    return ""


def visible_records(user):
    """Leaders and officers see every record of their own jurisdiction; a recorder sees their own (liaison, supervisor)."""
    qs = InterferenceRecord.objects.select_related("recorded_by", "corrects")
    if user.has_perm("complaints.view_interferencerecord"):
        return own_jurisdiction_only(qs, user)
    if user.has_perm(RECORD):
        return qs.filter(recorded_by=user)
    return qs.none()


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    if quarter not in (1, 2, 3, 4):
        raise ValidationError("季度应为1至4。")
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1) - dt.timedelta(days=1)
    return start, end


def quarter_summary(*, jurisdiction: str, year: int, quarter: int) -> dict:
    """Records whose event fell in the quarter, by kind (第八条 通报), corrections listed with their original."""
    start, end = quarter_bounds(year, quarter)
    qs = InterferenceRecord.objects.filter(jurisdiction=jurisdiction, occurred_at__date__gte=start,
                                           occurred_at__date__lte=end).select_related("recorded_by")
    rows = list(qs.order_by("occurred_at", "pk"))
    by_kind: dict[str, int] = {}
    for r in rows:
        by_kind[r.kind_label] = by_kind.get(r.kind_label, 0) + 1
    return {"start": start, "end": end, "rows": rows, "by_kind": sorted(by_kind.items(), key=lambda kv: -kv[1]),
            "total": len(rows), "year": year, "quarter": quarter, "jurisdiction": jurisdiction}


def summary_pdf(summary: dict) -> bytes:
    from casework.pdf import OfficialDocument, chinese_date, render

    profile = get_profile(summary["jurisdiction"])
    paragraphs = [f"{chinese_date(summary['start'])}至{chinese_date(summary['end'])}，共记录行政执法机关内部人员"
                  f"干预、插手案件办理情况{summary['total']}件。"]
    paragraphs += [f"{label}：{n}件。" for label, n in summary["by_kind"]]
    for r in summary["rows"]:
        ref = f"（更正第{r.corrects_id}号记录）" if r.corrects_id else ""
        paragraphs.append(f"第{r.pk}号{ref}：{r.occurred_at:%Y-%m-%d %H:%M}，{r.interferer_unit}{r.interferer_name}，"
                          f"{r.get_manner_display()}，{r.kind_label}；所涉案件：{r.case_ref}。")
    return render(OfficialDocument(
        authority=profile.authority, kind_label="干预插手案件情况汇总", doc_number="",
        title=f"{summary['year']}年第{summary['quarter']}季度干预、插手案件办理情况汇总表", addressee="本机关领导班子",
        paragraphs=paragraphs, issued_on=timezone.localdate(),
        notes=["依据：《行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究规定》第六条、第八条"]))


def recorder_agency(user) -> str:
    agency = agency_of(user)
    return agency.name if agency else ""


# ------------------------------------------------------------------ 第十条 lapses, 第八条 通报, 第九条 handling
HANDLE = "complaints.handle_interference"


def _text(profile, key: str) -> tuple[str, str]:
    figure = profile.figure(key)
    return figure.value.get("text", ""), str(figure.citation)


def _required(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


def _day(value: dt.date | None, label: str) -> dt.date:
    if value is None or value > timezone.localdate():
        raise ValidationError(f"请填写{label}（不晚于今天）。")
    return value


@transaction.atomic
def lapse_record(*, by, agency, officer_name: str, kind: str, found_on: dt.date, case_ref: str, facts: str,
                 record: InterferenceRecord | None = None, instigator_name: str = "",
                 instigator_post: str = "") -> InterferenceLapse:
    """干预 第十条: a case officer did not record, or untruthfully recorded, an interference. The finding is
    itself recorded and counted per officer and agency: the first time the profile's 警告、通报批评, from the
    profile's count on the disciplinary sanction; a leader who instructed it is held more strictly."""
    from casework.models import Agency
    from decisions.services import decision_record

    require(by, HANDLE, "您没有认定不记录、不如实记录干预情况的权限。")
    require_own_jurisdiction(by, agency.jurisdiction)
    if not isinstance(agency, Agency):
        raise ValidationError("请选择办案人员所在的行政执法机关。")
    jurisdiction = agency.jurisdiction
    profile = get_profile(jurisdiction)
    if not profile.has("interference_lapse_kinds"):
        raise ValidationError(f"{profile.name}的规定没有不记录干预情况的责任追究。")
    kinds = {k["code"]: k for k in profile.choices("interference_lapse_kinds")}
    if kind not in kinds:
        raise ValidationError("请选择情形：不记录或不如实记录（第十条）。")
    officer_name = _required(officer_name, "请填写办案人员姓名。")[:50]
    found_on = _day(found_on, "认定日期")
    case_ref = _required(case_ref, "请填写所涉案件。")[:200]
    facts = _required(facts, "请填写查明的事实。")
    if record is not None and record.jurisdiction != jurisdiction:
        raise ValidationError("相关干预插手记录不属于本辖区。")
    instigator_name, instigator_post = (instigator_name or "").strip()[:50], (instigator_post or "").strip()[:100]
    if instigator_post and not instigator_name:
        raise ValidationError("填写了授意领导干部的职务，请填写其姓名。")
    # count this officer's earlier lapses under a lock on the agency's rows, so two findings never share a number
    list(InterferenceLapse.objects.select_for_update().filter(agency=agency, officer_name=officer_name))
    count = InterferenceLapse.objects.filter(agency=agency, officer_name=officer_name).count() + 1
    first, cite = _text(profile, "interference_lapse_first")
    repeat, _ = _text(profile, "interference_repeat_measure")
    threshold = profile.count("interference_repeat_sanction")
    measure = repeat if count >= threshold else first
    instigator = _text(profile, "interference_instigator")[0] if instigator_name else ""
    lapse = InterferenceLapse(
        jurisdiction=jurisdiction, agency=agency, officer_name=officer_name, kind=kind,
        kind_label=kinds[kind]["label"][:100], found_on=found_on, case_ref=case_ref, facts=facts, record=record,
        count=count, measure=measure[:200], article=cite[:100], instigator_name=instigator_name,
        instigator_post=instigator_post, instigator_measure=instigator[:200], recorded_by=by)
    lapse.full_clean()
    lapse.save()
    body = f"{agency.name}办案人员{officer_name}{kinds[kind]['label']}（{case_ref}）。{facts}\n" \
           f"累计第{count}次，处理：{measure}。"
    if instigator_name:
        body += f"\n系{instigator_post}{instigator_name}授意，{instigator}。"
    decision_record(kind="accountability", title=f"不记录或不如实记录干预情况：{officer_name}", body=body,
                    jurisdiction=jurisdiction, agency=agency.name, outcome=measure, article=cite,
                    decided_on=found_on, subject=lapse)
    return lapse


@transaction.atomic
def notice_record(*, by, record: InterferenceRecord, authority: str, approved_on: dt.date, decided_on: dt.date,
                  scope: str, published: bool, content: str) -> InterferenceAction:
    """干预 第八条: an interference is 通报 only after approval under personnel authority; made public where
    necessary. The approval (who, when) is recorded first: no approval, no 通报."""
    from decisions.services import decision_record

    from .models import NOTICE

    require(by, HANDLE, "您没有登记干预插手通报的权限。")
    record = InterferenceRecord.objects.select_for_update().get(pk=record.pk)
    require_own_jurisdiction(by, record.jurisdiction)
    profile = get_profile(record.jurisdiction)
    if not profile.has("interference_notice_approval"):
        raise ValidationError(f"{profile.name}的规定没有干预插手通报。")
    rule, cite = _text(profile, "interference_notice_approval")
    authority = _required(authority, f"请填写按人事管理权限批准通报的机关（{cite}：{rule}）。")[:100]
    if approved_on is None:
        raise ValidationError(f"未经按人事管理权限批准，不能通报（{cite}）。请填写批准日期。")
    approved_on = _day(approved_on, "批准日期")
    decided_on = _day(decided_on, "通报日期")
    if decided_on < approved_on:
        raise ValidationError(f"通报日期不能早于批准日期（{approved_on:%Y-%m-%d}）：须报经批准后予以通报（{cite}）。")
    if decided_on < record.occurred_at.date():
        raise ValidationError("通报日期不能早于干预发生日期。")
    action = InterferenceAction(
        record=record, action=NOTICE, article=cite[:100], person_name=record.interferer_name[:50], authority=authority,
        approved_on=approved_on, decided_on=decided_on, scope=_required(scope, "请填写通报范围。")[:200],
        published=bool(published), content=_required(content, "请填写通报内容。"), recorded_by=by)
    if action.published:  # 必要时可以向社会公开: a 行政执法监督情况通报 on the jurisdiction's public site
        action.public_page = _publish_notice(profile, record, action, cite)
    action.full_clean()
    action.save()
    public = "，并向社会公开" if published else ""
    decision_record(kind="notification", title=f"通报违反规定干预办案：{record.interferer_unit}{record.interferer_name}",
                    body=f"经{authority}于{approved_on:%Y-%m-%d}批准，{decided_on:%Y-%m-%d}在{action.scope}通报{public}。"
                         f"\n{action.content}", jurisdiction=record.jurisdiction, outcome=f"通报{public}",
                    article=cite, decided_on=decided_on, subject=record)
    return action


def case_persons(record: InterferenceRecord) -> list[tuple[str, dict]]:
    """The private persons of the case an interference touched, with what is stored about them: the complainant
    or reporter (投诉举报人) of the complaint on the record's matter, or whose receipt or case number the record's
    所涉案件 names, and the contact person of the contact point that passed it on. The interferer is not among
    them: an insider (行政执法机关内部人员) whom 第八条 names in the 通报 itself."""
    from django.db.models import Q

    from .models import Complaint

    query = Q(matter_id=record.matter_id) if record.matter_id else Q(pk__in=[])
    ref = (record.case_ref or "").strip()
    if ref:
        from django.db.models import F, Value
        from django.db.models.functions import StrIndex

        complaints = (Complaint.objects.filter(jurisdiction=record.jurisdiction)
                      .annotate(in_ref=StrIndex(Value(ref), F("receipt_number")),
                                matter_in_ref=StrIndex(Value(ref), F("matter__number"))))
        query |= Q(pk__in=complaints.filter(Q(in_ref__gt=0) | Q(matter_in_ref__gt=0)).values("pk"))
    persons = []
    for c in Complaint.objects.filter(query).select_related("contact_point").order_by("pk"):
        persons.append(("投诉举报人", {"name": c.name, "address": c.address, "phone": c.contact,
                                   "id_number": c.id_number}))
        if c.contact_point_id:
            persons.append(("监督联系点联系人", {"name": c.contact_point.contact_name,
                                         "phone": c.contact_point.contact_phone}))
    return persons


def _publish_notice(profile, record: InterferenceRecord, action: InterferenceAction, cite: str):
    from public_notices.kinds import NOTIFICATION
    from public_notices.models.publicity import cn_date
    from public_notices.privacy import normalise, personal_data_in, stored_data_in
    from public_notices.services import notice_publish

    found = personal_data_in(action.content) or personal_data_in(normalise(action.content))
    if found:
        raise ValidationError(f"通报内容中含有{'、'.join(found)}，向社会公开的通报不得包含个人身份证号码、手机号码等"
                              f"个人信息，请删除后再登记（{cite}）。")
    stored = stored_data_in(action.content, case_persons(record))
    if stored:
        raise ValidationError(f"通报内容中含有{'、'.join(stored)}，向社会公开的通报不得包含投诉举报人等个人的姓名、"
                              f"住址、电话、身份证号码，请删除或改写后再登记（{cite}）。")
    who = f"{record.interferer_unit}{record.interferer_name}"
    body = (f"{action.content}\n经{action.authority}于{cn_date(action.approved_on)}按人事管理权限批准，依据{cite}，"
            f"对{who}违反规定干预办案（{record.kind_label}）予以通报，并向社会公开。")
    # The page tree is written by this service, whose permission (HANDLE) notice_record checked, as the
    # supervisor lifecycle and the power list publish theirs; the 通报 records who registered it. Publishing as
    # the officer made Wagtail refuse (the officer has no page permission), and the admin turned that refusal
    # into a redirect to the dashboard: the 通报 was rolled back while the POST still answered 302.
    return notice_publish(kind=NOTIFICATION, jurisdiction=record.jurisdiction,
                          title=f"关于{who}违反规定干预、插手案件办理的通报"[:255], body=body,
                          issuer=profile.authority, written_on=action.decided_on, by=None,
                          notification_kind=f"通报（{action.scope}）"[:120],
                          notification_contents=f"{record.kind_label}（{record.article}）")


@transaction.atomic
def handling_record(*, by, record: InterferenceRecord, kind: str, person_name: str, authority: str,
                    decided_on: dt.date, content: str) -> InterferenceAction:
    """干预 第九条: how the interferer, or whoever retaliated against the officer who recorded it, was dealt with
    (a disciplinary sanction, a referral for criminal liability, or no breach found)."""
    from decisions.services import decision_record

    from .models import HANDLING

    require(by, HANDLE, "您没有登记干预人处理情况的权限。")
    record = InterferenceRecord.objects.select_for_update().get(pk=record.pk)
    require_own_jurisdiction(by, record.jurisdiction)
    profile = get_profile(record.jurisdiction)
    if not profile.has("interference_handling_kinds"):
        raise ValidationError(f"{profile.name}的规定没有干预人的处理。")
    kinds = {k["code"]: k for k in profile.choices("interference_handling_kinds")}
    if kind not in kinds:
        raise ValidationError("请选择处理情形（第九条）。")
    item = kinds[kind]
    cite = str(item["citation"])
    decided_on = _day(decided_on, "处理日期")
    if decided_on < record.occurred_at.date():
        raise ValidationError("处理日期不能早于干预发生日期。")
    action = InterferenceAction(
        record=record, action=HANDLING, kind=kind, kind_label=item["label"][:100], article=cite[:100],
        person_name=_required(person_name, "请填写被处理人姓名。")[:50],
        authority=_required(authority, "请填写作出处理的机关。")[:100], decided_on=decided_on,
        content=_required(content, "请填写处理决定内容。"), recorded_by=by)
    action.full_clean()
    action.save()
    decision_record(kind="accountability", title=f"{item['label']}：{action.person_name}",
                    body=f"{action.authority}于{decided_on:%Y-%m-%d}：{action.content}（第{record.pk}号干预插手记录）",
                    jurisdiction=record.jurisdiction, outcome=item["label"][:64], article=cite, decided_on=decided_on,
                    subject=record)
    return action


def lapse_counts(jurisdiction: str, year: int) -> dict[int, int]:
    """干预 第十条 findings per agency in `year` (for 年度监督结果)."""
    from django.db.models import Count

    qs = InterferenceLapse.objects.filter(found_on__year=year)
    if jurisdiction:
        qs = qs.filter(jurisdiction=jurisdiction)
    return {r["agency_id"]: r["n"] for r in qs.values("agency_id").annotate(n=Count("pk")).order_by()}
