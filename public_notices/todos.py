"""What the public notices leave waiting (我的待办 provider, flows.worklist.PROVIDERS): the public's
objections to a publicity list still to be checked (bureau officers), and pages with changes not yet
published (editors)."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from roles.access import groups_of
from roles.definitions import EDITOR, OFFICER


def objections_and_drafts(user, *, today: dt.date) -> list:
    from flows.worklist import Item

    from .selectors import pending_objections

    items = []
    groups = groups_of(user)
    if OFFICER in groups and user.has_perm("public_notices.change_objection"):
        for o in pending_objections(user).select_related("page").order_by("submitted_at")[:50]:
            items.append(Item(title="核实公示异议", subject=f"{o.page.title}：{o.person_concerned}", process="拟聘人员公示",
                              url=reverse("objections:edit", args=[o.pk]), key=f"objection:{o.pk}",
                              note=f"{timezone.localtime(o.submitted_at):%Y-%m-%d}收到"))
    if EDITOR in groups:
        from wagtail.models import Page

        for page in Page.objects.filter(depth__gt=1, has_unpublished_changes=True).order_by("-latest_revision_created_at")[:30]:
            items.append(Item(title="审核发布页面", subject=page.title, process="网站内容",
                              url=reverse("wagtailadmin_pages:edit", args=[page.pk]), key=f"page:{page.pk}",
                              note="有尚未发布的修改" if page.live else "草稿，尚未发布"))
    return items
