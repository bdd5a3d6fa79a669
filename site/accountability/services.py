"""Writes of fault and wrong-case accountability (004 过错纠正和责任追究制度 第十条至第十二条;
错案责任倒查问责制度 第七条至第十三条). Each checks the actor's permission, locks the case it decides,
validates every choice against the rule profile and writes a DecisionRecord per person decided about."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from casework import documents
from casework.models import Agency
from casework.recusal import require_not_recused
from casework.services import log, matter_close, matter_handoff, matter_open, require_addressable
from clocks.services import clock_start, clock_stop
from decisions.models import DecisionRecord
from decisions.services import decision_record
from roles.access import require
from rules.profiles import get_profile

from . import texts
from .access import require_actor, runs_for_agency
from .models import (
    AGENCY_RUN,
    ANSWER,
    APPEAL,
    BUREAU_RUN,
    DECIDING,
    DONE,
    FAULT,
    FAULT_WAIVER,
    HEARING,
    INTAKE,
    INVESTIGATING,
    REVIEW,
    TRANSFERRED,
    WRONG_CASE,
    Case,
    Person,
)
from .selectors import choice_keys, clock_of, prior_fault_count
from .spans import span_text

HANDLE, DECIDE = "accountability.handle_case", "accountability.decide_case"
FAULT_DOC, WRONG_DOC = "《行政执法过错纠正和责任追究制度》", "《行政执法错案责任倒查问责制度》"


def _doc(case: Case) -> str:
    return WRONG_DOC if case.is_wrong_case else FAULT_DOC


def _item(profile, key: str, code: str) -> dict:
    for item in profile.choices(key):
        if item["code"] == code:
            return item
    raise ValidationError(f"请选择{profile.figure(key).label}（{profile.figure(key).citation}）。")


def _items(profile, key: str, codes) -> list[dict]:
    return [_item(profile, key, c) for c in codes]


def _cite(profile, key: str) -> str:
    return str(profile.figure(key).citation)


def needs_answer(case: Case, profile=None) -> bool:
    """过错 第十条第（一）项: a reporter named at intake is answered once the case ends (where the profile says so)."""
    return bool(case.reporter) and (profile or get_profile(case.jurisdiction)).flag("fault_reporter_answer")


def _end(case: Case, by, outcome: str, profile=None) -> None:
    """The case ended: the file closes now, or after the reporter's answer (case_answer)."""
    if needs_answer(case, profile):
        log(case.matter, by, f"{outcome}；待答复举报人。")
    else:
        matter_close(matter=case.matter, by=by, outcome=outcome)


def issuer_of(case: Case):
    """Who issues the case's documents: the agency itself while its legal unit runs the case (过错 第五条、错案 第四条
    — its name, its own 代字 and number sequence), else the bureau (None)."""
    return case.matter.agency if case.by_agency else None


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("matter__agency").get(pk=case.pk)


