"""One door each: only decisions.services writes a DecisionRecord and only clocks.services starts a Clock.
A grep over the code (site/, public_notices/, benchmarks/): no other module constructs `DecisionRecord(` or
`Clock(` or writes them through `.objects.create/get_or_create/update_or_create/bulk_create`. Left out:
migrations, tests and the demo loaders (demo.py, demo/), which fill a database in bulk on purpose, and the
benchmark's bulk loader (named below)."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OWNERS = {"DecisionRecord": "site/decisions/services.py", "Clock": "site/clocks/services.py"}
BULK_LOADERS = {"benchmarks/casework_bench.py"}  # a synthetic database of many matters and clocks, timed


def _writes(model: str) -> re.Pattern:
    return re.compile(rf"(?<!class )\b{model}\(|\b{model}\.objects\.(create|get_or_create|update_or_create|bulk_create)\(")


def _code():
    for top in ("site", "public_notices", "benchmarks"):
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or "tests" in parts or "demo" in parts or path.stem == "demo":
                continue
            yield rel, path.read_text(encoding="utf-8")


def test_only_the_owners_write_decision_records_and_clocks():
    offenders = []
    for model, owner in OWNERS.items():
        pattern = _writes(model)
        for rel, text in _code():
            if rel == owner or rel in BULK_LOADERS:
                continue
            for n, line in enumerate(text.splitlines(), 1):
                if pattern.search(line):
                    offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == []


def test_the_grep_would_see_a_hand_built_record():
    # the pattern itself: a hand-built row and a create are caught; a class statement or a filter is not
    assert _writes("Clock").search("    clock = Clock(subject_type=ct)")
    assert _writes("DecisionRecord").search("DecisionRecord.objects.create(title=t)")
    assert not _writes("Clock").search("class Clock(models.Model):")
    assert not _writes("Clock").search("Clock.objects.filter(status=RUNNING)")
    assert not _writes("Clock").search("ClockPause.objects.create(clock=clock)")
    # the owners are where they are said to be, and they do write
    for model, owner in OWNERS.items():
        assert _writes(model).search((ROOT / owner).read_text(encoding="utf-8"))
