"""Writes of the yearly programme. Each checks the actor's permission itself, validates before writing and
runs in one transaction; figures and articles come from the jurisdiction's profile."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from casework import documents
from casework.models import Agency, Document, MatterEvent
from casework.selectors import addressable_agencies
from casework.services import log, matter_close, matter_open, require_addressable
from clocks.models import RUNNING, Clock
from clocks.services import clock_start, clock_stop
from decisions.services import decision_record
from roles.access import agency_of, is_bureau, require, require_own_jurisdiction
from rules.periods import CALENDAR_DAYS, UNITS, WORKING_DAYS
from rules.profiles import get_profile

from . import texts
from .deadlines import subject_clocks, yearly_clock_start
from .models import (
    CASEFILE_REVIEW,
    EVALUATION,
    INSPECTION,
    MATTER_SOURCES,
    Activity,
    ActivityParticipant,
    ChecklistItem,
    Finding,
    Notification,
    ProgrammeYear,
    RectificationTask,
    ReviewedCaseFile,
    StatisticsReturn,
    kinds_for,
)

MANAGE = "programme.manage_programme"
MANAGE_MSG = "只有司法局经办人或负责人可以管理年度监督工作。"


def _manage(by, jurisdiction: str, message: str) -> None:
    """The bureau's permission on the yearly programme, in the actor's own jurisdiction."""
    require(by, MANAGE, message)
    require_own_jurisdiction(by, jurisdiction)


def year_for(jurisdiction: str, year: int) -> ProgrammeYear:
    get_profile(jurisdiction)  # refuses an unknown jurisdiction
    if not 2000 <= int(year) <= 2100:
        raise ValidationError("年度不正确。")
    py, _ = ProgrammeYear.objects.get_or_create(jurisdiction=jurisdiction, year=int(year))
    return py


@transaction.atomic
def plan_record(*, jurisdiction: str, year: int, plan: str, by) -> ProgrammeYear:
    """年度行政执法监督工作计划 (003 第十五条)."""
    _manage(by, jurisdiction, MANAGE_MSG)
    if not (plan or "").strip():
        raise ValidationError("请填写年度监督工作计划。")
    py = ProgrammeYear.objects.select_for_update().get(pk=year_for(jurisdiction, year).pk)
    py.plan, py.plan_recorded_by, py.plan_recorded_at = plan.strip(), by, timezone.now()
    py.full_clean()
    py.save()
    return py


def onsite_rule(jurisdiction: str) -> tuple[int | None, bool, str]:
    """(minimum people, credential required, citation) for on-site supervision: the profile's
    `onsite_min_people` (Enshi 003 第二十四条第（一）项); a profile without it sets no minimum."""
    profile = get_profile(jurisdiction)
    if not profile.has("onsite_min_people"):
        return None, False, f"{profile.name}的规则配置未规定"
    f = profile.figure("onsite_min_people")
    return f.value.get("n"), bool(f.value.get("credential")), str(f.citation)


def _participants(jurisdiction: str, onsite: bool, participants) -> list[tuple[object, str]]:
    """Who took part, each a bureau staff member once, with the credential number shown; on site, at least
    the profile's minimum, each with a credential where the profile requires one shown."""
    clean, seen = [], set()
    for user, credential in participants:
        if user is None:
            continue
        if not is_bureau(user):
            raise ValidationError(f"参加人员“{user.get_full_name() or user.username}”不是司法局工作人员。")
        if user.pk in seen:
            raise ValidationError(f"参加人员“{user.get_full_name() or user.username}”重复登记。")
        seen.add(user.pk)
        clean.append((user, (credential or "").strip()))
    if onsite:
        n, credential, citation = onsite_rule(jurisdiction)
        if n is not None and len(clean) < n:
            raise ValidationError(f"开展现场监督，监督人员不得少于{n}人（{citation}），本次只登记了{len(clean)}人。")
        if credential:
            missing = [u.get_full_name() or u.username for u, c in clean if not c]
            if missing:
                raise ValidationError(f"开展现场监督应出示行政执法监督证件（{citation}），请填写"
                                      f"{'、'.join(missing)}的证件号。")
    return clean


