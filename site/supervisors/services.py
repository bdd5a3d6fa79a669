"""Writes of the recruitment lifecycle: open a campaign, take applications, review, approve the
shortlist, close the publicity window, resolve objections, appoint. Each checks the acting user's
permission itself (viewflow's programmatic API does not), validates, and writes atomically.

Terms and numbering live in terms.py, dismissal in dismissals.py."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from decisions.models import DecisionRecord
from decisions.services import decision_record
from roles import access
from rules.profiles import Profile, get_profile

from .eligibility import check_application
from .models import CANDIDATE, Application, Campaign, Supervisor

PERM_OPEN = "supervisors.open_campaign"
PERM_REVIEW = "supervisors.review_application"
PERM_APPROVE = "supervisors.approve_shortlist"


def require(user, perm: str, action: str, *, jurisdiction: str | None = None) -> None:
    """roles.access.require, worded for an action ("发起监督员选聘" → "您没有发起监督员选聘的权限。"); on a record
    of `jurisdiction`, a bureau account bound to another one is refused."""
    access.require(user, perm, f"您没有{action}的权限。")
    if jurisdiction is not None:
        access.require_own_jurisdiction(user, jurisdiction)


def record_decision(*, kind: str, title: str, body: str, jurisdiction: str, outcome: str, article: str,
                    subject, decided_on: dt.date, party_user=None) -> DecisionRecord:
    """The recruitment lifecycle's decisions (no agency, not confidential), through decisions.services."""
    return decision_record(kind=kind, title=title, body=body, jurisdiction=jurisdiction, outcome=outcome,
                           article=article, decided_on=decided_on, subject=subject, party_user=party_user)


def conditions_text(profile: Profile) -> str:
    """The application conditions of a 选聘公告, each with its article, written from the profile; where the
    rules leave a condition open (Enshi, 003 第七条第二款) the reading applied is named as such."""
    def cite(key: str) -> str:
        figure = profile.figure(key)
        return f"{figure.citation}；{figure.note}" if "办法未规定" in figure.note else str(figure.citation)

    lines = []
    lo, hi = profile.range("age_range")
    if lo is not None or hi is not None:
        lines.append(f"年龄在{lo or '不限'}至{hi or '不限'}周岁之间（{cite('age_range')}）；")
    edu = profile.choices("education_min")
    if edu:
        lines.append(f"具有{edu[0]['label']}（{cite('education_min')}）；")
    excluded = profile.choices("excluded_occupations")
    if excluded:
        names = "、".join(i["label"] for i in excluded)
        lines.append(f"{names}不得报名（{cite('excluded_occupations')}）；")
    records = "、".join(i["label"] for i in profile.choices("disqualifying_records"))
    lines.append(f"未受过{records}（{cite('disqualifying_records')}）；")
    methods = "、".join(i["label"] for i in profile.choices("intake_methods"))
    lines.append(f"报名方式：{methods}（{cite('intake_methods')}）。")
    return "\n".join(lines)


@transaction.atomic
def campaign_open(*, jurisdiction: str, title: str, places: int, deadline: dt.date, description: str = "",
                  by, kind: str = Campaign.RECRUITMENT) -> Campaign:
    """A bureau officer opens a campaign; a recruitment campaign publishes its 选聘公告 at once."""
    require(by, PERM_OPEN, "发起监督员选聘", jurisdiction=jurisdiction)
    profile = get_profile(jurisdiction)
    today = timezone.localdate()
    if places < 1:
        raise ValidationError("拟聘名额至少为1名。")
    if kind == Campaign.RECRUITMENT and deadline < today:
        raise ValidationError("报名截止日不能早于今天。")
    campaign = Campaign(jurisdiction=profile.code, kind=kind, title=title, places=places, deadline=deadline,
                        description=description, opened_on=today, opened_by=by)
    campaign.full_clean()
    campaign.save()
    if kind == Campaign.RECRUITMENT:
        from public_notices.models.publicity import cn_date
        from public_notices.services import notice_publish

        title_word = profile.text("supervisor_title") or "行政执法监督员"
        body = (f"{description}\n\n{profile.authority}拟选聘{title_word}{places}名。报名条件：\n"
                f"{conditions_text(profile)}\n报名截止日期：{cn_date(deadline)}。"
                f"报名人须承诺所提交材料真实有效。").strip()
        # published by the process, not as the officer's page edit: officers may open campaigns
        # (checked above) but hold no page-publish right (roles.definitions.PAGE_PERMISSIONS)
        page = notice_publish(kind="recruitment", jurisdiction=profile.code, title=title, body=body,
                              issuer=profile.authority, written_on=today, by=None, apply_deadline=deadline)
        campaign.notice_page_id = page.pk
        campaign.save(update_fields=["notice_page_id"])
    return campaign


