"""Search layer: index documents, embedded and Elasticsearch engines, search views."""
from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "检索"

    def ready(self):
        from . import checks, indexing, jobs  # noqa: F401  (jobs: the scheduler's retry of queued updates)

        indexing.connect()
        from django.db.models.signals import post_delete

        from .engines.embedded import forget_deleted_entry
        from .models import SearchEntry

        post_delete.connect(forget_deleted_entry, sender=SearchEntry, dispatch_uid="search_entry_deleted")
        # 办事入口 show on cached public pages (portal, sections): a change makes them stale
        from django.db.models.signals import post_save

        from pages.cache import bump

        from .models import ServiceEntry

        post_save.connect(bump, sender=ServiceEntry, dispatch_uid="service_entry_saved", weak=False)
        post_delete.connect(bump, sender=ServiceEntry, dispatch_uid="service_entry_deleted", weak=False)