@transaction.atomic
def activity_record(*, jurisdiction: str, kind: str, agency: Agency, held_on: dt.date, title: str,
                    onsite: bool, participants=(), findings: str = "", has_problems: bool = False,
                    by, schedule: str = "", forms=(), other_form: str = "", evaluation_scope: str = "", evaluation_subject: str = "",
                    evaluation_parts: dict | None = None) -> Activity:
    """An inspection, case-file review or evaluation, with who took part: on site (现场监督) at least the
    profile's `onsite_min_people`, each showing a supervision credential where it requires one; an
    evaluation says its scope and what each of its parts did where the profile has them (003 第十九条)."""
    _manage(by, jurisdiction, MANAGE_MSG)
    kinds = kinds_for(jurisdiction)
    if kind not in dict(kinds):
        raise ValidationError(f"请选择类别：{'、'.join(label for _k, label in kinds)}。")
    if agency is None or agency.jurisdiction != jurisdiction:
        raise ValidationError("被监督机关不属于本辖区。")
    if held_on > timezone.localdate():
        raise ValidationError("开展日期不能晚于今天。")
    if has_problems and not (findings or "").strip():
        raise ValidationError("发现问题的，请填写发现的问题。")
    schedule = _schedule(jurisdiction, kind, schedule)
    chosen_forms = _forms(jurisdiction, kind, forms, other_form)
    scope, subject, parts = _evaluation(jurisdiction, kind, evaluation_scope, evaluation_subject,
                                        evaluation_parts or {})
    people = _participants(jurisdiction, bool(onsite), participants)
    activity = Activity(year=year_for(jurisdiction, held_on.year), kind=kind, agency=agency, held_on=held_on,
                        schedule=schedule, forms=chosen_forms,
                        title=(title or "").strip(), findings=(findings or "").strip(),
                        has_problems=has_problems, onsite=bool(onsite), recorded_by=by,
                        evaluation_scope=scope, evaluation_subject=subject, evaluation_parts=parts)
    activity.full_clean()
    activity.save()
    for user, credential in people:
        ActivityParticipant.objects.create(activity=activity, user=user, credential_number=credential[:40])
    return activity


def evaluation_rule(jurisdiction: str) -> tuple[list[dict], list[dict], str]:
    """(parts, scopes, citation) of an evaluation (考核评议) from the profile: Enshi 003 第十九条 —
    internal assessment and external review, comprehensive or special. Empty where the rules are silent."""
    profile = get_profile(jurisdiction)
    parts = profile.choices("evaluation_parts") if profile.has("evaluation_parts") else []
    scopes = profile.choices("evaluation_scopes") if profile.has("evaluation_scopes") else []
    key = "evaluation_parts" if parts else "evaluation_scopes" if scopes else ""
    return parts, scopes, str(profile.figure(key).citation) if key else ""


def _evaluation(jurisdiction: str, kind: str, scope: str, subject: str, texts_by_part: dict):
    """An evaluation's scope (综合 or 专项, a special one naming its contents) and each part's account;
    other kinds carry none."""
    if kind != EVALUATION:
        return "", "", []
    parts, scopes, cite = evaluation_rule(jurisdiction)
    scope, subject = (scope or "").strip(), (subject or "").strip()
    if scopes:
        codes = {c["code"]: c for c in scopes}
        if scope not in codes:
            raise ValidationError(f"请选择考核评议范围：{'或'.join(c['label'] for c in scopes)}（{cite}）。")
        if scope == "special" and not subject:
            raise ValidationError(f"{codes[scope]['label']}应写明选取的考核评议内容（{cite}）。")
        if scope != "special":
            subject = ""
    else:
        scope, subject = "", ""
    missing = [p["label"] for p in parts if not (texts_by_part.get(p["code"]) or "").strip()]
    if missing:
        raise ValidationError(f"考核评议包括{'和'.join(p['label'] for p in parts)}（{cite}），"
                              f"请填写{'、'.join(missing)}的开展情况。")
    recorded = [{"code": p["code"], "label": p["label"], "text": texts_by_part[p["code"]].strip()[:2000]}
                for p in parts]
    return scope, subject[:200], recorded


def evaluation_scope_label(activity: Activity) -> str:
    if not activity.evaluation_scope:
        return ""
    _parts, scopes, _cite = evaluation_rule(activity.year.jurisdiction)
    label = {c["code"]: c["label"] for c in scopes}.get(activity.evaluation_scope, activity.evaluation_scope)
    return f"{label}：{activity.evaluation_subject}" if activity.evaluation_subject else label


def _schedule(jurisdiction: str, kind: str, schedule: str) -> str:
    """检查 第六条: where the rules tell periodic from unscheduled inspections, an inspection says which."""
    profile = get_profile(jurisdiction)
    if kind != INSPECTION or not profile.has("inspection_schedules"):
        return ""
    codes = {c["code"]: c for c in profile.choices("inspection_schedules")}
    if schedule not in codes:
        cite = profile.figure("inspection_schedules").citation
        raise ValidationError(f"请选择检查方式：定期检查或不定期检查（{cite}：定期检查每年不少于"
                              f"{profile.count('inspections_per_year')}次，只计定期检查）。")
    return schedule


def inspection_forms_rule(jurisdiction: str) -> tuple[list[dict], str]:
    """(forms, citation) an inspection may take (检查 第六条), or ([], "") where the rules list none."""
    profile = get_profile(jurisdiction)
    if not profile.has("inspection_forms"):
        return [], ""
    return profile.choices("inspection_forms"), str(profile.figure("inspection_forms").citation)


