"""The one door for putting a person on an agency's auxiliary-staff register: who may (bureau staff for every
agency, a liaison only for their own), and the hiring conditions (第七条) and barring grounds (第八条) of
Wulong's 《行政执法辅助人员管理办法》 checked with their article. Every bound is read from the rule profile."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from stdnum.cn import ric

from roles.access import (  # noqa: F401 - is_bureau used by views
    agency_of,
    is_bureau,
    is_liaison,
    outside_own_jurisdiction,
    own_jurisdiction_only,
    require_own_jurisdiction,
)
from rules.profiles import Profile
from rules.sources import Citation

from .models import CURRENT, STATUSES, AuxiliaryStaff

JUNIOR = ("junior", "初中及以下")


def education_levels(profile: Profile) -> list[tuple[str, str]]:
    """Every level a person may state, lowest first: below the accepted ones, then the profile's accepted."""
    return [JUNIOR] + [(i["code"], i["label"]) for i in profile.choices("auxiliary_education_accepted")]


def may_manage(user, agency) -> bool:
    if is_bureau(user):
        return not outside_own_jurisdiction(user, agency.jurisdiction)
    return is_liaison(user) and agency_of(user) is not None and agency_of(user).pk == agency.pk


def visible_agencies(user, agencies):
    """The agencies whose roster `user` may see: bureau staff those of their own jurisdiction (all when they work
    in every one), a liaison its own, none otherwise."""
    if is_bureau(user):
        return own_jurisdiction_only(agencies, user)
    own = agency_of(user) if is_liaison(user) else None
    return agencies.filter(pk=own.pk) if own is not None else agencies.none()


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _cite(profile: Profile, key: str, article: str | None = None) -> str:
    c = profile.figure(key).citation
    return str(Citation(c.source, article or c.article, c.document))


def id_birth_date(number: str) -> dt.date | None:
    """The birth date of an 18-digit resident ID (format, date and check digit, GB 11643), or None when it is not
    one. The area code is not checked: genuine numbers carry codes of areas since renamed or merged (Wulong's
    500232 from before 武隆县 became a district), which stdnum's table no longer lists."""
    import re

    if not re.fullmatch(r"\d{17}[\dX]", number or ""):
        return None
    try:
        birth = ric.get_birth_date(number)
    except Exception:  # noqa: BLE001 - stdnum raises several ValidationError kinds; all mean "no such date"
        return None
    if ric.calc_check_digit(number) != number[-1] or birth.year < 1900:
        return None
    return birth


