"""Writes of dispute coordination (争议协调, 004 行政执法争议协调办法). Each checks the actor's permission,
runs in one transaction, locks the dispute it decides and writes the matter's log; documents are issued
through casework.documents and their receipt (送达回证) starts the clocks that count from it."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from casework import documents
from casework.models import Agency, Matter, MatterEvent
from casework.pdf import chinese_date
from casework.recusal import require_not_recused
from casework.services import attachment_add, log, matter_close, matter_open, require_addressable
from clocks.services import clock_extend, clock_pause, clock_resume, clock_start, clock_stop
from decisions.models import DecisionRecord
from decisions.services import decision_record
from roles.access import agency_of, is_bureau, require
from rules.profiles import get_profile

from . import texts
from .models import (
    ACCEPTED,
    AGREED,
    OPINION,
    PROPOSED,
    RECEIVED,
    REFUSED,
    SUPPLEMENT,
    WITHDRAWN,
    Answer,
    Dispute,
)
from .selectors import clock_of, government_of, open_task

HANDLE, APPROVE = "coordination.handle_dispute", "coordination.approve_dispute"
DOC = "《行政执法争议协调办法》"


def _cite(profile, key: str) -> str:
    return str(profile.figure(key).citation)


def _choice(profile, key: str, code: str) -> dict:
    for item in profile.choices(key):
        if item["code"] == code:
            return item
    raise ValidationError(f"请选择{profile.figure(key).label}。")


def _lock(dispute: Dispute) -> Dispute:
    return Dispute.objects.select_for_update(of=("self",)).select_related("matter__agency").get(pk=dispute.pk)


def _record(dispute: Dispute, *, title: str, body: str, outcome: str, article: str, doc=None,
            decided_on: dt.date | None = None) -> DecisionRecord:
    matter = dispute.matter
    return decision_record(kind="coordination", title=title, body=body, jurisdiction=matter.jurisdiction,
                           agency=matter.agency.name, outcome=outcome, decided_on=decided_on or timezone.localdate(),
                           doc_number=doc.doc_number if doc else "", article=article, subject=matter)


def _parties(applicant: Agency, parties) -> list[Agency]:
    parties = [a for a in parties if a.pk != applicant.pk]
    if not parties:
        raise ValidationError("请从执法机关名录中选择至少一个与争议有关的其他行政执法机关。")
    for agency in parties:
        require_addressable(agency)
        if agency.jurisdiction != applicant.jurisdiction:
            raise ValidationError(f"“{agency.name}”不属于本辖区，不能作为争议协调的相关机关。")
    return parties


@transaction.atomic
def dispute_apply(*, by, applicant: Agency, parties, category: str, title: str, facts: str, negotiation: str,
                  proposal_text: str = "", received_on: dt.date | None = None, materials=None) -> Dispute:
    """第十条、第十一条: an agency applies (its liaison online, or the bureau registers a paper application).
    The completeness check clock (第十二条, 5 WD) counts from the day the bureau received it."""
    own = agency_of(by)
    if is_bureau(by):
        require(by, HANDLE, "只有司法局经办人可以登记争议协调申请。")
    elif own is None or own.pk != applicant.pk:
        raise PermissionDenied("只能以本机关名义申请行政执法争议协调。")
    today = timezone.localdate()
    received_on = received_on if is_bureau(by) and received_on else today
    if received_on > today:
        raise ValidationError("收到申请日期不能晚于今天。")
    profile = get_profile(applicant.jurisdiction)
    _choice(profile, "dispute_categories", category)
    parties = _parties(applicant, parties)
    if not (negotiation or "").strip():
        raise ValidationError("请写明自行协商情况及分歧意见（第九条、第十一条第（一）项）。")
    matter = matter_open(by=by, agency=applicant, source="coordination", title=title, facts=facts,
                         process="coordination", opened_on=received_on, check_permission=False)
    dispute = Dispute(matter=matter, category=category, negotiation=negotiation.strip(),
                      proposal_text=(proposal_text or "").strip(), received_on=received_on)
    dispute.full_clean(exclude=["matter"])
    dispute.save()
    dispute.parties.set(parties)
    matter.parties.set(parties)  # their liaisons see the file and acknowledge what is addressed to them
    clock_start(subject=matter, profile=profile, rule_key="dispute_accept_period", started_on=received_on,
                label="审查申请并作出受理、补正或不予受理决定")
    log(matter, by, f"收到争议协调申请（{received_on:%Y-%m-%d}），相关机关：" + "、".join(a.name for a in parties) + "。")
    for item in _materials(profile):  # 第十一条第（二）—（四）项: into the file, seen by the bureau and the parties
        if upload := (materials or {}).get(item["code"]):
            attachment_add(matter=matter, upload=upload, by=by, description=_material_title(item))
    if missing := materials_missing(dispute):
        log(matter, by, "申请未附：" + "；".join(missing) + "。")
    _start_flow(dispute)
    return dispute


def _materials(profile) -> list[dict]:
    return profile.choices("dispute_materials") if profile.has("dispute_materials") else []


def _material_title(item: dict) -> str:
    return f"{item['label']}（{item['article']}）"


def materials_missing(dispute: Dispute) -> list[str]:
    """第十一条第（二）、（三）项: the materials the application should carry and the file lacks (第（四）项 其他
    材料 only where there are any); the bureau decides on 补正 (第十二条第（二）项)."""
    have = set(dispute.matter.attachments.values_list("description", flat=True))
    return [_material_title(i) for i in _materials(get_profile(dispute.matter.jurisdiction))
            if i["code"] != "other" and _material_title(i) not in have]


@transaction.atomic
def dispute_open_by_bureau(*, by, agencies, category: str, title: str, facts: str,
                           opened_on: dt.date | None = None) -> Dispute:
    """第十条第二款、第十三条: the bureau coordinates on its own motion and sends a 协调通知 to each agency;
    each reports within 5 WD of receiving it. The coordination runs from the day it is opened."""
    require(by, HANDLE, "只有司法局经办人可以主动启动争议协调。")
    agencies = list(agencies)
    if len(agencies) < 2:
        raise ValidationError("主动协调须选择至少两个与争议事项有关的行政执法机关。")
    opened_on = opened_on or timezone.localdate()
    profile = get_profile(agencies[0].jurisdiction)
    _choice(profile, "dispute_categories", category)
    parties = _parties(agencies[0], agencies[1:])
    matter = matter_open(by=by, agency=agencies[0], source="coordination", title=title, facts=facts,
                         process="coordination", opened_on=opened_on, check_permission=False)
    dispute = Dispute(matter=matter, category=category, bureau_opened=True, received_on=opened_on,
                      accepted_on=opened_on)
    dispute.full_clean(exclude=["matter"])
    dispute.save()
    dispute.parties.set(parties)
    matter.parties.set(parties)  # their liaisons see the file and acknowledge what is addressed to them
    for agency in dispute.all_agencies():
        words = texts.notice(matter, reason=f"本局依职权对{matter.title}进行协调。", facts=matter.facts,
                             rule=profile.period("dispute_bureau_report_period"),
                             what="报送争议情况说明及相关材料")
        documents.issue(matter=matter, kind="coordination_notice", title=words.title, addressee=agency.name, by=by,
                        article=_cite(profile, "dispute_bureau_report_period"), paragraphs=words.paragraphs,
                        notes=words.notes, values=words.values)
    clock_start(subject=matter, profile=profile, rule_key="dispute_finish_period", started_on=opened_on,
                label="争议协调办结")
    log(matter, by, "区司法局依职权启动争议协调，已向各相关机关发出协调通知。")
    _start_flow(dispute)
    return dispute


def _start_flow(dispute: Dispute) -> None:
    from coordination.flows import CoordinationFlow

    CoordinationFlow.start.run(dispute=dispute)


@transaction.atomic
def dispute_examine(*, dispute: Dispute, by, decision: str, ground: str = "", note: str = "") -> Dispute:
    """第十二条: accept (and notify both sides), ask for a supplement, or refuse with a 第八条 ground."""
    require(by, HANDLE, "只有司法局经办人可以审查争议协调申请。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state != RECEIVED:
        raise ValidationError("该申请当前不在待审查状态。")
    matter, profile, today = dispute.matter, get_profile(dispute.jurisdiction), timezone.localdate()
    check = clock_of(matter, "dispute_accept_period")
    if decision == "accept":
        dispute.accepted_on = today
        cite = _cite(profile, "dispute_accept_period")
        finish = _start_finish(dispute, profile, today)
        words = texts.acceptance(matter, accepted_on=today, rule=_finish_rule(dispute, profile),
                                 due_on=finish.due_on)
        doc = documents.issue(matter=matter, kind="coordination_acceptance", title=words.title, by=by, article=cite,
                              paragraphs=words.paragraphs, notes=words.notes, values=words.values)
        for party in dispute.parties.order_by("name"):
            words = texts.notice(matter, reason=f"{matter.agency.name}就{matter.title}申请行政执法争议协调，"
                                                f"本局已于{chinese_date(today)}受理。", facts="",
                                 rule=profile.period("dispute_answer_period"),
                                 what="报送答复意见及有关材料；逾期未提交的，不影响争议协调")
            documents.issue(matter=matter, kind="coordination_notice", title=words.title, addressee=party.name, by=by,
                            article=_cite(profile, "dispute_answer_period"), paragraphs=words.paragraphs,
                            notes=words.notes, values=words.values)
        _record(dispute, title=f"受理争议协调申请：{matter.title}", body=note or "申请符合第七条规定，材料齐备。",
                outcome="受理", article=cite, doc=doc)
        log(matter, by, f"受理争议协调申请（{doc.doc_number}），已通知相关机关。")
    elif decision == "supplement":
        if not (note or "").strip():
            raise ValidationError("请写明需要补正的材料（第十一条）。")
        words = texts.supplement(matter, note=note, rule=profile.period("dispute_supplement_period"))
        doc = documents.issue(matter=matter, kind="coordination_supplement", title=words.title, by=by,
                              article=_cite(profile, "dispute_supplement_period"), paragraphs=words.paragraphs,
                              notes=words.notes, values=words.values)
        log(matter, by, f"通知补正材料（{doc.doc_number}）。")
    elif decision == "refuse":
        item = _choice(profile, "dispute_exclusions", ground)
        dispute.refusal_ground = ground
        cite = f"{DOC}第十二条第（三）项、{item['article']}"
        words = texts.refusal(matter, item=item, note=note)
        doc = documents.issue(matter=matter, kind="coordination_refusal", title=words.title, by=by, article=cite,
                              paragraphs=words.paragraphs, notes=words.notes, values=words.values)
        _record(dispute, title=f"不予受理争议协调申请：{matter.title}", body=f"{item['label']}。{note}",
                outcome="不予受理", article=cite, doc=doc)
        matter_close(matter=matter, by=by, outcome=f"不予受理（{doc.doc_number}）")
    else:
        raise ValidationError("请选择审查结果。")
    if check is not None:
        clock_stop(clock=check)
    dispute.full_clean(exclude=["matter"])
    dispute.save()
    return dispute


@transaction.atomic
def dispute_supplement(*, dispute: Dispute, by, received: bool, received_on: dt.date | None = None) -> Dispute:
    """第十二条第（二）项 and the restart reading: a supplement received in time restarts the 5 WD check
    from its receipt; none by the due date → deemed withdrawn (视为放弃申请)."""
    require(by, HANDLE, "只有司法局经办人可以登记补正材料。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state != SUPPLEMENT:
        raise ValidationError("该申请当前不在待补正状态。")
    matter, profile, today = dispute.matter, get_profile(dispute.jurisdiction), timezone.localdate()
    clock = clock_of(matter, "dispute_supplement_period")
    if received:
        if received_on is None or received_on > today:
            raise ValidationError("请填写收到补正材料的日期（不晚于今天）。")
        if clock is not None and received_on > clock.due_on:
            raise ValidationError(f"补正期限已于{clock.due_on:%Y-%m-%d}届满，逾期补正的视为放弃申请。")
        if clock is not None:
            clock_stop(clock=clock)
        dispute.supplement_received_on = received_on
        clock_start(subject=matter, profile=profile, rule_key="dispute_accept_period", started_on=received_on,
                    label="补正后重新审查申请（自收到补正材料之日起重新计算）")
        log(matter, by, f"收到补正材料（{received_on:%Y-%m-%d}），审查期限重新起算。")
        dispute.save()
    else:
        _withdraw(dispute, clock=clock, by=by, today=today)
    return dispute


def _withdraw(dispute: Dispute, *, clock, by, today: dt.date) -> None:
    """第十二条第（二）项: no supplement by the due date — the application is deemed withdrawn (the officer
    records it, or the scheduler once the period ran out; `by` None). The dispute is locked by the caller."""
    if clock is None:
        raise ValidationError("补正通知尚未送达，补正期限尚未起算，不能视为放弃申请。")
    if today <= clock.due_on:
        raise ValidationError(f"补正期限至{clock.due_on:%Y-%m-%d}届满，届满前不能视为放弃申请。")
    matter, profile = dispute.matter, get_profile(dispute.jurisdiction)
    clock_stop(clock=clock)
    dispute.withdrawn_on = today
    dispute.save()
    cite = _cite(profile, "dispute_supplement_period")
    _record(dispute, title=f"视为放弃争议协调申请：{matter.title}", body="申请机关未在补正期限内补正材料。",
            outcome="视为放弃", article=cite, decided_on=today)
    if by is None:
        log(matter, None, f"补正期限已于{clock.due_on:%Y-%m-%d}届满，申请机关未补正材料，视为放弃申请（{cite}）。")
    matter_close(matter=matter, by=by, outcome="逾期未补正，视为放弃申请")


def supplements_overdue(*, today: dt.date) -> int:
    """Scheduler (coordination.jobs): each application whose supplement period ran out with nothing received
    is deemed withdrawn, and the waiting 登记补正材料 step is completed through the flow, under its lock."""
    from django.contrib.contenttypes.models import ContentType

    from clocks.models import RUNNING, Clock
    from flows.services import task_complete_by_system

    matter_ids = (Clock.objects.filter(subject_type=ContentType.objects.get_for_model(Matter),
                                       rule_key="dispute_supplement_period", status=RUNNING, due_on__lt=today)
                  .values_list("subject_id", flat=True))
    moved = 0
    for dispute in Dispute.objects.filter(matter_id__in=[int(i) for i in matter_ids]).order_by("pk"):
        task = open_task(dispute, "supplement")
        if task is None:
            continue

        def withdraw(dispute=dispute):
            locked = _lock(dispute)
            _withdraw(locked, clock=clock_of(locked.matter, "dispute_supplement_period"), by=None, today=today)

        if task_complete_by_system(task=task, action=withdraw):
            moved += 1
    return moved


@transaction.atomic
def answer_record(*, dispute: Dispute, by, agency: Agency, received_on: dt.date, text: str) -> Answer:
    """第十二条第（一）项 / 第十三条: the written answer (情况说明) of an agency, with the day it was received.
    Bureau staff record a paper answer; an agency's liaison submits its own online (received today)."""
    if is_bureau(by):
        require(by, HANDLE, "只有司法局经办人可以登记答复意见。")
    else:
        own = agency_of(by)
        if own is None or own.pk != agency.pk:
            raise PermissionDenied("只能以本机关名义提交答复意见。")
        received_on = timezone.localdate()
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if agency.pk not in {a.pk for a in dispute.all_agencies()}:
        raise ValidationError("该机关不是本争议的相关机关。")
    if dispute.state not in (ACCEPTED, AGREED):
        raise ValidationError("争议协调不在办理中，不能登记答复意见。")
    if received_on is None or received_on > timezone.localdate():
        raise ValidationError("请填写收到答复的日期（不晚于今天）。")
    if not (text or "").strip():
        raise ValidationError("请填写答复意见要点。")
    answer = Answer(dispute=dispute, agency=agency, received_on=received_on, text=text.strip(), recorded_by=by)
    answer.full_clean()
    answer.save()
    clock = clock_of(dispute.matter, ("dispute_answer_period", "dispute_bureau_report_period"), agency=agency)
    late = ""
    if clock is not None:
        late = "（逾期）" if received_on > clock.due_on else ""
        clock_stop(clock=clock)
    log(dispute.matter, by, f"收到{agency.name}答复意见（{received_on:%Y-%m-%d}）{late}。", audience=MatterEvent.PARTY,
        agency=agency)
    return answer


