"""后台任务 in the Wagtail admin menu, for bureau staff (roles.access.is_bureau)."""
from django.urls import path, reverse
from wagtail import hooks

from roles import access
from roles.menu import RoleMenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_task_urls():
    return [
        path("background-tasks/", admin_views.task_list, name="background_tasks"),
        path("background-tasks/<uuid:task_id>/retry/", admin_views.task_retry, name="background_task_retry"),
        path("background-tasks/rebuild-search/", admin_views.rebuild_start, name="background_rebuild_search"),
        path("background-tasks/progress/<uuid:progress_id>/", admin_views.progress_json, name="background_progress"),
        path("import-notices/", admin_views.import_notices, name="background_import_notices"),
    ]


@hooks.register("register_admin_menu_item")
def register_task_menu_item():
    return RoleMenuItem("后台任务", reverse("background_tasks"), icon_name="cogs", order=9000, shown_to=access.is_bureau)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return RoleMenuItem("导入公告", reverse("background_import_notices"), icon_name="upload", order=8990,
                        shown_to=admin_views.may_import)
