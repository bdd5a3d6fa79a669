"""Publishing many notices at once (import_notices): the same rows Wagtail writes when an editor creates and
publishes a page — tree path, depth and numchild, url_path, a revision that is latest and live, the log
entries (创建, 编辑, 发布), Wagtail's own search index — written in bulk, inside the caller's transaction.

What the per-page path does page by page is done once here: the parent's last child path is read once and
the new paths follow it; index numbers come from one locked block per organisation and year; the project's
search index takes all new notices in one bulk call (Elasticsearch: the usual queued updates after commit);
the page cache generation is bumped once. No page_published signal is sent: its receivers are the search
index and the page cache (both done here) and the programme's annual-report clock, which only concerns a
page a programme year already points at, never a page created now."""
from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageLogEntry, ReferenceIndex, Revision

from .models import IndexSequence, NoticePage

BATCH = 500
LOG_ACTIONS = ("wagtail.create", "wagtail.edit", "wagtail.publish")  # what creating + publishing logs


def _free_slug(slug: str, taken: set[str]) -> str:
    """Wagtail's rule for a clash among siblings: the slug with -2, -3, ..."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def allocate_numbers(pages: list[NoticePage]) -> None:
    """Index numbers for pages without one, in order, per organisation and year, after recording the
    imported numbers that are in the site's own format (so none is issued twice)."""
    for page in pages:
        if page.index_number:
            profile = page._rules_profile
            IndexSequence.note_used(index_number=page.index_number, org_code=profile.org_code or profile.code)
    wanting: dict[tuple[str, int], list[NoticePage]] = defaultdict(list)
    for page in pages:
        if not page.index_number:
            profile = page._rules_profile
            year = (page.published_on or page.written_on or timezone.localdate()).year
            wanting[(profile.org_code or profile.code, year)].append(page)
    for (org, year), group in wanting.items():
        for page, number in zip(group, IndexSequence.take_many(org_code=org, year=year, count=len(group)),
                                strict=True):
            page.index_number = number


def place(parent: Page, pages: list[NoticePage]) -> None:
    """Tree fields of new last children of `parent` (locked, so a concurrent add waits), as add_child sets them."""
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    depth = parent.depth + 1
    last = (Page.objects.filter(path__startswith=parent.path, depth=depth).order_by("-path")
            .values_list("path", flat=True).first())
    position = Page._str2int(last[-Page.steplen:]) if last else 0
    taken = set(Page.objects.filter(path__startswith=parent.path, depth=depth).values_list("slug", flat=True))
    for page in pages:
        position += 1
        page.path = Page._get_path(parent.path, depth, position)
        page.depth = depth
        page.numchild = 0
        page.slug = _free_slug(page.slug or page.index_number.rsplit("/", 1)[-1], taken)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))


def _set_pk(page: NoticePage, pk: int) -> None:
    page.id = pk
    for model in type(page)._meta.get_parent_list():
        for link in model._meta.parents.values():
            setattr(page, link.attname, pk)
    for link in type(page)._meta.parents.values():
        setattr(page, link.attname, pk)
    page._state.adding = False


def _insert(pages: list[NoticePage]) -> None:
    """Rows of every table of the multi-table page model: wagtailcore_page in bulk (ids returned), then
    the notice table and each kind's table."""
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    for start in range(0, len(pages), BATCH):
        chunk = pages[start:start + BATCH]
        bases = Page.objects.bulk_create([Page(**{f.attname: getattr(p, f.attname) for f in page_fields})
                                          for p in chunk])
        for page, base in zip(chunk, bases, strict=True):
            _set_pk(page, base.pk)
    by_model: dict[type, list[NoticePage]] = defaultdict(list)
    for page in pages:
        if type(page) is not NoticePage:
            by_model[type(page)].append(page)
    for model, rows in [(NoticePage, pages), *by_model.items()]:
        fields = model._meta.local_concrete_fields
        for start in range(0, len(rows), BATCH):
            model._base_manager._insert(rows[start:start + BATCH], fields=fields, using=connection.alias)


def create_published(groups: dict[Page, list[NoticePage]], *, by=None) -> list[NoticePage]:
    """Create and publish the pages under their parents (validated, profile attached as `_rules_profile`,
    `first_published_at` set); returns them saved. Call inside a transaction."""
    from pages.cache import bump
    from search.indexing import index_new

    pages = [p for group in groups.values() for p in group]
    if not pages:
        return []
    for page in pages:
        page.fill_metadata(number=False)
    allocate_numbers(pages)
    for parent, group in groups.items():
        place(parent, group)
    now = timezone.now()
    for page in pages:  # as saved by add_child, before its revision is published
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = False, True
        page.latest_revision = page.live_revision = None
        page.last_published_at = page.latest_revision_created_at = None
        page.owner = by
        setattr(page, COMMENTS_RELATION_NAME, [])  # a new page has none: the revision need not ask the database
    _insert(pages)
    base_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [Revision(content_type_id=p.content_type_id, base_content_type=base_type, object_id=str(p.pk), user=by,
                  approved_go_live_at=None, content=p.serializable_data(), object_str=str(p), created_at=now)
         for p in pages], batch_size=BATCH)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
        page.latest_revision_created_at = page.last_published_at = now
        page.live, page.has_unpublished_changes = True, False
    table, field = Page._meta.db_table, Page._meta.get_field
    stamp = field("last_published_at").get_db_prep_value(now, connection)
    with connection.cursor() as cur:  # the published state, as the publish action saves it
        cur.executemany(f"UPDATE {table} SET latest_revision_id = %s, live_revision_id = %s, "
                        "latest_revision_created_at = %s, last_published_at = %s, live = %s, "
                        "has_unpublished_changes = %s WHERE id = %s",
                        [(p.latest_revision_id, p.live_revision_id, stamp, stamp, True, False, p.pk) for p in pages])
    PageLogEntry.objects.bulk_create(
        [PageLogEntry(content_type_id=p.content_type_id, label=p.title, action=action, data={}, timestamp=now,
                      user=by, page_id=p.pk, revision=None if action == "wagtail.create" else p.latest_revision,
                      content_changed=True)
         for p in pages for action in LOG_ACTIONS], batch_size=BATCH)
    for page in pages:
        if "linktype=" in page.body:  # internal links in the rich text: Wagtail's usage index records them
            ReferenceIndex.create_or_update_for_object(page)
    _wagtail_search_index(pages)
    index_new(pages)
    bump()
    return pages


def _wagtail_search_index(pages: list[NoticePage]) -> None:
    """Wagtail's own index (the admin's page search), as its post_save handler would fill it."""
    from wagtail.search.backends import get_search_backends_with_name

    by_model: dict[type, list[NoticePage]] = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        for model, group in by_model.items():
            backend.add_bulk(model, group)

