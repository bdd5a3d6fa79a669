"""The wording of the dispute-coordination documents (004 行政执法争议协调办法 第十二条、第十三条、第十八条):
受理通知书, 协调通知书, 补正材料通知书, 不予受理决定书, 协调意见书, 协调建议, 延期告知书 (第十四条). Notices that tell an agency
something use the 信函格式 (GB/T 9704-2012 9.1); decisions, opinions and the proposal the 文件格式."""
from __future__ import annotations

from casework import layout
from casework.pdf import chinese_date
from casework.wording import Composed, Wording, compose, register


def _coordinates(p) -> bool:
    return p.has("dispute_accept_period")


STANDSTILL = ("协调意见或区政府决定作出前，除关系公共安全或公民人身安全外，不得单方面就争议事项作出行政执法行为"
              "（《行政执法争议协调办法》第十六条）。")
COMMON = {"事项名称": "争议事项名称", "停止执法提示": "第十六条：协调期间不得单方面作出行政执法行为的提示"}
SAMPLE = {"事项名称": "占道经营执法职责争议", "停止执法提示": STANDSTILL}

ACCEPTANCE = Wording(
    kind="coordination_acceptance", issued_in=_coordinates, format=layout.LETTER, max_pages=1,
    title="关于受理{事项名称}争议协调申请的通知",
    body="你单位提出的{事项名称}争议协调申请，本局已于{受理日期}受理。\n"
         "本局将自受理之日起{办结期限}内办结，即于{办结日期}前办结（{办结期限条款}）。\n{停止执法提示}",
    placeholders={**COMMON, "受理日期": "受理日期", "办结期限": "办结期限", "办结日期": "办结期限届满日",
                  "办结期限条款": "其所在条款"},
    sample={**SAMPLE, "受理日期": "2026年11月18日", "办结期限": "7个工作日", "办结日期": "2026年11月27日",
            "办结期限条款": "《行政执法争议协调办法》第十四条"})
NOTICE = Wording(
    kind="coordination_notice", issued_in=_coordinates, format=layout.LETTER, max_pages=2,
    title="关于{事项名称}的协调通知",
    body="{协调缘由}\n{基本情况}\n请你单位自收到本通知之日起{报送期限}内{报送内容}（{报送期限条款}）。\n{停止执法提示}",
    placeholders={**COMMON, "协调缘由": "申请协调并已受理，或本局依职权协调", "基本情况": "依职权协调时的争议情况（申请协调时为空）",
                  "报送期限": "报送期限", "报送内容": "须报送的材料", "报送期限条款": "其所在条款"},
    sample={**SAMPLE, "协调缘由": "武隆区城市管理局就占道经营执法职责争议申请行政执法争议协调，本局已于2026年11月18日受理。",
            "基本情况": "", "报送期限": "5个工作日", "报送内容": "报送答复意见及有关材料；逾期未提交的，不影响争议协调",
            "报送期限条款": "《行政执法争议协调办法》第十二条第（一）项"})
SUPPLEMENT = Wording(
    kind="coordination_supplement", issued_in=_coordinates, format=layout.LETTER, max_pages=1,
    title="关于{事项名称}争议协调申请补正材料的通知",
    body="你单位提出的{事项名称}争议协调申请材料不齐备，请补正以下材料：\n{补正材料}\n"
         "请自收到本通知之日起{补正期限}内补正；未按规定补正的，视为放弃申请（{补正期限条款}）。",
    placeholders={**COMMON, "补正材料": "需要补正的材料", "补正期限": "补正期限", "补正期限条款": "其所在条款"},
    sample={**SAMPLE, "补正材料": "双方协商情况的书面记录。", "补正期限": "5个工作日",
            "补正期限条款": "《行政执法争议协调办法》第十二条第（二）项"})
REFUSAL = Wording(
    kind="coordination_refusal", issued_in=_coordinates, max_pages=1,
    title="关于{事项名称}争议协调申请不予受理的决定",
    body="你单位提出的{事项名称}争议协调申请，属于{不适用情形}的情形（{不适用条款}），不适用行政执法争议协调。"
         "本局决定不予受理。\n{说明}",
    placeholders={**COMMON, "不适用情形": "第八条所列情形", "不适用条款": "其所在条款", "说明": "经办人填写的说明"},
    sample={**SAMPLE, "不适用情形": "不涉及行政执法事项的其他行政管理事务争议", "不适用条款": "第八条第（一）项",
            "说明": "该争议系办公用房分配事项。"})
OPINION = Wording(
    kind="coordination_opinion", issued_in=_coordinates, max_pages=2,
    title="关于{事项名称}的协调意见",
    body="协调事项：{相关机关}之间的{争议类别}（{争议类别条款}），即{事项名称}。\n基本情况：{基本情况}\n"
         "协调依据：《行政执法争议协调办法》第十七条，以及争议事项涉及的法律、法规、规章。\n协调结果和意见：{协调结果}\n"
         "本意见书经{区政府}于{同意日期}同意，相关行政执法机关应当严格执行；拒不执行的，由行政执法监督机构制发"
         "《行政执法监督意见书》（《行政执法争议协调办法》第十九条）。",
    placeholders={**COMMON, "相关机关": "争议各方", "争议类别": "第七条所列争议类别", "争议类别条款": "其所在条款",
                  "基本情况": "争议的基本事实", "协调结果": "协调结果和意见", "区政府": "同意的人民政府",
                  "同意日期": "区政府同意的日期"},
    sample={**SAMPLE, "相关机关": "武隆区城市管理局、武隆区市场监督管理局", "争议类别": "行政执法职责争议",
            "争议类别条款": "第七条第（一）项", "基本情况": "双方对占道经营的查处职责各执一词。",
            "协调结果": "占道经营由武隆区城市管理局查处，武隆区市场监督管理局予以配合。", "区政府": "重庆市武隆区人民政府",
            "同意日期": "2026年11月25日"})
