"""The writes of 备案审查 (003 第二十二条): file a major enforcement decision, and review it (合格, or a finding that
opens a supervision letter in the same file through letters.services.letter_start). Figures come from the
profile: `filing_period` (报送备案期限) and `filing_review_period` (审查期限)."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from casework.models import Agency
from casework.services import attachment_add, log, matter_close, matter_open
from clocks.models import RUNNING
from clocks.services import clock_start, clock_stop, clocks_for
from decisions.models import DecisionRecord
from decisions.services import decision_record
from roles.access import agency_of, groups_of, is_bureau, outside_own_jurisdiction, require_own_jurisdiction
from roles.definitions import LEADER, OFFICER
from rules.profiles import get_profile

from .models import FINDING, PASSED, PENDING, Filing

REFUSE_FILE = "您无权为该机关报备：执法机关联络员只能报备本机关作出的重大行政执法决定。"
REFUSE_REVIEW = "您无权审查备案：只有司法局经办人或负责人可以对备案的重大行政执法决定进行合法性、适当性审查。"


def may_file_for(user, agency: Agency) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if is_bureau(user):
        return bool(groups_of(user) & {OFFICER, LEADER}) and not outside_own_jurisdiction(user, agency.jurisdiction)
    own = agency_of(user)
    return own is not None and own.pk == agency.pk


def may_review(user) -> bool:
    return user is not None and user.is_authenticated and is_bureau(user) and bool(groups_of(user) & {OFFICER, LEADER})


def _name(user) -> str:
    return user.get_full_name() or user.username


@transaction.atomic
def filing_submit(*, by, agency: Agency, title: str, decision_number: str, decided_on: dt.date,
                  upload=None, filed_on: dt.date | None = None) -> Filing:
    """报送备案: the liaison for its own agency, or the officer entering one for an agency."""
    if not may_file_for(by, agency):
        raise PermissionDenied(REFUSE_FILE)
    profile = get_profile(agency.jurisdiction)
    if not profile.has("filing_period"):
        raise ValidationError(f"{profile.name}的规则中没有重大行政执法决定备案审查制度。")
    title, decision_number = (title or "").strip(), (decision_number or "").strip()
    if not title or not decision_number:
        raise ValidationError("请填写决定名称和决定文号。")
    filed_on = filed_on or timezone.localdate()
    if decided_on > filed_on:
        raise ValidationError(f"决定日期（{decided_on:%Y年%m月%d日}）不能晚于报备日期（{filed_on:%Y年%m月%d日}）。")
    if Filing.objects.filter(agency=agency, decision_number=decision_number).exists():
        raise ValidationError(f"{agency.name}已报备文号为“{decision_number}”的决定，不能重复报备。")
    rule = profile.period("filing_period")
    due_on = rule.due(decided_on).due
    matter = matter_open(by=by, agency=agency, source="own_initiative", process="filing",
                         title=f"重大行政执法决定备案审查：{title}"[:200], opened_on=filed_on,
                         facts=f"{agency.name}报送备案的重大行政执法决定《{title}》（{decision_number}），"
                               f"决定日期{decided_on:%Y年%m月%d日}，报备日期{filed_on:%Y年%m月%d日}。",
                         check_permission=False)
    filing = Filing(jurisdiction=agency.jurisdiction, agency=agency, matter=matter, title=title[:200],
                    decision_number=decision_number[:64], decided_on=decided_on, filed_on=filed_on,
                    due_on=due_on, late=filed_on > due_on, filed_by=by)
    filing.full_clean()
    filing.save()
    if upload is not None:
        attachment_add(matter=matter, upload=upload, by=by, description=f"备案的重大行政执法决定（{decision_number}）")
    late = f"，逾期报备（应于{due_on:%Y年%m月%d日}前报备，{rule.citation}）" if filing.late else ""
    log(matter, by, f"{agency.name}报送备案《{title}》（{decision_number}）{late}。")
    review = clock_start(subject=matter, profile=profile, rule_key="filing_review_period", started_on=filed_on,
                         label=f"备案审查期限（{decision_number}）")
    filing.review_clock = review
    _flow().start.run(filing=filing)  # the flow now owns where the filing stands (filings/flows.py)
    return filing


def _flow():
    from .flows import FilingFlow

    return FilingFlow


def review_step(filing: Filing):
    """The waiting review task of the filing's process (None: reviewed already)."""
    from flows.services import process_for

    flow = _flow()
    process = process_for(filing, flow)
    if process is None:
        return None
    return process.task_set.filter(flow_task=flow.review, status__in=("NEW", "ASSIGNED", "STARTED")).first()