def check_hiring(profile: Profile, data: dict) -> dict[str, list[str]]:
    """Field → Chinese refusals, each naming its article; empty when the person may be hired."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if profile.flag("auxiliary_dispatch_only"):
        for field, label in (("dispatch_unit", "劳务派遣单位"), ("dispatch_agreement", "劳务派遣协议编号")):
            if not (data.get(field) or "").strip():
                add(field, f"新使用行政执法辅助人员一律采取劳务派遣方式，请填写{label}"
                           f"（{_cite(profile, 'auxiliary_dispatch_only')}）。")
    reason = (data.get("special_reason") or "").strip()
    adjusted = data.get("post_age_min") not in (None, "") or bool(data.get("post_education"))
    if adjusted and not reason:
        add("special_reason", "特殊行政执法辅助岗位调整招聘条件的，应当注明原因"
                              f"（{_cite(profile, 'auxiliary_special_post')}）。")
    special = adjusted and bool(reason) and profile.flag("auxiliary_special_post")

    number = (data.get("id_number") or "").strip().upper()
    birth = id_birth_date(number)
    if birth is None:
        add("id_number", "身份证号不正确，请核对18位公民身份号码（含校验位）。")
    start = data.get("start")
    if birth is not None and start is not None:
        low, high = profile.range("auxiliary_age_min")
        if special and data.get("post_age_min") not in (None, ""):
            low = int(data["post_age_min"])
        age = age_on(birth, start)
        where = "特殊岗位注明的条件" if special and data.get("post_age_min") not in (None, "") else \
            _cite(profile, "auxiliary_age_min")
        if low is not None and age < low:
            add("id_number", f"按身份证号，该人员于{start.year}年{start.month}月{start.day}日（使用起始日期）"
                             f"为{age}周岁，未满{low}周岁，不符合招聘条件（{where}）。")
        if high is not None and age > high:
            add("id_number", f"按身份证号，该人员于使用起始日期为{age}周岁，超过{high}周岁（{where}）。")

    levels = [code for code, _ in education_levels(profile)]
    labels = dict(education_levels(profile))
    education = data.get("education") or ""
    if education not in levels:
        add("education", "请选择学历。")
    elif special and data.get("post_education"):
        need = data["post_education"]
        if levels.index(education) < levels.index(need):
            add("education", f"学历为{labels[education]}，低于本特殊岗位注明的学历要求（{labels[need]}）。")
    elif education not in {i["code"] for i in profile.choices("auxiliary_education_accepted")}:
        add("education", f"学历为{labels[education]}，不符合“{profile.text('auxiliary_education_min')}”的招聘条件"
                         f"（{_cite(profile, 'auxiliary_education_min')}）。")

    confirmed = set(data.get("conditions") or [])
    for item in profile.choices("auxiliary_conditions"):
        if item["code"] not in confirmed:
            add("conditions", f"未确认“{item['label']}”，不符合招聘条件（{item['citation']}）。")
    for item in profile.choices("auxiliary_barring_grounds"):
        if item["code"] in set(data.get("barring") or []):
            add("barring", f"属于不得招聘为行政执法辅助人员的情形：{item['label']}（{item['citation']}）。")

    codes = {i["code"] for i in profile.choices("auxiliary_duties")}
    duties = list(data.get("duties") or [])
    if not duties:
        add("duties", f"请至少选择一项岗位职责（{_cite(profile, 'auxiliary_duties')}）。")
    elif set(duties) - codes:
        add("duties", "岗位职责只能从规则配置列明的职责中选择。")
    end = data.get("end")
    if start and end and end < start:
        add("end", "使用截止日期不能早于使用起始日期。")
    return errors


@transaction.atomic
def add_staff(*, by, agency, profile: Profile, data: dict) -> AuxiliaryStaff:
    if not may_manage(by, agency):
        raise PermissionDenied("您只能登记本机关的行政执法辅助人员。")
    errors = check_hiring(profile, data)
    number = (data.get("id_number") or "").strip().upper()
    if not errors and AuxiliaryStaff.objects.filter(agency=agency, id_number=number, status__in=CURRENT).exists():
        errors["id_number"] = ["该身份证号的人员已在本机关辅助人员名册中（在岗或停岗），不能重复登记。"]
    if errors:
        raise ValidationError(errors)
    return AuxiliaryStaff.objects.create(
        jurisdiction=profile.code, agency=agency, name=data["name"].strip(), id_number=number,
        birth_date=id_birth_date(number), education=data["education"], veteran=bool(data.get("veteran")),
        dispatch_unit=data["dispatch_unit"].strip(), dispatch_agreement=data["dispatch_agreement"].strip(),
        post=data["post"].strip(), special_reason=(data.get("special_reason") or "").strip(),
        post_age_min=data.get("post_age_min") or None, post_education=data.get("post_education") or "",
        duties=list(data["duties"]), supervising_officer=data["supervising_officer"].strip(),
        officer_certificate=data["officer_certificate"].strip(), start=data["start"], end=data.get("end"),
        created_by=by)


# ------------------------------------------------------------------------------------------------------------
# The agency's management of its staff (第十四条 谁使用、谁管理、谁负责): status changes, the person's file,
# periodic assessment (第十六条) and the handling of breaches (第十七条). Each is the agency's own decision: its
# liaison records it; bureau staff see every agency's and check the agency's management (第十八条).

TRANSITIONS = {  # kind → (statuses it may start from, status it leads to)
    "suspend": (("active",), "suspended"),
    "resume": (("suspended",), "active"),
    "renew": (("active",), "active"),
    "expire": (("active", "suspended"), "ended"),
    "dismiss": (("active", "suspended"), "dismissed"),
    "transfer": (("active", "suspended"), None),  # 岗位调整: the status stays, the post changes
}
BY_ASSESSMENT = ("renew", "transfer")  # 第十六条: the assessment result is their basis
STATUS_LABELS = dict(STATUSES)


def may_decide(user, agency) -> bool:
    """The agency decides about its own auxiliary staff (第四条、第十四条): its liaison records the decision."""
    own = agency_of(user) if is_liaison(user) else None
    return own is not None and own.pk == agency.pk


def _require_agency(by, agency, profile: Profile) -> None:
    if not may_decide(by, agency):
        raise PermissionDenied(
            "行政执法辅助人员的日常管理由所在行政执法机关负责，其停岗、续聘、解除、考核、档案和处理由该机关"
            f"登记（{_cite(profile, 'auxiliary_status_changes', '第四条')}）；司法局工作人员可以查看并开展监督检查。")


def _lock(staff: AuxiliaryStaff) -> AuxiliaryStaff:
    return AuxiliaryStaff.objects.select_for_update().select_related("agency").get(pk=staff.pk)


def _d(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _check_decided(errors: dict, person: AuxiliaryStaff, decided_on, decider: str, *, today: dt.date) -> None:
    if decided_on is None:
        errors.setdefault("decided_on", []).append("请填写决定日期。")
    elif decided_on > today:
        errors.setdefault("decided_on", []).append("决定日期不能晚于今天。")
    elif decided_on < person.start:
        errors.setdefault("decided_on", []).append(f"决定日期不能早于使用起始日期（{_d(person.start)}）。")
    if not (decider or "").strip():
        errors.setdefault("decider", []).append("请填写作出决定的机关负责人姓名。")


def _record(*, person: AuxiliaryStaff, profile: Profile, title: str, body: str, outcome: str, article: str,
            decided_on: dt.date, subject):
    from decisions.services import decision_record

    return decision_record(kind="auxiliary", title=title, body=body, jurisdiction=profile.code,
                           agency=person.agency.name, outcome=outcome, article=article, decided_on=decided_on,
                           subject=subject)


def latest_assessment(person: AuxiliaryStaff):
    return person.assessments.order_by("-period_end", "-pk").first()


@transaction.atomic
def change_status(*, by, staff: AuxiliaryStaff, profile: Profile, kind: str, reason: str, decided_on: dt.date,
                  decider: str, new_end: dt.date | None = None, assessment=None, new_post: str = "",
                  today: dt.date | None = None):
    """The one door for 停岗 / 恢复在岗 / 续聘 / 期满离岗 / 解除劳动关系 / 岗位调整: reason, date and decider recorded
    with the article, a DecisionRecord written, the register's status (for 续聘 the end date, for 岗位调整 the
    post) updated. 续聘 and 岗位调整 rest on the latest assessment (第十六条)."""
    from django.utils import timezone

    from .models import StatusChange

    person = _lock(staff)
    _require_agency(by, person.agency, profile)
    today = today or timezone.localdate()
    items = {i["code"]: i for i in profile.choices("auxiliary_status_changes")}
    errors: dict[str, list[str]] = {}
    if kind not in items or kind not in TRANSITIONS:
        raise ValidationError({"kind": ["请选择变更类型。"]})
    item = items[kind]
    citation = str(item["citation"])
    starts, to_status = TRANSITIONS[kind]
    to_status = to_status or person.status
    if person.status not in starts:
        errors.setdefault("kind", []).append(
            f"该人员目前为“{STATUS_LABELS[person.status]}”，不能{item['label']}。")
    if not (reason or "").strip():
        errors.setdefault("reason", []).append("请写明原因。")
    _check_decided(errors, person, decided_on, decider, today=today)
    last = latest_assessment(person)
    new_post = (new_post or "").strip()
    if kind == "renew":
        floor = person.end or decided_on
        if new_end is None:
            errors.setdefault("new_end", []).append("续聘请填写续聘后的使用截止日期。")
        elif floor and new_end <= floor:
            errors.setdefault("new_end", []).append(f"续聘后的使用截止日期应当晚于{_d(floor)}。")
        if last is not None and last.effect == "dismiss":
            errors.setdefault("kind", []).append(
                f"最近一次考核（{_d(last.period_start)}至{_d(last.period_end)}）为{last.grade_label}，"
                f"不能作为续聘依据（{citation}）。")
    if kind == "transfer":
        if not new_post:
            errors.setdefault("new_post", []).append("岗位调整请填写调整后的岗位。")
        elif new_post == person.post:
            errors.setdefault("new_post", []).append(f"调整后的岗位与现岗位（{person.post}）相同。")
    if kind in BY_ASSESSMENT:
        if last is None:
            errors.setdefault("kind", []).append(
                f"{item['label'].split('（')[0]}应当以考核结果为依据（{citation}），该人员尚无考核记录，请先登记考核。")
        assessment = last
    if kind == "expire" and decided_on is not None:
        if person.end is None:
            errors.setdefault("kind", []).append("该人员未登记使用截止日期，不能登记期满离岗；提前结束使用的，请选择解除劳动关系。")
        elif decided_on < person.end:
            errors.setdefault("decided_on", []).append(
                f"使用期限至{_d(person.end)}届满，届满前不能登记期满离岗；提前结束使用的，请选择解除劳动关系。")
    if assessment is not None and assessment.staff_id != person.pk:
        errors.setdefault("kind", []).append("所依据的考核不是该人员的考核。")
    if errors:
        raise ValidationError(errors)

    from_status = person.status
    change = StatusChange.objects.create(
        staff=person, kind=kind, kind_label=item["label"], from_status=from_status, to_status=to_status,
        reason=reason.strip(), decided_on=decided_on, decider=decider.strip(), article=citation,
        new_end=new_end if kind == "renew" else None, assessment=assessment,
        from_post=person.post if kind == "transfer" else "", new_post=new_post if kind == "transfer" else "",
        recorded_by=by)
    person.status = to_status
    fields = ["status"]
    if kind == "renew":
        person.end = new_end
        fields.append("end")
    elif kind == "transfer":
        person.post = new_post
        fields.append("post")
    elif kind == "dismiss" and (person.end is None or person.end > decided_on):
        person.end = decided_on
        fields.append("end")
    person.save(update_fields=fields)
    extra = f"；续聘至{_d(new_end)}" if kind == "renew" else \
        f"；岗位由{change.from_post}调整为{change.new_post}" if kind == "transfer" else ""
    if assessment is not None:
        extra += (f"；依据{_d(assessment.period_start)}至{_d(assessment.period_end)}考核结果"
                  f"（{assessment.grade_label}）")
    change.decision = _record(
        person=person, profile=profile, title=f"{person.agency.name}行政执法辅助人员{person.name}：{item['label']}",
        body=f"{STATUS_LABELS[from_status]}→{STATUS_LABELS[to_status]}{extra}。原因：{change.reason}。"
             f"决定人：{change.decider}。依据：{citation}。",
        outcome=item["label"], article=citation, decided_on=decided_on, subject=change)
    change.save(update_fields=["decision"])
    return change


@transaction.atomic
def record_assessment(*, by, staff: AuxiliaryStaff, profile: Profile, period_start: dt.date, period_end: dt.date,
                      grade: str, remarks: str, decided_on: dt.date, decider: str, today: dt.date | None = None):
    """A periodic assessment (第十六条); an unsatisfactory grade is then proposed for 解除 (see `proposal`)."""
    from django.utils import timezone

    from .models import Assessment

    person = _lock(staff)
    _require_agency(by, person.agency, profile)
    today = today or timezone.localdate()
    grades = {i["code"]: i for i in profile.choices("auxiliary_assessment_grades")}
    citation = str(profile.figure("auxiliary_assessment_grades").citation)
    errors: dict[str, list[str]] = {}
    if person.status not in ("active", "suspended"):
        errors.setdefault("grade", []).append(f"该人员已{STATUS_LABELS[person.status]}，不再考核。")
    if grade not in grades:
        errors.setdefault("grade", []).append("请选择考核等次。")
    if not (remarks or "").strip():
        errors.setdefault("remarks", []).append("请写明工作绩效、遵章守纪、教育培训等考核情况。")
    if period_start and period_end:
        if period_end < period_start:
            errors.setdefault("period_end", []).append("考核期间止不能早于考核期间起。")
        elif period_start < person.start:
            errors.setdefault("period_start", []).append(f"考核期间不能早于使用起始日期（{_d(person.start)}）。")
        else:
            overlap = person.assessments.filter(period_start__lte=period_end, period_end__gte=period_start).first()
            if overlap:
                errors.setdefault("period_start", []).append(
                    f"与已登记的考核期间（{_d(overlap.period_start)}至{_d(overlap.period_end)}）重叠。")
    _check_decided(errors, person, decided_on, decider, today=today)
    if decided_on and period_start and decided_on < period_start:
        errors.setdefault("decided_on", []).append("考核决定日期不能早于考核期间起。")
    if errors:
        raise ValidationError(errors)
    item = grades[grade]
    row = Assessment.objects.create(
        staff=person, period_start=period_start, period_end=period_end, grade=grade, grade_label=item["label"],
        effect=item.get("effect") or "renew", remarks=remarks.strip(), decided_on=decided_on,
        decider=decider.strip(), article=citation, recorded_by=by)
    row.decision = _record(
        person=person, profile=profile, title=f"{person.agency.name}行政执法辅助人员{person.name}考核：{item['label']}",
        body=f"考核期间{_d(period_start)}至{_d(period_end)}，等次{item['label']}。{row.remarks}。决定人：{row.decider}。",
        outcome=f"考核{item['label']}", article=citation, decided_on=decided_on, subject=row)
    row.save(update_fields=["decision"])
    return row


def proposal(profile: Profile, assessment) -> str:
    """What an assessment's result proposes (第十六条), in words for the person's screen; '' when nothing."""
    citation = profile.figure("auxiliary_assessment_grades").citation
    if assessment.effect == "dismiss" and assessment.staff.status in ("active", "suspended"):
        return (f"考核{assessment.grade_label}：考核结果作为解除劳动关系的依据，建议解除劳动关系"
                f"（{citation}）。")
    return ""


def next_assessment(profile: Profile, person: AuxiliaryStaff) -> tuple[dt.date, str] | None:
    """When the next periodic assessment is due (第十六条; the profile's cycle) and the reading applied."""
    if person.status not in ("active", "suspended") or not profile.has("auxiliary_assessment_cycle"):
        return None
    last = latest_assessment(person)
    return assessment_due(profile, last.period_end if last else None, person.start)


def assessment_due(profile: Profile, last_end: dt.date | None, start: dt.date) -> tuple[dt.date, str] | None:
    """The day by which the next assessment is due: one cycle after the day after the last assessed period (or
    after the start of use), less a day; with the reading applied (办法未规定周期 → the profile's default)."""
    if not profile.has("auxiliary_assessment_cycle"):
        return None
    rule = profile.period("auxiliary_assessment_cycle")
    base = last_end + dt.timedelta(days=1) if last_end else start
    months = rule.n * 12 if rule.unit == "years" else rule.n if rule.unit == "months" else None
    if months is None:
        return None
    y, m = divmod(base.month - 1 + months, 12)
    year, month = base.year + y, m + 1
    day = min(base.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
                         31, 31, 30, 31, 30, 31][month - 1])
    due = dt.date(year, month, day) - dt.timedelta(days=1)
    return due, f"每{rule.text}考核一次（{rule.citation}{'；' + rule.note if rule.note else ''}）"


