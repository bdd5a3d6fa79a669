"""Permissions this app grants each role; merged by roles.definitions.all_role_permissions()."""
from roles.definitions import LEADER, LIAISON, OFFICER

PERMISSIONS: dict[str, list[str]] = {
    # 004 过错 第十条: the legal office handles (受理、调查); the leadership decides collectively
    OFFICER: ["accountability.view_case", "accountability.handle_case"],
    LEADER: ["accountability.view_case", "accountability.handle_case", "accountability.decide_case"],
    # 过错 第五条 / 错案 第四条: the agency's legal unit (its liaison) runs its own agency's cases — the services
    # and casework.visibility allow it on cases of its own agency that it runs, never another agency's
    LIAISON: ["accountability.run_own_case"],
}
