"""The wording of the notices to a complainant (投诉举报受理/不予受理/转送/处理结果告知书, 004 投诉举报制度
第七条、第十二条; supervisor reports under 000 第十七条 / 001 第十三条): defaults, placeholders, and the
functions the services call. They go to a person, so they use the 信函格式 (GB/T 9704-2012 9.1)."""
from __future__ import annotations

from casework import layout
from casework.pdf import chinese_date
from casework.wording import Composed, Wording, compose, register
from rules.profiles import get_profile


def _issues_complaints(p) -> bool:
    return p.has("complaint_accept_period") or p.has("supervisor_report_public")


COMMON = {"收到日期": "收到投诉举报的日期", "受理编号": "受理编号", "被投诉举报对象": "被投诉举报的机关或人员"}
SAMPLE = {"收到日期": "2026年11月2日", "受理编号": "武隆投〔2026〕15号", "被投诉举报对象": "武隆区市场监督管理局"}

ACCEPTANCE = Wording(
    kind="complaint_acceptance", issued_in=_issues_complaints, format=layout.LETTER, max_pages=1,
    title="投诉举报受理告知书",
    body="你于{收到日期}提出的投诉举报（受理编号：{受理编号}），被投诉举报对象为{被投诉举报对象}。经审核，本机关决定予以受理。\n"
         "本机关将组织调查，{办结期限}。调查处理结果将书面告知你。",
    placeholders={**COMMON, "办结期限": "何时办结：期限、届满日期及所在条款（如“自受理之日起30日内办结，即2026年12月2日前”）"},
    sample={**SAMPLE, "办结期限": "自受理之日起30日内办结，即于2026年12月2日前办结（《行政执法投诉举报制度》第十条）"})
REFUSAL = Wording(
    kind="complaint_refusal", issued_in=lambda p: p.has("complaint_not_accepted"), format=layout.LETTER, max_pages=1,
    title="投诉举报不予受理告知书",
    body="你于{收到日期}提出的投诉举报（受理编号：{受理编号}），经审核，属于{不予受理情形}的情形。"
         "依据{不予受理条款}，本机关决定不予受理。\n理由：{理由}",
    placeholders={**COMMON, "不予受理情形": "第五条所列情形", "不予受理条款": "其所在条款", "理由": "经办人填写的理由"},
    sample={**SAMPLE, "不予受理情形": "已由监察、信访或其他机关受理",
            "不予受理条款": "《行政执法投诉举报制度》第五条第（三）项", "理由": "该事项已由区信访办受理并正在办理。"})
TRANSFER = Wording(
    kind="complaint_transfer", issued_in=_issues_complaints, format=layout.LETTER, max_pages=1,
    title="投诉举报转送告知书",
    body="你于{收到日期}提出的投诉举报（受理编号：{受理编号}），经审核，已转送{转送机关}依法处理。\n转送理由：{理由}",
    placeholders={**COMMON, "转送机关": "接收转送的机关", "理由": "转送理由"},
    sample={**SAMPLE, "转送机关": "武隆区市场监督管理局法制科", "理由": "属于该机关内部法制审核事项。"})
REPLY = Wording(
    kind="complaint_reply", issued_in=_issues_complaints, format=layout.LETTER, max_pages=2,
    title="投诉举报处理结果告知书",
    body="你于{收到日期}提出的投诉举报（受理编号：{受理编号}），经调查和领导集体讨论审定，结论为：{调查结论}。\n"
         "{处理结果}\n{情况说明}\n对调查处理决定不服的，可以{申诉期限}向本机关提出申诉。",
    placeholders={**COMMON, "调查结论": "属实、部分属实或不属实", "处理结果": "经办人填写的调查处理结果",
                  "情况说明": "反映情况不实的，向投诉举报人说明的情况（第九条；其他结论为空）",
                  "申诉期限": "申诉期限及届满日期（第十四条）"},
    sample={**SAMPLE, "调查结论": "投诉举报属实",
            "处理结果": "经调查，被投诉举报机关未告知你陈述、申辩权利即作出处罚决定，本机关已责令其限期纠正。",
            "情况说明": "",
            "申诉期限": "自本告知书作出之日起30日内（即2026年12月23日前）"})
APPEAL_ANSWER = Wording(
    kind="complaint_appeal_answer", issued_in=lambda p: p.has("complaint_appeal_answer_period"),
    format=layout.LETTER, max_pages=2, title="投诉举报申诉答复书",
    body="你于{申诉日期}对本机关投诉举报（受理编号：{受理编号}）调查处理决定提出的申诉收悉。\n"
         "经复查，本机关认为：{复查意见}\n本机关决定：{处理结论}。",
    placeholders={**COMMON, "申诉日期": "收到申诉的日期", "复查意见": "负责人填写的复查意见",
                  "处理结论": "申诉成立，变更原调查处理决定；或申诉不成立，维持原调查处理决定"},
    sample={**SAMPLE, "申诉日期": "2026年11月25日", "复查意见": "原调查认定事实清楚，处理适当。",
            "处理结论": "申诉不成立，维持原调查处理决定"})

