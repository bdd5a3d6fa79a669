"""Writes of the letter process. Keyword-only; each checks the actor's permission itself (viewflow's
programmatic API does not), validates, writes under a row lock, logs on the matter and writes a
DecisionRecord for every decision. Periods, documents and measures come from the matter's profile.
They never write `Letter.state`: the flow owns where the letter stands (letters.flows); what each step did
is logged on the matter (its 当前环节 is derived from the flow's waiting steps)."""
from __future__ import annotations

import contextvars
import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from casework import documents
from casework.models import MatterEvent
from casework.recusal import require_not_recused
from casework.services import log, matter_close, matter_handoff, matter_open
from clocks.models import RUNNING, Clock
from clocks.services import clock_start, clock_stop
from decisions.models import DecisionRecord
from decisions.services import decision_record
from roles.access import agency_of, require
from rules.profiles import get_profile

from . import selectors, texts
from .models import (
    AFTER_DECISION,
    DECISION_SERVING,
    DECISION_SIGNING,
    DRAFTING,
    ESCALATING,
    EXECUTING,
    EXECUTION,
    ORDERING,
    OVERDUE,
    PENDING,
    PROMINENT,
    RECTIFICATION,
    RECTIFYING,
    REJECTED,
    REVIEWING,
    SERVING,
    SIGNING,
    UPHELD,
    Interview,
    Letter,
    Objection,
    Report,
)


# ------------------------------------------------------------------ helpers
def _locked(letter: Letter) -> Letter:
    return Letter.objects.select_for_update(of=("self",)).select_related("matter__agency", "document").get(pk=letter.pk)


def _log(letter: Letter, by, text: str) -> None:
    """What a step did, in the matter's log (internal to the bureau); where it stands is the flow's."""
    log(letter.matter, by, text)


def record(letter: Letter, *, title: str, body: str, outcome: str, article: str, doc_number: str = "",
           kind: str = "letter", confidential: bool = False, decided_on: dt.date | None = None) -> DecisionRecord:
    """Every decision of the process, on the matter (searchable by staff; liaisons see their agency's
    non-confidential ones through decisions.selectors)."""
    return decision_record(kind=kind, title=title, body=body, jurisdiction=letter.jurisdiction,
                           agency=letter.addressee.name, outcome=outcome,
                           decided_on=decided_on or timezone.localdate(), doc_number=doc_number,
                           article=article, confidential=confidential, subject=letter.matter)


def _doc_kind(profile, key: str) -> str:
    return profile.value(key)["kind"]


def _ground(profile, code: str) -> dict:
    for item in profile.choices("letter_grounds"):
        if item["code"] == code:
            return item
    raise ValidationError("请从本辖区规则列举的情形中选择制发情形。")


def _require_liaison(letter: Letter, by) -> None:
    agency = agency_of(by)
    if agency is None or agency.pk != letter.addressee.pk or not by.has_perm("letters.answer_letter"):
        raise PermissionDenied("只有被监督机关的联络员可以办理此事项。")


def _flow_process(letter: Letter):
    return selectors.process_of(letter)


def _time_out(letter: Letter, node_name: str) -> bool:
    from letters.flows import LetterFlow, time_out

    return time_out(letter, getattr(LetterFlow, node_name))


def _run_handle(letter: Letter, node_name: str, process=None) -> bool:
    """The system's step: a document's receipt completes the Handle waiting for it (one door: the receipt)."""
    from flows.services import run_handle
    from held_rows import held
    from letters.flows import LetterFlow

    node = getattr(LetterFlow, node_name)
    with held(letter):  # the flow's next steps read the letter this service holds locked, not the database again
        if process is not None:
            return run_handle(process=process, node=node)
        return run_handle(artifact=letter, node=node)


# the letters whose process the running decision ends (the flow reaches its end when the task screen
# completes the step, just after the service): the matter's open work no longer counts them
_ENDING: contextvars.ContextVar[frozenset] = contextvars.ContextVar("letters_ending", default=frozenset())


