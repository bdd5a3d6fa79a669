"""Writes on complaints (004 行政执法投诉举报制度; 000 第十七条; 001 第十三条): receive, accept / refuse /
transfer, investigators and recusal, preliminary opinion, collective review, extension, reply, appeal.
Each checks the actor's permission itself, locks the complaint it decides and writes a DecisionRecord."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from casework import recusal
from casework import services as casework
from clocks.models import RUNNING
from clocks.services import clock_extend, clock_start, clock_stop, clocks_for
from decisions.models import DecisionRecord
from decisions.services import decision_record
from flows import task_index
from roles.access import agency_of, is_bureau, require, require_own_jurisdiction
from roles.names import person_name
from rules.profiles import get_profile

from . import texts
from .access import own_unit_of, require_handler
from .models import (
    ACCEPTED,
    AGENCY_HANDLED,
    ANSWERED,
    APPEAL_OUTCOMES,
    BUREAU_HANDLED,
    CONTACT_POINT,
    ENFORCEMENT,
    HOTLINE,
    RECEIVED,
    REFUSED,
    REVIEWED,
    SUBSTANTIATED,
    SUPERVISOR,
    TRANSFERRED,
    UNFOUNDED,
    Appeal,
    Complaint,
    Investigator,
)
from .notices import issue_notice

HANDLE, DECIDE = "complaints.handle_complaint", "complaints.decide_complaint"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


# ------------------------------------------------------------------ receipt number and access code
def access_digest(receipt_number: str, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{receipt_number}:{code.strip().upper()}".encode(), hashlib.sha256).hexdigest()


def code_matches(complaint: Complaint, code: str) -> bool:
    return hmac.compare_digest(complaint.access_digest, access_digest(complaint.receipt_number, code or ""))


def next_receipt_number(jurisdiction: str, year: int) -> str:
    """受理编号, e.g. 武隆投〔2026〕15号, from casework's locked per-year sequence."""
    from casework.documents import next_seq

    seq = next_seq(jurisdiction=jurisdiction, kind="complaint_receipt", year=year)
    return f"{get_profile(jurisdiction).authority[:2]}投〔{year}〕{seq}号"


def categories_for(jurisdiction: str, *, public: bool) -> list[str]:
    """Enforcement complaints where the profile has the 004 procedure; supervisor reports where the
    profile provides the channel (000 第十七条: the public too; 001 第十三条: agencies, entered by staff)."""
    profile = get_profile(jurisdiction)
    out = []
    if profile.has("complaint_accept_period"):
        out.append(ENFORCEMENT)
    if profile.has("supervisor_report_public") and (profile.flag("supervisor_report_public") or not public):
        out.append(SUPERVISOR)
    return out


PERSONAL = {"real_name": "name", "id_number": "id_number", "address": "address", "contact": "contact"}
ALL_PERSONAL = [("name", "真实姓名"), ("id_number", "身份证号"), ("address", "住址"), ("contact", "联系方式")]


def required_personal(profile) -> list[tuple[str, str]]:
    """The complainant's particulars the profile requires (004 第六条: all four; Enshi: 办法未规定, the reading in
    the figure's note), as (field, label); all four where the profile does not list them."""
    if not profile.has("complaint_required_fields"):
        return ALL_PERSONAL
    return [(PERSONAL[i["code"]], i["label"]) for i in profile.choices("complaint_required_fields")
            if i["code"] in PERSONAL]


def article(jurisdiction: str, key: str, default: str = "") -> str:
    """The citation of a figure of the jurisdiction's profile (its 办法未规定 reading is in the figure's note)."""
    profile = get_profile(jurisdiction)
    return str(profile.figure(key).citation) if profile.has(key) else default


def accept_clock(complaint: Complaint):
    return clocks_for(complaint).filter(rule_key="complaint_accept_period").first()


def finish_clock(complaint: Complaint):
    subject = complaint.matter if complaint.matter_id else complaint
    return clocks_for(subject).filter(rule_key="complaint_finish_period").first()


