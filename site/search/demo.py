"""Demo: after the other loaders have published notices and written decision records, rebuild the
search index so `make run` searches everything (idempotent: a rebuild replaces the index)."""
from demo.loaders import loader

from . import outage
from .documents import all_objects, build
from .engines import get_engine
from .engines.es_client import is_unavailable
from .service_entries import load_defaults as load_service_entries
from .synonyms import load_defaults

# a few decision records so the staff search (决定检索) has something to find; demo text only
DEMO_DECISIONS = [
    ("letter", "关于万州区市场监督管理局执法检查未出示证件问题的监督意见书", "万州区市场监督管理局", "已整改",
     (2026, 3, 12), "万州司法监〔2026〕3号", "经监督员反映并核查，该局执法人员在餐饮油烟专项检查中未出示执法证件，"
     "建议立即规范检查程序，并在十五个工作日内书面反馈整改情况。", False),
    ("complaint", "关于群众投诉武隆区交通运输局执法程序问题的处理结果", "武隆区交通运输局", "部分属实",
     (2026, 5, 8), "", "经调查，投诉反映的执法文书送达不规范问题属实，已责成该局整改；其余事项不属实。", False),
    ("complaint", "监督员反映违法线索的核查情况（保密）", "武隆区交通运输局", "已移送",
     (2026, 6, 2), "", "监督员反映的违法线索已移送有关部门依法处理，线索来源依规保密。", True),
    ("coordination", "关于威海市城市管理局与生态环境局扬尘治理职责争议的协调意见", "威海市城市管理局", "已协调",
     (2025, 11, 20), "威司协〔2025〕7号", "经协调，施工工地扬尘由城市管理部门负责查处，生态环境部门予以配合。", False),
]


@loader("决定记录（员工检索示例）", stage=85)
def load_demo_decisions() -> str:
    # committed before the index loader runs, so its count of queued updates includes them
    return f"新增决定记录 {_demo_decisions()} 条，共 {len(DEMO_DECISIONS)} 条"


def _demo_decisions() -> int:
    import datetime as dt

    from decisions.models import DecisionRecord

    made = 0
    for kind, title, agency, outcome, ymd, number, body, secret in DEMO_DECISIONS:
        _, created = DecisionRecord.objects.get_or_create(title=title, defaults={
            "process_kind": kind, "agency": agency, "outcome": outcome, "decided_on": dt.date(*ymd),
            "doc_number": number, "body": body, "confidential": secret,
            "jurisdiction": {"万州": "wanzhou", "武隆": "wulong", "威海": "weihai"}[agency[:2]]})
        made += created
    return made


@loader("检索索引", stage=90)
def load_search_index() -> str:
    _demo_decisions()  # nothing new when load_demo ran the loader above
    load_defaults()
    load_service_entries()
    engine = get_engine()
    if engine.name == "elastic":
        down = outage.current()
        if down is not None:  # found down while loading: not tried again (no request, no traceback)
            return _queued(down)
    try:
        counts = {scope: engine.rebuild(scope, (build(scope, o) for o in all_objects(scope)))
                  for scope in ("notice", "decision", "case")}
    except Exception as exc:
        if not is_unavailable(exc):
            raise
        return _queued(outage.report(exc), exc)
    outage.clear()
    return f"已索引公告公示 {counts['notice']} 条、决定记录 {counts['decision']} 条、案件检索 {counts['case']} 条"


def _queued(down, exc=None) -> str:
    from .models import PendingIndexUpdate

    reason = down.reason if down is not None else outage.describe(exc)
    return (f"Elasticsearch 不可用（{reason}），检索索引未重建；{PendingIndexUpdate.objects.count()} 条索引更新"
            f"已进入待同步队列，集群恢复后由调度程序补同步。要建立完整索引，请在集群恢复后运行 "
            f"manage.py search_setup 与 manage.py search_rebuild。")