HOTLINE_REPLY = Wording(
    kind="hotline_reply", issued_in=lambda p: p.has("hotline_orders"), format=layout.LETTER, max_pages=2,
    title="12345热线工单办理情况回复函",
    body="你中心转办的工单（工单编号：{工单编号}）于{工单收到日期}收到，本机关按行政执法投诉举报程序办理"
         "（受理编号：{受理编号}），被反映机关为{被投诉举报对象}。\n办理情况：{办理情况}\n{回复内容}\n请予回访。",
    placeholders={**COMMON, "工单编号": "12345热线工单编号", "工单收到日期": "收到工单的日期",
                  "办理情况": "受理、不予受理或转送及处理结论（系统按办理记录生成）", "回复内容": "经办人填写的回复内容"},
    sample={**SAMPLE, "受理编号": "恩施投〔2026〕3号", "被投诉举报对象": "恩施州交通运输局",
            "工单编号": "ES20261106001", "工单收到日期": "2026年11月6日",
            "办理情况": "已于2026年11月9日受理，经调查和领导集体讨论审定，结论为：查证属实；处理结果已于2026年12月1日书面告知投诉举报人。",
            "回复内容": "已责令恩施州交通运输局对执法人员批评教育，并规范出示执法证件。"})

register(ACCEPTANCE, REFUSAL, TRANSFER, REPLY, APPEAL_ANSWER, HOTLINE_REPLY)


def _common(complaint) -> dict[str, str]:
    return {"收到日期": chinese_date(complaint.received_on), "受理编号": complaint.receipt_number,
            "被投诉举报对象": complaint.respondent}


def acceptance(complaint, finish_clock, article: str) -> Composed:
    """The complainant is told by when the complaint will be dealt with (第十条), or, for a report about a
    supervisor, under which article it is handled."""
    if finish_clock is not None:
        rule = get_profile(complaint.jurisdiction).period("complaint_finish_period")
        due = (f"自受理之日起{rule.text}内办结，即于{chinese_date(finish_clock.due_on)}前办结"
               f"（{finish_clock.citation}）")
        if finish_clock.provisional:
            due += "；该日期所在年度的节假日安排尚未公布，如有调整另行告知"
    else:
        due = f"调查核实后及时告知处理结果（{article}）" if article else "调查核实后及时告知处理结果"
    return compose("complaint_acceptance", complaint.jurisdiction, {**_common(complaint), "办结期限": due})


def refusal(complaint, label: str) -> Composed:
    return compose("complaint_refusal", complaint.jurisdiction, {
        **_common(complaint), "不予受理情形": label, "不予受理条款": complaint.refusal_article,
        "理由": complaint.reasons})


def transfer(complaint) -> Composed:
    return compose("complaint_transfer", complaint.jurisdiction, {
        **_common(complaint), "转送机关": complaint.transferred_to, "理由": complaint.reasons})


def unfounded_explanation(complaint, explanation: str) -> str:
    """第九条: 对投诉举报反映情况不实的，应当向投诉举报人说明情况并做好解释工作 — the paragraph of the reply
    that explains, for the unfounded branch only."""
    from .models import UNFOUNDED

    if complaint.outcome != UNFOUNDED:
        return ""
    return (f"经调查，你反映的情况不属实。依据《行政执法投诉举报制度》第九条，现将有关情况向你说明如下："
            f"{explanation.strip().rstrip('。')}。如对上述说明有疑问，可以向本机关咨询。")


def appeal_window(complaint) -> str:
    """第十四条: where the profile gives the appeal a window, the reply states it and its last day."""
    profile = get_profile(complaint.jurisdiction)
    if not profile.has("complaint_appeal_period") or complaint.answered_on is None:
        return ""
    rule = profile.period("complaint_appeal_period")
    due = rule.due(complaint.answered_on).due
    return f"自本告知书作出之日起{rule.text}内（即{chinese_date(due)}前）"


def reply(complaint, explanation: str = "") -> Composed:
    return compose("complaint_reply", complaint.jurisdiction, {
        **_common(complaint), "调查结论": complaint.get_outcome_display(), "处理结果": complaint.reply,
        "情况说明": unfounded_explanation(complaint, explanation), "申诉期限": appeal_window(complaint)})


def appeal_answer(appeal) -> Composed:
    complaint = appeal.complaint
    return compose("complaint_appeal_answer", complaint.jurisdiction, {
        **_common(complaint), "申诉日期": chinese_date(appeal.received_on), "复查意见": appeal.reasons,
        "处理结论": appeal.get_outcome_display()})


def hotline_reply(order, outcome: str, text: str) -> Composed:
    complaint = order.complaint
    return compose("hotline_reply", complaint.jurisdiction, {
        **_common(complaint), "工单编号": order.order_number, "工单收到日期": chinese_date(order.received_on),
        "办理情况": outcome, "回复内容": text})
