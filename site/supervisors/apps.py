"""Social supervisors (监督员): campaigns, applications, terms, activities, opinions, the roster."""
from django.apps import AppConfig


class SupervisorsConfig(AppConfig):
    name = "supervisors"
    label = "supervisors"
    verbose_name = "行政执法监督员"