def _close_matter(letter: Letter, *, by, outcome: str) -> None:
    token = _ENDING.set(_ENDING.get() | {letter.pk})
    try:
        matter_close(matter=letter.matter, by=by, outcome=outcome)
    finally:
        _ENDING.reset(token)


# ------------------------------------------------------------------ drafting and signing
def _order_ground(profile, code: str) -> dict:
    """A ground for a correction order without a letter first: the profile's `order_for_<code>` figure."""
    key = f"order_for_{code}"
    if not profile.has(key):
        raise ValidationError(f"{profile.name}的规则中没有可以直接责令限期纠正的该情形。")
    f = profile.figure(key)
    return {"code": code, "label": f.value["text"], "citation": f.citation}


@transaction.atomic
def letter_start(*, by, ground: str, findings: str, request: str, agency=None, source: str = "", title: str = "",
                 facts: str = "", matter=None, order: bool = False, handoff: str = "") -> Letter:
    """立案 and the first draft (003 第二十六条; 004 监督意见书制度 第三条、第七条), then the flow.

    The one door for every letter. Without `matter` it opens a new file (立案). With `matter` it is a
    hand-off in the same file (一案一档, 004 监督意见书制度 第十一条): the step that ended (a substantiated
    complaint, a finding, the district government's decision) has been checked by its own service, the
    facts and attachments are the file's, `agency` may be another party of it, and `handoff` is logged.
    `order=True` starts at the correction order (责令限期纠正, 004 监督意见书制度 第十条、争议协调办法
    第二十条) on one of the profile's `direct_order_grounds`, with `request` as what it orders."""
    require(by, "letters.draft_letter", "只有司法局经办人可以起草监督建议书（意见书）。")
    if matter is None:
        require(by, "casework.open_matter", "只有司法局经办人可以立案登记监督事项。")
    profile = get_profile(matter.jurisdiction if matter is not None else agency.jurisdiction)
    if not profile.has("letter_document"):
        raise ValidationError(f"{profile.name}的规则中没有监督建议书（意见书）制度。")
    item = _order_ground(profile, ground) if order else _ground(profile, ground)
    if not (findings or "").strip() or not (request or "").strip():
        raise ValidationError("请填写查明的事实和监督建议（纠正要求）。")
    doc_name = profile.value("overdue_document" if order else "letter_document")["text"]
    if matter is None:
        matter = matter_open(by=by, agency=agency, source=source, title=title, facts=facts, process="letter",
                             check_permission=False)
        agency = None
    else:
        from casework.models import Matter

        matter = Matter.objects.select_for_update(of=("self",)).select_related("agency").get(pk=matter.pk)
        require_not_recused(by, matter)
        agency = agency or matter.agency
        if agency.pk != matter.agency_id and not matter.parties.filter(pk=agency.pk).exists():
            raise ValidationError("只能向本事项的被监督机关或相关机关制发监督文书。")
        twice = Letter.objects.filter(matter=matter, ground=item["code"]).filter(
            models.Q(agency=agency) | models.Q(agency__isnull=True, matter__agency=agency))
        if twice.exists():
            raise ValidationError(f"本事项已就“{item['label']}”向{agency.name}制发{doc_name}，不能重复制发。")
        matter = matter_handoff(matter=matter, by=by, text=handoff or f"转入{doc_name}程序（同一案卷）。")
        agency = None if agency.pk == matter.agency_id else agency
    letter = Letter(matter=matter, agency=agency, ground=item["code"], ground_label=item["label"],
                    ground_article=str(item["citation"])[:64], findings=findings.strip(),
                    request=request.strip(), drafted_by=by)
    if order:
        letter.decision_text = request.strip()
    letter.full_clean()
    letter.save()
    _log(letter, by, f"起草{doc_name}（{item['label']}，{item['citation']}）。")
    from letters.flows import LetterFlow

    (LetterFlow.start_order if order else LetterFlow.start).run(letter=letter)
    return letter