def _forms(jurisdiction: str, kind: str, codes, other_form: str) -> list[dict]:
    """检查 第六条: an inspection names the form(s) it took, from the profile's list; "其他形式" says which."""
    choices, cite = inspection_forms_rule(jurisdiction)
    if kind != INSPECTION or not choices:
        return []
    by_code = {c["code"]: c for c in choices}
    codes = [c for c in dict.fromkeys(codes or ()) if c]
    unknown = [c for c in codes if c not in by_code]
    if not codes or unknown:
        raise ValidationError(f"请选择检查形式：{'、'.join(c['label'] for c in choices)}（{cite}），可多选。")
    other_form = (other_form or "").strip()
    chosen = []
    for code in codes:
        label = by_code[code]["label"]
        if code == "other":
            if not other_form:
                raise ValidationError(f"选择“{label}”的，请写明具体形式（{cite}）。")
            label = f"{label}：{other_form[:50]}"
        chosen.append({"code": code, "label": label})
    return chosen


@transaction.atomic
def followup_record(*, activity: Activity, by, outcome: str, decided_on: dt.date, note: str):
    """检查 第十条: the implementation of an inspection's decision or recommendation, judged by the bureau —
    on time, or late / poor and so 考评 (counted in the year's results, casework.assessment) or accountability
    (recorded here; the case itself is taken in by the accountability process, origin 监督检查)."""
    from .models import FollowUp

    _manage(by, activity.year.jurisdiction, MANAGE_MSG)
    activity = Activity.objects.select_for_update(of=("self",)).select_related("year", "agency").get(pk=activity.pk)
    profile = get_profile(activity.year.jurisdiction)
    if not profile.has("inspection_followup_outcomes"):
        raise ValidationError(f"{profile.name}的办法未规定检查决定落实情况的处理。")
    outcomes = {c["code"]: c for c in profile.choices("inspection_followup_outcomes")}
    if outcome not in outcomes:
        raise ValidationError("请选择落实情况（第十条）。")
    if not activity.has_problems:
        raise ValidationError("该检查未发现问题，没有需要落实的决定或建议。")
    if decided_on is None or decided_on > timezone.localdate() or decided_on < activity.held_on:
        raise ValidationError(f"认定日期须在检查之日（{activity.held_on:%Y-%m-%d}）之后且不晚于今天。")
    note = (note or "").strip()
    if not note:
        raise ValidationError("请填写落实情况说明。")
    item = outcomes[outcome]
    cite = str(item["citation"])
    row = FollowUp(activity=activity, outcome=outcome, outcome_label=item["label"][:100], article=cite[:100],
                   decided_on=decided_on, note=note, recorded_by=by)
    row.full_clean()
    row.save()
    if row.poor:
        decision_record(kind="accountability", title=f"检查决定落实不力：{activity.agency.name}", body=note,
                        jurisdiction=activity.year.jurisdiction, agency=activity.agency.name,
                        outcome=item["label"][:64], article=cite, decided_on=decided_on, subject=activity)
    return row


@transaction.atomic
def activity_open_matter(*, activity: Activity, by):
    """A finding becomes a supervision matter handled by the letter process (监督建议书/意见书)."""
    activity = Activity.objects.select_for_update(of=("self",)).select_related("agency", "year").get(pk=activity.pk)
    require_own_jurisdiction(by, activity.year.jurisdiction)
    if activity.matter_id:
        raise ValidationError(f"该{activity.get_kind_display()}已转立监督事项。")
    if not activity.has_problems:
        raise ValidationError("未发现问题的记录不能转立监督事项。")
    matter = matter_open(by=by, agency=activity.agency, source=MATTER_SOURCES.get(activity.kind, activity.kind), process="letter",
                         title=f"{activity.get_kind_display()}发现问题：{activity.title}"[:200],
                         facts=activity.findings)
    activity.matter = matter
    activity.save(update_fields=["matter"])
    return matter


# ------------------------------------------------------------------ case files reviewed 案卷评查
NOT_A_REVIEW = "只有案卷评查可以登记评查的案卷。"

@transaction.atomic
def casefile_record(*, activity: Activity, by, file_number: str, case_title: str, materials_ok: bool,
                    act_ok: bool, note: str = "") -> ReviewedCaseFile:
    """One case file examined in a case-file review (003 第十八条): its documents and evidence (true, standard,
    complete) and the act (lawful, appropriate); a file failing either says what is wrong."""
    _manage(by, activity.year.jurisdiction, MANAGE_MSG)
    activity = Activity.objects.select_for_update(of=("self",)).select_related("year", "matter").get(pk=activity.pk)
    if activity.kind != CASEFILE_REVIEW:
        raise ValidationError(NOT_A_REVIEW)
    if activity.matter_id:
        from casework.recusal import require_not_recused

        require_not_recused(by, activity.matter)
    number, title, note = (file_number or "").strip(), (case_title or "").strip(), (note or "").strip()
    if not number or not title:
        raise ValidationError("请填写案卷编号（文书字号）和案件名称。")
    if not (materials_ok and act_ok) and not note:
        raise ValidationError(f"案卷不符合要求的，请写明存在的问题（{casefile_citation(activity.year.jurisdiction)}）。")
    if ReviewedCaseFile.objects.filter(activity=activity, file_number=number).exists():
        raise ValidationError(f"案卷“{number}”已在本次评查中登记。")
    row = ReviewedCaseFile(activity=activity, file_number=number[:60], case_title=title[:200],
                           materials_ok=bool(materials_ok), act_ok=bool(act_ok), note=note, recorded_by=by)
    row.full_clean(exclude=["activity"])
    row.save()
    if not (materials_ok and act_ok) and not activity.has_problems:
        activity.has_problems = True
        activity.save(update_fields=["has_problems"])
    return row


