"""Appointment (聘任), terms of office, certificate and card numbers, renewal (续聘) and term end.

Term length: profile.period("term_length") (000 第七条 5年, 001 第五条 2年, 002 第八条 3年), end date
from rules.periods.term_end. Consecutive-term cap: profile.count("consecutive_term_cap") (None = no cap,
002 第八条). Automatic end of an unrenewed term: profile.flag("term_end_auto_dismissal") (000 第七条,
002 第八条)."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rules.periods import YEARS, term_end
from rules.profiles import Profile, get_profile

from .models import AWAITING, ENDED, SERVING, Application, Campaign, NumberSequence, Supervisor, Term
from .services import PERM_APPROVE, PERM_OPEN, evaluate, is_waiting, objection_gate, record_decision, require

# how long before a term ends the bureau is reminded to decide on renewal: a platform horizon,
# not a statutory figure (the regulations set none)
RENEWAL_REMINDER_DAYS = 60


def next_number(*, jurisdiction: str, kind: str, year: int) -> int:
    """Next value of a per-jurisdiction, per-year counter; the row lock serialises appointments
    (casework.sequences, the one way every counter is taken)."""
    from casework.sequences import take_next

    return take_next(NumberSequence, jurisdiction=jurisdiction, kind=kind, year=year)


def issues_card(profile: Profile) -> bool:
    """Whether appointment comes with a card (证件/工作证) besides the certificate: the profile's
    appointment_documents (000 第六条第（三）项、002 第七条第（三）项 聘书和证件; 001 第四条 聘任证书 only)."""
    return any(i["code"] == "card" for i in profile.choices("appointment_documents"))


def document_numbers(profile: Profile, year: int) -> tuple[str, str]:
    """(聘书编号, 证件编号), e.g. 万州监聘〔2026〕001号 / 万州监证〔2026〕001号; no card number where the
    profile issues no card."""
    prefix = profile.authority[:2]
    cert = next_number(jurisdiction=profile.code, kind="certificate", year=year)
    if not issues_card(profile):
        return f"{prefix}监聘〔{year}〕{cert:03d}号", ""
    card = next_number(jurisdiction=profile.code, kind="card", year=year)
    return f"{prefix}监聘〔{year}〕{cert:03d}号", f"{prefix}监证〔{year}〕{card:03d}号"


def renewal_start_day(current: Term, today: dt.date) -> dt.date:
    """A renewed term follows the current one: it starts the day after the current term ends. A term
    renewed only after it expired cannot be backdated: it starts on the renewal day."""
    return max(current.end + dt.timedelta(days=1), today)


def cap_refusal(profile: Profile, number: int) -> str:
    """'' if term `number` (连续第几届) is allowed, else the refusal with its article."""
    cap = profile.count("consecutive_term_cap")
    if cap is None or number <= cap:
        return ""
    figure = profile.figure("consecutive_term_cap")
    words = "" if figure.value.get("strict") else "原则上"
    return f"续聘将为连续第{number}届，{words}连续任职不得超过{cap}届（{figure.citation}），不予续聘。"


@transaction.atomic
def term_grant(*, supervisor: Supervisor, profile: Profile, start: dt.date, renewal_of: Term | None = None,
               agreement_signed_on: dt.date | None = None) -> Term:
    rule = profile.period("term_length")
    if rule.unit != YEARS:
        raise ValidationError(f"聘任期须以年计（{rule.citation}）。")
    number = renewal_of.number + 1 if renewal_of else 1
    refusal = cap_refusal(profile, number)
    if refusal:
        raise ValidationError(refusal)
    if profile.flag("volunteer_agreement_required") and agreement_signed_on is None:
        cite = profile.figure("volunteer_agreement_required").citation
        raise ValidationError(f"{supervisor.name}尚未签订志愿服务协议，不能完成聘任（{cite}）。")
    cert, card = document_numbers(profile, start.year)
    term = Term(supervisor=supervisor, jurisdiction=profile.code, number=number, start=start,
                end=term_end(start, rule.n), article=str(rule.citation), certificate_no=cert, card_no=card,
                agreement_signed_on=agreement_signed_on)
    term.full_clean()
    term.save()
    if renewal_of is not None:
        if renewal_of.status not in (Term.ACTIVE, Term.EXPIRED):
            raise ValidationError(f"{supervisor.name}第{renewal_of.number}届聘任期已{renewal_of.get_status_display()}，"
                                  "不能续聘。")
        if start <= renewal_of.end:
            raise ValidationError(f"续聘的聘任期应自本届届满（{renewal_of.end.isoformat()}）次日起算。")
        renewal_of.status = Term.RENEWED
        renewal_of.save(update_fields=["status"])
    supervisor.status = SERVING
    supervisor.save(update_fields=["status"])
    return term


@transaction.atomic
def campaign_appoint(*, campaign: Campaign, agreements: dict[int, dt.date | None] | None = None, by) -> list[Term]:
    """Appoint the shortlist after the window closed. The objection gate: a pending objection holds only
    the person it concerns (the others are appointed; that person waits for the objection to be
    resolved, then this runs again for them); an upheld one excludes that candidate (000 第六条第（三）项:
    appointment only where the publicity raised no objection). The campaign is done when nobody waits."""
    require(by, PERM_APPROVE, "决定聘任", jurisdiction=campaign.jurisdiction)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    profile = get_profile(campaign.jurisdiction)
    if not campaign.publicity_closed:
        raise ValidationError(f"公示期尚未届满（{profile.figure('publicity_period').citation}），不能聘任。")
    if campaign.status == Campaign.DONE:
        raise ValidationError("本次选聘已完成聘任。")
    agreements = agreements or {}
    shortlist = list(campaign.applications.filter(review_outcome=Application.QUALIFIED, term__isnull=True,
                                                  refusal="").select_related("supervisor", "renewal_of"))
    today = timezone.localdate()
    terms, waiting = [], []
    for app in shortlist:
        gate = objection_gate(app)
        if is_waiting(gate):
            waiting.append(app)
            continue
        if gate:
            app.refusal = gate
            app.save(update_fields=["refusal"])
            continue
        start = renewal_start_day(app.renewal_of, today) if app.renewal_of_id else today
        term = term_grant(supervisor=app.supervisor, profile=profile, start=start, renewal_of=app.renewal_of,
                          agreement_signed_on=agreements.get(app.pk))
        app.term = term
        app.save(update_fields=["term"])
        terms.append(term)
        verb = "续聘" if app.renewal_of_id else "聘任"
        record_decision(kind="appointment", title=f"{verb}{app.name}为{profile.text('supervisor_title')}",
                        body=f"聘期{term.start.isoformat()}至{term.end.isoformat()}（{term.article}），"
                             f"聘书编号{term.certificate_no}"
                             + (f"，证件编号{term.card_no}。" if term.card_no else "。"),
                        jurisdiction=profile.code, outcome=verb, article=term.article[:100], subject=term,
                        decided_on=today, party_user=app.supervisor.user)
    if not terms and not waiting and not campaign.applications.filter(term__isnull=False).exists():
        raise ValidationError("公示对象均不符合聘任条件，本次没有可聘任的人员。")
    campaign.appointed_on = campaign.appointed_on or (today if terms else None)
    if not waiting:
        campaign.status = Campaign.DONE
    if terms and profile.flag("appointment_announced"):
        page = publish_appointment(campaign=campaign, profile=profile, terms=terms, by=by)
        campaign.appointment_page_id = campaign.appointment_page_id or page.pk
    campaign.save(update_fields=["status", "appointed_on", "appointment_page_id"])
    return terms


def publish_appointment(*, campaign: Campaign, profile: Profile, terms: list[Term], by):
    """聘任公告 with its structured term dates (earliest start, latest end); where the terms differ
    (a renewal round of terms ending on different days) each line gives its own term."""
    from public_notices.models.publicity import cn_date
    from public_notices.services import notice_publish

    cite = profile.figure("appointment_announced").citation
    verb = "续聘" if campaign.kind == Campaign.RENEWAL else "聘任"
    same = len({(t.start, t.end) for t in terms}) == 1
    lines = [f"{t.supervisor.name}（{t.supervisor.workplace}），聘书编号{t.certificate_no}"
             + ("" if same else f"，聘期自{cn_date(t.start)}至{cn_date(t.end)}") for t in terms]
    period = f"，聘期自{cn_date(terms[0].start)}至{cn_date(terms[0].end)}（{terms[0].article}）" if same else ""
    body = (f"根据{cite}，经公示无异议，{profile.authority}决定{verb}以下同志为"
            f"{profile.text('supervisor_title')}{period}：\n" + "\n".join(lines) + "\n特此公告。")
    return notice_publish(kind="appointment", jurisdiction=profile.code, title=f"{campaign.title}聘任公告",
                          body=body, issuer=profile.authority, written_on=timezone.localdate(), by=by,
                          term_start=min(t.start for t in terms), term_end=max(t.end for t in terms))


@transaction.atomic
def renewal_open(*, supervisors: list[Supervisor], by, title: str = "") -> Campaign:
    """A renewal round (续聘) for serving supervisors; refused at once where the cap forbids it."""
    require(by, PERM_OPEN, "发起续聘", jurisdiction=supervisors[0].jurisdiction if supervisors else None)
    if not supervisors:
        raise ValidationError("请选择需要续聘的监督员。")
    jurisdictions = {s.jurisdiction for s in supervisors}
    if len(jurisdictions) != 1:
        raise ValidationError("一次续聘只能办理同一辖区的监督员。")
    profile = get_profile(jurisdictions.pop())
    errors, terms = [], []
    for sup in supervisors:
        term = sup.current_term
        if sup.status not in (SERVING, AWAITING) or term is None:
            errors.append(f"{sup.name}不在聘任期内，不能续聘。")
            continue
        refusal = cap_refusal(profile, term.number + 1)
        if refusal:
            errors.append(f"{sup.name}：{refusal}")
        terms.append(term)
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    campaign = Campaign(jurisdiction=profile.code, kind=Campaign.RENEWAL, places=len(supervisors),
                        title=title or f"{today.year}年{profile.text('supervisor_title')}续聘", deadline=today,
                        opened_on=today, opened_by=by, status=Campaign.OPEN)
    campaign.full_clean()
    campaign.save()
    for sup, term in zip(supervisors, terms, strict=True):
        latest = sup.applications.order_by("-pk").first()
        app = Application(campaign=campaign, renewal_of=term, supervisor=sup, applied_on=today, entered_by=by,
                          intake=latest.intake if latest else Application.DIRECTED, materials_true=True,
                          education=sup.education or (latest.education if latest else "bachelor"),
                          occupations=latest.occupations if latest else [],
                          records=latest.records if latest else [],
                          recommending_unit_email=latest.recommending_unit_email if latest else "",
                          email=latest.email if latest else "",
                          **{k: getattr(sup, k) for k in ("name", "gender", "birth_date", "id_number", "phone",
                                                          "address", "workplace", "post", "source",
                                                          "recommending_unit")})
        evaluate(app, profile)
        app.full_clean()
        app.save()
    return campaign


def _ending(today: dt.date, days: int):
    from django.db.models import Q

    return Q(status=Term.ACTIVE, end__gte=today, end__lte=today + dt.timedelta(days=days))


def _awaiting(today: dt.date):
    """Terms past their end with no decision yet: expired where the profile has no automatic end
    (001 第五条), or still marked active because the scheduler has not run since. They stay on the
    dashboard until renewed or ended by a decision."""
    from django.db.models import Q

    return Q(status=Term.EXPIRED) | Q(status=Term.ACTIVE, end__lt=today)


def terms_ending(today: dt.date | None = None, days: int = RENEWAL_REMINDER_DAYS):
    today = today or timezone.localdate()
    return Term.objects.filter(_ending(today, days)).select_related("supervisor").order_by("end")


def terms_to_decide(today: dt.date | None = None, *, ending: int = 10) -> tuple[list, list]:
    """The dashboard's two lists of terms, (awaiting a decision, the first `ending` about to end), read in one
    query (the workbench after a write read the terms twice): both are the terms whose end is at most
    RENEWAL_REMINDER_DAYS away or past (the two conditions exclude each other), each marked in SQL by which."""
    from django.db.models import BooleanField, Case, Value, When

    today = today or timezone.localdate()
    rows = list(Term.objects.filter(_awaiting(today) | _ending(today, RENEWAL_REMINDER_DAYS))
                .annotate(awaiting=Case(When(_awaiting(today), then=Value(True)), default=Value(False),
                                        output_field=BooleanField()))
                .select_related("supervisor").order_by("end", "pk"))
    return [t for t in rows if t.awaiting], [t for t in rows if not t.awaiting][:ending]


@transaction.atomic
def terms_end_due(today: dt.date | None = None) -> int:
    """Unrenewed terms past their end: ended automatically where the profile says so (自然解聘);
    elsewhere (001 第五条 sets no automatic end) the service ends too, but the term waits as
    "届满待决定" on the dashboard for the bureau's renewal decision: never silently continued."""
    today = today or timezone.localdate()
    ended = 0
    for term in Term.objects.select_for_update().filter(status=Term.ACTIVE, end__lt=today).select_related("supervisor"):
        profile = get_profile(term.jurisdiction)
        if not profile.flag("term_end_auto_dismissal"):
            term.status = Term.EXPIRED
            term.save(update_fields=["status"])
            sup = term.supervisor
            if not sup.terms.filter(status=Term.ACTIVE).exists():
                sup.status = AWAITING
                sup.save(update_fields=["status"])
            ended += 1
            continue
        figure = profile.figure("term_end_auto_dismissal")
        cite = figure.citation
        # where the rules leave it open (Enshi, 003 第七条第二款) the record names the reading applied
        reading = f"（{figure.note}）" if "办法未规定" in figure.note else ""
        term.status = Term.ENDED
        term.save(update_fields=["status"])
        sup = term.supervisor
        if not sup.terms.filter(status=Term.ACTIVE).exists():
            sup.status = ENDED
            sup.save(update_fields=["status"])
        record_decision(kind="dismissal", title=f"{sup.name}聘任期届满自然解聘",
                        body=f"聘任期{term.start.isoformat()}至{term.end.isoformat()}届满未续聘，依{cite}{reading}自然解聘。",
                        jurisdiction=term.jurisdiction, outcome="期满自然解聘", article=str(cite)[:100],
                        subject=term, decided_on=today, party_user=sup.user)
        ended += 1
    return ended