def _finish_clock(dispute: Dispute):
    clock = clock_of(dispute.matter, "dispute_finish_period")
    if clock is None:
        raise ValidationError("协调办结期限尚未起算。")
    return clock


@transaction.atomic
def dispute_pause(*, dispute: Dispute, by, start: dt.date, reason: str):
    """第十四条第二款: time for an official interpretation or asking superiors is not counted."""
    require(by, HANDLE, "只有司法局经办人可以登记不计入期限的时间。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state not in (ACCEPTED, AGREED):
        raise ValidationError("争议协调不在办理中。")
    if not (reason or "").strip():
        raise ValidationError("请写明不计入期限的原因（提请解释或请示上级的事项）。")
    clock = _finish_clock(dispute)
    if start is None or start < clock.started_on or start > timezone.localdate():
        raise ValidationError("暂停开始日期须在受理日之后且不晚于今天。")
    pause = clock_pause(clock=clock, start=start, reason=reason.strip()[:200])
    log(dispute.matter, by, f"自{start:%Y-%m-%d}起不计入办结期限：{reason}")
    return pause


@transaction.atomic
def dispute_resume(*, dispute: Dispute, by, end: dt.date) -> None:
    require(by, HANDLE, "只有司法局经办人可以登记恢复计算期限。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    clock = _finish_clock(dispute)
    if end is None or end > timezone.localdate():
        raise ValidationError("请填写不计入期限的最后一日（不晚于今天）。")
    clock_resume(clock=clock, end=end)
    log(dispute.matter, by, f"不计入期限的时间至{end:%Y-%m-%d}止，次日起恢复计算。")


@transaction.atomic
def dispute_extend(*, dispute: Dispute, by, n: int, reason: str):
    """第十四条: extended once, by at most the profile's cap, with the bureau head's approval."""
    require(by, APPROVE, "延长争议协调期限须经区司法局主要负责人批准。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state not in (ACCEPTED, AGREED):
        raise ValidationError("争议协调不在办理中。")
    if not (reason or "").strip():
        raise ValidationError("请写明情况复杂需要延长的理由。")
    clock = _finish_clock(dispute)
    if clock.extensions.exists():
        raise ValidationError("争议协调期限只能延长一次。")
    if dispute.statutory_n:
        raise ValidationError(f"办结期限已按{dispute.statutory_basis}规定的时限计算（第十四条、第二十二条：从其规定），"
                              "不适用本办法第十四条的延长。")
    profile = get_profile(dispute.jurisdiction)
    was_due = clock.due_on
    ext = clock_extend(clock=clock, n=n, by=by, reason=reason.strip()[:200], profile=profile,
                       max_rule_key="dispute_extension_max")
    clock.refresh_from_db()
    # 第十四条 "并告知争议行政执法机关": one 延期告知书 addressed to every agency of the dispute
    matter, cite = dispute.matter, _cite(profile, "dispute_extension_max")
    words = texts.extension(matter, accepted_on=clock.started_on, was_due=was_due, reason=reason.strip(),
                            n_text=f"{n}个工作日", due_on=clock.due_on, citation=cite)
    doc = documents.issue(matter=matter, kind="coordination_extension", title=words.title,
                          addressee="、".join(a.name for a in dispute.all_agencies()), by=by, article=cite,
                          paragraphs=words.paragraphs, notes=words.notes, values=words.values)
    log(matter, by, f"批准延长办结期限{n}个工作日（理由：{reason}），延长后届满日{clock.due_on:%Y-%m-%d}，"
                    f"已以{doc.doc_number}告知争议各方（{cite}）。")
    return ext


@transaction.atomic
def dispute_conclude(*, dispute: Dispute, by, agreed: bool, result: str) -> Dispute:
    """第十八条: agreement → to the district government for consent; none → a proposal for its decision."""
    require(by, HANDLE, "只有司法局经办人可以提出协调结果。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state != ACCEPTED:
        raise ValidationError("争议协调不在办理中。")
    if not (result or "").strip():
        raise ValidationError("请写明协调事项、依据、结果和意见（或倾向性意见）。")
    matter, profile = dispute.matter, get_profile(dispute.jurisdiction)
    dispute.result, dispute.agreed = result.strip(), bool(agreed)
    if agreed:
        log(matter, by, "经协调达成一致意见，报请区政府同意。")
    else:
        cite = f"{DOC}第十四条、第十八条第（二）项"
        words = texts.proposal(matter, names="、".join(a.name for a in dispute.all_agencies()), result=dispute.result)
        doc = documents.issue(matter=matter, kind="coordination_proposal", title=words.title,
                              addressee=government_of(profile), by=by, article=cite, paragraphs=words.paragraphs,
                              notes=words.notes, values=words.values)
        clock_stop(clock=_finish_clock(dispute))
        _record(dispute, title=f"争议协调建议报请区政府决定：{matter.title}", body=dispute.result,
                outcome="未达成一致，报请区政府决定", article=cite, doc=doc)
        matter_close(matter=matter, by=by, outcome=f"未达成一致，协调建议（{doc.doc_number}）报请区政府决定")
    dispute.save()
    return dispute


@transaction.atomic
def dispute_opinion(*, dispute: Dispute, by, consent_on: dt.date, result: str = ""):
    """第十八条第（一）项: after the district government's consent, the 行政执法协调意见书 to every agency."""
    require(by, APPROVE, "协调意见书须由区司法局负责人签发。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state != AGREED:
        raise ValidationError("尚未达成一致意见，不能制发协调意见书。")
    if consent_on is None or consent_on > timezone.localdate() or consent_on < dispute.accepted_on:
        raise ValidationError("请填写区政府同意的日期（受理之后、不晚于今天）。")
    matter, profile = dispute.matter, get_profile(dispute.jurisdiction)
    dispute.result = (result or "").strip() or dispute.result
    dispute.consent_on = consent_on
    cite = f"{DOC}第十八条第（一）项"
    names = "、".join(a.name for a in dispute.all_agencies())
    category = _choice(profile, "dispute_categories", dispute.category)
    words = texts.opinion(matter, names=names, category=category, result=dispute.result,
                          government=government_of(profile), consent_on=consent_on)
    doc = documents.issue(matter=matter, kind="coordination_opinion", title=words.title, addressee=names, by=by,
                          article=cite, paragraphs=words.paragraphs, notes=words.notes, values=words.values)
    clock_stop(clock=_finish_clock(dispute))
    dispute.save()
    _record(dispute, title=f"行政执法协调意见：{matter.title}", body=dispute.result, outcome="达成一致，制发协调意见书",
            article=cite, doc=doc)
    log(matter, by, f"制发《行政执法协调意见书》{doc.doc_number}。")
    return doc


@transaction.atomic
def dispute_execution(*, dispute: Dispute, by, refusing, note: str = "") -> list[Matter]:
    """第十九条: the bureau supervises execution; an agency that refuses gets a 监督意见书 — a letter matter
    opened here (source=coordination) and handled by the letter process."""
    require(by, HANDLE, "只有司法局经办人可以登记协调意见执行情况。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state != OPINION:
        raise ValidationError("尚未制发协调意见书。")
    matter = dispute.matter
    opinion = matter.documents.filter(kind="coordination_opinion").order_by("-pk").first()
    allowed = {a.pk for a in dispute.all_agencies()}
    letters = []
    for agency in refusing:
        if agency.pk not in allowed:
            raise ValidationError("只能选择本争议的相关机关。")
        letter = matter_open(by=by, agency=agency, source="coordination", process="letter",
                             title=f"拒不执行《行政执法协调意见书》（{opinion.doc_number}）",
                             facts=f"{agency.name}拒不执行{matter.number}争议协调事项的《行政执法协调意见书》"
                                   f"（{opinion.doc_number}）。{note}".strip(), check_permission=False)
        log(letter, by, f"由争议协调事项{matter.number}转入（{DOC}第十九条）。")
        dispute.letter_matters.add(letter)
        letters.append(letter)
        log(matter, by, f"{agency.name}拒不执行协调意见书，已立监督意见书事项{letter.number}。")
    dispute.finished_on = timezone.localdate()
    dispute.save()
    outcome = "协调意见书已执行" if not letters else "部分机关拒不执行，已转监督意见书程序"
    matter_close(matter=matter, by=by, outcome=outcome)
    return letters


__all__ = ["APPROVE", "dispute_statutory_limit", "emergency_decide", "emergency_record", "proceeding_record",
           "HANDLE", "PROPOSED", "REFUSED", "WITHDRAWN", "answer_record", "dispute_apply",
           "dispute_conclude", "dispute_examine", "dispute_execution", "dispute_extend", "dispute_open_by_bureau",
           "dispute_opinion", "dispute_pause", "dispute_resume", "dispute_supplement", "supplements_overdue"]


# ------------------------------------------------------------------ 第十四条末句、第二十二条, 第十五条, 第十六条
FINISH_LABEL = "争议协调办结"


def _finish_rule(dispute: Dispute, profile):
    """The finishing period told in the acceptance notice: the law's own limit where one was recorded
    (第十四条末句、第二十二条), else the profile's 7 working days."""
    from types import SimpleNamespace

    from rules.periods import UNITS

    if dispute.statutory_n:
        return SimpleNamespace(text=f"{dispute.statutory_n}{UNITS[dispute.statutory_unit]}",
                               citation=f"{dispute.statutory_basis}；{_cite(profile, 'dispute_statutory_limit')}")
    return profile.period("dispute_finish_period")


def _start_finish(dispute: Dispute, profile, started_on: dt.date):
    if dispute.statutory_n:
        return clock_start(subject=dispute.matter, profile=profile, rule_key="dispute_finish_period",
                           started_on=started_on, n=dispute.statutory_n, unit=dispute.statutory_unit,
                           label=f"{FINISH_LABEL}（依{dispute.statutory_basis}规定的办理时限，"
                                 f"{_cite(profile, 'dispute_statutory_limit')}：从其规定）"[:200])
    return clock_start(subject=dispute.matter, profile=profile, rule_key="dispute_finish_period",
                       started_on=started_on, label=FINISH_LABEL)


@transaction.atomic
def dispute_statutory_limit(*, dispute: Dispute, by, basis: str, n: int, unit: str) -> Dispute:
    """第十四条末句、第二十二条: the officer records the law, regulation or rule that sets the time limit for
    this dispute, and the limit; the finishing clock counts by it from acceptance (a running one is
    replaced, its pauses carried over). Before acceptance, the acceptance starts it."""
    from clocks.services import clocks_for
    from rules.periods import CALENDAR_DAYS, MONTHS, UNITS, WORKING_DAYS

    require(by, HANDLE, "只有司法局经办人可以登记法定办理时限。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state not in (RECEIVED, SUPPLEMENT, ACCEPTED, AGREED):
        raise ValidationError("争议协调已办结或不在办理中，不能登记办理时限。")
    basis = (basis or "").strip()
    if not basis or "《" not in basis:
        raise ValidationError("请写明规定办理时限的法律、法规或规章名称（带书名号）及条款。")
    if unit not in (WORKING_DAYS, CALENDAR_DAYS, MONTHS) or unit not in UNITS:
        raise ValidationError("请选择时限单位：工作日、日或月。")
    if not n or n < 1:
        raise ValidationError("法定办理时限须为正整数。")
    profile = get_profile(dispute.jurisdiction)
    if not profile.has("dispute_statutory_limit"):
        raise ValidationError(f"{profile.name}的办法未规定法定办理时限从其规定。")
    matter = dispute.matter
    old = clocks_for(matter).filter(rule_key="dispute_finish_period").order_by("-pk").first()
    if old is not None and old.extensions.exists():
        raise ValidationError("办结期限已经批准延长，不能再改按法定办理时限计算。")
    if old is not None and old.status != "running":
        raise ValidationError("办结期限已停止计算，不能再登记办理时限。")
    dispute.statutory_basis, dispute.statutory_n, dispute.statutory_unit = basis[:200], n, unit
    dispute.save(update_fields=["statutory_basis", "statutory_n", "statutory_unit"])
    text = f"{n}{UNITS[unit]}"
    if old is not None:
        pauses = list(old.pauses.order_by("start"))
        clock_stop(clock=old, cancelled=True)
        clock = _start_finish(dispute, profile, old.started_on)
        for p in pauses:
            clock_pause(clock=clock, start=p.start, reason=p.reason)
            if p.end is not None:
                clock_resume(clock=clock, end=p.end)
        clock.refresh_from_db()
        log(matter, by, f"{basis}对该争议的办理时限有明确规定（{text}），从其规定（{_cite(profile, 'dispute_statutory_limit')}）："
                        f"办结期限改为{clock.due_on:%Y-%m-%d}。")
    else:
        log(matter, by, f"{basis}对该争议的办理时限有明确规定（{text}），受理后按其计算办结期限"
                        f"（{_cite(profile, 'dispute_statutory_limit')}）。")
    return dispute


def _kind(profile, key: str, code: str) -> dict:
    if not profile.has(key):
        raise ValidationError(f"{profile.name}的办法未规定此项。")
    return _choice(profile, key, code)


@transaction.atomic
def proceeding_record(*, dispute: Dispute, by, kind: str, held_on: dt.date, participants: str, content: str):
    """第十五条: an investigation, views heard (the agencies, the 机构编制 department), a meeting of the
    agencies' heads, an expert 论证 — recorded in the case file while the coordination runs."""
    from .models import Proceeding

    require(by, HANDLE, "只有司法局经办人可以登记调查、听取意见、协调会议和论证情况。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if dispute.state not in (ACCEPTED, AGREED):
        raise ValidationError("争议协调不在办理中，不能登记。")
    item = _kind(get_profile(dispute.jurisdiction), "dispute_proceeding_kinds", kind)
    if held_on is None or held_on > timezone.localdate() or held_on < dispute.accepted_on:
        raise ValidationError(f"日期须在受理之日（{dispute.accepted_on:%Y-%m-%d}）之后且不晚于今天。")
    if not (participants or "").strip():
        raise ValidationError("请填写参加单位及人员。")
    if not (content or "").strip():
        raise ValidationError("请填写情况及意见。")
    row = Proceeding(dispute=dispute, kind=kind, kind_label=item["label"][:100],
                     article=f"{DOC}{item['article']}"[:100], held_on=held_on, participants=participants.strip()[:300],
                     content=content.strip(), recorded_by=by)
    row.full_clean()
    row.save()
    log(dispute.matter, by, f"{item['label']}（{held_on:%Y-%m-%d}，{DOC}{item['article']}）：{participants.strip()}。")
    return row


@transaction.atomic
def emergency_record(*, dispute: Dispute, by, agency: Agency, kind: str, occurred_on: dt.date, content: str):
    """第十六条: during the stand-still, enforcement on the disputed matter concerning public or personal safety,
    a request to the district government for urgent enforcement, or a temporary measure. Bureau staff
    record it; a party's liaison records its own agency's."""
    from .models import Emergency

    if is_bureau(by):
        require(by, HANDLE, "只有司法局经办人可以登记。")
    else:
        own = agency_of(by)
        if own is None or own.pk != agency.pk:
            raise PermissionDenied("只能登记本机关的紧急执法情况。")
    dispute = _lock(dispute)
    require_not_recused(by, dispute.matter)
    if not dispute.stand_still:
        raise ValidationError("该争议协调不在第十六条规定的协调期间。")
    if agency.pk not in {a.pk for a in dispute.all_agencies()}:
        raise ValidationError("该机关不是本争议的相关机关。")
    profile = get_profile(dispute.jurisdiction)
    item = _kind(profile, "dispute_emergency_kinds", kind)
    if occurred_on is None or occurred_on > timezone.localdate():
        raise ValidationError("请填写日期（不晚于今天）。")
    if not (content or "").strip():
        raise ValidationError("请写明需执法的事项、理由及采取的措施。")
    row = Emergency(dispute=dispute, agency=agency, kind=kind, kind_label=item["label"][:100],
                    article=f"{DOC}{item['article']}"[:100], occurred_on=occurred_on, content=content.strip(),
                    recorded_by=by)
    row.full_clean()
    row.save()
    tail = "，待区政府决定" if kind == "request" else ""
    log(dispute.matter, by, f"{agency.name}：{item['label']}（{occurred_on:%Y-%m-%d}，{DOC}{item['article']}）{tail}。")
    return row


@transaction.atomic
def emergency_decide(*, emergency, by, decided_on: dt.date, decision: str):
    """第十六条: the district government's decision on an urgent-enforcement request, as the bureau records it."""
    from .models import Emergency

    require(by, HANDLE, "只有司法局经办人可以登记区政府的决定。")
    row = Emergency.objects.select_for_update().select_related("dispute__matter", "agency").get(pk=emergency.pk)
    require_not_recused(by, row.dispute.matter)
    if not row.awaiting_government:
        raise ValidationError("该事项不是待区政府决定的紧急执法请求，或已登记决定。")
    if decided_on is None or decided_on > timezone.localdate() or decided_on < row.occurred_on:
        raise ValidationError("区政府决定日期须在报请之日后且不晚于今天。")
    if not (decision or "").strip():
        raise ValidationError("请填写区政府的决定。")
    row.government_decided_on, row.government_decision = decided_on, decision.strip()
    row.save(update_fields=["government_decided_on", "government_decision"])
    profile = get_profile(row.dispute.jurisdiction)
    _record(row.dispute, title=f"区政府对紧急执法请求的决定：{row.dispute.matter.title}",
            body=f"{row.agency.name}报请：{row.content}\n区政府决定：{row.government_decision}",
            outcome=row.government_decision[:100], article=f"{DOC}第十六条", decided_on=decided_on)
    log(row.dispute.matter, by, f"登记{government_of(profile)}对{row.agency.name}紧急执法请求的决定"
                                f"（{decided_on:%Y-%m-%d}）：{row.government_decision}")
    return row