def casefile_citation(jurisdiction: str) -> str:
    profile = get_profile(jurisdiction)
    return str(profile.figure("casefile_review_per_year").citation) if profile.has("casefile_review_per_year") \
        else "办法未规定"


def casefile_summary(activity: Activity) -> str:
    rows = list(activity.case_files.values_list("materials_ok", "act_ok"))
    if not rows:
        return "尚未登记评查的案卷。"
    bad_materials = sum(1 for m, _a in rows if not m)
    bad_acts = sum(1 for _m, a in rows if not a)
    return (f"评查案卷{len(rows)}件：文书和证据不真实、不规范或不完整的{bad_materials}件，"
            f"执法行为不合法或不适当的{bad_acts}件。")


# ------------------------------------------------------------------ checklist findings 检查清单
NO_ITEM = "请在检查清单中勾选该问题对应的项目：每个发现的问题都须对应清单中的一项。"


@transaction.atomic
def finding_record(*, activity: Activity, item: ChecklistItem | None, text: str, by) -> Finding:
    """A problem found, ticking one item of the jurisdiction's checklist (003 第十一条至第十四条)."""
    _manage(by, activity.year.jurisdiction, MANAGE_MSG)
    activity = Activity.objects.select_for_update(of=("self",)).select_related("year", "matter").get(pk=activity.pk)
    if item is None:
        raise ValidationError(NO_ITEM)
    if item.jurisdiction != activity.year.jurisdiction or not item.active:
        raise ValidationError("所选检查项目不属于本辖区现行的检查清单。")
    text = (text or "").strip()
    if not text:
        raise ValidationError("请填写发现的问题。")
    if activity.matter_id:
        from casework.recusal import require_not_recused

        require_not_recused(by, activity.matter)
    finding = Finding(activity=activity, item=item, text=text, recorded_by=by)
    finding.full_clean(exclude=["letter"])
    finding.save()
    line = f"【{item.label}】{text}"
    activity.findings = f"{activity.findings}\n{line}".strip() if activity.findings else line
    activity.has_problems = True
    activity.save(update_fields=["findings", "has_problems"])
    if activity.matter_id:
        log(activity.matter, by, f"检查发现问题（{item.label}，{item.citation}）：{text[:300]}")
    return finding


@transaction.atomic
def finding_letter(*, finding: Finding, by, ground: str, findings: str, request: str):
    """A finding opens a supervision letter in the activity's file (一案一档) through the one door,
    letters.services.letter_start: the activity's matter where it has one, else the letter opens it."""
    from letters.services import letter_start

    finding = Finding.objects.select_for_update(of=("self",)).select_related("item", "activity__year").get(pk=finding.pk)
    require_own_jurisdiction(by, finding.activity.year.jurisdiction)
    if finding.letter_id:
        raise ValidationError("该问题已制发监督文书，不能重复制发。")
    activity = Activity.objects.select_for_update(of=("self",)).select_related("agency", "matter").get(
        pk=finding.activity_id)
    if activity.matter_id:
        letter = letter_start(by=by, ground=ground, findings=findings, request=request, matter=activity.matter,
                              handoff=f"{activity.get_kind_display()}“{activity.title}”发现问题（{finding.item.label}），"
                                      f"转入监督文书程序（同一案卷）。")
    else:
        letter = letter_start(by=by, ground=ground, findings=findings, request=request, agency=activity.agency,
                              source=MATTER_SOURCES.get(activity.kind, activity.kind), facts=activity.findings,
                              title=f"{activity.get_kind_display()}发现问题：{activity.title}"[:200])
        activity.matter = letter.matter
        activity.save(update_fields=["matter"])
    finding.letter = letter
    finding.save(update_fields=["letter"])
    return letter


