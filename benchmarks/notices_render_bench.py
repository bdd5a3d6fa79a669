"""Picked up by `python -m benchmarks` (which runs *_bench modules): the notice rendering benchmark."""
from benchmarks.notices_render import main  # noqa: F401
