"""The wording of the yearly programme's 限期整改通知书 (004 行政执法监督情况通报制度 第五条; 003 第二十条):
addressed to the agency named in the notification (its name stands once, as 主送)."""
from __future__ import annotations

from casework.wording import Composed, Wording, compose, register

RECTIFICATION = Wording(
    kind="rectification_notice", issued_in=lambda p: p.flag("supervision_notification"), max_pages=2,
    title="关于{被通报机关}限期整改的通知",
    body="根据《{通报标题}》，你单位存在以下问题：\n{存在问题}\n"
         "请你单位自收到本通知之日起{整改期限}内完成整改，并将整改落实情况书面报告本机关。",
    notes=("整改期限由本通报确定",),
    placeholders={"被通报机关": "被通报并须整改的机关", "通报标题": "年度通报的标题", "存在问题": "该机关须整改的问题",
                  "整改期限": "通报确定的整改期限", "整改依据": "整改要求所依据的条款"},
    sample={"被通报机关": "武隆区市场监督管理局", "通报标题": "关于2025年度行政执法情况的通报",
            "存在问题": "行政处罚案卷中陈述、申辩权利告知书缺失3件。", "整改期限": "30日",
            "整改依据": "《行政执法监督情况通报制度》第五条"})

register(RECTIFICATION)


def rectification(notification, agency, *, problems: str, period_text: str, basis) -> Composed:
    title = notification.title.strip().strip("《》")
    return compose("rectification_notice", notification.year.jurisdiction, {
        "被通报机关": agency.name, "通报标题": title, "存在问题": problems.strip(), "整改期限": period_text,
        "整改依据": str(basis.citation)})
