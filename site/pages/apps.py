"""Site structure: portal home, jurisdiction sections, base templates."""
from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    label = "pages"
    verbose_name = "网站页面"

    def ready(self):
        from .cache import connect_signals

        # the anonymous page cache (pages.cache) is made stale by every change a public page can show
        connect_signals()
