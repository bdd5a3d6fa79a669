"""Demo content for `make run` (never loaded in production)."""
from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    label = "demo"
    verbose_name = "演示数据"
