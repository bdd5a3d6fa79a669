"""Site structure: portal home, jurisdiction sections, base templates."""
from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    label = "pages"
    verbose_name = "网站页面"
