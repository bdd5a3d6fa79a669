"""The wording of the accountability documents (004 过错纠正和责任追究制度 第十条至第十二条, 错案责任倒查问责制度
第八条至第十三条): the 责任追究决定书, the 责令重新调查通知书 and the answer to the reporter (过错 第十条第（一）项)."""
from __future__ import annotations

from casework import layout
from casework.wording import Composed, Wording, compose, register


def _accountability(p) -> bool:
    return p.has("fault_sanctions") or p.has("wrong_case_sanctions")


DECISION = Wording(
    kind="accountability_decision", issued_in=_accountability, max_pages=3,
    title="关于{事项名称}的责任追究决定",
    body="{事项名称}一案，经调查认定：{调查认定}\n经领导集体讨论（{集体讨论}），决定如下：\n{处理决定}\n"
         "责任人对处理决定不服的，可以向本机关进行陈述和申辩；对给予的处分不服的，可以依照《中华人民共和国公务员法》"
         "等有关规定申请复核或者提出申诉。",
    placeholders={"事项名称": "案件名称", "调查认定": "调查认定的事实", "集体讨论": "集体讨论的时间、参加人员",
                  "处理决定": "对每名责任人的处理（每人一段）"},
    sample={"事项名称": "武隆区市场监督管理局执法人员违规处罚",
            "调查认定": "执法人员张某在办理一起行政处罚案件中未依法听取当事人陈述、申辩。",
            "集体讨论": "2026年11月20日局长办公会，参加人员：王某、李某、赵某",
            "处理决定": "张某（执法人员）：承担主要责任（第七条第（一）项）。处理：责令书面检查（第十一条第（一）项）。"})
REINVESTIGATION = Wording(
    kind="reinvestigation_order", issued_in=lambda p: p.has("fault_reinvestigation_period"), max_pages=1,
    title="关于{事项名称}重新调查的通知",
    body="本机关于{决定日期}对{事项名称}作出责任追究决定。经复核，该处理决定{复核理由}，现责令重新组织调查、处理。",
    placeholders={"事项名称": "案件名称", "决定日期": "原处理决定的日期", "复核理由": "事实不清或处理不当的具体理由"},
    sample={"事项名称": "武隆区市场监督管理局执法人员违规处罚", "决定日期": "2026年11月20日",
            "复核理由": "认定的过错情节与案卷记载不符"})

ANSWER = Wording(
    kind="accountability_answer", issued_in=lambda p: p.flag("fault_reporter_answer"), format=layout.LETTER,
    max_pages=1,
    title="关于{事项名称}的答复",
    body="{举报人}：\n你于{受理日期}反映的{事项名称}，本机关已依法受理并调查处理。现答复如下：\n{答复内容}\n特此答复。",
    placeholders={"举报人": "举报人、投诉人", "受理日期": "受理日期", "事项名称": "案件名称",
                  "答复内容": "处理结果"},
    sample={"举报人": "李某", "受理日期": "2026年9月1日", "事项名称": "执法人员酒后执法",
            "答复内容": "经调查，执法人员张某酒后参与检查属实，已作出通报批评的处理。"})

register(DECISION, REINVESTIGATION, ANSWER)


def decision(case, *, discussion: str, persons: list[str], grounds: str = "") -> Composed:
    from casework.pdf import chinese_date

    from .services import FAULT_DOC, current_dispatch

    findings = f"{case.findings.strip().rstrip('。')}。{grounds}。" if grounds else case.findings
    if dispatch := current_dispatch(case):  # 过错 第十条第（三）项: the body's own staff investigated
        findings = (f"{findings.strip().rstrip('。')}。本案由本机关于{chinese_date(dispatch.sent_on)}直接派员"
                    f"（{dispatch.staff_names()}）调查（{FAULT_DOC}第十条第（三）项）。")
    return compose("accountability_decision", case.jurisdiction, {
        "事项名称": case.matter.title, "调查认定": findings, "集体讨论": discussion.strip(),
        "处理决定": "\n".join(persons)})


def reinvestigation(case, *, reason: str) -> Composed:
    from casework.pdf import chinese_date

    return compose("reinvestigation_order", case.jurisdiction, {
        "事项名称": case.matter.title, "决定日期": chinese_date(case.decided_on) if case.decided_on else "",
        "复核理由": reason.strip().rstrip("。")})


def answer(case, *, text: str) -> Composed:
    from casework.pdf import chinese_date

    return compose("accountability_answer", case.jurisdiction, {
        "举报人": case.reporter, "受理日期": chinese_date(case.intake_on), "事项名称": case.matter.title,
        "答复内容": text.strip()})
