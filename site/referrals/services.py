"""The one door of referrals (移送) and of recovery (追偿), Wulong 004. Each locks what it decides about,
checks the actor's permission and that the step it follows has ended, issues its document through
casework.documents and writes its DecisionRecord through decisions.services.decision_record.

From a complaint (its matter): after the collective review found it substantiated (投诉 第九条、第十一条),
by the head (complaints.decide_complaint). From an accountability case in the same matter: after the
collective decision (过错 第十条第（三）项; 错案 第四条、第十二条), by the head (accountability.decide_case).

From a report about a social supervisor (万州 000 第十七条: misconduct the bureau found is referred to the competent
department): after the collective review found it true (or partly), by a bureau officer
(referrals.refer_supervisor_misconduct), where the profile's `misconduct_referral` is on. Such a report has no
supervision matter: the referral hangs on the complaint, its record is confidential, and no 移送函 goes into the
complaint's notices (those the reporter reads).

The 情节严重 branches of Wulong's other systems (004) hand a case on the same way, by a bureau officer, from the row
of the step the referral follows (a `subject`, linked to its referral once): a serious refusal to cooperate
(意见书 第十条, letters.CooperationRefusal); an agency that did not execute the government's decision on a dispute
once its correction order ran out or it was 通报 (争议协调办法 第二十条: 由相关职能部门依法依规处置, letters.Letter of
ground dispute_decision); an agency 被通报 (a letter's 予以通报) or whose rectification after a notification ran
out (通报制度 第六条, letters.Letter / programme.RectificationTask). For the last two the officer may instead
find the case not serious (`not_serious`), which ends the 我的待办 item (referrals.todos). A rectification is
整改落实不力 when its period ran out with no report, or when the bureau, reviewing the report, found it so on its merits
(programme.services.rectification_ineffective).

An interference record (干预插手规定 第九条: the insider who interfered — 第八条 — or retaliated against the officer
who recorded it, 构成违纪 → 给予处分, 构成犯罪 → 依法追究刑事责任) is handed on the same way by a bureau officer or leader
(complaints.handle_interference), once; its 移送函 goes into the record's matter, or into a file the referral opens
for it (most records name their case only as text) and closes."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from casework import documents
from casework.models import Matter
from casework.money import yuan
from casework.pdf import chinese_date
from casework.recusal import require_not_recused
from casework.services import log
from decisions.services import decision_record
from roles.access import is_bureau, require
from rules.profiles import get_profile

from . import models as m
from . import texts
from .models import (
    ACCOUNTABILITY,
    COMPLAINT,
    COOPERATION,
    INTERFERENCE,
    SUPERVISOR,
    Recovery,
    RecoveryPayment,
    Referral,
)
from .selectors import balance

DISPUTE, NOTIFIED = m.DISPUTE, m.NOTIFIED
PERMS = {COMPLAINT: ("complaints.decide_complaint", "只有司法局负责人可以决定移送。"),
         ACCOUNTABILITY: ("accountability.decide_case", "只有司法局负责人可以决定移送。"),
         SUPERVISOR: ("referrals.refer_supervisor_misconduct", "只有司法局经办人可以移送查实的监督员违法违纪行为。"),
         COOPERATION: ("letters.draft_letter", "只有司法局经办人可以移送情节严重的不配合监督情况。"),
         DISPUTE: ("letters.draft_letter", "只有司法局经办人可以移送情节严重的不执行调处决定的情况。"),
         NOTIFIED: ("letters.draft_letter", "只有司法局经办人可以移送被通报或整改落实不力、情节严重的情况。"),
         INTERFERENCE: ("complaints.handle_interference", "只有司法局经办人或负责人可以移送违反规定干预办案的情况。")}
# the sources whose referral follows a row of another process (`subject`), and their profile destinations
SUBJECT_KEYS = {COOPERATION: "cooperation_referrals", DISPUTE: "dispute_referrals", NOTIFIED: "notification_referrals",
                INTERFERENCE: "interference_referrals"}
RECORD_KINDS = {COOPERATION: "letter", DISPUTE: "coordination", NOTIFIED: "notification", INTERFERENCE: "accountability"}
COOPERATION_ARTICLE = "《行政执法监督意见书制度》第十条"
NOT_ENDED = "移送须在其所依据的环节办结后进行："
MISCONDUCT = "misconduct"  # the one destination of a report about a supervisor (the profile's misconduct_referral)
MAX_AMOUNT = "9999999999.99"  # the amount fields: 12 digits, 2 decimals


def may_refer(user, matter: Matter | None, source: str) -> bool:
    """Who decides a referral: the bureau's head for a complaint; for an accountability case whoever may decide it
    (accountability.access: the bureau's head, or — on a case the agency runs itself, 过错 第五条、错案 第四条 —
    that agency's legal unit); a bureau officer for a report about a supervisor (000 第十七条)."""
    from accountability.access import may_act

    if source == SUPERVISOR or source in SUBJECT_KEYS:
        return is_bureau(user) and user.has_perm(PERMS[source][0])
    if source == ACCOUNTABILITY:
        case = getattr(matter, "accountability_case", None)
        return case is not None and may_act(user, case, PERMS[ACCOUNTABILITY][0])
    return is_bureau(user) and user.has_perm(PERMS[COMPLAINT][0])


def destinations(matter: Matter | None, source: str, *, jurisdiction: str = "") -> list[dict]:
    """The profile's referral destinations for `source` in this matter ([] where there are none); an interference
    record without a matter gives its `jurisdiction`."""
    profile = get_profile(jurisdiction or matter.jurisdiction)
    if source == COMPLAINT:
        key = "complaint_referrals"
    elif source in SUBJECT_KEYS:
        key = SUBJECT_KEYS[source]
    else:
        case = getattr(matter, "accountability_case", None)
        if case is None:
            return []
        key = "wrong_case_referrals" if case.is_wrong_case else "fault_referrals"
    return profile.choices(key) if profile.has(key) else []


def report_destinations(complaint) -> list[dict]:
    """A report about a supervisor goes to the competent department where the profile says so ([] elsewhere)."""
    from supervisors.duties import feature

    if complaint.supervisor_id is None or not feature(complaint.jurisdiction, "misconduct_referral"):
        return []
    figure = get_profile(complaint.jurisdiction).figure("misconduct_referral")
    return [{"code": MISCONDUCT, "label": figure.label, "citation": figure.citation, "article": figure.citation.article}]


def report_not_ended(complaint) -> str:
    """Why a report about a supervisor may not be referred yet ("" when it may)."""
    from complaints.models import PARTLY, SUBSTANTIATED

    if complaint.outcome not in (SUBSTANTIATED, PARTLY) or complaint.reviewed_on is None:
        return f"{NOT_ENDED}举报尚未经集体讨论审定为查证属实（或部分属实），不能移送。"
    return ""


def sources_of(matter: Matter) -> list[str]:
    """The processes of this matter a referral may come from (一案一档: a complaint and its accountability case)."""
    out = []
    if getattr(matter, "complaint", None) is not None:
        out.append(COMPLAINT)
    if getattr(matter, "accountability_case", None) is not None:
        out.append(ACCOUNTABILITY)
    return out


def subject_source(subject) -> str:
    """The source a referral from this row is of: a refusal (意见书 第十条), a dispute decision's correction order
    (争议协调 第二十条), another letter or a rectification task (通报 第六条)."""
    from complaints.models import InterferenceRecord
    from letters.models import CooperationRefusal, Letter

    if isinstance(subject, CooperationRefusal):
        return COOPERATION
    if isinstance(subject, InterferenceRecord):
        return INTERFERENCE
    if isinstance(subject, Letter):
        return DISPUTE if subject.ground == "dispute_decision" else NOTIFIED
    return NOTIFIED


def subject_article(subject) -> str:
    """The article of the 情节严重 branch this row may be referred under (e.g. 《行政执法争议协调办法》第二十条)."""
    if subject_source(subject) == COOPERATION:
        return COOPERATION_ARTICLE
    profile = get_profile(subject_jurisdiction(subject))
    key = SUBJECT_KEYS[subject_source(subject)]
    return str(profile.figure(key).citation) if profile.has(key) else ""


def subject_jurisdiction(subject) -> str:
    """The jurisdiction of a row a referral follows (an interference record may have no matter)."""
    return subject.jurisdiction if subject_source(subject) == INTERFERENCE else subject.matter.jurisdiction


def _what(subject) -> str:
    source = subject_source(subject)
    if source == INTERFERENCE:
        return f"第{subject.pk}号干预插手记录（{subject.interferer_unit}{subject.interferer_name}）"
    if source == COOPERATION:
        return "该不配合监督情况"
    if source == DISPUTE:
        return f"{subject.addressee.name}不执行调处决定的情况"
    if hasattr(subject, "ground"):  # another letter, ended by 予以通报
        return f"{subject.addressee.name}被通报的情况"
    return f"{subject.agency.name}整改落实不力的情况"


def _agency(subject):
    return subject.addressee if hasattr(subject, "addressee") else subject.agency


def circular_of(letter):
    """The 通报 the letter's last step issued to its addressee (意见书 第十条、争议协调 第二十条: 逾期不纠正的予以通报)."""
    from casework.models import Document

    return Document.objects.filter(matter_id=letter.matter_id, kind="circular",
                                   addressee=letter.addressee.name).order_by("pk").first()


def serious_not_ready(subject) -> str:
    """Why this row may not be referred ("" when it may): only once, only after the step it follows has ended,
    a refusal only where found serious, a letter or a task not where the bureau found it not serious."""
    from letters.models import ESCALATING

    if subject.referral_id:
        done = subject.referral
        return f"{_what(subject)}已于{done.referred_on:%Y-%m-%d}移送{done.to}，不能重复移送。"
    source, article = subject_source(subject), subject_article(subject)
    if source == COOPERATION:
        if not subject.serious:
            return f"该不配合监督记录未认定情节严重，不需移送（{COOPERATION_ARTICLE}：情节严重的，依法依规予以处理）。"
        return ""
    if not article:
        return f"{get_profile(subject_jurisdiction(subject)).name}的规则中没有该情形的移送规定。"
    if source == INTERFERENCE:
        return _interference_not_ready(subject)
    if subject.not_serious_on:
        return f"{_what(subject)}已于{subject.not_serious_on:%Y-%m-%d}经审查认定不属情节严重，不予移送（{article}）。"
    if hasattr(subject, "ground"):  # a letter
        if (source == DISPUTE and subject.state == ESCALATING) or circular_of(subject) is not None:
            return ""
        if source == DISPUTE:
            return (f"{NOT_ENDED}{subject.addressee.name}的责令限期纠正尚未逾期未纠正，也未予以通报，不能移送（{article}）。")
        return f"{NOT_ENDED}{subject.addressee.name}尚未被通报，不能移送（{article}）。"
    if subject.overdue_on is None and subject.ineffective_on is None:  # 整改落实不力: overdue, or so found on review
        return (f"{NOT_ENDED}{subject.agency.name}{report_state(subject)}，也未经审核认定整改落实不力，"
                f"不能移送（{article}）。")
    return ""


def report_state(task, today: dt.date | None = None) -> str:
    """Whether a rectification's written report (通报 第五条) is overdue, in plain words, counted in working days
    from the period's last day: 的整改报告尚未逾期（整改期限至2026-03-13） / 的整改报告已逾期2个工作日未报送 /
    已于2026-03-09按期报送整改报告 / 的整改报告逾期2个工作日，于2026-03-17报送."""
    from rules.calendar import WorkCalendar, working_days_left

    clock = task.clock
    if clock is None:
        return "的限期整改通知书尚未签收，整改期限尚未起算"
    if task.reported_at is not None:
        on = timezone.localtime(task.reported_at).date()
        late = -working_days_left(WorkCalendar.load(), on, clock.due_on)
        return f"的整改报告逾期{late}个工作日，于{on:%Y-%m-%d}报送" if late > 0 else f"已于{on:%Y-%m-%d}按期报送整改报告"
    late = -working_days_left(WorkCalendar.load(), today or timezone.localdate(), clock.due_on)
    if late > 0:
        return f"的整改报告已逾期{late}个工作日未报送（整改期限至{clock.due_on:%Y-%m-%d}）"
    return f"的整改报告尚未逾期（整改期限至{clock.due_on:%Y-%m-%d}）"


def _interference_not_ready(record) -> str:
    """A record corrected by a later entry is referred through that entry; a correction of a record already referred is
    not referred again (the same interference)."""
    later = record.corrections.order_by("-pk").first()
    if later is not None:
        return f"第{record.pk}号干预插手记录已被第{later.pk}号记录更正，请从更正后的记录移送。"
    earlier = record.corrects
    while earlier is not None:
        if earlier.referral_id:
            done = earlier.referral
            return f"所更正的第{earlier.pk}号干预插手记录已于{done.referred_on:%Y-%m-%d}移送{done.to}，不能重复移送。"
        earlier = earlier.corrects
    return ""


def _interference_file(record, by, on: dt.date) -> Matter:
    """The file a referral of an interference record with no matter goes into (一案一档): the bureau's own, no agency
    under supervision (the interferer is named as text), closed once the 移送函 is in it."""
    from casework.services import matter_open

    return matter_open(by=by, agency=None, source="own_initiative", process=INTERFERENCE, check_permission=False,
                       bureau_staff_of=record.jurisdiction, opened_on=on,
                       title=f"{record.interferer_unit}{record.interferer_name}违反规定干预、插手案件"[:200],
                       facts=(f"第{record.pk}号干预插手记录：{record.occurred_at:%Y-%m-%d %H:%M}，{record.interferer_unit}"
                              f"{record.interferer_name}，{record.get_manner_display()}，{record.kind_label}（{record.article}）；"
                              f"所涉案件：{record.case_ref}。{record.content}"))


def _lock_subject(subject):
    return type(subject).objects.select_for_update(of=("self",)).get(pk=subject.pk)


@transaction.atomic
def not_serious(*, subject, by, reasons: str, on: dt.date | None = None):
    """The officer finds a letter's or a rectification's case not serious (争议协调 第二十条; 通报 第六条): no referral;
    a confidential decision record in its matter, the day on the row (its 我的待办 item ends)."""
    source = subject_source(subject) if subject is not None else None
    if source not in (DISPUTE, NOTIFIED):
        raise ValidationError("请指明经审查的被通报或不执行调处决定的情况。")
    require(by, *PERMS[source])
    subject = _lock_subject(subject)
    matter = Matter.objects.select_for_update(of=("self",)).get(pk=subject.matter_id)
    require_not_recused(by, matter)
    if why := serious_not_ready(subject):
        raise ValidationError(why)
    if not (reasons or "").strip():
        raise ValidationError("请写明不属情节严重的理由。")
    on = on or timezone.localdate()
    article = subject_article(subject)
    agency = _agency(subject).name
    decision_record(kind=RECORD_KINDS[source], title=f"经审查不属情节严重，不予移送：{agency}（{matter.title}）",
                    body=reasons.strip(), jurisdiction=matter.jurisdiction, agency=agency,
                    outcome="不属情节严重，不予移送", decided_on=on, article=article, confidential=True, subject=matter)
    subject.not_serious_on = on
    subject.save(update_fields=["not_serious_on"])
    log(matter, by, f"经审查，{agency}的情况不属情节严重，不予移送（{article}）：{reasons.strip()}")
    return subject


def step_not_ended(matter: Matter, source: str) -> str:
    """Why the step a referral from `source` follows has not ended ("" when it has)."""
    if source == COMPLAINT:
        from complaints.handoffs import HANDOFF_ARTICLE, substantiated

        complaint = getattr(matter, "complaint", None)
        if complaint is None:
            return "本事项不是投诉举报案卷。"
        if not substantiated(complaint):
            return (f"{NOT_ENDED}投诉举报尚未经领导集体讨论审定为查证属实（或部分属实），不能移送（{HANDOFF_ARTICLE}）。")
        return ""
    case = getattr(matter, "accountability_case", None)
    if case is None:
        return "本事项没有责任追究案件。"
    if case.transferred_on:
        return f"该责任追究案件已于{case.transferred_on:%Y-%m-%d}转送{case.transferred_to}，不能由本机关移送。"
    if case.decided_on is None:
        doc = "《行政执法错案责任倒查问责制度》第四条" if case.is_wrong_case else "《行政执法过错纠正和责任追究制度》第十条第（三）项"
        return (f"{NOT_ENDED}责任追究案件尚未经领导集体讨论作出处理决定（当前环节：{case.get_state_display()}），"
                f"不能移送（{doc}）。")
    return ""


@transaction.atomic
def refer(*, matter: Matter | None = None, by, source: str, destination: str, to: str, reasons: str,
          persons: str = "", on: dt.date | None = None, complaint=None, subject=None) -> Referral:
    """移送: a 移送函 to the receiving organ and a confidential decision record, in the matter's file; for a report
    about a supervisor (source SUPERVISOR, `complaint` given, no matter) the record only; from another process's
    row (`subject`: a serious refusal to cooperate, 意见书 第十条; a dispute decision's correction order, 争议协调
    第二十条; a letter's 通报 or an overdue rectification, 通报 第六条) in that row's matter, linked to the row."""
    if source not in PERMS:
        raise ValidationError("请选择移送所依据的程序。")
    if source == SUPERVISOR:
        return _refer_report(complaint=complaint, by=by, destination=destination, to=to, reasons=reasons,
                             persons=persons, on=on)
    if source in SUBJECT_KEYS:
        require(by, *PERMS[source])
        if subject is None or subject_source(subject) != source:
            raise ValidationError("请指明所移送的记录（不配合监督、不执行调处决定或被通报的情况）。")
        subject = _lock_subject(subject)
        matter = subject.matter  # None: an interference record naming its case only as text
    jurisdiction = subject_jurisdiction(subject) if subject is not None else matter.jurisdiction
    if matter is not None:
        matter = Matter.objects.select_for_update(of=("self",)).select_related("agency").get(pk=matter.pk)
        if source == ACCOUNTABILITY and getattr(matter, "accountability_case", None) is not None:
            from accountability.access import require_actor

            require_actor(by, matter.accountability_case, PERMS[source][0], PERMS[source][1])
        elif source not in SUBJECT_KEYS:  # a row's source was checked above, before its row was locked
            require(by, *PERMS[source])
        require_not_recused(by, matter)
    if why := (serious_not_ready(subject) if subject is not None else step_not_ended(matter, source)):
        raise ValidationError(why)
    item = next((i for i in destinations(matter, source, jurisdiction=jurisdiction) if i["code"] == destination), None)
    if item is None:
        raise ValidationError("请选择移送去向（规则配置中列明的移送情形）。")
    done = None if subject is not None else matter.referrals.filter(destination=destination, source=source).first()
    if done is not None:
        raise ValidationError(f"本事项已于{done.referred_on:%Y-%m-%d}移送{done.to}，不能重复移送。")
    if not (to or "").strip() or not (reasons or "").strip():
        raise ValidationError("请填写接收移送的机关和移送的事实和理由。")
    on = on or timezone.localdate()
    opened = matter is None
    if opened:
        matter = _interference_file(subject, by, on)
    article = str(item["citation"])
    from accountability.services import issuer_of

    words = texts.referral(matter, facts=reasons, label=item["label"], article=article, persons=persons)
    case = getattr(matter, "accountability_case", None) if source == ACCOUNTABILITY else None
    doc = documents.issue(matter=matter, kind="matter_referral", title=words.title, paragraphs=words.paragraphs,
                          notes=words.notes, values=words.values, by=by, article=article, addressee=to.strip(),
                          issued_on=on, issuer=issuer_of(case) if case is not None else None)
    record = decision_record(kind=RECORD_KINDS.get(source, source), title=f"{item['label']}：{to.strip()}（{matter.title}）",
                             body=f"{reasons.strip()}" + (f"（涉及人员：{persons.strip()}）" if persons.strip() else ""),
                             jurisdiction=matter.jurisdiction, outcome=item["label"],
                             agency=subject.interferer_unit if source == INTERFERENCE else matter.respondent_name,
                             decided_on=on, doc_number=doc.doc_number, article=article, confidential=True,
                             subject=matter)
    referral = Referral.objects.create(matter=matter, source=source, destination=destination,
                                       destination_label=item["label"], article=article, to=to.strip(),
                                       persons=persons.strip()[:200], reasons=reasons.strip(), referred_on=on,
                                       referred_by=by, document=doc, record=record)
    if hasattr(subject, "link_referral"):  # an append-only interference record: its one link, once
        subject.link_referral(referral)
    elif subject is not None:
        subject.referral = referral
        subject.save(update_fields=["referral"])
    log(matter, by, f"依{article}，{item['label']}：移送{to.strip()}（{doc.doc_number}）。")
    if opened:
        from casework.services import matter_close

        matter_close(matter=matter, by=by, outcome=f"已移送{to.strip()}（{doc.doc_number}）", closed_on=on)
    return referral


def _refer_report(*, complaint, by, destination: str, to: str, reasons: str, persons: str,
                  on: dt.date | None) -> Referral:
    from complaints.models import Complaint

    require(by, *PERMS[SUPERVISOR])
    if complaint is None:
        raise ValidationError("请指明所移送的对监督员的举报。")
    complaint = Complaint.objects.select_for_update(of=("self",)).get(pk=complaint.pk)
    if complaint.supervisor_id is None:
        raise ValidationError("这不是对监督员的举报。")
    supervisor = complaint.supervisor
    items = report_destinations(complaint)
    if not items:
        from supervisors.duties import refuse_unless

        refuse_unless(complaint.jurisdiction, "misconduct_referral", "将监督员违法违纪行为移送相关部门")
    if why := report_not_ended(complaint):
        raise ValidationError(why)
    item = next((i for i in items if i["code"] == destination), None)
    if item is None:
        raise ValidationError("请选择移送去向（规则配置中列明的移送情形）。")
    done = Referral.objects.filter(complaint=complaint, source=SUPERVISOR).first()
    if done is not None:
        raise ValidationError(f"该举报查实的违法违纪行为已于{done.referred_on:%Y-%m-%d}移送{done.to}，不能重复移送。")
    to, reasons, persons = (to or "").strip(), (reasons or "").strip(), (persons or "").strip()
    if not to or not reasons:
        raise ValidationError("请填写接收移送的部门和移送的违法违纪事实。")
    on = on or timezone.localdate()
    article = str(item["citation"])
    record = decision_record(kind="supervisor_referral", title=f"移送{supervisor.name}违法违纪行为（{complaint.receipt_number}）",
                             outcome=f"移送{to}"[:64], article=article, body=reasons, jurisdiction=complaint.jurisdiction,
                             decided_on=on, subject=complaint, confidential=True)
    referral = Referral.objects.create(complaint=complaint, source=SUPERVISOR, destination=destination,
                                       destination_label=item["label"], article=article, to=to,
                                       persons=(persons or supervisor.name)[:200], reasons=reasons, referred_on=on,
                                       referred_by=by, record=record)
    if complaint.matter_id:
        log(complaint.matter, by, f"查实的违法违纪行为已移送{to}（{article}）。")
    return referral


# ------------------------------------------------------------------ 追偿
# Who decides the recovery and who records what is paid back follows who runs the case (过错 第五条、错案 第四条):
# on a case the bureau runs (or took over), the bureau's head decides and its officers record; on a case the agency
# runs itself, its legal unit (accountability.access) does both — the agency paid the compensation and is the
# accountability body for its own staff. The bureau sees the recovery on the matter screen and may take the case over.
RECOVER = ("accountability.decide_case", "只有司法局负责人可以决定追偿。")
COLLECT = ("accountability.handle_case", "只有司法局经办人或负责人可以登记追回的追偿款。")


def may_recover(user, case, what=RECOVER) -> bool:
    """May `user` decide (RECOVER) or record payments of (COLLECT) the recovery of `case` (accountability.access)."""
    from accountability.access import may_act

    return case is not None and may_act(user, case, what[0])


def require_recovery_actor(user, case, what) -> None:
    from accountability.access import require_actor

    require_actor(user, case, what[0], what[1])


def recovery_basis(case) -> tuple[str, str]:
    """(article, what a person must have) for recovery in this case's kind."""
    profile = get_profile(case.jurisdiction)
    if case.is_wrong_case:
        key, need = "wrong_case_recovery", "故意或者重大过失（从重情形“故意或者有重大过失”）"
    else:
        key, need = "fault_compensation", "处理方式“依法承担全部或者部分行政赔偿金额”"
    if not profile.has(key):
        raise ValidationError(f"{profile.name}的规则中没有行政赔偿追偿的规定。")
    return str(profile.figure(key).citation), need


def _liable(case, person) -> bool:
    if case.is_wrong_case:
        return "intent" in person.aggravating and not person.exemption and person.share != "dissent_exempt"
    return "compensation" in person.sanctions


@transaction.atomic
def recovery_decide(*, case, by, compensation, paid_on: dt.date, basis: str, shares: dict[int, object],
                    on: dt.date | None = None) -> Recovery:
    """追偿 (错案 第十二条第二款; 过错 第十一条第（六）项): after the decision, the compensation the agency paid and
    each liable person's share (together no more than it), a 追偿决定书, a record per person (their own)."""
    from accountability.models import Case

    case = Case.objects.select_for_update(of=("self",)).select_related("matter__agency").get(pk=case.pk)
    require_recovery_actor(by, case, RECOVER)
    matter = case.matter
    require_not_recused(by, matter)
    if case.decided_on is None:
        raise ValidationError("追偿须在其所依据的环节办结后进行：责任追究案件尚未作出处理决定，不能决定追偿。")
    if Recovery.objects.filter(case=case).exists():
        raise ValidationError("本案已决定追偿，不能重复决定。")
    article, need = recovery_basis(case)
    on = on or timezone.localdate()
    paid = yuan(compensation, "行政赔偿金额", maximum=MAX_AMOUNT)
    if paid <= 0:
        raise ValidationError("请填写已支付的行政赔偿金额。")
    if paid_on is None or paid_on > on:
        raise ValidationError("请填写赔偿支付日期（不晚于决定日期）。")
    if not (basis or "").strip():
        raise ValidationError("请写明责任人故意或者重大过失造成错案、导致行政赔偿的事实。")
    persons = {p.pk: p for p in case.persons.filter(active=True)}
    fixed = []
    for pk, value in shares.items():
        person = persons.get(int(pk))
        if person is None:
            raise ValidationError("追偿的责任人须为本案认定的责任人。")
        amount = yuan(value, f"{person.name}的追偿金额", maximum=MAX_AMOUNT)
        if amount == 0:
            continue
        if not _liable(case, person):
            raise ValidationError(f"{person.name}的处理决定中没有{need}，不能向其追偿（{article}）。")
        fixed.append((person, amount))
    if not fixed:
        raise ValidationError("请至少为一名责任人填写追偿金额。")
    total = sum((a for _p, a in fixed), Decimal("0.00"))
    if total > paid:
        raise ValidationError(f"追偿金额合计{total}元，超过已支付的行政赔偿金额{paid}元。")
    lines = [f"{p.name}（{p.position or '行政执法人员'}）：{a}元" for p, a in fixed]
    words = texts.recovery(case, paid_on=chinese_date(paid_on), compensation=str(paid), basis=basis, article=article,
                           shares=lines, total=str(total))
    from accountability.services import issuer_of

    doc = documents.issue(matter=matter, kind="recovery_decision", title=words.title, paragraphs=words.paragraphs,
                          notes=words.notes, values=words.values, by=by, article=article, issued_on=on,
                          addressee="、".join(p.name for p, _a in fixed), issuer=issuer_of(case))
    recovery = Recovery.objects.create(case=case, compensation=paid, paid_on=paid_on, basis=basis.strip(),
                                       shares=[{"person": p.pk, "name": p.name, "amount": str(a)} for p, a in fixed],
                                       article=article, decided_on=on, decided_by=by, document=doc)
    for person, amount in fixed:
        decision_record(kind="accountability", title=f"行政赔偿追偿：{person.name}（{matter.title}）",
                        body=f"{texts.recovery_payer(case)}已于{paid_on:%Y-%m-%d}支付行政赔偿金{paid}元，决定向你追偿{amount}元。{basis.strip()}",
                        jurisdiction=matter.jurisdiction, agency=matter.respondent_name, outcome=f"追偿{amount}元",
                        decided_on=on, doc_number=doc.doc_number, article=article, subject=matter,
                        party_user=person.user, confidential=True)
    log(matter, by, f"依{article}决定追偿，合计{total}元（{doc.doc_number}）。")
    return recovery




@transaction.atomic
def recovery_collect(*, recovery: Recovery, by, person: int, amount, paid_on: dt.date | None, receipt: str = "",
                     note: str = "") -> RecoveryPayment:
    """An amount actually recovered from one person under the 追偿决定 (错案 第十二条第二款; 过错 第十一条第（六）项):
    no more than what that person still owes, on a day between the decision and today; a line in the file."""
    recovery = Recovery.objects.select_for_update(of=("self",)).select_related("case__matter__agency").get(
        pk=recovery.pk)
    require_recovery_actor(by, recovery.case, COLLECT)
    matter = recovery.case.matter
    require_not_recused(by, matter)
    rows = {row["person"]: row for row in balance(recovery)["rows"]}
    row = rows.get(int(person)) if str(person).isdigit() else None
    if row is None:
        raise ValidationError("请选择追偿决定书中确定了追偿金额的责任人。")
    value = yuan(amount, "追回金额")
    if value <= 0:
        raise ValidationError("请填写本次追回的金额。")
    if value > row["owed"]:
        raise ValidationError(f"{row['name']}应追偿{row['share']}元，已追回{row['recovered']}元，尚欠{row['owed']}元；"
                              f"本次追回{value}元超过尚欠金额。")
    today = timezone.localdate()
    if paid_on is None:
        raise ValidationError("请填写追回日期。")
    if paid_on > today:
        raise ValidationError("追回日期不能晚于今天。")
    if paid_on < recovery.decided_on:
        raise ValidationError(f"追回日期不能早于追偿决定日期（{recovery.decided_on:%Y-%m-%d}）。")
    payment = RecoveryPayment(recovery=recovery, person_id=row["person"], amount=value, paid_on=paid_on,
                              receipt=(receipt or "").strip()[:60], note=(note or "").strip()[:200], recorded_by=by)
    payment.full_clean()
    payment.save()
    left = row["owed"] - value
    log(matter, by, f"登记追回{row['name']}追偿款{value}元（{paid_on:%Y-%m-%d}"
                    + (f"，凭证{payment.receipt}" if payment.receipt else "") + f"），尚欠{left}元"
                    f"（{recovery.document.doc_number}）。")
    return payment


__all__ = ["destinations", "not_serious", "recovery_collect", "recovery_decide", "refer", "report_destinations",
           "report_not_ended", "serious_not_ready", "sources_of",
           "step_not_ended"]
