"""The wording of the 移送函 (004 投诉举报制度 第十一条; 过错 第五条、第十一条第（七）项; 错案 第四条、第十二条第三款)
and the 行政赔偿追偿决定书 (错案 第十二条第二款; 过错 第十一条第（六）项)."""
from __future__ import annotations

from casework import layout
from casework.wording import Composed, Wording, compose, register


def _refers(p) -> bool:
    return p.has("complaint_referrals") or p.has("fault_referrals") or p.has("wrong_case_referrals")


REFERRAL = Wording(
    kind="matter_referral", issued_in=_refers, format=layout.LETTER, max_pages=2,
    title="关于{事项名称}的移送函",
    body="本机关在办理{事项名称}（{事项编号}）中查明：{移送事实}\n"
         "上述问题属于{移送情形}的情形。依据{移送依据}的规定，现将{涉及人员}有关问题移送你单位依法处理，"
         "相关材料随函附送。\n请将处理结果函告本机关。",
    placeholders={"事项名称": "监督事项名称", "事项编号": "监督事项编号", "移送事实": "负责人填写的移送事实和理由",
                  "移送情形": "移送的情形（涉嫌犯罪、涉嫌违纪违法或给予处分）", "移送依据": "所依据的条款",
                  "涉及人员": "涉及的人员"},
    sample={"事项名称": "武隆区市场监督管理局执法人员殴打当事人", "事项编号": "武隆监案〔2026〕12号",
            "移送事实": "执法人员张某在检查中殴打当事人致轻伤，涉嫌故意伤害。",
            "移送情形": "涉嫌构成犯罪，移送司法机关处理", "移送依据": "《行政执法投诉举报制度》第十一条",
            "涉及人员": "张某"})
RECOVERY = Wording(
    kind="recovery_decision", issued_in=lambda p: p.has("wrong_case_recovery") or p.has("fault_compensation"),
    max_pages=2, title="关于{事项名称}的行政赔偿追偿决定",
    body="{事项名称}（{事项编号}）一案，{支付机关}已于{支付日期}支付行政赔偿金{赔偿金额}元。\n"
         "经查：{追偿理由}\n依据{追偿依据}的规定，决定向下列责任人追偿：\n{追偿份额}\n"
         "以上合计{追偿合计}元。",
    placeholders={"事项名称": "案件名称", "事项编号": "监督事项编号",
                  "支付机关": "支付行政赔偿金的机关（签发机关自己支付的为“本机关”）", "支付日期": "赔偿支付日期",
                  "赔偿金额": "已支付的行政赔偿金额", "追偿理由": "故意或者重大过失的事实",
                  "追偿依据": "所依据的条款", "追偿份额": "每名责任人的追偿金额（每人一段）", "追偿合计": "追偿金额合计"},
    sample={"事项名称": "某运输公司超限处罚错案", "事项编号": "武隆监案〔2026〕3号", "支付机关": "武隆区交通运输局",
            "支付日期": "2026年5月6日",
            "赔偿金额": "20000.00", "追偿理由": "执法人员李某故意隐瞒证据，导致处罚决定被撤销并赔偿。",
            "追偿依据": "《行政执法错案责任倒查问责制度》第十二条第二款", "追偿份额": "李某：8000.00元",
            "追偿合计": "8000.00"})

register(REFERRAL, RECOVERY)


def referral(matter, *, facts: str, label: str, article: str, persons: str) -> Composed:
    return compose("matter_referral", matter.jurisdiction, {
        "事项名称": matter.title, "事项编号": matter.number, "移送事实": facts.strip(), "移送情形": label,
        "移送依据": article, "涉及人员": persons.strip() or "相关人员"})


def recovery_payer(case) -> str:
    """Who paid the compensation, as the 追偿决定书 names it: the issuer itself (the agency on the case it runs, the
    bureau for its own staff) is 本机关; the bureau deciding after it took an agency's case over names the agency."""
    from accountability.services import issuer_of

    matter = case.matter
    return "本机关" if issuer_of(case) is not None or matter.agency_id is None else matter.agency.name


def recovery(case, *, paid_on: str, compensation: str, basis: str, article: str, shares: list[str],
             total: str) -> Composed:
    return compose("recovery_decision", case.matter.jurisdiction, {
        "事项名称": case.matter.title, "事项编号": case.matter.number, "支付机关": recovery_payer(case),
        "支付日期": paid_on,
        "赔偿金额": compensation, "追偿理由": basis.strip(), "追偿依据": article, "追偿份额": "\n".join(shares),
        "追偿合计": total})
