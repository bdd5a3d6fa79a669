"""`python -m benchmarks` (make bench): run every benchmarks/*_bench.py module's main() with defaults."""
import importlib
import pkgutil
from pathlib import Path

for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
    if info.name.endswith("_bench"):
        importlib.import_module(f"benchmarks.{info.name}").main([])