@transaction.atomic
def letter_draft(*, letter: Letter, by, ground: str, findings: str, request: str) -> Letter:
    require(by, "letters.draft_letter", "只有司法局经办人可以起草监督建议书（意见书）。")
    letter = _locked(letter)
    require_not_recused(by, letter.matter)
    if letter.state != DRAFTING:
        raise ValidationError("该文书已不在起草环节。")
    item = _ground(get_profile(letter.jurisdiction), ground)
    if not (findings or "").strip() or not (request or "").strip():
        raise ValidationError("请填写查明的事实和监督建议（纠正要求）。")
    letter.ground, letter.ground_label, letter.ground_article = item["code"], item["label"], str(item["citation"])[:64]
    letter.findings, letter.request = findings.strip(), request.strip()
    letter.full_clean()
    letter.save(update_fields=["ground", "ground_label", "ground_article", "findings", "request"])
    _log(letter, by, "起草完毕，提交负责人签发。")
    return letter


def letter_paragraphs(letter: Letter, profile) -> list[str]:
    """The body of the letter as it will be issued (letters.texts, the jurisdiction's template)."""
    return texts.letter(letter, profile).paragraphs


@transaction.atomic
def letter_sign(*, letter: Letter, by, approve: bool, note: str = "") -> Letter:
    """负责人签发: the document is numbered, rendered and recorded; service (送达) starts its clocks."""
    require(by, "letters.sign_letter", "只有司法局负责人可以签发监督建议书（意见书）。")
    letter = _locked(letter)
    require_not_recused(by, letter.matter)
    if letter.state != SIGNING:
        raise ValidationError("该文书不在待签发环节。")
    profile = get_profile(letter.jurisdiction)
    if not approve:
        if not (note or "").strip():
            raise ValidationError("退回修改时请填写意见。")
        letter.sign_note = note.strip()[:200]
        letter.save(update_fields=["sign_note"])
        _log(letter, by, f"负责人退回修改：{note.strip()}")
        return letter
    kind = _doc_kind(profile, "letter_document")
    words = texts.letter(letter, profile)
    doc = documents.issue(matter=letter.matter, kind=kind, title=words.title, paragraphs=words.paragraphs,
                          notes=words.notes, values=words.values, by=by, article=letter.ground_article,
                          addressee=letter.addressee.name)
    letter.document, letter.sign_note = doc, (note or "").strip()[:200]
    letter.save(update_fields=["document", "sign_note"])
    _log(letter, by, f"负责人签发《{doc.kind_label}》{doc.doc_number}，待送达。")
    record(letter, title=f"制发{doc.kind_label}：{letter.matter.title}", body="\n".join(words.paragraphs),
           outcome="已签发", article=letter.ground_article, doc_number=doc.doc_number)
    return letter


# ------------------------------------------------------------------ service starts the clocks
def _start_rectify(letter: Letter, received_on: dt.date, label: str) -> Clock:
    profile = get_profile(letter.jurisdiction)
    clock = clock_start(subject=letter.matter, profile=profile, rule_key="letter_rectify_period",
                        started_on=received_on, label=label)
    letter.rectify_clock = clock
    return clock