@transaction.atomic
def record_sanction(*, by, staff: AuxiliaryStaff, profile: Profile, measure: str, acts: list[str], facts: str,
                    decided_on: dt.date, decider: str, today: dt.date | None = None):
    """The agency's handling of a breach (第十七条), citing the prohibited acts of 第十条; 依法解除劳动合同 goes
    through `change_status` in the same transaction."""
    from django.utils import timezone

    from .models import Sanction

    person = _lock(staff)
    _require_agency(by, person.agency, profile)
    today = today or timezone.localdate()
    measures = {i["code"]: i for i in profile.choices("auxiliary_sanctions")}
    prohibited = {i["code"]: i for i in profile.choices("auxiliary_prohibited_acts")}
    citation = str(profile.figure("auxiliary_sanctions").citation)
    errors: dict[str, list[str]] = {}
    if measure not in measures:
        errors.setdefault("measure", []).append("请选择处理方式。")
    acts = list(acts or [])
    if set(acts) - set(prohibited):
        errors.setdefault("acts", []).append("禁止行为只能从规则配置列明的行为中选择。")
    if not (facts or "").strip():
        errors.setdefault("facts", []).append("请写明违反办法的事实。")
    if person.status not in ("active", "suspended"):
        errors.setdefault("measure", []).append(f"该人员已{STATUS_LABELS[person.status]}，不能再作处理。")
    _check_decided(errors, person, decided_on, decider, today=today)
    if errors:
        raise ValidationError(errors)
    item = measures[measure]
    cited = "；".join(f"{prohibited[c]['label']}（{prohibited[c]['citation']}）" for c in acts)
    change = None
    if measure == "dismiss":
        change = change_status(by=by, staff=person, profile=profile, kind="dismiss",
                               reason=f"违反办法规定，情节严重（{citation}）：{facts.strip()}",
                               decided_on=decided_on, decider=decider, today=today)
    row = Sanction.objects.create(
        staff=person, measure=measure, measure_label=item["label"], acts=acts, facts=facts.strip(),
        decided_on=decided_on, decider=decider.strip(), article=citation, status_change=change, recorded_by=by)
    row.decision = _record(
        person=person, profile=profile, title=f"{person.agency.name}行政执法辅助人员{person.name}：{item['label']}",
        body=f"事实：{row.facts}。" + (f"违反的禁止行为：{cited}。" if cited else "") + f"决定人：{row.decider}。",
        outcome=item["label"], article=citation, decided_on=decided_on, subject=row)
    row.save(update_fields=["decision"])
    return row


