"""Permissions this app grants each role; merged by roles.definitions.all_role_permissions()."""
from roles.definitions import LEADER, OFFICER

PERMISSIONS: dict[str, list[str]] = {
    # 004 过错 第十条: the legal office handles (受理、调查); the leadership decides collectively
    OFFICER: ["accountability.view_case", "accountability.handle_case"],
    LEADER: ["accountability.view_case", "accountability.handle_case", "accountability.decide_case"],
}