@transaction.atomic
def on_document_served(*, document, by) -> None:
    """casework.dispatch, for a letters document: receipt (送达回证) starts the clock that counts from it."""
    letters = Letter.objects.filter(matter_id=document.matter_id)
    letter = (letters.filter(models.Q(document=document) | models.Q(decision_document=document)
                             | models.Q(objections__answer_document=document))
              .select_for_update(of=("self",)).select_related("agency", "matter__agency", "document").first())  # = _locked
    if letter is None:
        return
    name = document.kind_label
    if letter.document_id == document.pk and letter.state == SERVING:
        # 003 第二十七条第二款 / 004 第八条: rectification counts from receipt of the letter
        clock = _start_rectify(letter, document.received_on, f"整改并报送期限（自收到{name}之日起）")
        letter.save(update_fields=["rectify_clock"])
        _log(letter, by, f"整改期限起算：{document.received_on:%Y-%m-%d}收到，届满{clock.due_on:%Y-%m-%d}（{clock.citation}）。")
        _run_handle(letter, "served")
    elif letter.decision_document_id == document.pk and letter.state == DECISION_SERVING:
        # 003 第二十八条第二款 / 004 第十条
        clock = clock_start(subject=letter.matter, profile=get_profile(letter.jurisdiction),
                            rule_key="decision_report_period", started_on=document.received_on,
                            label=f"执行（纠正）情况报告期限（自收到{name}之日起）")
        letter.decision_clock = clock
        letter.save(update_fields=["decision_clock"])
        _log(letter, by, f"执行期限起算：届满{clock.due_on:%Y-%m-%d}（{clock.citation}）。")
        _run_handle(letter, "decision_served")
    else:
        objection = letter.objections.filter(answer_document=document, status=REJECTED).first()
        profile = get_profile(letter.jurisdiction)
        if objection is not None and letter.state == REVIEWING and profile.flag("letter_rectify_restarts_after_review"):
            # 003 第二十七条第二款: 分别自收到《监督建议书》、复查答复之日起三十日内完成整改
            clock = _start_rectify(letter, document.received_on, f"整改并报送期限（自收到{name}之日起重新计算）")
            letter.save(update_fields=["rectify_clock"])
            _log(letter, by, f"复查答复已送达，整改期限自{document.received_on:%Y-%m-%d}重新计算，"
                             f"届满{clock.due_on:%Y-%m-%d}（{profile.figure('letter_rectify_restarts_after_review').citation}）。")
            from flows.services import process_for
            from letters.flows import LetterFlow, record_state

            if not _run_handle(letter, "review_served", process=process_for(objection, LetterFlow)):
                record_state(letter)  # a review closed before the flow waited for its answer's receipt


# ------------------------------------------------------------------ objection (复查申请) and review
@transaction.atomic
def objection_submit(*, letter: Letter, by, reasons: str) -> Objection:
    """The agency asks for a review within the profile's window of receipt (003 第二十七条; 004 第九条)."""
    _require_liaison(letter, by)
    letter = _locked(letter)
    today = timezone.localdate()
    ok, why = selectors.may_object(letter, today)
    if not ok:
        raise ValidationError(why)
    if not (reasons or "").strip():
        raise ValidationError("请写明异议理由，并提供相应的证据材料。")
    profile = get_profile(letter.jurisdiction)
    objection = Objection(letter=letter, received_on=today, reasons=reasons.strip(), submitted_by=by)
    objection.full_clean()
    objection.save()
    # 003 第二十七条 自收到申请之日起十五日内; 004 第九条 十五个工作日
    objection.clock = clock_start(subject=letter.matter, profile=profile, rule_key="letter_review_answer_period",
                                  started_on=today, label="复查答复期限（自收到复查申请之日起）")
    objection.save(update_fields=["clock"])
    if profile.flag("letter_rectify_restarts_after_review"):
        # Enshi: the period no longer runs from the letter; it restarts from the review answer (or ends)
        if letter.rectify_clock_id:
            clock_stop(clock=letter.rectify_clock, cancelled=True)
        text = (f"被监督机关申请复查（{today:%Y-%m-%d}收到）。原整改期限不再计算，"
                f"复查异议不成立的自收到复查答复之日起重新计算（{profile.figure('letter_rectify_restarts_after_review').citation}）。")
    else:
        key = "letter_suspended_during_review"
        citation = profile.figure(key).citation if profile.has(key) else ""
        text = (f"被监督机关申请复查（{today:%Y-%m-%d}收到）。复查期间不停止执行，整改期限照常计算"
                f"（{citation}）。")
    _log(letter, by, text)
    from letters.flows import LetterFlow

    LetterFlow.start_review.run(objection=objection)
    return objection