@transaction.atomic
def add_record(*, by, staff: AuxiliaryStaff, profile: Profile, kind: str, day: dt.date, title: str,
               content: str = "", upload=None, today: dt.date | None = None):
    """An entry of the person's file (第十四条): training, confidentiality undertaking, reward, daily management;
    a scanned attachment is kept in the private storage and served only to who may see the person."""
    from django.utils import timezone

    from casework.uploads import check_upload

    from .models import StaffRecord

    person = _lock(staff)
    _require_agency(by, person.agency, profile)
    today = today or timezone.localdate()
    kinds = {i["code"]: i for i in profile.choices("auxiliary_file_kinds")}
    errors: dict[str, list[str]] = {}
    if kind not in kinds:
        errors.setdefault("kind", []).append("请选择档案类别。")
    if day is None:
        errors.setdefault("day", []).append("请填写日期。")
    elif day > today:
        errors.setdefault("day", []).append("日期不能晚于今天。")
    if not (title or "").strip():
        errors.setdefault("title", []).append("请填写事项。")
    if kind == "recovery" and kind in kinds and not (content or "").strip():
        errors.setdefault("content", []).append(
            f"追偿的，请在内容中写明赔偿情况（受损失的公民、法人或者其他组织，赔偿金额）和追偿对象（劳务派遣单位或"
            f"辅助人员）、追偿金额（{kinds[kind]['citation']}）。")
    mime = ""
    if upload is not None:
        try:
            mime = check_upload(upload)
        except ValidationError as exc:
            errors.setdefault("file", []).extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    item = kinds[kind]
    row = StaffRecord(staff=person, kind=kind, kind_label=item["label"], article=str(item["citation"]), day=day,
                      title=title.strip(), content=(content or "").strip(), recorded_by=by)
    if upload is not None:
        row.original_name, row.content_type = upload.name[:200], mime
        row.file.save(upload.name, upload, save=False)
    row.save()
    return row