@transaction.atomic
def case_intake(*, by, kind: str, origin: str, agency: Agency | None = None, title: str = "", facts: str = "",
                grounds=(), wrong_ground: str = "", intake_on: dt.date | None = None, matter=None,
                handoff: str = "", aux_acts=(), reporter: str = "", bureau_staff_of: str = "") -> Case:
    """过错 第十条第（一）项 / 错案 第七条: a finding of fault or a case identified as wrong is taken in;
    the 2-day transfer clock runs from intake in case the matter is not ours.

    With `matter` it is a hand-off in the same file (一案一档): e.g. a substantiated complaint whose
    service has checked that its step ended; the file's agency, facts and attachments carry over.

    With `bureau_staff_of` (a jurisdiction) the persons concerned are the bureau's own staff (投诉 第十五条: the
    receiving organ's staff misbehaved handling a complaint): a file of its own with no agency under supervision,
    run by the bureau, which no agency's liaison reads."""
    own = runs_for_agency(by)  # 过错 第五条 / 错案 第四条: the agency's legal unit takes in its own case
    if own is not None:
        if matter is not None or (agency is not None and agency.pk != own.pk):
            raise PermissionDenied("执法机关法制工作机构只能受理本机关行政执法人员的责任追究线索。")
        agency = own
        if not get_profile(agency.jurisdiction).has("accountability_by_agency"):
            raise PermissionDenied("本辖区的规则未规定由行政执法机关自行办理责任追究案件。")
    else:
        require(by, HANDLE, "只有司法局经办人可以受理责任追究线索。")
    if bureau_staff_of:
        if own is not None or matter is not None:
            raise PermissionDenied("追究本机关工作人员责任的案件由司法局单独立卷办理。")
        agency, jurisdiction = None, bureau_staff_of
    else:
        if matter is not None:
            agency = matter.agency
            require_not_recused(by, matter)
        require_addressable(agency)
        jurisdiction = agency.jurisdiction
    today = timezone.localdate()
    intake_on = intake_on or today
    if intake_on > today:
        raise ValidationError("受理日期不能晚于今天。")
    profile = get_profile(jurisdiction)
    _item(profile, "fault_sources", origin)
    if kind == FAULT:
        if not grounds:
            figure = profile.figure("fault_grounds")
            raise ValidationError(f"请选择{figure.label}（{figure.citation}）。")
        _items(profile, "fault_grounds", grounds)
        wrong_ground = ""
    elif kind == WRONG_CASE and profile.has("wrong_case_grounds"):
        _item(profile, "wrong_case_grounds", wrong_ground)
        grounds = []
    else:
        raise ValidationError("请选择追究类型。")
    from auxiliary.selectors import prohibited_act_choices

    known_acts = dict(prohibited_act_choices(jurisdiction))
    if any(a not in known_acts for a in aux_acts):
        raise ValidationError("请从列表中选择辅助人员的禁止行为。")
    reporter = (reporter or "").strip()[:60] if matter is None and profile.flag("fault_reporter_answer") else ""
    if matter is None:
        source = {"complaint": "complaint", "inspection": "inspection", "court": "court"}.get(origin, "own_initiative")
        matter = matter_open(by=by, agency=agency, source=source, title=title, facts=facts, process="accountability",
                             opened_on=intake_on, check_permission=False, bureau_staff_of=bureau_staff_of)
    else:
        if Case.objects.filter(matter=matter).exists():
            raise ValidationError("本事项已转入责任追究，不能重复转入。")
        matter = matter_handoff(matter=matter, by=by, text=handoff or "转入责任追究程序（同一案卷）。")
    case = Case(matter=matter, kind=kind, origin=origin, grounds=list(grounds), wrong_ground=wrong_ground,
                intake_on=intake_on, aux_acts=list(aux_acts), reporter=reporter,
                run_by=AGENCY_RUN if own is not None else BUREAU_RUN)
    case.full_clean(exclude=["matter"])
    case.save()
    clock_start(subject=matter, profile=profile, rule_key="fault_transfer_period", started_on=intake_on,
                label="非本单位受理的，转送有权部门")
    log(matter, by, f"受理{case.kind_label}线索。")
    from accountability.flows import AccountabilityFlow

    AccountabilityFlow.start.run(case=case)
    return case


@transaction.atomic
def case_screen(*, case: Case, by, competent: bool, transferred_to: str = "") -> Case:
    case = _lock(case)
    require_actor(by, case, HANDLE, "只有司法局经办人可以审查管辖。")
    require_not_recused(by, case.matter)
    if case.state != INTAKE:
        raise ValidationError("该案件不在审查管辖阶段。")
    clock = clock_of(case.matter, "fault_transfer_period")
    today = timezone.localdate()
    if competent:
        log(case.matter, by, "属本单位管辖，组成调查组调查。")
    else:
        if not (transferred_to or "").strip():
            raise ValidationError("请填写转送的有权部门。")
        late = clock is not None and today > clock.due_on
        case.transferred_to, case.transferred_on = transferred_to.strip()[:100], today
        case.save()  # saved before closing: the file closes only when no process in it is still open
        _end(case, by, f"转送{case.transferred_to}" + ("（逾期）" if late else ""))
    if clock is not None:
        clock_stop(clock=clock)
    case.save()
    return case


def _user_for(username: str):
    from django.contrib.auth import get_user_model

    if not username:
        return None
    user = get_user_model().objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        raise ValidationError(f"找不到账号“{username}”；没有账号的责任人请只填写姓名。")
    return user


@transaction.atomic
def case_investigate(*, case: Case, by, team: str, findings: str, persons: list[dict]) -> Case:
    """过错 第十条第（二）项: the team's findings and each person concerned with their share (过错 第七条 /
    错案 第八条). `persons`: [{name, username, position, share}]."""
    case = _lock(case)
    require_actor(by, case, HANDLE, "只有司法局经办人可以登记调查结果。")
    require_not_recused(by, case.matter)
    if case.state != INVESTIGATING:
        raise ValidationError("该案件不在调查阶段。")
    profile = get_profile(case.jurisdiction)
    shares_key = "wrong_case_shares" if case.is_wrong_case else "fault_shares"
    if len([t for t in (team or "").replace("，", "、").replace(",", "、").split("、") if t.strip()]) < 2:
        raise ValidationError("调查组应由两名以上人员组成，请用顿号分隔填写。")
    if not (findings or "").strip():
        raise ValidationError("请填写调查认定的事实。")
    persons = [p for p in persons if (p.get("name") or "").strip()]
    if not persons:
        raise ValidationError("请至少填写一名责任人。")
    case.persons.filter(active=True).update(active=False)
    for p in persons:
        _item(profile, shares_key, p.get("share", ""))
        person = Person(case=case, user=_user_for(p.get("username", "")), name=p["name"].strip()[:30],
                        position=(p.get("position") or "").strip()[:60], share=p["share"])
        person.full_clean()
        person.save()
    case.team, case.findings = team.strip()[:200], findings.strip()
    case.save()
    log(case.matter, by, f"调查终结，认定责任人：{'、'.join(p['name'].strip() for p in persons)}。")
    return case


