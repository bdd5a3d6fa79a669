"""Demo: a year of the programme for Wulong and Enshi — last year's plan, inspections, reviews and
evaluations with findings, every agency's statistics (one missing), the annual report draft and the
notification with its rectification tasks; this year's plan and first activities. Idempotent."""
from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from casework.models import Agency
from casework.services import document_serve
from demo.loaders import loader

from . import report, services
from .models import Activity, ChecklistItem, Notification, StatisticsReturn
from .selectors import categories, notification_draft

PLANS = {
    "wulong": "一、上半年、下半年各开展一次定期监督检查；二、开展行政处罚案卷评查；三、一季度通报上年度全区行政执法情况。",
    "enshi": "一、制定行政执法监督权责清单；二、组织一次行政执法案卷评查；三、组织一次行政执法考核评议。",
}
# (jurisdiction, kind, month, day, agency name, title, findings)
LAST_YEAR = [
    ("wulong", "inspection", 5, 20, "武隆区市场监督管理局", "上半年定期监督检查", "2件行政处罚决定未载明救济途径。"),
    ("wulong", "inspection", 5, 21, "武隆区城市管理局", "上半年定期监督检查", ""),
    ("wulong", "inspection", 5, 22, "武隆区交通运输局", "上半年定期监督检查", ""),
    ("wulong", "inspection", 11, 12, "武隆区市场监督管理局", "下半年定期监督检查", ""),
    ("wulong", "inspection", 11, 13, "武隆区城市管理局", "下半年定期监督检查", "执法人员着装不规范。"),
    ("wulong", "inspection", 11, 14, "武隆区交通运输局", "下半年定期监督检查", ""),
    ("wulong", "casefile_review", 9, 3, "武隆区交通运输局", "行政处罚案卷评查", "1件案卷缺少送达回证。"),
    ("enshi", "casefile_review", 6, 16, "恩施州市场监督管理局", "年度案卷评查", ""),
    ("enshi", "casefile_review", 6, 17, "恩施州生态环境局", "年度案卷评查", "3件行政处罚案卷证据不完整。"),
    ("enshi", "casefile_review", 6, 18, "恩施州交通运输局", "年度案卷评查", ""),
    ("enshi", "evaluation", 12, 8, "恩施州市场监督管理局", "年度考核评议", ""),
    ("enshi", "evaluation", 12, 9, "恩施州生态环境局", "年度考核评议", ""),
    ("enshi", "evaluation", 12, 10, "恩施州交通运输局", "年度考核评议", ""),
]
THIS_YEAR = [
    ("wulong", "inspection", 6, 2, "武隆区市场监督管理局", "上半年定期监督检查", ""),
    ("wulong", "inspection", 6, 3, "武隆区城市管理局", "上半年定期监督检查", "罚没财物未按规定登记。"),
    ("enshi", "casefile_review", 7, 15, "恩施州生态环境局", "年度案卷评查", ""),
    ("enshi", "work_report", 3, 20, "恩施州交通运输局", "听取上年度行政执法工作情况报告", ""),
]
# an Enshi evaluation (003 第十九条): comprehensive, with its internal assessment and external review
EVALUATION = {"evaluation_scope": "comprehensive", "evaluation_parts": {
    "internal": "对照执法责任制逐项考核执法科室和执法人员，抽查执法记录和案卷。",
    "external": "向行政相对人、社会监督员发放评议问卷，在政务服务中心听取群众意见。"}}
# the demo's (made-up) supervision credential numbers of the officer and the leader
CREDENTIALS = {"wulong": ("渝武监字第0012号", "渝武监字第0003号"), "enshi": ("鄂恩监字第0107号", "鄂恩监字第0021号")}
# each demo finding -> the checklist item it ticks (programme/checklist.py)
FINDING_ITEMS = {"2件行政处罚决定未载明救济途径。": "procedure", "执法人员着装不规范。": "conduct",
                 "1件案卷缺少送达回证。": "procedure", "3件行政处罚案卷证据不完整。": "facts",
                 "罚没财物未按规定登记。": "confiscated"}
