"""Search layer: index documents, embedded and Elasticsearch engines, search views."""
from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "检索"

    def ready(self):
        from . import checks, indexing, jobs  # noqa: F401  (jobs: the scheduler's retry of queued updates)

        indexing.connect()
