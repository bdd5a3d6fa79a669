"""The yearly programme: plan, inspections, case-file reviews, evaluations, statistics, notifications."""
from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "programme"
    label = "programme"
    verbose_name = "年度监督"