@transaction.atomic
def objection_review(*, objection: Objection, by, upheld: bool, answer: str) -> Objection:
    """复查答复（决定）, signed by the leader and issued as a document; upheld ends this supervision
    (003 第二十七条) — no rectification date, no overdue, no 决定书 afterwards."""
    require(by, "letters.review_objection", "只有司法局负责人可以作出复查答复。")
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    if objection.status != PENDING:
        raise ValidationError("该复查申请已答复。")
    if not (answer or "").strip():
        raise ValidationError("请填写复查意见。")
    letter = _locked(objection.letter)
    require_not_recused(by, letter.matter)
    profile = get_profile(letter.jurisdiction)
    kind = _doc_kind(profile, "letter_review_document")
    words = texts.review(letter, objection, profile, upheld=upheld, answer=answer)
    paras = words.paragraphs
    doc = documents.issue(matter=letter.matter, kind=kind, title=words.title, paragraphs=paras, notes=words.notes,
                          values=words.values, by=by, addressee=letter.addressee.name,
                          article=str(profile.period("letter_review_answer_period").citation))
    objection.status = UPHELD if upheld else REJECTED
    objection.answer, objection.answer_document, objection.decided_by = answer.strip(), doc, by
    objection.decided_on = timezone.localdate()
    objection.save()
    if objection.clock_id:
        clock_stop(clock=objection.clock)
    article = str(profile.period("letter_review_answer_period").citation)
    record(letter, title=f"复查答复：{letter.matter.title}", body="\n".join(paras),
           outcome="异议成立" if upheld else "异议不成立", article=article, doc_number=doc.doc_number)
    if upheld and profile.flag("letter_objection_upheld_ends"):
        if letter.rectify_clock_id and letter.rectify_clock.status == RUNNING:
            clock_stop(clock=letter.rectify_clock, cancelled=True)
        _close_matter(letter, by=by, outcome="经复查异议成立，终止本次监督")
        _time_out(letter, "rectify")  # the flow ends there: 终止本次监督 (the gate reads the upheld objection)
    elif not upheld and profile.flag("letter_rectify_restarts_after_review"):
        _log(letter, by, f"复查异议不成立（{doc.doc_number}），整改期限自复查答复送达之日起重新计算。")
    else:
        _log(letter, by, f"复查异议不成立（{doc.doc_number}），整改期限不变。")
    return objection


# ------------------------------------------------------------------ reports and their acceptance
@transaction.atomic
def report_submit(*, letter: Letter, by, text: str) -> Report:
    """整改（执行）情况报告 from the agency; the clock it answers is met on the day it is sent."""
    _require_liaison(letter, by)
    letter = _locked(letter)
    if letter.state in (RECTIFYING, REVIEWING):
        kind, clock = RECTIFICATION, letter.rectify_clock
    elif letter.state == EXECUTING:
        kind, clock = EXECUTION, letter.decision_clock
    else:
        raise ValidationError("当前环节不能报送整改情况。")
    if selectors.pending_report(letter) is not None:
        raise ValidationError("已报送的情况尚在审核中。")
    if not (text or "").strip():
        raise ValidationError("请填写整改（执行）落实情况。")
    report = Report(letter=letter, kind=kind, submitted_on=timezone.localdate(), text=text.strip(), submitted_by=by)
    report.full_clean()
    report.save()
    if clock is not None and clock.status == RUNNING:
        clock_stop(clock=clock)
    log(letter.matter, by, f"被监督机关报送{report.get_kind_display()}（{report.submitted_on:%Y-%m-%d}）。",
        audience=MatterEvent.PARTY, agency=letter.addressee)
    return report


