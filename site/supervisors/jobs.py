"""Scheduler jobs: automatic end of unrenewed terms (000 第七条, 002 第八条) and renewal reminders."""
from django.utils import timezone

from clocks.scheduler import job

from .terms import terms_end_due, terms_ending


@job("监督员聘期届满自然解聘")
def end_expired_terms(now) -> str:
    return f"自然解聘 {terms_end_due(timezone.localdate(now))} 人"


@job("监督员聘期届满提醒")
def remind_terms_ending(now) -> str:
    # the reminders themselves are the dashboard panel's list; this reports the count to the log
    return f"{terms_ending(timezone.localdate(now)).count()} 个聘任期即将届满"