# agency -> counts in the order of its jurisdiction's categories; an agency missing here does not report
FIGURES = {
    "武隆区市场监督管理局": [126, 342, 18, 0, 455, 3, 0, 37, 6, 2],
    "武隆区城市管理局": [88, 25, 41, 0, 163, 0, 0, 12, 0, 1],
    "武隆区交通运输局": [64, 210, 9, 12, 298, 1, 0, 20, 0, 0],
    "恩施州市场监督管理局": [512, 903, 44, 1210, 0, 0, 96, 2, 11],
    "恩施州生态环境局": [35, 210, 12, 388, 6, 0, 14, 0, 3],
}


def _user(name):
    return get_user_model().objects.get(username=name)


@loader("年度监督：计划、检查评查评议、统计年报、通报", stage=60)
def load_programme() -> str:
    officer, leader = _user("officer"), _user("leader")
    year = timezone.localdate().year
    made = 0
    for code, plan in PLANS.items():
        for y in (year - 1, year):
            py = services.year_for(code, y)
            if not py.plan:
                services.plan_record(jurisdiction=code, year=y, plan=f"{y}年度：{plan}", by=officer)
    for y, rows in ((year - 1, LAST_YEAR), (year, THIS_YEAR)):
        for code, kind, month, day, name, title, findings in rows:
            agency = Agency.objects.filter(jurisdiction=code, name=name).first()
            held_on = dt.date(y, month, day)
            if agency is None or held_on > timezone.localdate():
                continue
            if Activity.objects.filter(agency=agency, kind=kind, held_on=held_on).exists():
                continue
            onsite = kind == "inspection"  # the demo's inspections are on site, with two staff showing credentials
            people = [(officer, CREDENTIALS[code][0]), (leader, CREDENTIALS[code][1])] if onsite else [(officer, "")]
            activity = services.activity_record(jurisdiction=code, kind=kind, agency=agency, held_on=held_on,
                                                title=title, onsite=onsite, participants=people, by=officer,
                                                schedule="periodic" if kind == "inspection" else "",
                                                forms=["enforcement_check", "forum"] if kind == "inspection" else (),
                                                **(EVALUATION if kind == "evaluation" else {}))
            if kind == "casefile_review" and code == "enshi":  # 003 第十八条: the files examined, each judged
                services.casefile_record(activity=activity, by=officer, file_number=f"{agency.name[:3]}罚〔{y}〕{day}号",
                                         case_title="行政处罚案件", materials_ok=not findings, act_ok=True,
                                         note=findings)
                services.casefile_record(activity=activity, by=officer, file_number=f"{agency.name[:3]}罚〔{y}〕{day + 20}号",
                                         case_title="行政处罚案件", materials_ok=True, act_ok=True)
            if findings:  # each finding ticks its checklist item
                item = ChecklistItem.objects.filter(jurisdiction=code, code=FINDING_ITEMS[findings]).first()
                if item is not None:
                    services.finding_record(activity=activity, item=item, text=findings, by=officer)
                else:
                    Activity.objects.filter(pk=activity.pk).update(findings=findings, has_problems=True)
            made += 1
    for code in PLANS:
        py = services.statistics_open(jurisdiction=code, year=year - 1, by=officer)
        for ret in StatisticsReturn.objects.filter(year=py, submitted_at__isnull=True).select_related("agency"):
            values = FIGURES.get(ret.agency.name)
            liaison = ret.agency.liaisons.first()
            if values is None or liaison is None:
                continue
            cats = [c["code"] for c in categories(code)]
            services.statistics_submit(ret=ret, figures=dict(zip(cats, values, strict=False)), by=liaison,
                                       explanation="数据取自本机关行政执法办案系统。")
            # the demo's agencies reported in January, before the due date
            on = timezone.make_aware(dt.datetime(year, 1, 20 + ret.agency_id % 8, 10, 0))
            StatisticsReturn.objects.filter(pk=ret.pk).update(submitted_at=on)
        py.refresh_from_db()
        if py.report_page_id is None:
            report.annual_report_draft(py=py, by=officer, written_on=dt.date(year, 1, 30))
        if not Notification.objects.filter(year=py).exists():
            body, problems = notification_draft(py)
            named = [(Agency.objects.get(pk=pk), "；".join(items)) for pk, items in problems.items()]
            notification = services.notification_issue(
                py=py, title=f"关于{py.year}年度行政执法情况的通报", body=body, named=named, period_n=30,
                period_unit="calendar_days", by=leader, issued_on=dt.date(year, 3, 10))
            for task in notification.tasks.select_related("document")[:1]:
                document_serve(document=task.document, by=officer, received_on=dt.date(year, 3, 12),
                               method="直接送达", received_by_name="办公室")
    _demo_periods_run_out()
    _demo_special_notification(leader, year)
    _demo_handoffs(officer, year)
    return f"新增检查、评查、评议 {made} 条；统计年报 {StatisticsReturn.objects.filter(submitted_at__isnull=False).count()} 份已报送"


