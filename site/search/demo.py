"""Demo: after the other loaders have published notices and written decision records, rebuild the
search index so `make run` searches everything (idempotent: a rebuild replaces the index)."""
from demo.loaders import loader

from .documents import all_objects, build
from .engines import get_engine


@loader("检索索引")
def load_search_index() -> str:
    engine = get_engine()
    counts = {scope: engine.rebuild(scope, (build(scope, o) for o in all_objects(scope)))
              for scope in ("notice", "decision")}
    return f"已索引公告公示 {counts['notice']} 条、决定记录 {counts['decision']} 条"