# ------------------------------------------------------------------ statistics 统计年报
@transaction.atomic
def statistics_open(*, jurisdiction: str, year: int, by) -> ProgrammeYear:
    """Ask every agency with a liaison for `year`'s statistics: one return and, where the profile sets a
    date (004 统计年报制度 第三条), one clock per agency; and the bureau's own yearly clocks (the district
    summary by the same date; the notification in the quarter the profile names). Re-running adds agencies
    registered since."""
    _manage(by, jurisdiction, MANAGE_MSG)
    profile = get_profile(jurisdiction)
    if not profile.has("statistics_categories"):
        raise ValidationError(f"{profile.name}的规则配置没有行政执法统计类别，无法启动统计年报。")
    py = ProgrammeYear.objects.select_for_update().get(pk=year_for(jurisdiction, year).pk)
    for agency in addressable_agencies(jurisdiction):
        ret, created = StatisticsReturn.objects.get_or_create(year=py, agency=agency)
        if created and profile.has("annual_statistics_due"):
            yearly_clock_start(subject=ret, profile=profile, rule_key="annual_statistics_due", in_year=py.year + 1,
                               label=f"{agency.name}报送{py.year}年度统计年报")
    if py.statistics_opened_at is None:
        py.statistics_opened_at = timezone.now()
        py.save(update_fields=["statistics_opened_at"])
        if profile.has("annual_statistics_due"):
            yearly_clock_start(subject=py, profile=profile, rule_key="annual_statistics_due", in_year=py.year + 1,
                               label=f"公开{py.year}年度全辖区行政执法统计年报")
        if profile.has("annual_notification_due"):
            yearly_clock_start(subject=py, profile=profile, rule_key="annual_notification_due", in_year=py.year + 1,
                               label=f"通报{py.year}年度行政执法情况")
    return py


def report_published(sender, instance, **kwargs) -> None:
    """The editor published the bureau's annual report (004 统计年报制度 第三条第二款): its clock stops."""
    for py in ProgrammeYear.objects.filter(report_page_id=instance.pk):
        clock = _running(py, "annual_statistics_due")
        if clock is not None:
            clock_stop(clock=clock)


def _running(subject, rule_key: str) -> Clock | None:
    return subject_clocks(subject).filter(status=RUNNING, rule_key=rule_key).first()


@transaction.atomic
def statistics_submit(*, ret: StatisticsReturn, figures: dict, explanation: str = "", by,
                      channel: str = "screen") -> StatisticsReturn:
    """The agency's liaison reports its figures (如实填报, 004 统计年报制度 第四条); its clock stops. A
    correction before the bureau's report replaces the figures and keeps the first submission time."""
    ret = StatisticsReturn.objects.select_for_update(of=("self",)).select_related("year", "agency").get(pk=ret.pk)
    require(by, "programme.submit_statistics", "只有执法机关联络员可以报送统计年报。")
    agency = agency_of(by)
    if agency is None or agency.pk != ret.agency_id:
        raise PermissionDenied("只能报送本机关的统计年报。")
    if ret.year.report_page_id:
        raise ValidationError("司法局已汇总生成统计年报，不能再修改；如需更正请联系司法局。")
    codes = [c["code"] for c in get_profile(ret.year.jurisdiction).choices("statistics_categories")]
    clean = {}
    for code in codes:
        value = figures.get(code)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError("各类别件数须为非负整数。")
        clean[code] = value
    ret.figures, ret.explanation, ret.channel = clean, (explanation or "").strip(), channel
    ret.submitted_at = ret.submitted_at or timezone.now()
    ret.submitted_by = by
    ret.full_clean()
    ret.save()
    clock = _running(ret, "annual_statistics_due")
    if clock is not None:
        clock_stop(clock=clock)
    return ret


# ------------------------------------------------------------------ notification 通报 and 限时整改
ANNUAL = "annual"


def notification_terms(profile, *, kind: str, contents, joint_issuers) -> tuple[list[str], list[str]]:
    """Check a notification's 通报方式 (`notification_kinds`, 004 第四条), 通报内容 (`notification_contents`,
    第三条) and joint departments (`notification_joint`, 第一条) against the profile; (contents, joint) cleaned.
    A profile without the kinds knows only the yearly notification; an annual one always covers its year's
    enforcement (the contents item coded "annual")."""
    kinds = [c["code"] for c in profile.choices("notification_kinds")] if profile.has("notification_kinds") else [ANNUAL]
    if kind not in kinds:
        raise ValidationError("请选择规则配置中的通报方式。")
    contents = list(dict.fromkeys(contents or []))
    if profile.has("notification_contents"):
        allowed = [c["code"] for c in profile.choices("notification_contents")]
        if any(c not in allowed for c in contents):
            raise ValidationError("请选择规则配置中的通报内容。")
        if kind == ANNUAL and ANNUAL in allowed and ANNUAL not in contents:
            contents.append(ANNUAL)
        if not contents:
            raise ValidationError("请至少选择一项通报内容。")
        contents = [c for c in allowed if c in contents]  # in the article's order
    elif contents:
        raise ValidationError(f"{profile.name}的规则配置未规定通报内容。")
    joint = list(dict.fromkeys(n.strip() for n in (joint_issuers or []) if n and n.strip()))
    if joint and not profile.has("notification_joint"):
        raise ValidationError(f"{profile.name}的规则配置未规定联合通报。")
    if any(len(n) > 100 for n in joint):
        raise ValidationError("联合通报部门名称过长（每个不超过100字）。")
    if profile.authority in joint:
        raise ValidationError(f"{profile.authority}是通报机关，不必列为联合通报部门。")
    return contents, joint