@transaction.atomic
def report_review(*, report: Report, by, accepted: bool, note: str = "") -> Report:
    require(by, "letters.accept_report", "只有司法局经办人可以审核整改情况。")
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.accepted is not None:
        raise ValidationError("该报告已审核。")
    letter = _locked(report.letter)
    require_not_recused(by, letter.matter)
    if not accepted and not (note or "").strip():
        raise ValidationError("退回时请写明需要补充整改的内容。")
    report.accepted, report.note, report.reviewed_by = accepted, (note or "").strip()[:300], by
    report.save()
    clock = letter.rectify_clock if report.kind == RECTIFICATION else letter.decision_clock
    if accepted:
        article = str(clock.citation) if clock else ""
        record(letter, title=f"整改情况审核：{letter.matter.title}", body=report.text + "\n审核意见：" + report.note,
               outcome="整改到位，办结", article=article, kind="letter" if report.kind == RECTIFICATION else "decision")
        _close_matter(letter, by=by, outcome=f"{report.get_kind_display()}审核通过，整改到位")
    else:
        if clock is not None:  # the period goes on from where it was: the report did not answer it
            from flows.task_index import clock_changed

            Clock.objects.filter(pk=clock.pk).update(status=RUNNING, stopped_at=None)
            clock_changed(clock)  # an UPDATE sends no signal: 待办索引's due dates of the tasks it binds
        log(letter.matter, by, f"{report.get_kind_display()}退回补充整改：{report.note}",
            audience=MatterEvent.PARTY, agency=letter.addressee)
    return report


# ------------------------------------------------------------------ overdue, the overdue document, escalation
def mark_overdue(*, today: dt.date | None = None) -> int:
    """Scheduler: a period that ran out with no report moves the flow on — the system completes the liaison's
    waiting task through the flow (letters.flows.time_out) and the gate sends it to the officer's overdue
    document (003 第二十八条 / 004 第十条) or, after that, to the leader's final measures. One letter per
    transaction: one that fails does not hold back the others."""
    moved = 0
    for letter in selectors.overdue_letters(today):
        with transaction.atomic():
            letter = _locked(letter)
            if letter.state == RECTIFYING:
                node, clock = "rectify", letter.rectify_clock
                text = f"整改期限已于{clock.due_on:%Y-%m-%d}届满，未报送整改情况（{clock.citation}），转入逾期处理。"
            elif letter.state == EXECUTING:
                node, clock = "execute", letter.decision_clock
                text = f"执行（纠正）期限已于{clock.due_on:%Y-%m-%d}届满，仍未报告（{clock.citation}），报负责人决定处理措施。"
            else:
                continue
            if _time_out(letter, node):
                _log(letter, None, text)
                moved += 1
    return moved


@transaction.atomic
def decision_draft(*, letter: Letter, by, order: str, text: str) -> Letter:
    require(by, "letters.draft_letter", "只有司法局经办人可以起草逾期处理文书。")
    letter = _locked(letter)
    require_not_recused(by, letter.matter)
    if letter.state not in (OVERDUE, ORDERING, DECISION_SIGNING):
        raise ValidationError("该事项不在逾期处理环节。")
    profile = get_profile(letter.jurisdiction)
    if profile.has("decision_orders"):
        codes = {c["code"] for c in profile.choices("decision_orders")}
        if order not in codes:
            raise ValidationError("请选择责令事项。")
    if not (text or "").strip():
        raise ValidationError("请填写责令纠正的具体内容。")
    letter.decision_order, letter.decision_text = order or "", text.strip()
    letter.save(update_fields=["decision_order", "decision_text"])
    _log(letter, by, f"起草{profile.value('overdue_document')['text']}，提交负责人签发。")
    return letter