def _person_record(case: Case, person: Person, *, title: str, body: str, outcome: str, article: str,
                   doc_number: str, decided_on: dt.date) -> DecisionRecord:
    matter = case.matter
    return decision_record(kind="accountability", title=title, body=body,
                           jurisdiction=matter.jurisdiction, agency=matter.respondent_name, outcome=outcome,
                           decided_on=decided_on, doc_number=doc_number, article=article, subject=matter,
                           party_user=person.user, confidential=True)


def grounds_text(profile, case: Case) -> str:
    """The behaviours (恩施 第三十二条第一款) / fault grounds (过错 第六条) / wrong-case ground of the case, each
    with its article: what every decision about it cites."""
    key, codes = ("wrong_case_grounds", [case.wrong_ground]) if case.is_wrong_case else ("fault_grounds", case.grounds)
    chosen = [i for i in profile.choices(key) if i["code"] in codes]
    return f"{profile.figure(key).label}：" + "；".join(f"{i['label']}（{i['article']}）" for i in chosen)


def _describe(profile, case: Case, person: Person, decided_on: dt.date | None) -> tuple[str, str]:
    """(outcome, body) of a person's decision, every choice with its article, and a sanction's end where it
    has a span (accountability.spans: 取消当年评先资格和晋升资格 decided on `decided_on`)."""
    wc = case.is_wrong_case
    share = _item(profile, "wrong_case_shares" if wc else "fault_shares", person.share)
    parts = [grounds_text(profile, case), f"责任划分：{share['label']}（{share['article']}）"]
    if not wc and profile.has("fault_culpability"):
        if not (person.culpability and person.harm):  # 过错 第二条: no finding, no fault liability
            return "不承担过错责任", "。".join(parts + [
                f"未认定故意或者重大过失致使具体行政行为违法或不当并造成损害或其他严重后果（{_cite(profile, 'fault_culpability')}），"
                "不承担行政执法过错责任"]) + "。"
        culp = _item(profile, "fault_culpability", person.culpability)
        harm = _item(profile, "fault_harm", person.harm)
        parts.append(f"主观过错：{culp['label']}（{culp['article']}）；损害后果：{harm['label']}（{harm['article']}）")
        if profile.has("fault_proportionality"):
            parts.append(f"处理与主观过错程度、过错行为的后果相适应（{profile.figure('fault_proportionality').citation.article}）")
    for key, codes, head in (("wrong_case_aggravating" if wc else "fault_aggravating", person.aggravating, "从重情形"),
                             ("wrong_case_mitigating" if wc else "fault_mitigating", person.mitigating, "从轻、减轻情形")):
        if codes:
            parts.append(head + "：" + "；".join(f"{i['label']}（{i['article']}）" for i in _items(profile, key, codes)))
    if person.prior_faults:
        parts.append(f"一年内此前已有{person.prior_faults}次过错记录")
    if case.aux_acts:
        from auxiliary.selectors import cite_prohibited_acts

        parts.append(f"涉及辅助人员禁止行为：{cite_prohibited_acts(case.jurisdiction, case.aux_acts)}")
    if wc and person.share == DISSENT and not person.sanctions and not person.exemption:
        return "不负错案责任", "。".join(parts + ["不负错案责任"]) + "。"
    if person.exemption == FAULT_WAIVER and not wc:  # 过错 第九条: liable, spared any sanction
        return "免予处理", "。".join(parts + [f"{profile.figure('fault_waiver').label}（{_cite(profile, 'fault_waiver')}）"]) + "。"
    if person.exemption:
        ex = _item(profile, "wrong_case_exemptions", person.exemption)
        parts.append(f"免予追究：{ex['label']}（{ex['article']}）")
        return "免予追究", "。".join(parts) + "。"
    sanctions = _items(profile, "wrong_case_sanctions" if wc else "fault_sanctions", person.sanctions)
    parts.append("处理：" + "；".join(f"{i['label']}（{i['article']}）{span_text(profile, i['code'], decided_on)}"
                                    for i in sanctions))
    return "、".join(i["label"][:10] for i in sanctions)[:64], "。".join(parts) + "。"


