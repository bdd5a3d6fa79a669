"""Demo: Enshi's 行政执法监督权责清单 (four lines written for the demo), published once by the demo leader."""
from __future__ import annotations

from django.contrib.auth import get_user_model

from demo.loaders import loader

from .models import PowerItem, PowerListRelease
from .services import power_list_publish

LINES = [
    ("power", "行政执法监督检查", "本州行政执法监督办法关于监督检查的规定",
     "按年度计划对被监督机关的行政执法情况开展日常、专项检查，听取说明、查阅案卷。",
     "未按计划开展检查，或检查中滥用职权、徇私舞弊的，依法依规追究责任。"),
    ("power", "制发行政执法监督建议书、决定书", "本州行政执法监督办法关于监督文书的规定",
     "发现违法或者不当的行政执法行为，依程序制发监督建议书或者决定书，跟踪整改。",
     "应当制发而不制发、或者跟踪整改不力的，依法依规追究责任。"),
    ("duty", "重大行政执法决定备案审查", "本州行政执法监督办法关于备案审查的规定",
     "接收被监督机关报送备案的重大行政执法决定，进行合法性、适当性审查。",
     "对报备决定不审查或者审查不严的，依法依规追究责任。"),
    ("duty", "受理投诉举报", "本州行政执法监督办法关于投诉举报的规定",
     "通过12345政务服务便民热线等渠道受理公民、法人和其他组织的投诉举报并依法处理。",
     "推诿、拖延处理投诉举报，或者泄露投诉举报人信息的，依法依规追究责任。"),
]


@loader("行政执法监督权责清单（恩施）", stage=15)
def load_power_list() -> str:
    if PowerItem.objects.filter(jurisdiction="enshi").exists():
        return "已存在"
    for order, (category, name, basis, content, responsibility) in enumerate(LINES, start=1):
        PowerItem.objects.create(jurisdiction="enshi", order=order, category=category, name=name, basis=basis,
                                 content=content, responsibility=responsibility)
    leader = get_user_model().objects.filter(username="leader").first()
    if leader is not None and not PowerListRelease.objects.filter(jurisdiction="enshi").exists():
        power_list_publish(by=leader, jurisdiction="enshi")
        return f"{len(LINES)}项，已发布"
    return f"{len(LINES)}项"
