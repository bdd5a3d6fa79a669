"""Speed benchmarks: each `<name>_bench.py` prints its figures (`python -m benchmarks` runs them all)."""