@transaction.atomic
def notification_issue(*, py: ProgrammeYear, title: str, body: str, named: list[tuple[Agency, str]],
                       period_n: int, period_unit: str, by, issued_on: dt.date | None = None, kind: str = ANNUAL,
                       contents=(), joint_issuers=()) -> Notification:
    """Issue a notification: the yearly one on `py` (its clock stops), or an unscheduled or urgent one issued in
    `py` (004 通报 第四条), with its contents (第三条) and the departments issuing it jointly (第一条).
    For each agency named, a matter, a 限期整改通知书 and a rectification task whose clock starts when the notice
    is received (apps.ready registers `start_rectification_clock` with casework.dispatch).
    The notice is also drafted as a public SupervisionNotificationPage for the editor to review."""
    require(by, "programme.issue_notification", "只有司法局负责人可以签发通报。")
    require_own_jurisdiction(by, py.jurisdiction)
    profile = get_profile(py.jurisdiction)
    if not profile.flag("supervision_notification"):
        raise ValidationError(f"{profile.name}的规则配置未规定行政执法监督情况通报。")
    contents, joint = notification_terms(profile, kind=kind, contents=contents, joint_issuers=joint_issuers)
    basis = profile.figure("rectification_basis")
    if period_unit not in (CALENDAR_DAYS, WORKING_DAYS):
        raise ValidationError("请选择整改期限单位。")
    if isinstance(period_n, bool) or not isinstance(period_n, int) or period_n <= 0:
        raise ValidationError("整改期限须为正整数。")
    if not (title or "").strip() or not (body or "").strip():
        raise ValidationError("请填写通报标题和正文。")
    for agency, problems in named:
        require_addressable(agency)
        if agency.jurisdiction != py.jurisdiction:
            raise ValidationError(f"“{agency.name}”不属于本辖区。")
        if not (problems or "").strip():
            raise ValidationError(f"请填写“{agency.name}”需整改的问题。")
    py = ProgrammeYear.objects.select_for_update().get(pk=py.pk)
    issued_on = issued_on or timezone.localdate()
    period_text = f"{period_n}{UNITS[period_unit]}"
    notification = Notification(year=py, kind=kind, contents=contents, joint_issuers=joint, title=title.strip(),
                                body=body.strip(), period_n=period_n, period_unit=period_unit, issued_on=issued_on,
                                issued_by=by)
    notification.full_clean(exclude=["page"])
    notification.save()
    for agency, problems in named:
        matter = matter_open(by=by, agency=agency, source="notification", process="programme",
                             title=f"{notification.title}：限时整改"[:200], facts=problems.strip(),
                             opened_on=issued_on, check_permission=False)
        words = texts.rectification(notification, agency, problems=problems, period_text=period_text, basis=basis)
        doc = documents.issue(matter=matter, kind="rectification_notice", title=words.title, by=by,
                              issued_on=issued_on, article=str(basis.citation), paragraphs=words.paragraphs,
                              notes=words.notes, values=words.values)
        task = RectificationTask.objects.create(notification=notification, agency=agency, matter=matter,
                                                document=doc, problems=problems.strip(), period_n=period_n,
                                                period_unit=period_unit)
        log(matter, by, f"签发《限期整改通知书》{doc.doc_number}。")
        _flow().start.run(task=task)  # the flow now owns where the matter stands (programme/flows.py)
    notification.page = _notification_page(notification, by=by)
    notification.save(update_fields=["page"])
    clock = _running(py, "annual_notification_due") if kind == ANNUAL else None
    if clock is not None:
        clock_stop(clock=clock)
    item = notification.kind_item
    joint_text = f"（与{notification.joint_text}联合通报）" if joint else ""
    decision_record(
        kind="notification", title=notification.title, body=notification.body, jurisdiction=py.jurisdiction,
        agency="、".join(a.name for a, _p in named),
        outcome=f"{item['label'].split('（')[0] if item else '定期通报'}{joint_text}，责令{len(named)}家限时整改",
        decided_on=issued_on, article=str(item["citation"]) if item else str(basis.citation), subject=notification)
    return notification