def _demo_periods_run_out() -> None:
    """A rectification period that ran out before today with no report: what the scheduler's job (programme.jobs,
    services.rectification_overdue) would have recorded on the day after its last day, so the task's panel (已逾期),
    its 整改落实不力 and the referral screen agree."""
    from clocks.models import RUNNING

    from .models import RectificationTask

    today = timezone.localdate()
    late = RectificationTask.objects.filter(reported_at__isnull=True, overdue_on__isnull=True, clock__status=RUNNING,
                                            clock__due_on__lt=today).select_related("clock").order_by("clock__due_on")
    for task in late:
        services.rectification_overdue(today=min(today, task.clock.due_on + dt.timedelta(days=1)))


def _demo_special_notification(leader, year: int) -> None:
    """通报 第一条、第三条、第四条: one unscheduled Wulong notification this year on case-file review, issued
    jointly with another department. Once."""
    if Notification.objects.filter(year__jurisdiction="wulong", year__year=year, kind="unscheduled").exists():
        return
    from casework.selectors import addressable_agencies

    agency = next(iter(addressable_agencies("wulong")), None)
    if agency is None:
        return
    py = services.year_for("wulong", year)
    services.notification_issue(
        py=py, kind="unscheduled", contents=["case_files"], joint_issuers=["武隆区人力资源和社会保障局"],
        title=f"关于{year}年行政执法案卷专项评查情况的通报", body="本次专项评查抽查行政处罚案卷，发现的问题通报如下。",
        named=[(agency, "部分案卷未附送达回证，处罚决定书未载明救济途径")], period_n=20, period_unit="working_days",
        by=leader, issued_on=timezone.localdate())


def _demo_handoffs(officer, year: int) -> None:
    """检查 第十条: last year's first Wulong inspection not implemented, judged 追究责任 and handed into accountability;
    统计 第六条: an agency that did not publish last year's statistics by the date, handed in too. Once each."""
    from django.core.exceptions import ValidationError

    from . import handoffs
    from .models import FollowUp, StatisticsBreach

    activity = Activity.objects.filter(year__jurisdiction="wulong", year__year=year - 1, kind="inspection",
                                       has_problems=True).order_by("held_on").first()
    decided_on = dt.date(year - 1, 7, 20)
    if activity is not None and not FollowUp.objects.filter(activity=activity).exists() \
            and decided_on <= timezone.localdate():
        row = services.followup_record(activity=activity, by=officer, outcome="accountability", decided_on=decided_on,
                                       note="限期30日书面反馈整改情况，逾期未反馈，救济途径问题仍未纠正。")
        handoffs.followup_to_accountability(followup=row, by=officer, kind="fault", grounds=["inaction"])
    ret = StatisticsReturn.objects.filter(year__jurisdiction="wulong", year__year=year - 1,
                                          agency__name="武隆区交通运输局", published_on__isnull=True).first()
    if ret is not None and not StatisticsBreach.objects.filter(ret=ret).exists():
        try:
            handoffs.statistics_to_accountability(ret=ret, by=officer, violation="late", kind="fault",
                                                  grounds=["inaction"], facts="期限届满未公开上年度行政执法统计年报")
        except ValidationError:
            pass  # not late yet (before the date of the year): nothing to hand off
