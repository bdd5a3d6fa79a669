"""Complaints and reports about enforcement (投诉举报), supervisor-misconduct reports, interference records."""
from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    label = "complaints"
    verbose_name = "投诉举报"
