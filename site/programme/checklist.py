"""The inspection and case-file review checklists (检查清单): their first filling per jurisdiction, and the
statistics of findings per item and agency.

Enshi (003): what supervision covers (第十一条) — the key enforcement systems (第十二条), the responsibility
system (第十三条) and strict, fair, civil enforcement (第十四条). Wulong: the contents of its inspection system
(行政执法监督检查制度 第七条). The wording below is the platform's own summary of each item; staff keep the
items in the admin (检查清单). Each item names the letter ground (`letter_grounds` of the profile) that a
finding on it pre-fills when it opens a supervision letter."""
from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q

from .models import CONDUCT, KEY_SYSTEMS, OTHER_CONTENT, RESPONSIBILITY, ChecklistItem

INSPECT = "行政执法监督检查制度"

# (section, code, label, article, letter ground)
ENSHI = [
    (KEY_SYSTEMS, "publicity", "执法信息是否按公示制度事前、事中、事后公开", "第十二条第（一）项", "systems"),
    (KEY_SYSTEMS, "recording", "执法全过程是否有文字、音像记录并归档", "第十二条第（一）项", "systems"),
    (KEY_SYSTEMS, "legal_review", "重大执法决定是否经法制审核并报送备案", "第十二条第（一）项", "systems"),
    (KEY_SYSTEMS, "discretion", "是否制定并适用行政裁量权基准", "第十二条第（二）项", "systems"),
    (KEY_SYSTEMS, "complaints", "投诉举报是否有渠道、按制度受理和处理", "第十二条第（三）项", "systems"),
    (KEY_SYSTEMS, "criminal_link", "涉嫌犯罪案件是否依法移送司法机关（行刑衔接）", "第十二条第（四）项", "systems"),
    (KEY_SYSTEMS, "other_systems", "其他重要执法制度的落实", "第十二条第（五）项", "systems"),
    (RESPONSIBILITY, "matters", "执法事项是否梳理成清单", "第十三条第（一）项", "non_performance"),
    (RESPONSIBILITY, "powers", "执法职权是否分解到机构和岗位", "第十三条第（二）项", "non_performance"),
    (RESPONSIBILITY, "duties", "各岗位执法责任是否明确", "第十三条第（三）项", "non_performance"),
    (RESPONSIBILITY, "procedures", "执法程序规定是否落到实处", "第十三条第（四）项", "illegal_subject"),
    (RESPONSIBILITY, "assessment", "本机关是否开展执法考核评议", "第十三条第（五）项", "non_performance"),
    (RESPONSIBILITY, "accountability", "执法过错是否依规追究责任", "第十三条第（六）项", "non_performance"),
    (CONDUCT, "subject", "执法主体资格和执法权限是否合法", "第十四条第（一）项", "illegal_subject"),
    (CONDUCT, "facts", "认定事实是否清楚，证据是否确实、充分", "第十四条第（二）项", "illegal_decision"),
    (CONDUCT, "procedure", "执法程序是否合法", "第十四条第（三）项", "illegal_subject"),
    (CONDUCT, "law", "适用法律依据是否正确", "第十四条第（四）项", "illegal_decision"),
    (CONDUCT, "decision", "执法决定是否合法、适当", "第十四条第（五）项", "illegal_decision"),
    (CONDUCT, "casefile", "执法案卷是否真实、规范、完整", "第十四条第（六）项", "non_performance"),
    (CONDUCT, "certificates", "执法证件的管理和使用是否规范", "第十四条第（七）项", "staff_certificates"),
    (CONDUCT, "training", "执法人员是否接受教育培训", "第十四条第（八）项", "staff_certificates"),
    (CONDUCT, "equipment", "执法装备配备等保障标准是否落实", "第十四条第（九）项", "other"),
    (CONDUCT, "uniforms", "统一制式服装和标志是否规范管理使用", "第十四条第（十）项", "staff_certificates"),
    (CONDUCT, "other_conduct", "其他影响执法合法性、适当性的情况", "第十四条第（十一）项", "other"),
]

WULONG = [
    (CONDUCT, "subject", "执法主体是否合法，是否以本单位名义作出行政行为", "第七条第（一）项", "qualification"),
    (CONDUCT, "law", "法律依据适用是否正确，有无违反法律、法规、规章", "第七条第（二）项", "acts"),
    (CONDUCT, "procedure", "执法过程中是否履行法定程序", "第七条第（三）项", "procedure"),
    (CONDUCT, "confiscated", "罚没财物是否依法处置", "第七条第（四）项", "violations"),
    (CONDUCT, "conduct", "着装是否规范，风纪是否严正，是否文明执法", "第七条第（五）项", "other"),
    (OTHER_CONTENT, "other", "其他应监督、检查的内容", "第七条第（六）项", "other"),
]

DEFAULTS = {"enshi": ("003", "", ENSHI), "wulong": ("004", INSPECT, WULONG)}


@transaction.atomic
def fill(jurisdiction: str | None = None) -> int:
    """Give each jurisdiction with a default checklist its items, once: a jurisdiction that already has
    items (staff may have edited, added or retired some) is left as it is. Returns how many were created."""
    made = 0
    for code, (source, document, rows) in DEFAULTS.items():
        if jurisdiction not in (None, code) or ChecklistItem.objects.filter(jurisdiction=code).exists():
            continue
        ChecklistItem.objects.bulk_create([
            ChecklistItem(jurisdiction=code, section=section, code=item, label=label, source=source,
                          document=document, article=article, letter_ground=ground, sort_order=(i + 1) * 10)
            for i, (section, item, label, article, ground) in enumerate(rows)])
        made += len(rows)
    return made


def items_for(jurisdiction: str):
    return ChecklistItem.objects.filter(jurisdiction=jurisdiction, active=True).order_by("sort_order", "pk")


def statistics(jurisdiction: str, year: int) -> dict:
    """Findings of `year`'s activities per checklist item and agency, in one query:
    {"agencies": [(pk, name)], "rows": [(item, {agency_pk: n}, total)], "totals": {agency_pk: n}, "total": n}."""
    from .models import Finding

    counts = (Finding.objects.filter(activity__year__jurisdiction=jurisdiction, activity__year__year=year)
              .values("item_id", "activity__agency_id", "activity__agency__name")
              .annotate(n=Count("pk")).order_by())
    agencies: dict[int, str] = {}
    cells: dict[int, dict[int, int]] = {}
    for c in counts:
        agencies[c["activity__agency_id"]] = c["activity__agency__name"]
        cells.setdefault(c["item_id"], {})[c["activity__agency_id"]] = c["n"]
    items = list(ChecklistItem.objects.filter(jurisdiction=jurisdiction)
                 .filter(Q(active=True) | Q(pk__in=list(cells))).order_by("sort_order", "pk"))
    order = sorted(agencies.items(), key=lambda a: a[1])
    rows = [(item, [cells.get(item.pk, {}).get(pk, 0) for pk, _n in order], sum(cells.get(item.pk, {}).values()))
            for item in items]
    totals = [sum(cells.get(i.pk, {}).get(pk, 0) for i in items) for pk, _n in order]
    return {"agencies": order, "rows": rows, "totals": totals, "total": sum(totals)}

