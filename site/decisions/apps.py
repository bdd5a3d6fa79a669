"""Decision records: what a process decided (review, dismissal, objection, opinion, complaint, letter,
coordination, accountability) — the one record staff search and the permission rules filter."""
from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "decisions"
    label = "decisions"
    verbose_name = "决定记录"