@transaction.atomic
def decision_sign(*, letter: Letter, by) -> Letter:
    require(by, "letters.sign_letter", "只有司法局负责人可以签发监督决定书（纠正通知书）。")
    letter = _locked(letter)
    require_not_recused(by, letter.matter)
    if letter.state != DECISION_SIGNING:
        raise ValidationError("该文书不在待签发环节。")
    profile = get_profile(letter.jurisdiction)
    kind = _doc_kind(profile, "overdue_document")
    order = {c["code"]: c["label"] for c in profile.choices("decision_orders")}.get(letter.decision_order, "") \
        if profile.has("decision_orders") else ""
    rectify = letter.rectify_clock
    words = texts.overdue_order(letter, profile, order_label=order)
    paras = words.paragraphs
    article = str(profile.figure("overdue_document").citation) if letter.document_id else letter.ground_article
    doc = documents.issue(matter=letter.matter, kind=kind, title=words.title, paragraphs=paras, notes=words.notes,
                          values=words.values, by=by, article=article, addressee=letter.addressee.name)
    if rectify is not None and rectify.status == RUNNING:
        clock_stop(clock=rectify, cancelled=True)
    letter.decision_document = doc
    letter.save(update_fields=["decision_document"])
    record(letter, title=f"制发{doc.kind_label}：{letter.matter.title}", body="\n".join(paras), outcome="已签发",
           article=article, doc_number=doc.doc_number, kind="decision")
    _log(letter, by, f"负责人签发《{doc.kind_label}》{doc.doc_number}，待送达。")
    return letter


@transaction.atomic
def escalate(*, letter: Letter, by, measures: dict[str, str]) -> Letter:
    """Continued failure: the profile's final measures (003 第二十九条第二款 约谈, 第三十一条 移送监察机关;
    004 第十条 通报), each issued as a document with its record; the referral is confidential."""
    require(by, "letters.sign_letter", "只有司法局负责人可以决定约谈、移送或通报。")
    letter = _locked(letter)
    require_not_recused(by, letter.matter)
    if letter.state != ESCALATING:
        raise ValidationError("该事项不在此环节。")
    profile = get_profile(letter.jurisdiction)
    items = profile.choices("final_measures")
    chosen = [i for i in items if (measures.get(i["code"]) or "").strip()]
    if not chosen:
        raise ValidationError("请至少填写一项处理措施的内容。")
    issued = []
    for item in chosen:
        kind = item["code"]
        words = texts.measure(letter, kind, measures[kind])
        paras = words.paragraphs
        confidential = kind == "referral"
        addressee = "监察机关" if kind == "referral" else letter.addressee.name
        doc = documents.issue(matter=letter.matter, kind=kind, title=words.title, paragraphs=paras,
                              notes=words.notes, values=words.values, by=by, article=str(item["citation"]),
                              addressee=addressee)
        record(letter, title=f"{item['label']}：{letter.matter.title}", body="\n".join(paras), outcome=item["label"][:64],
               article=str(item["citation"]), doc_number=doc.doc_number, kind="decision", confidential=confidential)
        issued.append(doc)
    if letter.decision_clock_id and letter.decision_clock.status == RUNNING:
        clock_stop(clock=letter.decision_clock, cancelled=True)
    _close_matter(letter, by=by, outcome="逾期仍未纠正：" + "、".join(i["label"] for i in chosen)[:150])
    return letter


INTERVIEW_FIELDS = {"place": "约谈地点", "interviewers": "约谈人", "interviewees": "被约谈人（被监督机关负责人）",
                    "reason": "约谈事由", "said": "约谈内容", "undertaking": "被监督机关的承诺"}


def interview_bases(matter) -> list[tuple[str, str, str]]:
    """(basis, label, article) open for this matter under its profile (003 第二十九条第二款): prominent or
    grave violations in any matter; or once a 监督决定书 has been issued in it."""
    profile = get_profile(matter.jurisdiction)
    out = []
    if profile.flag("interview_prominent"):
        out.append((PROMINENT, "违法或者不当等情况突出、造成重大影响", str(profile.figure("interview_prominent").citation)))
    if profile.flag("interview_after_decision") and Letter.objects.filter(
            matter=matter, decision_document__isnull=False).exists():
        out.append((AFTER_DECISION, "已制发监督决定书", str(profile.figure("interview_after_decision").citation)))
    return out