def _tolerance(profile, case: Case, person: Person, t: dict, who: str) -> str:
    """容错 (恩施 第三十二条第二款) of one person: a cause (客观因素 / 难以预见情形), both conditions confirmed, the facts
    and reasons. Sets the person's record fields; returns the body of their decision record."""
    if case.is_wrong_case or not profile.has("fault_tolerance_causes"):
        raise ValidationError(f"{profile.name}的规则未规定容错。")
    cite = _cite(profile, "fault_tolerance_causes")
    if not t.get("causes"):
        raise ValidationError(f"{person.name}：请选择容错的原因：客观因素或者难以预见情形（{cite}）。")
    chosen = _items(profile, "fault_tolerance_causes", t["causes"])
    required = profile.choices("fault_tolerance_conditions")
    missing = [i["label"] for i in required if i["code"] not in set(t.get("conditions") or ())]
    if missing:
        raise ValidationError(f"{person.name}：予以容错须同时具备：{'；'.join(missing)}（{cite}）。")
    grounds = (t.get("grounds") or "").strip()
    if not grounds:
        raise ValidationError(f"{person.name}：请写明予以容错的事实和理由（{cite}）。")
    person.tolerated, person.tolerance_causes, person.tolerance_grounds = True, [i["code"] for i in chosen], grounds
    person.sanctions, person.exemption, person.aggravating, person.mitigating = [], "", [], []
    person.culpability = person.harm = ""
    share = _item(profile, "fault_shares", person.share)
    return (f"{grounds_text(profile, case)}。责任划分：{share['label']}（{share['article']}）。"
            f"容错原因：{'、'.join(i['label'] for i in chosen)}。已具备：{'；'.join(i['label'] for i in required)}。"
            f"事实和理由：{grounds}。决定人：{who}。予以容错，不予处理。")


TOLERATED = "予以容错，不予处理"
SUPERIOR_ORDER = "superior_order"  # 错案 第十一条第（一）项 exemption, with its proviso
DISSENT = "dissent_exempt"  # 错案 第八条第（三）项 share: raised and kept the correct view in the collective decision


def _waiver(profile, person: Person, d: dict) -> str:
    """过错 第九条: a liable person spared any sanction — only with one of its circumstances chosen, and no sanction."""
    if not profile.has("fault_waiver"):
        raise ValidationError(f"{profile.name}的规则未规定免予处理。")
    cite = _cite(profile, "fault_waiver")
    if not d.get("mitigating"):
        raise ValidationError(f"对{person.name}免予处理，须选定{profile.figure('fault_mitigating').label}之一（{cite}）。")
    if d.get("sanctions"):
        raise ValidationError(f"对{person.name}免予处理的，不再选择处理方式（{cite}）。")
    return FAULT_WAIVER


