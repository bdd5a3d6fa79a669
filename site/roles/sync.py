"""Grant the permissions of roles/definitions.py; idempotent, run after every migrate."""
from django.contrib.auth.models import Group, Permission

from .definitions import PAGE_PERMISSIONS, all_role_permissions


def sync_roles() -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    for name, perms in all_role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for dotted in perms:
            app_label, codename = dotted.split(".", 1)
            perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if perm is not None:  # an app not migrated yet grants on the next migrate
                wanted.append(perm)
        group.permissions.add(*wanted)
        root_collection = Collection.get_first_root_node()
        if root_collection is not None:
            for perm in wanted:
                if perm.content_type.app_label in ("wagtailimages", "wagtaildocs"):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=perm)
    root = Page.get_first_root_node()
    if root is None:
        return
    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for codename in codenames:
            perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