def _notification_page(notification: Notification, *, by):
    from public_notices import kinds as K
    from public_notices.models import SupervisionNotificationPage

    from .report import draft_page

    body = notification.body + f"\n请被通报机关自收到限期整改通知书之日起" \
        f"{notification.period_n}{UNITS[notification.period_unit]}内完成整改，并书面报告整改落实情况。"
    item = notification.kind_item
    return draft_page(SupervisionNotificationPage, kind=K.NOTIFICATION, jurisdiction=notification.year.jurisdiction,
                      title=notification.title, body_html=None, body_text=body, by=by,
                      written_on=notification.issued_on,
                      notification_kind=f"{item['label']}（{item['citation']}）" if item else "",
                      notification_contents=_cited_contents(notification),
                      joint_issuers=f"{get_profile(notification.year.jurisdiction).authority}、{notification.joint_text}"
                      if notification.joint_issuers else "")


def _cited_contents(notification: Notification) -> str:
    """The contents items with the full citation, e.g. "…（《行政执法监督情况通报制度》第三条第（二）项）"."""
    return "；".join(f"{c['label']}（{c['citation']}）"
                    for c in notification._items("notification_contents", notification.contents))


# ------------------------------------------------------------------ the 限时整改 flow (programme/flows.py)
def _flow():
    from .flows import RectificationFlow

    return RectificationFlow


ACTIVE_TASK = ("NEW", "ASSIGNED", "STARTED")


def waiting_step(task: RectificationTask, *steps: str):
    """The waiting task of one of `steps` in the rectification's process (None: not reached, or done)."""
    from flows.services import process_for

    flow = _flow()
    process = process_for(task, flow)
    if process is None:
        return None
    return process.task_set.filter(flow_task__in=[getattr(flow, s) for s in steps],
                                   status__in=ACTIVE_TASK).order_by("pk").first()


def start_rectification_clock(*, document: Document, by) -> None:
    """Receipt of a 限期整改通知书 starts its task's clock (the period the notification set) and moves the flow
    past 送达; casework.dispatch sends it here (apps.ready registers the kind)."""
    from flows.services import run_handle

    task = RectificationTask.objects.filter(document=document, clock__isnull=True).select_related(
        "matter", "notification__year", "agency").first()
    if task is None:
        return
    profile = get_profile(task.matter.jurisdiction)
    clock = clock_start(subject=task.matter, profile=profile, rule_key="rectification_basis",
                        started_on=document.received_on, n=task.period_n, unit=task.period_unit,
                        label=f"{task.agency.name}限时整改并书面报告")
    task.clock = clock
    task.save(update_fields=["clock"])
    log(task.matter, by, f"限时整改期限自{document.received_on:%Y-%m-%d}起算，{task.period_n}"
                         f"{UNITS[task.period_unit]}，届满日{clock.due_on:%Y-%m-%d}。")
    step = waiting_step(task, "served")
    if step is not None:  # run_handle takes the flow's lock in the statement that finds the task still waiting
        run_handle(process=step.process, node=_flow().served)


REPORT_MSG = "只有被通报机关的联络员可以报告整改落实情况。"


def rectification_report(*, task: RectificationTask, report: str, by) -> RectificationTask:
    """The named agency reports in writing how it rectified (004 通报制度 第五条); the clock stops and the flow
    moves to the officer's review. Done through the waiting task (`report`, or `late_report` once overdue),
    under the flow's lock: a second report of the same task is refused."""
    from flows.services import task_perform

    agency = agency_of(by)
    if agency is None or agency.pk != task.agency_id:
        raise PermissionDenied(REPORT_MSG)
    if not (report or "").strip():
        raise ValidationError("请填写整改落实情况。")
    step = waiting_step(task, "report", "late_report")
    if step is None:
        task.refresh_from_db()
        if task.reported_at:
            raise ValidationError("已报告整改落实情况。")
        raise ValidationError("限期整改通知书尚未签收，请先在监督事项中签收。")

    def write():
        locked = RectificationTask.objects.select_for_update(of=("self",)).select_related("matter", "clock").get(
            pk=task.pk)
        if locked.reported_at:
            raise ValidationError("已报告整改落实情况。")
        locked.report, locked.reported_at = report.strip(), timezone.now()
        locked.save(update_fields=["report", "reported_at"])
        if locked.clock is not None and locked.clock.status == RUNNING:
            clock_stop(clock=locked.clock)
        late = "（逾期报告）" if locked.overdue_on else ""
        log(locked.matter, by, f"被通报机关书面报告整改落实情况{late}：{locked.report[:400]}",
            audience=MatterEvent.PARTY, agency=locked.matter.agency)
        return locked

    return task_perform(task=step, user=by, action=write)


REVIEW_MSG = "只有司法局经办人或负责人可以审核整改落实情况。"