@transaction.atomic
def case_decide(*, case: Case, by, discussion: str, decisions: dict[int, dict], decided_on: dt.date | None = None):
    """过错 第十条第（三）项: the leadership's collective decision, per person: circumstances (the ≥ 2 faults
    within a year rule computed from the records, 过错 第八条第（五）项), sanctions (combinable, 第十一条 /
    错案 第十二条), an exemption (错案 第十一条) or 容错 (恩施 第三十二条第二款: `decisions[pk]["tolerance"]` =
    {causes, conditions, grounds}). One record per person. Where every person is excused by 容错 the case ends
    without sanction and without a decision document (returns None); otherwise one decision document states
    each person's outcome and the case goes on to the hearing of those not excused."""
    case = _lock(case)
    require_actor(by, case, DECIDE, "责任追究决定须经领导集体讨论，由司法局负责人登记。")
    require_not_recused(by, case.matter)
    if case.state != DECIDING:
        raise ValidationError("该案件不在待决定阶段。")
    if not (discussion or "").strip():
        raise ValidationError("请填写集体讨论的时间、参加人员和讨论意见。")
    profile, matter = get_profile(case.jurisdiction), case.matter
    decided_on = decided_on or timezone.localdate()
    wc = case.is_wrong_case
    who = by.get_full_name() or by.username
    persons = list(case.persons.filter(active=True))
    paragraphs, tolerated = [], {}
    for person in persons:
        d = decisions.get(person.pk, {})
        if d.get("tolerance"):
            tolerated[person.pk] = _tolerance(profile, case, person, d["tolerance"], who)
            person.prior_faults = 0
            person.save()
            paragraphs.append(f"{person.name}（{person.position or '行政执法人员'}）："
                              f"{tolerated[person.pk].removeprefix(grounds_text(profile, case) + '。')}")
            continue
        person.tolerated, person.tolerance_causes, person.tolerance_grounds = False, [], ""
        person.aggravating = [c for c in d.get("aggravating", []) if c != "repeat"]
        person.mitigating = list(d.get("mitigating", []))
        person.exemption = d.get("exemption", "") if wc else ""
        if wc and person.exemption == SUPERIOR_ORDER and not d.get("order_checked"):
            ex = _item(profile, "wrong_case_exemptions", SUPERIOR_ORDER)  # 错案 第十一条第（一）项 proviso
            raise ValidationError(f"{person.name}因执行上级的决定或者命令免予追究，须核实其并非明知该决定或者命令明显违法"
                                  f"而未提出异议执行（{ex['article']}）；明知而执行的，应当依法承担相应责任。")
        if not wc and d.get("waive"):  # 过错 第九条: 免予处理
            person.exemption = _waiver(profile, person, d)
        person.sanctions = [] if person.exemption else list(d.get("sanctions", []))
        finding = not wc and profile.has("fault_culpability")
        person.culpability = d.get("culpability", "") if finding else ""
        person.harm = d.get("harm", "") if finding else ""
        if finding:  # 过错 第二条: fault liability only for intent or gross negligence causing harm
            if person.culpability:
                _item(profile, "fault_culpability", person.culpability)
            if person.harm:
                _item(profile, "fault_harm", person.harm)
            if person.sanctions and not (person.culpability and person.harm):
                raise ValidationError(f"追究{person.name}的过错责任，须认定其故意或者重大过失并造成损害或其他严重后果"
                                      f"（{_cite(profile, 'fault_culpability')}）；未认定的，不承担过错责任，"
                                      "请不要选择处理方式。")
            if person.exemption and not (person.culpability and person.harm):
                raise ValidationError(f"未认定{person.name}的过错责任的，不承担过错责任，无需免予处理"
                                      f"（{_cite(profile, 'fault_culpability')}、{_cite(profile, 'fault_waiver')}）。")
            if person.culpability and person.harm and not person.sanctions and not person.exemption:
                raise ValidationError(f"已认定{person.name}的过错责任，请选择处理方式（{_cite(profile, 'fault_sanctions')}）。")
        _items(profile, "wrong_case_aggravating" if wc else "fault_aggravating", person.aggravating)
        _items(profile, "wrong_case_mitigating" if wc else "fault_mitigating", person.mitigating)
        liable = not finding or (person.culpability and person.harm)
        if wc and person.share == DISSENT:  # 错案 第八条第（三）项: correct dissent bears no responsibility
            if person.sanctions:
                share = _item(profile, "wrong_case_shares", DISSENT)
                raise ValidationError(f"{person.name}提出并坚持正确意见，不负错案责任（{share['article']}），"
                                      "不能对其选择处理方式。")
            liable = False
        repeat = profile.count("fault_aggravating_count") if not wc else None
        if not wc:
            person.prior_faults = prior_fault_count(person, before=decided_on)
            if liable and repeat and person.prior_faults + 1 >= repeat:
                person.aggravating.append("repeat")
        if liable and not person.exemption and not person.sanctions:
            raise ValidationError(f"请为{person.name}选择处理方式（可单用也可并用）或免予追究的情形。")
        outcome, body = _describe(profile, case, person, decided_on)
        person.save()
        body = body.removeprefix(grounds_text(profile, case) + "。")  # the document states the grounds once
        paragraphs.append(f"{person.name}（{person.position or '行政执法人员'}）：{body}")
    if persons and len(tolerated) == len(persons):  # every person excused: the case ends by 容错
        cite = _cite(profile, "fault_tolerance_causes")
        for person in persons:
            _person_record(case, person, title=f"容错：{person.name}（{matter.title}）", body=tolerated[person.pk],
                           outcome=TOLERATED, article=cite, doc_number="", decided_on=decided_on)
        case.tolerated_on, case.tolerated_by, case.decided_on = decided_on, by, decided_on
        case.tolerance_causes = sorted({c for p in persons for c in p.tolerance_causes})
        case.tolerance_grounds = "；".join(f"{p.name}：{p.tolerance_grounds}" for p in persons) if len(persons) > 1 \
            else persons[0].tolerance_grounds
        case.discussion = discussion.strip()
        case.save()
        log(matter, by, f"予以容错（{cite}），不予处理：{'、'.join(p.name for p in persons)}。")
        _end(case, by, TOLERATED, profile)
        return None
    article = _decision_article(profile, case)
    words = texts.decision(case, discussion=discussion, persons=paragraphs, grounds=grounds_text(profile, case))
    doc = documents.issue(matter=matter, kind="accountability_decision", title=words.title, by=by, article=article,
                          issuer=issuer_of(case),
                          paragraphs=words.paragraphs, notes=words.notes, values=words.values, issued_on=decided_on)
    for person in persons:
        if person.pk in tolerated:
            _person_record(case, person, title=f"容错：{person.name}（{matter.title}）", body=tolerated[person.pk],
                           outcome=TOLERATED, article=_cite(profile, "fault_tolerance_causes"),
                           doc_number=doc.doc_number, decided_on=decided_on)
            continue
        outcome, body = _describe(profile, case, person, decided_on)
        _person_record(case, person, title=f"{case.kind_label}：{person.name}（{matter.title}）", body=body,
                       outcome=outcome, article=article, doc_number=doc.doc_number, decided_on=decided_on)
    case.discussion, case.decided_on = discussion.strip(), decided_on
    case.save()
    if tolerated:
        log(matter, by, f"予以容错（{_cite(profile, 'fault_tolerance_causes')}），不予处理："
                        f"{'、'.join(p.name for p in persons if p.pk in tolerated)}。")
    # 过错 第十条第（三）项: the month in which a re-investigation may be ordered, from the decision
    clock_start(subject=matter, profile=profile, rule_key="fault_reinvestigation_period", started_on=decided_on,
                label="可责令重新调查、处理的期限")
    log(matter, by, f"作出责任追究决定（{doc.doc_number}）。")
    return doc