@transaction.atomic
def check_agency(*, by, agency, profile: Profile, checked_on: dt.date, missing_systems: list[str],
                 violations: list[str], findings: str, head_name: str = "", today: dt.date | None = None):
    """The bureau's check of an agency's management of its auxiliary staff: 第十四条 systems, 第十五条 acts (pay
    tied to fines, quotas), and where it failed, the agency head held accountable (第十八条)."""
    from django.utils import timezone

    from casework.models import Agency

    from .models import AgencyCheck

    if not is_bureau(by):
        raise PermissionDenied("只有司法局工作人员可以对执法机关的辅助人员管理开展监督检查。")
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    require_own_jurisdiction(by, agency.jurisdiction)
    today = today or timezone.localdate()
    systems = {i["code"]: i for i in profile.choices("auxiliary_management_systems")}
    acts = {i["code"]: i for i in profile.choices("auxiliary_agency_prohibited")}
    errors: dict[str, list[str]] = {}
    if checked_on is None:
        errors.setdefault("checked_on", []).append("请填写检查日期。")
    elif checked_on > today:
        errors.setdefault("checked_on", []).append("检查日期不能晚于今天。")
    if set(missing_systems or []) - set(systems) or set(violations or []) - set(acts):
        errors.setdefault("findings", []).append("检查项目只能从规则配置列明的事项中选择。")
    if not (findings or "").strip():
        errors.setdefault("findings", []).append("请写明检查情况。")
    failed = bool(missing_systems or violations)
    head = _cite(profile, "auxiliary_head_accountability")
    if failed and not (head_name or "").strip():
        errors.setdefault("head_name", []).append(
            f"机关未按办法执行的，{profile.text('auxiliary_head_accountability')}（{head}），请填写机关负责人姓名。")
    if errors:
        raise ValidationError(errors)
    row = AgencyCheck.objects.create(
        jurisdiction=profile.code, agency=agency, checked_on=checked_on, missing_systems=list(missing_systems or []),
        violations=list(violations or []), findings=findings.strip(), head_name=(head_name or "").strip(),
        head_accountability=failed, checked_by=by)
    lines = [f"未建立或未落实{systems[c]['label']}（{systems[c]['citation']}）" for c in row.missing_systems]
    lines += [f"{acts[c]['label']}（{acts[c]['citation']}）" for c in row.violations]
    outcome = "存在问题，建议追究机关负责人责任" if failed else "未发现问题"
    from decisions.services import decision_record

    record = decision_record(
        kind="auxiliary", title=f"{agency.name}行政执法辅助人员管理监督检查：{outcome}",
        body=f"检查情况：{row.findings}。" + ("；".join(lines) + "。" if lines else "")
             + (f"{profile.text('auxiliary_head_accountability')}：{row.head_name}（{head}）。" if failed else ""),
        jurisdiction=profile.code, agency=agency.name, outcome=outcome,
        article=head if failed else str(profile.figure("auxiliary_agency_prohibited").citation),
        decided_on=checked_on, subject=row)
    row.decision = record
    row.save(update_fields=["decision"])
    return row