def rectification_accept(*, task: RectificationTask, by, note: str = "") -> RectificationTask:
    """The officer reviews the written report and confirms the rectification (审核整改落实情况); the matter closes."""
    from flows.services import task_perform

    _manage(by, task.notification.year.jurisdiction, REVIEW_MSG)
    step = waiting_step(task, "review")
    if step is None:
        raise ValidationError("该整改任务当前没有待审核的整改落实情况（可能尚未报告，或已审核），请刷新页面后查看。")
    from casework.recusal import require_not_recused

    require_not_recused(by, task.matter)

    def write():
        locked = RectificationTask.objects.select_for_update(of=("self",)).select_related("matter").get(pk=task.pk)
        text = (note or "").strip() or "经审核，整改落实情况属实，予以确认。"
        locked.review_note, locked.accepted_at, locked.accepted_by = text, timezone.now(), by
        locked.save(update_fields=["review_note", "accepted_at", "accepted_by"])
        log(locked.matter, by, f"审核整改落实情况：{text[:400]}", audience=MatterEvent.PARTY,
            agency=locked.matter.agency)
        return locked

    done = task_perform(task=step, user=by, action=write)
    matter_close(matter=done.matter, by=by, outcome="整改落实情况已审核确认")
    return done


INEFFECTIVE_MSG = "只有司法局经办人或负责人可以认定整改落实不力。"


def ineffective_article(jurisdiction: str) -> str:
    """The article under which 整改落实不力 found on review counts (通报 第六条, the profile's assessment_results),
    shown beside the finding's date; "" where the jurisdiction's rules have none."""
    profile = get_profile(jurisdiction)
    return str(profile.figure("assessment_results").citation) if profile.has("assessment_results") else ""


def rectification_ineffective(*, task: RectificationTask, by, findings: str) -> RectificationTask:
    """The review's other outcome (004 通报制度 第六条: 整改落实不力): the written report shows the problems were not
    rectified. Recorded on the task with the facts (a decision record the agency may read, 纳入考核), the review
    task completed under the flow's lock, the matter closed; the case then waits for the 情节严重 judgement
    (referrals.todos: refer, or find it not serious, through referrals.services)."""
    from flows.services import task_perform

    _manage(by, task.notification.year.jurisdiction, INEFFECTIVE_MSG)
    findings = (findings or "").strip()
    if not findings:
        raise ValidationError("请写明整改落实不力的事实（哪些问题未整改、报告与实际不符等）。")
    step = waiting_step(task, "review")
    if step is None:
        raise ValidationError("该整改任务当前没有待审核的整改落实情况（可能尚未报告，或已审核），请刷新页面后查看。")
    from casework.recusal import require_not_recused

    require_not_recused(by, task.matter)
    cite = ineffective_article(task.matter.jurisdiction)

    def write():
        locked = RectificationTask.objects.select_for_update(of=("self",)).select_related("matter", "agency").get(
            pk=task.pk)
        today = timezone.localdate()
        locked.ineffective_on, locked.ineffective_findings = today, findings
        locked.save(update_fields=["ineffective_on", "ineffective_findings"])
        basis = f"（{cite}）" if cite else ""
        decision_record(kind="notification", title=f"整改落实不力：{locked.agency.name}（{locked.matter.title}）",
                        body=findings, jurisdiction=locked.matter.jurisdiction, agency=locked.agency.name,
                        outcome="整改落实不力", decided_on=today, article=cite, subject=locked.matter)
        log(locked.matter, by, f"审核整改落实情况，认定整改落实不力{basis}：{findings[:400]}",
            audience=MatterEvent.PARTY, agency=locked.matter.agency)
        return locked

    done = task_perform(task=step, user=by, action=write)
    matter_close(matter=done.matter, by=by, outcome="审核认定整改落实不力")
    return done


def rectification_overdue(*, today: dt.date) -> int:
    """Scheduler (programme.jobs): a rectification period that ran out with no report moves the flow on. The
    system completes the liaison's waiting `report` task (flows.services.task_complete_by_system, under the
    flow's lock) and records 整改落实不力 where the profile says how it is used (`assessment_results`);
    the flow then waits for the late report. One task per transaction."""
    from flows.services import task_complete_by_system

    moved = 0
    overdue = (RectificationTask.objects.filter(reported_at__isnull=True, overdue_on__isnull=True,
                                                clock__status=RUNNING, clock__due_on__lt=today)
               .select_related("matter", "clock").order_by("pk"))
    for task in overdue:
        step = waiting_step(task, "report")
        if step is None:
            continue

        def record(task=task):
            locked = RectificationTask.objects.select_for_update(of=("self",)).select_related("clock", "matter").get(
                pk=task.pk)
            locked.overdue_on = today
            locked.save(update_fields=["overdue_on"])
            log(locked.matter, None, overdue_text(locked))

        if task_complete_by_system(task=step, action=record):
            moved += 1
    return moved


def overdue_text(task: RectificationTask) -> str:
    profile = get_profile(task.matter.jurisdiction)
    text = (f"限时整改期限已于{task.clock.due_on:%Y-%m-%d}届满，被通报机关未书面报告整改落实情况"
            f"（{task.clock.citation}），记为整改落实不力")
    if profile.has("assessment_results"):
        use = profile.figure("assessment_results")
        text += f"，纳入考核（{use.citation}）"
    return text + "。"