def evaluate(application: Application, profile: Profile) -> None:
    """Fill the application's eligibility results (not saved)."""
    consecutive = application.renewal_of.number if application.renewal_of_id else None
    results = check_application(application, profile, consecutive_terms=consecutive)
    application.eligibility = [r.as_dict() for r in results]
    application.auto_passed = all(r.passed for r in results)


APPLICATION_FIELDS = ["name", "gender", "birth_date", "id_number", "phone", "address", "email", "workplace",
                      "post", "education", "source", "occupations", "records", "preferences", "intake",
                      "recommending_unit", "recommending_unit_email", "statement", "materials_true"]


@transaction.atomic
def application_submit(*, campaign: Campaign, data: dict, by=None) -> Application:
    """An application from the public form (by=None) or entered by staff (unit/directed intake)."""
    profile = get_profile(campaign.jurisdiction)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if by is None:
        if not campaign.accepting:
            raise ValidationError("本次选聘报名已截止或尚未开放。")
    else:
        require(by, PERM_OPEN, "录入报名", jurisdiction=campaign.jurisdiction)
        if campaign.status != Campaign.OPEN:
            raise ValidationError("资格审查已结束，不能再录入报名。")
    if not data.get("materials_true"):
        raise ValidationError("请确认所提交材料真实有效。")
    intake = data.get("intake") or Application.SELF
    allowed = {i["code"]: i for i in profile.choices("intake_methods")}
    if intake not in allowed:
        raise ValidationError(f"本辖区不接受该报名方式（{profile.figure('intake_methods').citation}）。")
    if by is None and intake == Application.DIRECTED:
        raise ValidationError("定向邀请人员由司法局工作人员录入。")
    if intake == Application.UNIT and not (data.get("recommending_unit") or "").strip():
        raise ValidationError("单位推荐须填写推荐单位名称。")
    id_number = (data.get("id_number") or "").strip().upper()
    if campaign.applications.filter(id_number=id_number).exists():
        raise ValidationError("该身份证号码已报名本次选聘，请勿重复提交。")
    application = Application(campaign=campaign, applied_on=timezone.localdate(), entered_by=by,
                              **{k: data.get(k) for k in APPLICATION_FIELDS if k in data})
    application.id_number, application.intake = id_number, intake
    evaluate(application, profile)
    application.full_clean()
    application.save()
    return application


def _verdict(result: dict) -> str:
    # never a condition: 001 第七条第（三）项 only prefers
    verdicts = {"preferred": "优先", "not_preferred": "不涉及"}
    if result["check"] in verdicts:
        return verdicts[result["check"]]
    return "符合" if result["passed"] else "不符合"


