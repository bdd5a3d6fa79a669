"""Who someone is, kept across requests: a staff member's permissions and role groups are read on every
admin request (three queries: the user's own permissions, their groups' permissions, their group names), and
the jurisdiction their staff profile names (roles.access.bureau_jurisdiction). They are kept in the shared cache
under an *auth generation* bumped by every write that can change them — a save or delete of a user, group,
permission or staff profile and every change of the links between them (a user's groups and permissions, a
group's permissions) — when the write happens and again when its transaction commits, so no request reads
permissions from before a change."""
from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from generations import Generation

GENERATION_KEY = "auth:generation"
TIMEOUT = 3600


_GENERATION = Generation(GENERATION_KEY)
generation = _GENERATION.current


def bump(*args, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    _GENERATION.bump()


def kept(user, name: str, compute):
    """`compute()` for this user, from the shared cache under the current auth generation."""
    key = f"auth:{name}:{generation()}:{user.pk}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


class CachedPermissionsBackend(ModelBackend):
    """Django's ModelBackend, its two permission reads kept in the shared cache (see the module)."""

    def _get_permissions(self, user_obj, obj, from_name):
        name = f"_{from_name}_perm_cache"
        if user_obj.is_active and not user_obj.is_anonymous and obj is None and not hasattr(user_obj, name):
            setattr(user_obj, name, kept(user_obj, f"perms:{from_name}",
                                         lambda: super(CachedPermissionsBackend, self)._get_permissions(
                                             user_obj, obj, from_name)))
        return super()._get_permissions(user_obj, obj, from_name)


def connect() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import StaffProfile

    User = get_user_model()
    for model in (User, Group, Permission, StaffProfile):  # a staff profile names the account's 辖区 (access)
        post_save.connect(bump, sender=model, dispatch_uid=f"auth-cache-save:{model._meta.label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"auth-cache-delete:{model._meta.label}")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(bump, sender=through, dispatch_uid=f"auth-cache-links:{through._meta.label}")
