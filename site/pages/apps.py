"""Site structure: portal home, jurisdiction sections, base templates."""
from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    label = "pages"
    verbose_name = "网站页面"

    def ready(self):
        import static_files  # noqa: F401  (registers check --deploy's static manifest check)

        from .cache import connect_signals

        # the anonymous page cache (pages.cache) is made stale by every change a public page can show
        connect_signals()