@transaction.atomic
def review_complete(*, campaign: Campaign, decisions: dict[int, tuple[bool, str]], by) -> list[Application]:
    """An officer confirms or overrides each automatic result; an override needs a written reason."""
    require(by, PERM_REVIEW, "资格审查", jurisdiction=campaign.jurisdiction)
    today = timezone.localdate()
    if campaign.kind == Campaign.RECRUITMENT and today <= campaign.deadline:
        raise ValidationError(f"报名截止（{campaign.deadline.isoformat()}）后方可完成资格审查。")
    applications = list(campaign.applications.select_for_update())
    if not applications:
        raise ValidationError("本次选聘没有报名人员。")
    errors, qualified = [], []
    for app in applications:
        if app.pk not in decisions:
            errors.append(f"请对{app.name}作出审查结论。")
            continue
        ok, reason = decisions[app.pk]
        reason = (reason or "").strip()
        app.review_overridden = ok != app.auto_passed
        if app.review_overridden and not reason:
            errors.append(f"{app.name}：改变系统审查结论须填写书面理由。")
        app.review_outcome = Application.QUALIFIED if ok else Application.UNQUALIFIED
        app.review_reason, app.reviewed_by = reason, by
        if ok:
            qualified.append(app)
    if not errors and not qualified:
        errors.append("没有符合条件的人员，不能提交拟聘名单。")
    if len(qualified) > campaign.places:
        errors.append(f"符合条件并拟聘的人数（{len(qualified)}）超过拟聘名额（{campaign.places}），"
                      "请对择优未入选的人员写明理由后标为不予入选。")
    if errors:
        raise ValidationError(errors)
    for app in applications:
        app.full_clean()
        app.save()
        failed = [r for r in app.eligibility if not r["passed"]]
        cites = "；".join(sorted({r["citation"] for r in app.eligibility if r["citation"]}))
        body = "\n".join(f"{r['label']}：{_verdict(r)}，{r['reason']}（{r['citation']}）"
                         for r in app.eligibility)
        if app.review_overridden:
            body += f"\n经办人改变系统结论，理由：{app.review_reason}"
        record_decision(kind="qualification", title=f"{campaign.title}：{app.name}资格审查",
                        body=body, jurisdiction=campaign.jurisdiction, outcome=app.get_review_outcome_display(),
                        article=(failed[0]["citation"] if failed else cites)[:100], subject=app,
                        decided_on=today)
    campaign.status, campaign.shortlist_approved = Campaign.REVIEW, False
    campaign.save(update_fields=["status", "shortlist_approved"])
    return qualified


def candidate_supervisor(app: Application) -> Supervisor:
    """The register entry for a shortlisted person: reused if they are on it already."""
    fields = {k: getattr(app, k) for k in ("name", "gender", "birth_date", "phone", "address", "workplace",
                                           "post", "education", "source", "recommending_unit")}
    sup = Supervisor.objects.filter(jurisdiction=app.campaign.jurisdiction, id_number=app.id_number).first()
    if sup is None:
        sup = Supervisor(jurisdiction=app.campaign.jurisdiction, id_number=app.id_number, status=CANDIDATE,
                         **fields)
    else:
        for key, value in fields.items():
            setattr(sup, key, value)
    sup.full_clean()
    sup.save()
    return sup


@transaction.atomic
def shortlist_decide(*, campaign: Campaign, approve: bool, note: str = "", by):
    """A leader approves the shortlist (publishing the 拟聘人员公示) or returns it with a reason."""
    require(by, PERM_APPROVE, "批准拟聘名单", jurisdiction=campaign.jurisdiction)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.REVIEW:
        raise ValidationError("拟聘名单尚未提交或已经批准。")
    campaign.shortlist_note = (note or "").strip()
    if not approve:
        if not campaign.shortlist_note:
            raise ValidationError("退回重新审查须写明理由。")
        campaign.save(update_fields=["shortlist_note"])
        return None
    from public_notices.services import publicity_list_publish

    profile = get_profile(campaign.jurisdiction)
    shortlist = list(campaign.applications.filter(review_outcome=Application.QUALIFIED))
    candidates = []
    for app in shortlist:
        app.supervisor = candidate_supervisor(app)
        app.save(update_fields=["supervisor"])
        candidates.append({"name": app.name, "gender": app.gender,
                           "birth_month": app.birth_date.strftime("%Y-%m"), "workplace": app.workplace,
                           "post": app.post, "recommended_by": app.recommending_unit, "supervisor": app.supervisor})
    today = timezone.localdate()
    rule = profile.period("publicity_period")
    verb = "续聘" if campaign.kind == Campaign.RENEWAL else "聘任"
    body = (f"经资格审查和集体研究，拟{verb}以下{len(candidates)}名同志为{profile.text('supervisor_title')}，"
            f"现予公示。公示期{rule.text}（{rule.citation}）。公示期间，任何单位和个人对公示对象有异议的，"
            f"可以书面形式向{profile.authority}反映，并提供联系方式和必要的证据材料。")
    page = publicity_list_publish(jurisdiction=campaign.jurisdiction, title=f"{campaign.title}拟{verb}人员公示",
                                  body=body, candidates=candidates, start=today, by=by)
    campaign.publicity_page_id = page.pk
    campaign.publicity_start, campaign.publicity_end = page.publicity_start, page.publicity_end
    campaign.shortlist_approved, campaign.status = True, Campaign.PUBLICITY
    campaign.save()
    return page


