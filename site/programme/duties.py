"""The agencies' own yearly publication duties, tracked per agency and year on its StatisticsReturn:

- 统计 第三条: each agency publishes last year's statistics by 31 January (profile `annual_statistics_due`) and
  reports them to the bureau (statistics_submit) and to its superior department;
- 统计 第五条: before publication a response plan (预判社会反映，做好应对预案), after it the follow-up (跟踪舆情、
  解疑释惑) — the platform's reading: the plan is recorded before the publication is, the follow-up after;
- 通报 第七条: its 工作情况报告 reaches the bureau by 31 January (`work_report_due`) and is made public.

The agency's liaison records each duty (its own agency only); the bureau reads the table (`duty_rows`), where a
duty done after its date, or still not done once the date has passed, is named late."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from roles.access import agency_of, require
from rules.profiles import get_profile

from .deadlines import yearly_due
from .models import StatisticsReturn

SUBMIT = "programme.submit_statistics"


def _lock(ret: StatisticsReturn, by) -> StatisticsReturn:
    ret = StatisticsReturn.objects.select_for_update(of=("self",)).select_related("year", "agency").get(pk=ret.pk)
    require(by, SUBMIT, "只有执法机关联络员可以登记本机关的统计年报公开和工作情况报告。")
    agency = agency_of(by)
    if agency is None or agency.pk != ret.agency_id:
        raise PermissionDenied("只能登记本机关的统计年报公开和工作情况报告。")
    return ret


def _day(value: dt.date | None, label: str) -> dt.date:
    if value is None:
        raise ValidationError(f"请填写{label}。")
    if value > timezone.localdate():
        raise ValidationError(f"{label}不能晚于今天。")
    return value


def _text(value: str, label: str) -> str:
    if not (value or "").strip():
        raise ValidationError(f"请填写{label}。")
    return value.strip()


@transaction.atomic
def response_plan_record(*, ret: StatisticsReturn, by, text: str) -> StatisticsReturn:
    """统计 第五条: the response plan, before publication."""
    ret = _lock(ret, by)
    if ret.published_on is not None:
        raise ValidationError("统计年报已公开：应对预案应在公开前制定（统计 第五条），公开后请登记舆情跟踪情况。")
    ret.response_plan, ret.response_plan_on = _text(text, "应对预案（对公开后社会反映的预判和应对措施）"), \
        timezone.localdate()
    ret.save(update_fields=["response_plan", "response_plan_on"])
    return ret


@transaction.atomic
def statistics_publish(*, ret: StatisticsReturn, by, published_on: dt.date | None, where: str, superior_name: str,
                       superior_sent_on: dt.date | None) -> StatisticsReturn:
    """统计 第三条: published (where) and reported to the superior department; the figures must have been reported
    to the bureau and the response plan made first (统计 第五条)."""
    ret = _lock(ret, by)
    if ret.published_on is not None:
        raise ValidationError(f"已于{ret.published_on:%Y-%m-%d}登记公开，不能重复登记。")
    if not ret.submitted:
        raise ValidationError("请先向区司法局报送统计数据和情况说明（统计 第三条）。")
    if not ret.response_plan:
        raise ValidationError("公开前须对社会反映进行预判，做好应对预案（统计 第五条）：请先登记应对预案。")
    ret.published_on = _day(published_on, "公开日期")
    ret.published_where = _text(where, "公开渠道（网址或栏目）")[:200]
    ret.superior_name = _text(superior_name, "上级主管部门")[:100]
    ret.superior_sent_on = _day(superior_sent_on, "报上级主管部门日期")
    ret.save(update_fields=["published_on", "published_where", "superior_name", "superior_sent_on"])
    return ret


@transaction.atomic
def follow_up_record(*, ret: StatisticsReturn, by, text: str) -> StatisticsReturn:
    """统计 第五条: after publication, following public reaction and answering questions."""
    ret = _lock(ret, by)
    if ret.published_on is None:
        raise ValidationError("统计年报尚未登记公开：舆情跟踪在公开后进行（统计 第五条）。")
    ret.follow_up, ret.follow_up_on = _text(text, "舆情跟踪、解疑释惑情况"), timezone.localdate()
    ret.save(update_fields=["follow_up", "follow_up_on"])
    return ret


@transaction.atomic
def work_report_submit(*, ret: StatisticsReturn, by, text: str, published_on: dt.date | None,
                       where: str) -> StatisticsReturn:
    """通报 第七条: the 工作情况报告 sent to the bureau (today) and made public (the day and where)."""
    ret = _lock(ret, by)
    if ret.work_report_on is not None:
        raise ValidationError(f"工作情况报告已于{ret.work_report_on:%Y-%m-%d}报送，不能重复报送。")
    ret.work_report = _text(text, "工作情况报告")
    ret.work_report_on = timezone.localdate()
    ret.work_report_published_on = _day(published_on, "工作情况报告公开日期")
    ret.work_report_where = _text(where, "工作情况报告公开渠道")[:200]
    ret.save(update_fields=["work_report", "work_report_on", "work_report_published_on", "work_report_where"])
    return ret


# ------------------------------------------------------------------ reads: who is late
@dataclass
class Duty:
    label: str
    due: dt.date | None
    citation: str
    done_on: dt.date | None

    def late_days(self, today: dt.date) -> int:
        """Calendar days late: done after the date, or not done and the date passed (0: on time / not yet due)."""
        if self.due is None:
            return 0
        return max(((self.done_on or today) - self.due).days, 0)

    def state(self, today: dt.date) -> str:
        late = self.late_days(today)
        if self.done_on is not None:
            return f"{self.done_on:%Y-%m-%d}完成" + (f"，逾期{late}日" if late else "，按时")
        return f"未完成，已逾期{late}日" if late else "未到期"


def due_of(profile, key: str, report_year: int):
    if not profile.has(key):
        return None, "办法未规定"
    return yearly_due(profile, key, report_year + 1).due, str(profile.figure(key).citation)


def duties(ret: StatisticsReturn, profile=None) -> list[Duty]:
    profile = profile or get_profile(ret.year.jurisdiction)
    stats_due, stats_art = due_of(profile, "annual_statistics_due", ret.year.year)
    work_due, work_art = due_of(profile, "work_report_due", ret.year.year)
    submitted = timezone.localtime(ret.submitted_at).date() if ret.submitted_at else None
    return [
        Duty("报送区司法局", stats_due, stats_art, submitted),
        Duty("公开统计年报", stats_due, stats_art, ret.published_on),
        Duty("报上级主管部门", stats_due, stats_art, ret.superior_sent_on),
        Duty("报送工作情况报告", work_due, work_art, ret.work_report_on),
        Duty("公开工作情况报告", work_due, work_art, ret.work_report_published_on),
    ]


def duty_rows(py, today: dt.date) -> list[dict]:
    """Per agency of the year: each duty with its date, article and state; late ones named."""
    profile = get_profile(py.jurisdiction)
    rows = []
    for ret in py.returns.select_related("agency").prefetch_related("breaches__case__matter").order_by("agency__name"):
        items = duties(ret, profile)
        late = [d.label for d in items if d.late_days(today)]
        rows.append({"ret": ret, "duties": [(d, d.state(today), bool(d.late_days(today))) for d in items],
                     "late": late})
    return rows


def late_agencies(py, today: dt.date) -> list[str]:
    return [r["ret"].agency.name for r in duty_rows(py, today) if r["late"]]


# ------------------------------------------------------------------ the bureau's own district report (统计 第三条第二款)
MANAGE = "programme.manage_programme"


def district_published_on(py) -> dt.date | None:
    """The day the district report page was first published (None while it is a draft or not drafted)."""
    page = py.report_page
    if page is None or page.first_published_at is None:
        return None
    return timezone.localtime(page.first_published_at).date()


def _lock_year(py, by):
    from .models import ProgrammeYear

    require(by, MANAGE, "只有司法局经办人可以登记全区统计年报的应对预案和舆情跟踪情况。")
    return ProgrammeYear.objects.select_for_update(of=("self",)).select_related("report_page").get(pk=py.pk)


@transaction.atomic
def district_plan_record(*, py, by, text: str):
    """统计 第五条: the bureau, publishing the district report, makes its response plan before publication."""
    py = _lock_year(py, by)
    published = district_published_on(py)
    if published is not None:
        raise ValidationError(f"全区统计年报已于{published:%Y-%m-%d}公开：应对预案应在公开前制定（统计 第五条），"
                              "公开后请登记舆情跟踪情况。")
    py.report_plan, py.report_plan_on = _text(text, "应对预案（对公开后社会反映的预判和应对措施）"), \
        timezone.localdate()
    py.save(update_fields=["report_plan", "report_plan_on"])
    return py


@transaction.atomic
def district_follow_up_record(*, py, by, text: str):
    """统计 第五条: after the district report is published, the bureau follows public reaction."""
    py = _lock_year(py, by)
    if district_published_on(py) is None:
        raise ValidationError("全区统计年报尚未公开：舆情跟踪在公开后进行（统计 第五条）。")
    py.report_follow_up, py.report_follow_up_on = _text(text, "舆情跟踪、解疑释惑情况"), timezone.localdate()
    py.save(update_fields=["report_follow_up", "report_follow_up_on"])
    return py


def district_publish_refusal(page) -> str:
    """统计 第五条 before the district report goes public: the refusal when no response plan was made ("" if none)."""
    from .models import ProgrammeYear

    py = ProgrammeYear.objects.filter(report_page_id=page.pk).first()
    if py is None or py.report_plan or not get_profile(py.jurisdiction).has("statistics_response_plan"):
        return ""
    return (f"{py.year}年度全区统计年报公开前须对社会反映进行预判，做好应对预案（统计 第五条）："
            "请先在“汇总统计年报”页登记应对预案，再发布。")
