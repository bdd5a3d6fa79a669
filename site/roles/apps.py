"""Staff roles (groups) and the permissions each needs."""
from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync(sender, **kwargs):
    # post_migrate fires once per app; grant once, after the last app created its permissions
    last = [c for c in apps.get_app_configs() if c.models_module is not None][-1]
    if sender is not last:
        return
    from .sync import sync_roles

    sync_roles()


class RolesConfig(AppConfig):
    name = "roles"
    label = "roles"
    verbose_name = "角色与权限"

    def ready(self):
        post_migrate.connect(_sync, dispatch_uid="roles-sync")
        from .auth_cache import connect

        connect()  # permissions and role groups kept across requests, stale on any change of them