@transaction.atomic
def campaign_publicity_closed(*, campaign: Campaign) -> Campaign:
    campaign.publicity_closed = True
    campaign.save(update_fields=["publicity_closed"])
    return campaign


def open_objections(campaign: Campaign):
    from public_notices.models import Objection

    if not campaign.publicity_page_id:
        return Objection.objects.none()
    return Objection.objects.filter(page_id=campaign.publicity_page_id)


def untied_pending(campaign: Campaign):
    """Pending objections not yet tied to a person on the list (the objector only typed a name): until
    an officer ties them, nobody knows whom they concern, so they hold every appointment."""
    return open_objections(campaign).filter(status="pending", candidate__isnull=True)


def objection_gate(app: Application) -> str:
    """'' when `app` may be appointed; otherwise why not (pending or upheld objection). A pending
    objection holds only the person it concerns; an untied one holds everyone until tied."""
    objections = open_objections(app.campaign).filter(candidate__supervisor=app.supervisor) \
        if app.supervisor_id else open_objections(app.campaign).none()
    statuses = set(objections.values_list("status", flat=True))
    if "upheld" in statuses:
        return f"{app.name}的公示异议经核查成立，不予聘任。"
    if "pending" in statuses:
        return f"{app.name}有尚未处理的公示异议，须经办人处理后方可聘任。"
    if untied_pending(app.campaign).exists():
        return f"有尚未确定所涉人员的公示异议，须经办人确定所涉人员并处理后方可聘任{app.name}。"
    return ""


def is_waiting(gate: str) -> bool:
    return "尚未" in gate


def waiting_applications(campaign: Campaign) -> list[Application]:
    """Shortlisted people neither appointed nor refused, held by a pending objection."""
    return [a for a in campaign.applications.filter(review_outcome=Application.QUALIFIED, term__isnull=True,
                                                    refusal="").select_related("supervisor", "campaign")
            if is_waiting(objection_gate(a))]


@transaction.atomic
def campaign_objection_resolve(*, objection, upheld: bool, note: str, by, candidate=None):
    """The process's 处理公示异议 step: the same door as the admin's screen
    (public_notices.services.objection_resolve: permission, lock, tie to the person, decision record,
    log entry)."""
    require(by, PERM_REVIEW, "处理公示异议")
    if not (note or "").strip():
        raise ValidationError("处理公示异议须写明核查情况和理由。")
    from public_notices.services import objection_resolve

    return objection_resolve(objection=objection, upheld=upheld, note=note, by=by, candidate=candidate)


def sync_publicity_dates(**kwargs) -> int:
    """calendar_changed receiver: a holiday year loaded later moves provisional window ends
    (public_notices recomputes the page first; its receiver is connected earlier); copy them."""
    from public_notices.models import PublicityPage

    changed = 0
    for campaign in Campaign.objects.filter(publicity_page_id__isnull=False, publicity_closed=False):
        page = PublicityPage.objects.filter(pk=campaign.publicity_page_id).first()
        if page is not None and page.publicity_end != campaign.publicity_end:
            Campaign.objects.filter(pk=campaign.pk).update(publicity_end=page.publicity_end)
            changed += 1
    return changed
