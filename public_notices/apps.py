"""The notice domain: kinds, metadata, publicity windows, objections, feeds."""
from django.apps import AppConfig


class PublicNoticesConfig(AppConfig):
    name = "public_notices"
    label = "public_notices"
    verbose_name = "公告公示"
