"""The complaint fixtures (tests/complaints/fixtures.py, shared with tests/referrals)."""
from tests.complaints.fixtures import _clear_cache, people  # noqa: F401