def _decision_article(profile, case: Case) -> str:
    if case.is_wrong_case:
        return f"{WRONG_DOC}第八条、第十二条"
    if profile.figure("fault_sanctions").citation.source != "004":  # e.g. 恩施 第三十二条第一款
        return _cite(profile, "fault_grounds")
    return f"{FAULT_DOC}{'第二条、第四条、' if profile.has('fault_culpability') else ''}第七条、第十条第（三）项、第十一条"


@transaction.atomic
def case_answer(*, case: Case, by, text: str) -> Case:
    """过错 第十条第（一）项: the bureau answers the reporter how the case ended (a 答复书 addressed to them),
    then the file closes."""
    case = _lock(case)
    require_actor(by, case, HANDLE, "只有司法局经办人可以答复举报人。")
    require_not_recused(by, case.matter)
    if case.state != ANSWER:
        raise ValidationError("该案件没有待答复的举报人。")
    if not (text or "").strip():
        raise ValidationError("请填写答复举报人的内容。")
    profile, matter = get_profile(case.jurisdiction), case.matter
    words = texts.answer(case, text=text)
    doc = documents.issue(matter=matter, kind="accountability_answer", title=words.title, by=by, issuer=issuer_of(case),
                          article=_cite(profile, "fault_reporter_answer"), paragraphs=words.paragraphs,
                          notes=words.notes, values=words.values, addressee=case.reporter)
    case.answered_on = timezone.localdate()
    case.save()
    log(matter, by, f"已答复举报人（{doc.doc_number}）。")
    ended = (f"转送{case.transferred_to}" if case.transferred_on else
             TOLERATED if case.tolerated_on else "责任追究决定已确认")
    matter_close(matter=matter, by=by, outcome=f"{ended}，已答复举报人")
    return case


@transaction.atomic
def case_hearing(*, case: Case, by, hearings: dict[int, dict]) -> Case:
    """过错 第十二条 / 错案 第十三条: each person's statement, and whether they contest the decision (申辩)."""
    case = _lock(case)
    require_actor(by, case, HANDLE, "只有司法局经办人可以登记陈述和申辩。")
    require_not_recused(by, case.matter)
    if case.state != HEARING:
        raise ValidationError("该案件不在听取陈述和申辩阶段。")
    appeals = []
    for person in case.persons.filter(active=True, tolerated=False):  # those excused by 容错 have no sanction
        h = hearings.get(person.pk, {})
        person.statement = (h.get("statement") or "").strip()
        person.appealed = bool(h.get("appealed"))
        if person.appealed and not person.statement:
            raise ValidationError(f"{person.name}提出申辩的，请填写其陈述和申辩的理由。")
        person.save()
        if person.appealed:
            appeals.append(person.name)
    log(case.matter, by, ("申辩：" + "、".join(appeals)) if appeals else "责任人陈述意见已记录，无人申辩。")
    return case


@transaction.atomic
def case_appeal_decide(*, case: Case, by, outcomes: dict[int, dict]) -> Case:
    """The deciding body answers each appeal: upheld (the sanction changed) or rejected, in a record each."""
    case = _lock(case)
    require_actor(by, case, DECIDE, "申辩复核须由司法局负责人决定。")
    require_not_recused(by, case.matter)
    if case.state != APPEAL:
        raise ValidationError("该案件没有待复核的申辩。")
    profile = get_profile(case.jurisdiction)
    today = timezone.localdate()
    article = f"{_doc(case)}{'第十三条' if case.is_wrong_case else '第十二条'}"
    for person in case.persons.filter(active=True, appealed=True):
        o = outcomes.get(person.pk, {})
        if o.get("outcome") not in ("upheld", "rejected") or not (o.get("note") or "").strip():
            raise ValidationError(f"请对{person.name}的申辩作出复核结论并说明理由。")
        person.appeal_outcome, person.appeal_note = o["outcome"], o["note"].strip()
        if o["outcome"] == "upheld":
            new = list(o.get("sanctions", []))
            if not new:
                raise ValidationError(f"申辩成立的，请选择变更后的处理方式（{person.name}）。")
            person.sanctions, person.exemption = new, ""  # the changed sanction replaces an exemption
        person.save()
        outcome, body = _describe(profile, case, person, case.decided_on)
        _person_record(case, person, title=f"申辩复核：{person.name}（{case.matter.title}）",
                       body=f"{person.get_appeal_outcome_display()}。复核意见：{person.appeal_note}。{body}",
                       outcome=person.get_appeal_outcome_display(), article=article, doc_number="", decided_on=today)
    log(case.matter, by, "申辩复核完毕。")
    return case