@transaction.atomic
def term_not_renewed(*, term: Term, note: str, by) -> Term:
    """The bureau decides not to renew a term that has ended (期满不再续聘): the term ends, and so does
    the supervisor's service; the decision is recorded with the term's article."""
    require(by, PERM_APPROVE, "决定期满不再续聘", jurisdiction=term.jurisdiction)
    term = Term.objects.select_for_update(of=("self",)).select_related("supervisor").get(pk=term.pk)
    today = timezone.localdate()
    if term.status not in (Term.ACTIVE, Term.EXPIRED) or term.end >= today:
        raise ValidationError("该聘任期尚未届满或已作出决定。")
    note = (note or "").strip()
    if not note:
        raise ValidationError("请写明不再续聘的理由。")
    old = term.get_status_display()
    term.status = Term.ENDED
    term.save(update_fields=["status"])
    sup = term.supervisor
    if not sup.terms.filter(status=Term.ACTIVE).exists():
        sup.status = ENDED
        sup.save(update_fields=["status"])
    title_word = get_profile(term.jurisdiction).text("supervisor_title")
    record_decision(kind="dismissal", title=f"{sup.name}聘任期届满不再续聘",
                    body=f"第{term.number}届聘任期{term.start.isoformat()}至{term.end.isoformat()}（{term.article}）"
                         f"已届满，决定不再续聘{title_word}。原状态：{old}；现状态：{term.get_status_display()}。"
                         f"理由：{note}",
                    jurisdiction=term.jurisdiction, outcome="期满不再续聘", article=term.article[:100],
                    subject=term, decided_on=today, party_user=sup.user)
    return term