PROPOSAL = Wording(
    kind="coordination_proposal", issued_in=_coordinates, max_pages=2,
    title="关于{事项名称}的协调建议",
    body="{相关机关}之间就{事项名称}发生争议，经本局协调，未能达成一致意见。\n争议情况：{基本情况}\n"
         "倾向性意见：{倾向性意见}\n以上建议，请{区政府}决定。",
    placeholders={**COMMON, "相关机关": "争议各方", "基本情况": "争议的基本事实", "倾向性意见": "本局的倾向性意见",
                  "区政府": "作决定的人民政府"},
    sample={**SAMPLE, "相关机关": "武隆区城市管理局、武隆区市场监督管理局", "基本情况": "双方对占道经营的查处职责各执一词。",
            "倾向性意见": "建议由武隆区城市管理局查处。", "区政府": "区政府"})

EXTENSION = Wording(
    kind="coordination_extension", issued_in=_coordinates, format=layout.LETTER, max_pages=1,
    title="关于延长{事项名称}争议协调办理期限的告知书",
    body="{事项名称}争议协调事项，本局于{受理日期}受理，原应于{原办结日期}前办结。\n"
         "因{延长理由}，情况复杂不能在规定期限内办结，经本局主要负责人批准，办理期限延长{延长期限}，"
         "延长后于{办结日期}前办结（{延长条款}）。\n{停止执法提示}",
    placeholders={**COMMON, "受理日期": "受理日期", "原办结日期": "延长前的办结期限届满日", "延长理由": "批准延长的理由",
                  "延长期限": "延长的工作日数", "办结日期": "延长后的届满日", "延长条款": "其所在条款"},
    sample={**SAMPLE, "受理日期": "2026年11月18日", "原办结日期": "2026年11月27日", "延长理由": "需征求机构编制管理部门意见",
            "延长期限": "5个工作日", "办结日期": "2026年12月4日", "延长条款": "《行政执法争议协调办法》第十四条"})

register(ACCEPTANCE, NOTICE, SUPPLEMENT, REFUSAL, OPINION, PROPOSAL, EXTENSION)


def acceptance(matter, *, accepted_on, rule, due_on) -> Composed:
    return compose("coordination_acceptance", matter.jurisdiction, {
        "事项名称": matter.title, "停止执法提示": STANDSTILL, "受理日期": chinese_date(accepted_on),
        "办结期限": rule.text, "办结日期": chinese_date(due_on) if due_on else "", "办结期限条款": str(rule.citation)})


def notice(matter, *, reason: str, facts: str, rule, what: str) -> Composed:
    return compose("coordination_notice", matter.jurisdiction, {
        "事项名称": matter.title, "停止执法提示": STANDSTILL, "协调缘由": reason, "基本情况": facts,
        "报送期限": rule.text, "报送内容": what, "报送期限条款": str(rule.citation)})


def supplement(matter, *, note: str, rule) -> Composed:
    return compose("coordination_supplement", matter.jurisdiction, {
        "事项名称": matter.title, "停止执法提示": STANDSTILL, "补正材料": note, "补正期限": rule.text,
        "补正期限条款": str(rule.citation)})


def refusal(matter, *, item: dict, note: str) -> Composed:
    return compose("coordination_refusal", matter.jurisdiction, {
        "事项名称": matter.title, "停止执法提示": STANDSTILL, "不适用情形": item["label"], "不适用条款": item["article"],
        "说明": note})


def opinion(matter, *, names: str, category: dict, result: str, government: str, consent_on) -> Composed:
    return compose("coordination_opinion", matter.jurisdiction, {
        "事项名称": matter.title, "停止执法提示": STANDSTILL, "相关机关": names, "争议类别": category["label"],
        "争议类别条款": category["article"], "基本情况": matter.facts, "协调结果": result, "区政府": government,
        "同意日期": chinese_date(consent_on)})


def proposal(matter, *, names: str, result: str) -> Composed:
    return compose("coordination_proposal", matter.jurisdiction, {
        "事项名称": matter.title, "停止执法提示": STANDSTILL, "相关机关": names, "基本情况": matter.facts,
        "倾向性意见": result, "区政府": "区政府"})


def extension(matter, *, accepted_on, was_due, reason: str, n_text: str, due_on, citation: str) -> Composed:
    return compose("coordination_extension", matter.jurisdiction, {
        # the wording adds 争议协调 itself: a title ending in 争议 would read 争议争议协调
        "事项名称": matter.title.removesuffix("争议"), "停止执法提示": STANDSTILL, "受理日期": chinese_date(accepted_on),
        "原办结日期": chinese_date(was_due), "延长理由": reason, "延长期限": n_text, "办结日期": chinese_date(due_on),
        "延长条款": citation})