def list_clocks(complaints: list[Complaint]) -> tuple[dict, dict]:
    """accept_clock and finish_clock of many complaints at once (the list): two queries for any number of
    rows. Returns {complaint pk: clock} for each; the earliest due clock wins, as in the single reads."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    from casework.models import Matter
    from clocks.models import Clock

    def earliest(clocks, key):
        found = {}
        for clock in clocks.order_by("due_on", "pk"):
            found.setdefault(key(clock), clock)
        return found

    c_type, m_type = ContentType.objects.get_for_model(Complaint), ContentType.objects.get_for_model(Matter)
    ids = [str(c.pk) for c in complaints]
    accept = earliest(Clock.objects.filter(subject_type=c_type, subject_id__in=ids,
                                           rule_key="complaint_accept_period"), lambda k: int(k.subject_id))
    by_matter = {str(c.matter_id): c.pk for c in complaints if c.matter_id}
    own = [str(c.pk) for c in complaints if not c.matter_id]
    finish = earliest(Clock.objects.filter(Q(subject_type=c_type, subject_id__in=own)
                                           | Q(subject_type=m_type, subject_id__in=list(by_matter)),
                                           rule_key="complaint_finish_period"),
                      lambda k: by_matter[k.subject_id] if k.subject_type_id == m_type.pk else int(k.subject_id))
    return accept, finish


# ------------------------------------------------------------------ receipt (第六条、第七条)
@transaction.atomic
def complaint_receive(*, jurisdiction: str, fields: dict, fingerprint: str, channel: str = "online", by=None,
                      received_on: dt.date | None = None) -> tuple[Complaint, str]:
    """Record a complaint (or, anonymous, a lead) and return it with its access code (shown once).
    Staff entries (letters, calls, visits) need the handling permission; online ones come from the form."""
    own = own_unit_of(by) if channel != "online" else None
    if own is not None:  # 投诉 第三条: the agency's legal unit receives a complaint about its own agency
        if fields.get("agency") is not None and fields["agency"].pk != own.pk:
            raise PermissionDenied("执法机关法制机构只能登记对本机关及其执法人员的投诉举报。")
        fields = {**fields, "agency": own, "category": ENFORCEMENT, "handled_by": AGENCY_HANDLED}
        jurisdiction = own.jurisdiction
    elif channel != "online":
        require(by, HANDLE, "只有司法局经办人可以登记来信、来电、来访的投诉举报。")
        require_own_jurisdiction(by, jurisdiction, "您只能登记本辖区的投诉举报。")
    profile = get_profile(jurisdiction)
    if channel == CONTACT_POINT:  # 003 第十条第一款: passed on by a supervision contact point
        from .contact_points import require_usable

        require_usable(jurisdiction, fields.get("contact_point"))
    elif fields.get("contact_point") is not None:
        raise ValidationError("只有经监督联系点转来的投诉举报才登记联系点，请将来源渠道选为“监督联系点转来”。")
    if fields.get("category") not in categories_for(jurisdiction, public=channel == "online"):
        raise ValidationError("本辖区不受理该类投诉举报。")
    anonymous = bool(fields.get("anonymous"))
    if anonymous and not (profile.has("complaint_anonymous_lead") and profile.flag("complaint_anonymous_lead")):
        raise ValidationError("本辖区投诉举报须提供真实姓名和身份证号，不接受匿名投诉。")
    received_on = received_on or timezone.localdate()
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    number = next_receipt_number(jurisdiction, received_on.year)
    complaint = Complaint(jurisdiction=jurisdiction, receipt_number=number, access_digest=access_digest(number, code),
                          channel=channel, fingerprint=fingerprint, received_on=received_on,
                          entered_by=by if by is not None and by.is_authenticated else None, **fields)
    if complaint.ground:
        grounds = {g["code"]: g for g in profile.choices("complaint_grounds")} \
            if profile.has("complaint_grounds") else {}
        if complaint.ground not in grounds:
            raise ValidationError("请选择投诉举报事由。")
        complaint.ground_label = grounds[complaint.ground]["label"]
    if not anonymous and channel != HOTLINE:  # a 12345 work order carries the caller's data as the hotline took it
        missing = [label for key, label in required_personal(profile) if not getattr(complaint, key)]
        if missing:
            raise ValidationError(f"请填写{'、'.join(missing)}（{profile.figure('complaint_required_fields').citation}）"
                                  if profile.has("complaint_required_fields") else f"请填写{'、'.join(missing)}。")
    if complaint.category == ENFORCEMENT:
        casework.require_addressable(complaint.agency)
        if complaint.agency.jurisdiction != jurisdiction:
            raise ValidationError("请从本辖区执法机关名录中选择被投诉举报机关。")
    elif complaint.supervisor is None or complaint.supervisor.jurisdiction != jurisdiction:
        raise ValidationError("请选择被举报的监督员。")
    if complaint.auxiliary_staff_id is not None and channel == "online":
        raise ValidationError("网上投诉举报不能选择辅助人员名册中的人员，请在事实和理由中写明。")
    complaint.aux_acts = _check_auxiliary(complaint, complaint.auxiliary_staff, complaint.aux_acts)
    # the agency and the supervisor are rows the form (or the staff entry) chose, checked above; the receipt
    # number is fresh from its locked sequence: checking them again would only repeat queries; the status is
    # the flow's (ComplaintFlow.settle_status)
    complaint.full_clean(exclude=["agency", "supervisor", "contact_point", "entered_by", "status", "auxiliary_staff"],
                         validate_unique=False)
    complaint.save()  # an anonymous one is a lead (models.Complaint.save), with no process
    with task_index.batch():  # the clock and the process's first tasks: 待办索引 written once, at the end
        if complaint.status == RECEIVED and profile.has("complaint_accept_period"):
            # 第七条: 自收到投诉举报之日起7个工作日内审核决定是否受理
            clock_start(subject=complaint, profile=profile, rule_key="complaint_accept_period",
                        started_on=received_on, label=f"投诉举报受理审核 {number}")
        if complaint.status == RECEIVED:
            _flow_start(complaint)
    return complaint, code


# ------------------------------------------------------------------ a complaint about an auxiliary person
def _check_auxiliary(complaint: Complaint, person, acts) -> list[str]:
    """The prohibited acts cited (武隆《行政执法辅助人员管理办法》第十条, the profile's list) and the person from
    the register: only on a complaint about an agency's enforcement, the person one the agency complained about
    uses. Returns the codes in the profile's order."""
    from auxiliary.selectors import prohibited_act_choices

    acts = list(acts or [])
    if not acts and person is None:
        return []
    known = [code for code, _ in prohibited_act_choices(complaint.jurisdiction)]
    if complaint.category != ENFORCEMENT or not known:
        raise ValidationError("只有对行政执法机关及其执法人员（含行政执法辅助人员）的投诉举报可以列明辅助人员的禁止行为。")
    if set(acts) - set(known):
        raise ValidationError("辅助人员的禁止行为只能从列表中选择。")
    if person is not None and (person.agency_id != complaint.agency_id or person.jurisdiction != complaint.jurisdiction):
        raise ValidationError({"auxiliary_staff": [
            f"{person.name}不是{complaint.agency.name}辅助人员名册中的人员，请从被投诉举报机关的名册中选择。"]})
    return [code for code in known if code in acts]


def cited_auxiliary_acts(complaint: Complaint) -> str:
    """The cited acts in words with their articles (for screens, the matter and the hand-offs)."""
    from auxiliary.selectors import cite_prohibited_acts

    return cite_prohibited_acts(complaint.jurisdiction, complaint.aux_acts)


@transaction.atomic
def auxiliary_identify(*, complaint: Complaint, by, person, acts) -> Complaint:
    """The handler names the auxiliary person a complaint concerns, from the agency's register, and the prohibited
    acts it concerns (办法第十条), until the collective review; recorded in the case file's log."""
    require_handler(by, complaint, HANDLE, "只有投诉举报的办理人员可以登记所涉辅助人员。")
    complaint = _locked(complaint, RECEIVED, ACCEPTED)
    _not_recused(by, complaint)
    if person is not None:
        from auxiliary.models import AuxiliaryStaff

        person = AuxiliaryStaff.objects.select_related("agency").get(pk=person.pk)
    if person is None and not acts:
        raise ValidationError("请选择所涉辅助人员或其禁止行为。")
    complaint.aux_acts = _check_auxiliary(complaint, person, acts)
    complaint.auxiliary_staff = person
    complaint.save(update_fields=["aux_acts", "auxiliary_staff"])
    if complaint.matter_id:
        who = f"{person.name}（{person.post}）" if person is not None else "未确定具体人员"
        casework.log(complaint.matter, by, f"登记投诉举报所涉行政执法辅助人员：{who}；"
                                           f"涉及的禁止行为：{cited_auxiliary_acts(complaint) or '未列明'}。")
    return complaint


# ------------------------------------------------------------------ acceptance (第五条、第七条)
def _locked(complaint: Complaint, *states) -> Complaint:
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if states and complaint.status not in states:
        raise ValidationError(f"该投诉举报当前状态为“{complaint.get_status_display()}”，不能办理此环节。")
    return complaint


def _record(complaint: Complaint, *, title: str, body: str, outcome: str, on: dt.date, doc: str = "",
            article: str = "") -> DecisionRecord:
    return decision_record(kind="complaint", title=title, body=body, jurisdiction=complaint.jurisdiction,
                           agency=complaint.agency.name if complaint.agency_id else "", outcome=outcome,
                           decided_on=on, doc_number=doc, article=article,
                           # never shown to the agency complained about (casework.visibility): the acceptance,
                           # the collective review and the reply are addressed to the complainant, not to it
                           confidential=True, subject=complaint.matter if complaint.matter_id else complaint)


def _stop(clock) -> None:
    if clock is not None and clock.status == RUNNING:
        clock_stop(clock=clock)


def _article(complaint: Complaint, key: str) -> str:
    profile = get_profile(complaint.jurisdiction)
    return str(profile.figure(key).citation) if profile.has(key) else ""


def _not_recused(by, complaint: Complaint) -> None:
    """One recusal rule for every process (casework.recusal): a recused person neither handles nor decides."""
    if complaint.matter_id:
        recusal.require_not_recused(by, complaint.matter)


@transaction.atomic
def complaint_accept(*, complaint: Complaint, by, on: dt.date | None = None) -> Complaint:
    """受理: opens the supervision matter (一案一档) and starts the 30-day clock from the day of acceptance."""
    require_handler(by, complaint, HANDLE, "只有司法局经办人可以受理投诉举报。")
    return _step(complaint, "acceptance", by, lambda: _accept(complaint, by, on))


def _accept(complaint: Complaint, by, on) -> Complaint:
    complaint = _locked(complaint, RECEIVED)
    on = on or timezone.localdate()
    if on < complaint.received_on:
        raise ValidationError("受理日期不能早于收到日期。")
    profile = get_profile(complaint.jurisdiction)
    if complaint.category == ENFORCEMENT:
        complaint.matter = casework.matter_open(
            by=by, agency=complaint.agency, source="complaint", process="complaint", opened_on=on,
            title=f"投诉举报{complaint.receipt_number}：{complaint.ground_label or '行政执法行为'}",
            facts=f"请求事项：{complaint.request}\n事实和理由：{complaint.facts}"
                  + (f"\n涉及行政执法辅助人员的禁止行为：{cited_auxiliary_acts(complaint)}" if complaint.aux_acts else ""),
            check_permission=False)
    complaint.decision, complaint.decided_on, complaint.decided_by = ACCEPTED, on, by
    complaint.save()
    if complaint.matter_id:  # the process joins the case file opened now: the matter shows its waiting step
        from flows.models import CaseProcess

        process = _process(complaint).pk
        CaseProcess.objects.filter(pk=process).update(matter=complaint.matter,
                                                      jurisdiction=complaint.matter.jurisdiction)
        task_index.process_changed(process)  # 待办索引: its waiting step's matter, jurisdiction and due date
    _stop(accept_clock(complaint))
    if profile.has("complaint_finish_period"):  # 第十条: 自受理之日起30日内办结
        clock_start(subject=complaint.matter or complaint, profile=profile, rule_key="complaint_finish_period",
                    started_on=on, label=f"投诉举报办结 {complaint.receipt_number}")
    article = _article(complaint, "complaint_accept_period") or _article(complaint, "supervisor_report_public")
    words = texts.acceptance(complaint, finish_clock(complaint), article)
    notice = issue_notice(complaint=complaint, kind="complaint_acceptance", title=words.title, by=by,
                          issued_on=on, article=article, paragraphs=words.paragraphs, notes=words.notes,
                          values=words.values)
    if complaint.matter_id:
        casework.log(complaint.matter, by, "投诉举报已受理，进入调查。")
    _record(complaint, title=f"受理投诉举报 {complaint.receipt_number}", outcome="受理", on=on, doc=notice.doc_number,
            body=f"对{complaint.respondent}的投诉举报予以受理。", article=article)
    return complaint


@transaction.atomic
def complaint_refuse(*, complaint: Complaint, by, ground: str, reasons: str, on: dt.date | None = None) -> Complaint:
    """不予受理 on one of 第五条's grounds; the reasons are told to the complainant (第七条)."""
    require_handler(by, complaint, HANDLE, "只有司法局经办人可以作出不予受理决定。")
    return _step(complaint, "acceptance", by, lambda: _refuse(complaint, by, ground, reasons, on))


def _refuse(complaint: Complaint, by, ground: str, reasons: str, on) -> Complaint:
    complaint = _locked(complaint, RECEIVED)
    _not_recused(by, complaint)
    profile = get_profile(complaint.jurisdiction)
    grounds = {g["code"]: g for g in profile.choices("complaint_not_accepted")} \
        if profile.has("complaint_not_accepted") else {}
    if ground not in grounds:
        raise ValidationError(f"请选择不予受理的情形（依据{_article(complaint, 'complaint_not_accepted')}）。")
    if not (reasons or "").strip():
        raise ValidationError("不予受理的，应当向投诉举报人说明理由，请填写理由。")
    on = on or timezone.localdate()
    g = grounds[ground]
    complaint.decision, complaint.decided_on, complaint.decided_by = REFUSED, on, by
    complaint.refusal_ground, complaint.refusal_label = ground, g["label"]
    complaint.refusal_article, complaint.reasons = str(g["citation"])[:100], reasons.strip()
    complaint.save()
    _stop(accept_clock(complaint))
    words = texts.refusal(complaint, g["label"])
    notice = issue_notice(complaint=complaint, kind="complaint_refusal", title=words.title, by=by,
                          issued_on=on, article=complaint.refusal_article, paragraphs=words.paragraphs,
                          notes=words.notes, values=words.values)
    _record(complaint, title=f"不予受理投诉举报 {complaint.receipt_number}", outcome="不予受理", on=on,
            doc=notice.doc_number, body=f"不予受理：{g['label']}。{complaint.reasons}", article=complaint.refusal_article)
    return complaint


@transaction.atomic
def complaint_transfer(*, complaint: Complaint, by, to: str, reasons: str, on: dt.date | None = None) -> Complaint:
    """转送 to the competent body (e.g. the agency's own 法制机构 under 第三条, 监察, 信访)."""
    require_handler(by, complaint, HANDLE, "只有司法局经办人可以转送投诉举报。")
    return _step(complaint, "acceptance", by, lambda: _transfer(complaint, by, to, reasons, on))


def _transfer(complaint: Complaint, by, to: str, reasons: str, on) -> Complaint:
    complaint = _locked(complaint, RECEIVED)
    _not_recused(by, complaint)
    to, reasons = (to or "").strip(), (reasons or "").strip()
    if not to or not reasons:
        raise ValidationError("请填写转送机关和转送理由。")
    on = on or timezone.localdate()
    complaint.decision, complaint.decided_on, complaint.decided_by = TRANSFERRED, on, by
    complaint.transferred_to, complaint.reasons = to[:100], reasons
    complaint.save()
    _stop(accept_clock(complaint))
    article = _article(complaint, "complaint_accept_period")
    words = texts.transfer(complaint)
    notice = issue_notice(complaint=complaint, kind="complaint_transfer", title=words.title, by=by,
                          issued_on=on, article=article, copy_to=complaint.transferred_to,
                          paragraphs=words.paragraphs, notes=words.notes, values=words.values)
    _record(complaint, title=f"转送投诉举报 {complaint.receipt_number}", outcome="转送", on=on,
            doc=notice.doc_number, body=f"转送{complaint.transferred_to}：{reasons}", article=article)
    return complaint


# ------------------------------------------------------------------ investigation (第八条)
def min_investigators(complaint: Complaint) -> int:
    profile = get_profile(complaint.jurisdiction)
    # where the profile sets no number (reports about a supervisor) one investigator suffices
    return profile.count("complaint_min_investigators") if profile.has("complaint_min_investigators") else 1


def active_investigators(complaint: Complaint):
    return complaint.investigators.filter(recused=False).select_related("user")


@transaction.atomic
def investigators_assign(*, complaint: Complaint, by, users, no_interest_confirmed: bool) -> list[Investigator]:
    require_handler(by, complaint, HANDLE, "只有司法局经办人可以确定调查人员。")

    def assign():
        return _assign(complaint, by, users, no_interest_confirmed)

    if _waiting(complaint, "staffing") is not None:  # 确定调查人员: the step's task
        return _step(complaint, "staffing", by, assign)
    added = assign()  # more investigators later (after a recusal): the investigation goes on
    _hand_investigation(complaint)
    return added


def _assign(complaint: Complaint, by, users, no_interest_confirmed: bool) -> list[Investigator]:
    complaint = _locked(complaint, ACCEPTED)
    _not_recused(by, complaint)
    users = list(dict.fromkeys(users))
    n = min_investigators(complaint)
    article = _article(complaint, "complaint_min_investigators") or "投诉举报制度第八条"
    current = {i.user_id for i in active_investigators(complaint)}
    recused = set(complaint.investigators.filter(recused=True).values_list("user_id", flat=True))
    for user in users:
        if complaint.by_agency:  # 投诉 第三条: the agency's legal unit staffs its own investigation
            if is_bureau(user) or agency_of(user) is None or agency_of(user).pk != complaint.agency_id:
                raise ValidationError(f"{person_name(user)}不是{complaint.agency.name}的工作人员，不能担任本件调查人员。")
        elif not is_bureau(user):
            raise ValidationError(f"{person_name(user)}不是司法局工作人员，不能担任调查人员。")
        if user.pk in recused or (complaint.matter_id and recusal.recusal_of(user, complaint.matter)):
            raise ValidationError(f"{person_name(user)}已因利害关系回避，不能再担任本件调查人员"
                                  f"（{article}）。")
    if len(current | {u.pk for u in users}) < n:
        raise ValidationError(f"应当确定{n}名以上调查人员（{article}），请至少选择{n}人。")
    if not no_interest_confirmed:
        raise ValidationError("请确认调查人员与投诉举报事项、投诉举报人、被投诉举报人均无直接利害关系"
                              f"（{article}：有直接利害关系的，应当回避）。")
    added = [Investigator.objects.create(complaint=complaint, user=u, assigned_by=by)
             for u in users if u.pk not in current]
    names = "、".join(person_name(i.user) for i in active_investigators(complaint))
    if complaint.matter_id:
        casework.log(complaint.matter, by, f"确定调查人员：{names}。")
    return added


@transaction.atomic
def investigator_recuse(*, complaint: Complaint, by, user, reason: str) -> Investigator:
    """回避 (第八条): the investigator declares (or the officer records) a direct interest; recorded, never removed."""
    if by.pk != user.pk:
        require_handler(by, complaint, HANDLE, "只有本人或司法局经办人可以登记回避。")
    complaint = _locked(complaint, ACCEPTED)
    if not (reason or "").strip():
        raise ValidationError("请写明回避事由（与投诉举报事项或当事人的利害关系）。")
    inv = complaint.investigators.filter(user=user, recused=False).first()
    if inv is None:
        raise ValidationError("该人员不是本件的调查人员。")
    inv.recused, inv.recusal_reason, inv.recused_at = True, reason.strip()[:200], timezone.now()
    inv.save()
    if complaint.matter_id and recusal.grounds(complaint.jurisdiction) and recusal.recusal_of(user, complaint.matter) is None:
        # the one recusal rule: kept off the whole matter (drafting, signing, deciding), recorded with who decided
        recusal.recuse(matter=complaint.matter, by=by, user=user, ground=recusal.grounds(complaint.jurisdiction)[0]["code"],
                       note=inv.recusal_reason, check_permission=False)
    elif complaint.matter_id:
        casework.log(complaint.matter, by, f"调查人员{person_name(user)}回避：{inv.recusal_reason}")
    _hand_investigation(complaint)  # the investigation passes to an investigator still in place
    return inv


@transaction.atomic
def opinion_submit(*, complaint: Complaint, by, text: str) -> Complaint:
    """初步处理意见 (第九条), by one of the investigators once at least two are in place: the investigation
    task passes to the investigator who writes it, so the process records who did."""
    if _waiting(complaint, "investigation") is not None and \
            complaint.investigators.filter(user=by, recused=False).exists():
        _hand_investigation(complaint, to=by)
    return _step(complaint, "investigation", by, lambda: _opinion(complaint, by, text))


def _opinion(complaint: Complaint, by, text: str) -> Complaint:
    complaint = _locked(complaint, ACCEPTED)
    _not_recused(by, complaint)
    investigators = list(active_investigators(complaint))
    if not any(i.user_id == by.pk for i in investigators):
        raise PermissionDenied("只有本件调查人员可以提出初步处理意见。")
    n = min_investigators(complaint)
    if len(investigators) < n:
        raise ValidationError(f"调查人员不足{n}人（{_article(complaint, 'complaint_min_investigators')}），请先补充调查人员。")
    if not (text or "").strip():
        raise ValidationError("请填写初步处理意见。")
    complaint.opinion, complaint.opinion_by, complaint.opinion_on = text.strip(), by, timezone.localdate()
    complaint.save()
    if complaint.matter_id:
        casework.log(complaint.matter, by, "调查结束，提出初步处理意见。")
    return complaint


@transaction.atomic
def review_decide(*, complaint: Complaint, by, participants: list, decision: str, outcome: str,
                  dismissal_ground: str = "") -> Complaint:
    """领导集体讨论审定 (第九条): participants, the decision, the outcome."""
    require_handler(by, complaint, DECIDE, "只有司法局负责人可以主持集体讨论审定。")
    return _step(complaint, "review", by, lambda: _review(complaint, by, participants, decision, outcome,
                                                          dismissal_ground))


def _review(complaint: Complaint, by, participants: list, decision: str, outcome: str,
            dismissal_ground: str) -> Complaint:
    complaint = _locked(complaint, ACCEPTED)
    _not_recused(by, complaint)
    if not complaint.opinion:
        raise ValidationError("调查人员尚未提出初步处理意见。")
    participants = [p.strip() for p in participants if p and p.strip()]
    if len(participants) < 2:
        raise ValidationError("集体讨论审定须记录参加讨论的领导班子成员（至少两人）。")
    if not (decision or "").strip():
        raise ValidationError("请填写集体讨论审定意见。")
    if outcome not in dict(Complaint._meta.get_field("outcome").choices):
        raise ValidationError("请选择调查结论。")
    if complaint.category == SUPERVISOR and outcome == SUBSTANTIATED:
        grounds = {g["code"] for g in get_profile(complaint.jurisdiction).choices("dismissal_grounds")}
        if dismissal_ground not in grounds:
            raise ValidationError("举报查证属实的，请选择建议解聘的情形。")
        complaint.dismissal_ground = dismissal_ground
    complaint.review_participants = "、".join(participants)
    complaint.review_decision, complaint.outcome = decision.strip(), outcome
    complaint.reviewed_on, complaint.reviewed_by = timezone.localdate(), by
    complaint.save()
    if complaint.matter_id:
        casework.log(complaint.matter, by, f"领导集体讨论审定：{complaint.get_outcome_display()}。")
    _record(complaint, title=f"投诉举报集体审定 {complaint.receipt_number}", outcome=complaint.get_outcome_display(),
            on=complaint.reviewed_on, body=f"参加人员：{complaint.review_participants}。审定意见：{complaint.review_decision}",
            article=_article(complaint, "complaint_collective_review") if complaint.category == ENFORCEMENT else
            _article(complaint, "supervisor_report_public"))
    return complaint


@transaction.atomic
def extension_approve(*, complaint: Complaint, by, days: int, reason: str):
    """延长办理期限 (第十条), approved by the head: who, when (the record's time), why; total ≤ the cap."""
    require_handler(by, complaint, DECIDE, "延长办理期限须经负责人批准。")
    complaint = _locked(complaint, ACCEPTED, REVIEWED)
    _not_recused(by, complaint)
    clock = finish_clock(complaint)
    if clock is None or clock.status != RUNNING:
        raise ValidationError("该投诉举报没有正在计算的办结期限。")
    if not (reason or "").strip():
        raise ValidationError("请写明延长的理由（情况复杂，不能在规定期限内办结的具体情况）。")
    ext = clock_extend(clock=clock, n=days, by=by, reason=reason.strip()[:200],
                       profile=get_profile(complaint.jurisdiction), max_rule_key="complaint_extension_max")
    clock.refresh_from_db()
    if complaint.matter_id:
        casework.log(complaint.matter, by, f"批准延长办理期限{days}日，延长后届满日{clock.due_on:%Y-%m-%d}。理由：{ext.reason}")
    return ext


@transaction.atomic
def complaint_reply(*, complaint: Complaint, by, text: str, on: dt.date | None = None,
                    explanation: str = "") -> Complaint:
    """告知调查处理结果并归档 (第十二条); a substantiated report about a supervisor feeds the dismissal proposal.
    反映情况不实的 (第九条): the reply explains to the complainant (`explanation`, required on that branch)."""
    require_handler(by, complaint, HANDLE, "只有司法局经办人可以告知处理结果。")
    return _step(complaint, "reply", by, lambda: _reply(complaint, by, text, on, explanation))


def _reply(complaint: Complaint, by, text: str, on, explanation: str = "") -> Complaint:
    complaint = _locked(complaint, REVIEWED)
    _not_recused(by, complaint)
    if not (text or "").strip():
        raise ValidationError("请填写告知投诉举报人的调查处理结果。")
    if complaint.category == ENFORCEMENT and complaint.outcome == UNFOUNDED and not (explanation or "").strip():
        raise ValidationError("投诉举报反映情况不实的，应当向投诉举报人说明情况并做好解释工作"
                              "（《行政执法投诉举报制度》第九条），请填写向投诉举报人说明的情况。")
    on = on or timezone.localdate()
    complaint.reply, complaint.answered_on = text.strip(), on
    complaint.save()
    _stop(finish_clock(complaint))
    article = _article(complaint, "complaint_result_notice") if complaint.category == ENFORCEMENT \
        else _article(complaint, "supervisor_report_public")
    words = texts.reply(complaint, explanation if complaint.category == ENFORCEMENT else "")
    notice = issue_notice(complaint=complaint, kind="complaint_reply", title=words.title, by=by,
                          issued_on=on, article=article, paragraphs=words.paragraphs, notes=words.notes,
                          values=words.values)
    if complaint.matter_id:
        casework.matter_close(matter=complaint.matter, by=by, outcome=f"投诉举报{complaint.get_outcome_display()}，已告知",
                              closed_on=on)
    _record(complaint, title=f"投诉举报处理结果 {complaint.receipt_number}", outcome=complaint.get_outcome_display(),
            on=on, doc=notice.doc_number, article=article,
            # the reply itself is addressed to the complainant: the record (which the agency may read) keeps
            # the outcome and the collective decision only
            body=f"结论：{complaint.get_outcome_display()}。{complaint.review_decision}")
    if complaint.category == SUPERVISOR and complaint.outcome == SUBSTANTIATED and complaint.dismissal_ground:
        from supervisors.processes import dismissal_start  # 000 第十八条 / 001 第十六条: proposal to dismiss

        dismissal_start(supervisor=complaint.supervisor, ground=complaint.dismissal_ground, by=by,
                        statement=f"经调查核实举报（{complaint.receipt_number}）：{complaint.review_decision}")
    return complaint


def appeal_deadline(complaint: Complaint):
    """(last day, rule) of the complainant's appeal (第十四条; the window is the profile's reading), or
    (None, None) where the profile sets none or the complainant has not been answered."""
    profile = get_profile(complaint.jurisdiction)
    if not profile.has("complaint_appeal_period") or complaint.answered_on is None:
        return None, None
    rule = profile.period("complaint_appeal_period")
    return rule.due(complaint.answered_on).due, rule


def appeal_clock(appeal: Appeal):
    return clocks_for(appeal).filter(rule_key="complaint_appeal_answer_period").first()


@transaction.atomic
def appeal_record(*, complaint: Complaint, by, text: str, received_on: dt.date | None = None) -> Appeal:
    """申诉 to the deciding body (第十四条), recorded for its decision: within the profile's window from the
    reply, and one at a time; the bureau's answer period (a clock on the appeal) runs from its receipt."""
    require_handler(by, complaint, HANDLE, "只有司法局经办人可以登记申诉。")
    complaint = _locked(complaint, ANSWERED)
    _not_recused(by, complaint)
    if not (text or "").strip():
        raise ValidationError("请填写申诉请求和理由。")
    today = timezone.localdate()
    received_on = received_on or today
    if received_on > today:
        raise ValidationError("收到申诉日期不能晚于今天。")
    if complaint.answered_on and received_on < complaint.answered_on:
        raise ValidationError(f"收到申诉日期不能早于告知调查处理结果的日期（{complaint.answered_on:%Y-%m-%d}）。")
    due, rule = appeal_deadline(complaint)
    if due is not None and received_on > due:
        raise ValidationError(f"申诉已超过期限：调查处理结果于{complaint.answered_on:%Y-%m-%d}告知，申诉期限为"
                              f"{rule.text}，至{due:%Y-%m-%d}届满（{rule.citation}；{rule.note}），"
                              f"{received_on:%Y-%m-%d}收到的申诉不予登记。")
    if complaint.appeals.filter(decided_on__isnull=True).exists():
        raise ValidationError("该投诉举报已有尚未作出处理决定的申诉，请先对其作出决定并答复。")
    appeal = Appeal(complaint=complaint, received_on=received_on, text=text.strip(), entered_by=by)
    appeal.full_clean()
    appeal.save()
    profile = get_profile(complaint.jurisdiction)
    if profile.has("complaint_appeal_answer_period"):
        clock_start(subject=appeal, profile=profile, rule_key="complaint_appeal_answer_period",
                    started_on=received_on, label=f"申诉处理和答复期限（{complaint.receipt_number}）")
    if complaint.matter_id:
        casework.log(complaint.matter, by, f"收到投诉举报人对调查处理决定的申诉（{received_on:%Y-%m-%d}）。")
    return appeal


@transaction.atomic
def appeal_decide(*, appeal: Appeal, by, outcome: str, reasons: str, on: dt.date | None = None) -> Appeal:
    """The deciding body decides the appeal (第十四条) and answers the appellant in a 申诉答复书, within the
    answer period (the clock on the appeal stops: met, or late as counted)."""
    require(by, DECIDE, "申诉须由司法局负责人作出处理决定。")
    appeal = Appeal.objects.select_for_update().select_related("complaint").get(pk=appeal.pk)
    complaint = appeal.complaint
    require_own_jurisdiction(by, complaint.jurisdiction)
    _not_recused(by, complaint)
    if appeal.decided_on is not None:
        raise ValidationError(f"该申诉已于{appeal.decided_on:%Y-%m-%d}作出处理决定，不能重复决定。")
    if outcome not in dict(APPEAL_OUTCOMES):
        raise ValidationError("请选择申诉处理结论。")
    if not (reasons or "").strip():
        raise ValidationError("请填写复查意见（维持或者变更原调查处理决定的理由）。")
    on = on or timezone.localdate()
    appeal.outcome, appeal.reasons, appeal.decided_on, appeal.decided_by = outcome, reasons.strip(), on, by
    words = texts.appeal_answer(appeal)
    article = "《行政执法投诉举报制度》第十四条"
    appeal.answer = issue_notice(complaint=complaint, kind="complaint_appeal_answer", title=words.title, by=by,
                                 issued_on=on, article=article, paragraphs=words.paragraphs, notes=words.notes,
                                 values=words.values)
    appeal.save()
    _stop(appeal_clock(appeal))
    _record(complaint, title=f"投诉举报申诉处理 {complaint.receipt_number}", outcome=appeal.get_outcome_display(),
            on=on, doc=appeal.answer.doc_number, article=article, body=f"复查意见：{appeal.reasons}")
    if complaint.matter_id:
        casework.log(complaint.matter, by, f"对申诉作出处理决定：{appeal.get_outcome_display()}，"
                                           f"已制发申诉答复书{appeal.answer.doc_number}。")
    return appeal


# ------------------------------------------------------------------ the bureau takes over (投诉 第三条)
@transaction.atomic
def complaint_take_over(*, complaint: Complaint, by, reason: str) -> DecisionRecord:
    """投诉 第三条: the bureau, which supervises complaint handling, takes over a complaint the agency's legal unit
    handles. A recorded decision with its reason; the waiting step goes to the bureau's roles."""
    from viewflow.workflow.status import STATUS

    from flows.stage import ACTIVE as OPEN

    require(by, DECIDE, "只有司法局负责人可以决定接办执法机关受理的投诉举报。")
    require_own_jurisdiction(by, complaint.jurisdiction)
    complaint = _locked(complaint)
    if not complaint.by_agency:
        raise ValidationError("该投诉举报由司法局办理，无需接办。")
    if complaint.status not in (RECEIVED, ACCEPTED, REVIEWED):
        raise ValidationError("该投诉举报已办结，不能接办。")
    if not (reason or "").strip():
        raise ValidationError("请写明接办理由。")
    today = timezone.localdate()
    complaint.handled_by, complaint.taken_over_on, complaint.taken_over_reason = BUREAU_HANDLED, today, reason.strip()
    complaint.save()
    process = _process(complaint)
    if process is not None:
        for task in process.task_set.filter(status__in=OPEN, flow_task_type="HUMAN"):
            task.owner, task.status = None, STATUS.NEW
            task.owner_permission = DECIDE if getattr(task.flow_task, "name", "") == "review" else HANDLE
            task.save(update_fields=["owner", "status", "owner_permission"])
    if complaint.matter_id:
        casework.log(complaint.matter, by, f"司法局决定接办本件投诉举报（投诉 第三条）：{complaint.taken_over_reason}")
    return _record(complaint, title=f"司法局接办投诉举报 {complaint.receipt_number}", outcome="司法局接办", on=today,
                   body=f"{complaint.agency.name}法制机构受理的投诉举报由司法局接办。理由：{complaint.taken_over_reason}",
                   article="《行政执法投诉举报制度》第三条")


# ------------------------------------------------------------------ the process (complaints/flows.py)
def _flow_start(complaint: Complaint) -> None:
    from complaints.flows import ComplaintFlow

    ComplaintFlow.start.run(complaint=complaint)


def _process(complaint: Complaint):
    from complaints.flows import ComplaintFlow
    from flows.services import process_for

    return process_for(complaint, ComplaintFlow)


def _waiting(complaint: Complaint, step: str):
    """The task of `step` waiting in the complaint's process (None: not reached, or done)."""
    from viewflow.workflow.status import STATUS

    from complaints.flows import ComplaintFlow

    process = _process(complaint)
    if process is None:
        return None
    return process.task_set.filter(flow_task=getattr(ComplaintFlow, step),
                                   status__in=(STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)).first()


def _step(complaint: Complaint, step: str, by, action):
    """Do the step `step` of the complaint's process: its waiting task is completed through the flow, under
    the flow's lock, by `by` (who must be allowed to claim or hold it), with `action` (the step's writes)."""
    from flows.services import task_perform

    task = _waiting(complaint, step)
    if task is None:
        raise ValidationError(f"该投诉举报当前状态为“{complaint.get_status_display()}”，没有待办理的此环节"
                              "（可能已由他人办结），请刷新页面后查看。")
    result = task_perform(task=task, user=by, action=action)
    if isinstance(result, Complaint):
        result.refresh_from_db(fields=["status"])  # written by the flow as the next step was created
    return result


def _hand_investigation(complaint: Complaint, to=None) -> None:
    """The investigation task belongs to an investigator in place: `to` (one of them, about to write the
    opinion), else its holder while not recused, else the first of them; back to the officers when none."""
    from complaints.flows import ComplaintFlow

    task = _waiting(complaint, "investigation")
    if task is None:
        return
    with ComplaintFlow.lock(task.process_id):
        task.refresh_from_db()
        active = [i.user for i in active_investigators(complaint)]
        ids = [u.pk for u in active]
        if to is not None and to.pk in ids:
            owner = to
        elif task.owner_id in ids:
            return
        else:
            owner = active[0] if active else None
        if owner is not None and task.owner_id == owner.pk:
            return
        activation = task.flow_task.activation_class(task)
        if task.owner_id is None and owner is not None:
            activation.assign(owner)
        elif owner is not None:
            activation.reassign(owner)
        elif task.status == "ASSIGNED":
            activation.unassign()