@transaction.atomic
def check_to_accountability(*, check, by, kind: str = "fault", grounds=(), wrong_ground: str = "", aux_acts=(),
                            facts: str = ""):
    """第十八条: where the check found the agency had not carried out the measures, the head's accountability is
    taken in as a 过错责任 case through the one door (accountability.services.case_intake), once per check. The
    grounds are the jurisdiction's 过错 grounds, chosen by the bureau's handler; the facts cite the check."""
    from accountability.services import case_intake
    from roles.access import require

    from .models import AgencyCheck

    if not is_bureau(by):
        raise PermissionDenied("只有司法局经办人可以将检查发现的问题转入责任追究。")
    require(by, "accountability.handle_case", "只有司法局经办人可以将检查发现的问题转入责任追究。")
    check = AgencyCheck.objects.select_for_update(of=("self",)).select_related("agency").get(pk=check.pk)
    require_own_jurisdiction(by, check.agency.jurisdiction)
    profile = get_profile_of(check)
    head = _cite(profile, "auxiliary_head_accountability")
    if not check.head_accountability:
        raise ValidationError(f"该次检查未发现问题，没有应当追究责任的机关负责人（{head}）。")
    if check.case_id:
        raise ValidationError("该次检查发现的问题已转入责任追究，不能重复转入。")
    systems = {i["code"]: i for i in profile.choices("auxiliary_management_systems")}
    acts = {i["code"]: i for i in profile.choices("auxiliary_agency_prohibited")}
    found = [f"未建立或未落实{systems[c]['label']}（{systems[c]['citation']}）" for c in check.missing_systems
             if c in systems] + [f"{acts[c]['label']}（{acts[c]['citation']}）" for c in check.violations if c in acts]
    text = (facts or "").strip()
    case = case_intake(
        by=by, agency=check.agency, kind=kind, origin="inspection", grounds=list(grounds or []),
        wrong_ground=wrong_ground, aux_acts=list(aux_acts or []),
        title=f"辅助人员管理未按办法执行，追究机关负责人责任：{check.agency.name}"[:200],
        facts=f"{_d(check.checked_on)}辅助人员管理监督检查：{check.findings}。发现的问题：{'；'.join(found)}。"
              f"机关负责人：{check.head_name}。{profile.text('auxiliary_head_accountability')}（{head}）。"
              + (text if text else ""))
    check.case = case
    check.save(update_fields=["case"])
    return case


def get_profile_of(check) -> Profile:
    from rules.profiles import get_profile

    return get_profile(check.jurisdiction)