@transaction.atomic
def dispatchable_staff(case: Case):
    """Whom the deciding body can send (过错 第十条第（三）项 直接派员): the bureau's officers and leaders — or, on a
    case the agency runs itself, that agency's own staff accounts."""
    from django.contrib.auth import get_user_model

    from roles.definitions import LEADER, OFFICER

    users = get_user_model().objects.filter(is_active=True)
    if case.by_agency:
        return users.filter(staff_profile__agency_id=case.matter.agency_id).order_by("username")
    return users.filter(groups__name__in=[OFFICER, LEADER]).distinct().order_by("username")


def current_dispatch(case: Case):
    """The 派员 behind the investigation now under way or just decided: sent after the last decision."""
    qs = case.dispatches.prefetch_related("staff")
    if case.decided_on:
        qs = qs.filter(sent_on__gte=case.decided_on)
    return qs.order_by("-sent_on", "-pk").first()


def case_review(*, case: Case, by, reinvestigate: bool, reason: str = "", direct: bool = False,
                staff=(), sent_on: dt.date | None = None) -> Case:
    """过错 第十条第（三）项: within 1 month (a calendar month, then the rest-day roll) the body may order a
    re-investigation when the finding is unclear or the handling improper — or (`direct`) send its own staff
    (`staff`) to investigate and decide directly, a recorded decision; otherwise the case closes. On a case the
    agency runs itself, the bureau first takes it over (case_take_over), then reviews it as the deciding body."""
    case = _lock(case)
    require_actor(by, case, DECIDE, "只有司法局负责人可以确认处理决定或责令重新调查。")
    require_not_recused(by, case.matter)
    if case.state != REVIEW:
        raise ValidationError("该案件不在复核阶段。")
    matter, today = case.matter, timezone.localdate()
    clock = clock_of(matter, "fault_reinvestigation_period")
    if reinvestigate or direct:
        if clock is None or today > clock.due_on:
            raise ValidationError(f"责令重新调查须在处理决定作出后1个月内（至{clock.due_on:%Y-%m-%d}）提出。"
                                  if clock else "没有可复核的处理决定。")
        if not (reason or "").strip():
            raise ValidationError("请写明事实不清或处理不当的理由。")
    if direct:
        from roles.names import person_name

        from .models import Dispatch

        allowed = dispatchable_staff(case)
        sent = list(allowed.filter(pk__in=[getattr(u, "pk", u) for u in staff or ()]))
        if not sent:
            raise ValidationError("请选择本机关派出调查的人员（至少一名）。")
        if len(sent) != len({getattr(u, "pk", u) for u in staff}):
            raise ValidationError("所选人员中有不属于本机关工作人员的账号，请重新选择。")
        sent_on = sent_on or today
        if sent_on > today or (case.decided_on and sent_on < case.decided_on):
            raise ValidationError(f"派员日期应在处理决定作出之日（{case.decided_on:%Y-%m-%d}）至今天之间。")
        article = f"{FAULT_DOC}第十条第（三）项"
        dispatch = Dispatch.objects.create(case=case, sent_on=sent_on, reason=reason.strip(), decided_by=by)
        dispatch.staff.set(sent)
        who = "、".join(person_name(u) for u in sent)
        issuer = case.matter.agency.name if case.by_agency else "司法局"
        decision_record(kind="accountability", title=f"直接派员调查并作出处理决定：{matter.title}",
                        body=(f"{issuer}复核认为{case.decided_on:%Y-%m-%d}作出的处理决定{reason.strip().rstrip('。')}，"
                              f"决定直接派员（{who}，{sent_on:%Y-%m-%d}派出）调查并作出处理决定（{article}）。"),
                        jurisdiction=matter.jurisdiction, agency=matter.respondent_name,
                        outcome="直接派员调查并作出处理决定", decided_on=today, doc_number="", article=article,
                        subject=matter, confidential=True)
        case.reinvestigations = case.reinvestigations + 1
        log(matter, by, f"复核认为处理决定事实不清或处理不当，直接派员（{who}，{sent_on:%Y-%m-%d}派出）调查并作出处理决定"
                        "（第十条第（三）项）。")
    elif reinvestigate:
        words = texts.reinvestigation(case, reason=reason)
        doc = documents.issue(matter=matter, kind="reinvestigation_order", title=words.title, by=by,
                              issuer=issuer_of(case),
                              article=f"{FAULT_DOC}第十条第（三）项", paragraphs=words.paragraphs, notes=words.notes,
                              values=words.values)
        case.reinvestigations = case.reinvestigations + 1
        log(matter, by, f"责令重新调查（{doc.doc_number}）。")
    else:
        case.confirmed_on = today
        case.save()
        _end(case, by, "责任追究决定已确认")
    if clock is not None:
        clock_stop(clock=clock)
    case.save()
    return case