def _in_review_task(filing: Filing, by, write):
    """Do the review through the flow's waiting task, under the flow's lock (`write` relocks and re-checks)."""
    from flows.services import task_perform

    step = review_step(filing)
    if step is None:
        raise ValidationError("该备案已审查完毕，不能重复审查。")
    return task_perform(task=step, user=by, action=write)


def review_clock(filing: Filing):
    return clocks_for(filing.matter).filter(rule_key="filing_review_period").first()


def _locked(filing: Filing) -> Filing:
    return Filing.objects.select_for_update().select_related("agency", "matter").get(pk=filing.pk)


def _record(filing: Filing, by, outcome: str, body: str, today: dt.date) -> DecisionRecord:
    rule = get_profile(filing.jurisdiction).period("filing_review_period")
    return decision_record(kind="filing", title=f"{filing.agency.name}《{filing.title}》备案审查",
                           body=body, jurisdiction=filing.jurisdiction, agency=filing.agency.name,
                           outcome=outcome, decided_on=today, doc_number=filing.decision_number,
                           article=str(rule.citation), subject=filing)


def _start_review(filing: Filing, by) -> Filing:
    if not may_review(by):
        raise PermissionDenied(REFUSE_REVIEW)
    require_own_jurisdiction(by, filing.jurisdiction)
    filing = _locked(filing)
    if filing.outcome != PENDING:
        raise ValidationError("该备案已审查完毕，不能重复审查。")
    from casework.recusal import require_not_recused

    require_not_recused(by, filing.matter)
    return filing


@transaction.atomic
def filing_pass(*, filing: Filing, by, opinion: str = "") -> DecisionRecord:
    """审查合格: recorded as a DecisionRecord; the review clock is met and the file closes."""
    if not may_review(by):
        raise PermissionDenied(REFUSE_REVIEW)
    require_own_jurisdiction(by, filing.jurisdiction)
    return _in_review_task(filing, by, lambda: _pass(filing, by, opinion))


def _pass(filing: Filing, by, opinion: str) -> DecisionRecord:
    filing = _start_review(filing, by)
    today = timezone.localdate()
    opinion = (opinion or "").strip() or "经审查，该重大行政执法决定合法、适当，备案审查合格。"
    filing.outcome, filing.opinion, filing.reviewed_by, filing.reviewed_on = PASSED, opinion, by, today
    filing.save(update_fields=["outcome", "opinion", "reviewed_by", "reviewed_on"])
    record = _record(filing, by, "合格", opinion, today)
    clock = review_clock(filing)
    if clock is not None and clock.status == RUNNING:
        clock_stop(clock=clock)
    matter_close(matter=filing.matter, by=by, outcome="备案审查合格")
    return record


@transaction.atomic
def filing_finding(*, filing: Filing, by, ground: str, findings: str, request: str):
    """审查发现问题: a supervision letter in the same file (the one door, letters.services.letter_start)."""
    if not may_review(by):
        raise PermissionDenied(REFUSE_REVIEW)
    require_own_jurisdiction(by, filing.jurisdiction)
    return _in_review_task(filing, by, lambda: _finding(filing, by, ground, findings, request))


def _finding(filing: Filing, by, ground: str, findings: str, request: str):
    from letters.services import letter_start

    filing = _start_review(filing, by)
    today = timezone.localdate()
    letter = letter_start(by=by, ground=ground, findings=findings, request=request, matter=filing.matter,
                          handoff=f"备案审查发现问题（{_name(by)}），转入监督文书程序（同一案卷）。")
    filing.outcome, filing.opinion, filing.reviewed_by, filing.reviewed_on = FINDING, findings.strip(), by, today
    filing.save(update_fields=["outcome", "opinion", "reviewed_by", "reviewed_on"])
    _record(filing, by, "存在问题", findings.strip(), today)
    clock = review_clock(filing)
    if clock is not None and clock.status == RUNNING:
        clock_stop(clock=clock)
    return letter
