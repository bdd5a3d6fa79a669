"""Permissions this app grants each role; merged by roles.definitions.all_role_permissions()."""
PERMISSIONS: dict[str, list[str]] = {}