def reviews_overdue(*, today: dt.date) -> int:
    """Scheduler (accountability.jobs): 过错 第十条第（三）项 allows a re-investigation only within 1 month of the
    decision. A review still waiting when that month ran out is completed through the flow (under its lock):
    the decision stands and the case closes."""
    from django.contrib.contenttypes.models import ContentType

    from accountability.flows import AccountabilityFlow
    from casework.models import Matter
    from clocks.models import RUNNING, Clock
    from flows.services import process_for, task_complete_by_system
    from flows.stage import ACTIVE as OPEN

    matter_ids = (Clock.objects.filter(subject_type=ContentType.objects.get_for_model(Matter), status=RUNNING,
                                       rule_key="fault_reinvestigation_period", due_on__lt=today)
                  .values_list("subject_id", flat=True))
    moved = 0
    for case in Case.objects.filter(matter_id__in=[int(i) for i in matter_ids]).order_by("pk"):
        process = process_for(case, AccountabilityFlow)
        task = process and process.task_set.filter(flow_task=AccountabilityFlow.review, status__in=OPEN).first()
        if not task:
            continue

        def confirm(case=case):
            locked = _lock(case)
            clock = clock_of(locked.matter, "fault_reinvestigation_period")
            locked.confirmed_on = today
            locked.save()
            clock_stop(clock=clock)
            log(locked.matter, None, f"可责令重新调查的期限已于{clock.due_on:%Y-%m-%d}届满（{clock.citation}），"
                                     "处理决定维持。")
            _end(locked, None, "责任追究决定已确认（重新调查期限届满）")

        if task_complete_by_system(task=task, action=confirm):
            moved += 1
    return moved


# the flow's steps a bureau leader takes (the rest an officer) once the bureau has taken a case over
DECIDE_STEPS = {"decide", "appeal", "review"}


@transaction.atomic
def case_take_over(*, case: Case, by, reason: str) -> DecisionRecord:
    """The bureau takes over a case the agency runs itself (profile accountability_takeover: 意见书制度 第二条, the
    reading applied where the systems are silent). A recorded decision; the waiting step goes back to the bureau's
    roles (unassigned from the agency's legal unit)."""
    from viewflow.workflow.status import STATUS

    from accountability.flows import AccountabilityFlow
    from flows.services import process_for
    from flows.stage import ACTIVE as OPEN

    require(by, DECIDE, "只有司法局负责人可以决定接办行政执法机关自办的责任追究案件。")
    case = _lock(case)
    if not case.by_agency:
        raise ValidationError("本案由司法局办理，无需接办。")
    if case.state in (DONE, TRANSFERRED):
        raise ValidationError("本案已办结，不能接办。")
    if not (reason or "").strip():
        raise ValidationError("请写明接办理由。")
    profile, matter, today = get_profile(case.jurisdiction), case.matter, timezone.localdate()
    basis = profile.figure("accountability_takeover")
    case.run_by, case.taken_over_on, case.taken_over_reason = BUREAU_RUN, today, reason.strip()
    case.save()
    process = process_for(case, AccountabilityFlow)
    if process is not None:
        for task in process.task_set.filter(status__in=OPEN, flow_task_type="HUMAN"):
            step = getattr(task.flow_task, "name", "")
            task.owner, task.status = None, STATUS.NEW
            task.owner_permission = DECIDE if step in DECIDE_STEPS else HANDLE
            task.save(update_fields=["owner", "status", "owner_permission"])
    record = decision_record(kind="accountability", title=f"司法局接办：{matter.title}",
                             body=f"{matter.agency.name}自办的{case.get_kind_display()}案件由司法局接办。理由：{case.taken_over_reason}",
                             jurisdiction=matter.jurisdiction, agency=matter.respondent_name, outcome="司法局接办",
                             decided_on=today, doc_number="", article=str(basis.citation), subject=matter, confidential=True)
    log(matter, by, f"司法局决定接办本案（{basis.citation}）：{case.taken_over_reason}")
    return record


__all__ = ["DECIDE", "HANDLE", "case_answer", "case_appeal_decide", "case_decide", "case_hearing",
           "case_intake", "case_investigate", "case_review", "case_screen", "case_take_over",
           "choice_keys", "needs_answer", "reviews_overdue"]