@transaction.atomic
def interview_hold(*, matter, by, basis: str, held_on: dt.date, place: str, interviewers: str, interviewees: str,
                   reason: str, said: str, undertaking: str, agency=None) -> Interview:
    """约谈 (003 第二十九条第二款), the one door: the leader records who was interviewed, when and where, what
    was said and what the agency undertook; the 约谈记录 is issued in the matter's file with its record."""
    from casework.models import Matter

    require(by, "letters.sign_letter", "只有司法局负责人可以决定约谈。")
    matter = Matter.objects.select_for_update(of=("self",)).select_related("agency").get(pk=matter.pk)
    require_not_recused(by, matter)
    profile = get_profile(matter.jurisdiction)
    bases = {b: (label, article) for b, label, article in interview_bases(matter)}
    if not bases:
        raise ValidationError(f"{profile.name}的规则中没有约谈被监督机关负责人的规定，或本事项尚不具备约谈条件。")
    if basis not in bases:
        raise ValidationError("请选择约谈情形：" + "；".join(f"{lbl}（{art}）" for lbl, art in bases.values()) + "。")
    agency = agency or matter.agency
    if agency.pk != matter.agency_id and not matter.parties.filter(pk=agency.pk).exists():
        raise ValidationError("只能约谈本事项的被监督机关或相关机关的负责人。")
    data = {"place": place, "interviewers": interviewers, "interviewees": interviewees, "reason": reason,
            "said": said, "undertaking": undertaking}
    missing = [label for key, label in INTERVIEW_FIELDS.items() if not (data[key] or "").strip()]
    if missing:
        raise ValidationError("请填写" + "、".join(missing) + "。")
    if held_on is None:
        raise ValidationError("请填写约谈日期。")
    if held_on > timezone.localdate():
        raise ValidationError("约谈记录应在约谈后登记，约谈日期不能晚于今天。")
    if held_on < matter.opened_on:
        raise ValidationError(f"约谈日期不能早于立案日期（{matter.opened_on:%Y-%m-%d}）。")
    data = {k: v.strip() for k, v in data.items()}
    _label, article = bases[basis]
    words = texts.interview_record(matter, agency, article, {**data, "held_on": held_on})
    doc = documents.issue(matter=matter, kind="interview_record", title=words.title, paragraphs=words.paragraphs,
                          notes=words.notes, values=words.values, by=by, article=article, addressee=agency.name)
    interview = Interview(matter=matter, agency=agency, basis=basis, article=article[:100], held_on=held_on,
                          document=doc, recorded_by=by, **data)
    interview.full_clean()
    interview.save()
    decision_record(kind="interview", title=f"约谈：{matter.title}", body="\n".join(words.paragraphs),
                    jurisdiction=matter.jurisdiction, agency=agency.name, outcome="约谈被监督机关负责人",
                    decided_on=held_on, doc_number=doc.doc_number, article=article, subject=matter)
    log(matter, by, f"{held_on:%Y-%m-%d}约谈{agency.name}负责人{data['interviewees']}（{article}），"
                    f"制发《{doc.kind_label}》{doc.doc_number}。")
    return interview


def open_letters(matter) -> list[str]:
    """casework.services.OPEN_WORK: the letters still running in a matter."""
    return [f"{x.get_state_display()}（{x.addressee.name}）" for x in
            Letter.objects.filter(matter=matter).select_related("agency", "matter__agency")
            if x.is_open and x.pk not in _ENDING.get()]


__all__ = ["interview_bases", "interview_hold", "open_letters",
           "decision_draft", "decision_sign", "escalate", "letter_draft", "letter_paragraphs", "letter_sign",
           "letter_start", "mark_overdue", "objection_review", "objection_submit", "on_document_served", "record",
           "report_review", "report_submit"]
