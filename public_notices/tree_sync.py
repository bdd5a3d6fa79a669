"""A notice's jurisdiction follows the page tree.

`NoticePage.fill_metadata` stores the jurisdiction of the section a notice is saved under; index pages,
the archive, the feeds and the search filters read that column (an index page lists its children through
the (jurisdiction, published_on) index, newest first, without sorting the whole section). A notice moved
to another section, or a section given another rule profile, changes no notice row by itself: these
receivers rewrite the column for the notices concerned at once and queue them for re-indexing."""
from __future__ import annotations


def sync_jurisdiction(root) -> int:
    """Give every notice at or below `root` the jurisdiction of its section; returns how many changed."""
    from pages.models import JurisdictionPage
    from rules.profiles import profile_code_for_page
    from search.indexing import enqueue

    from .models import NoticePage

    sections = list(JurisdictionPage.objects.filter(path__startswith=root.path))
    scopes = [(s.path, profile_code_for_page(s)) for s in sections] or [(root.path, profile_code_for_page(root))]
    changed = 0
    for path, code in scopes:
        stale = list(NoticePage.objects.filter(path__startswith=path).exclude(jurisdiction=code)
                     .values_list("pk", flat=True))
        if stale:
            NoticePage.objects.filter(pk__in=stale).update(jurisdiction=code)
            for pk in stale:
                enqueue("notice", pk)
            changed += len(stale)
    return changed


def on_page_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if parent_page_before.pk != parent_page_after.pk:
        sync_jurisdiction(instance)


def on_section_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        sync_jurisdiction(instance)


def connect() -> None:
    from django.db.models.signals import post_save
    from wagtail.signals import post_page_move

    from pages.models import JurisdictionPage

    post_page_move.connect(on_page_move, dispatch_uid="notices_jurisdiction_follows_move")
    post_save.connect(on_section_saved, sender=JurisdictionPage, dispatch_uid="notices_jurisdiction_follows_section")
