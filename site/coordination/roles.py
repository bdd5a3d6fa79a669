"""Permissions this app grants each role; merged by roles.definitions.all_role_permissions()."""
from roles.definitions import LEADER, LIAISON, OFFICER

PERMISSIONS: dict[str, list[str]] = {
    # 004 争议协调办法 第六条: the bureau handles; its head approves extensions and signs the opinion (第十四条、第十八条)
    OFFICER: ["coordination.view_dispute", "coordination.handle_dispute"],
    LEADER: ["coordination.view_dispute", "coordination.handle_dispute", "coordination.approve_dispute"],
    # an agency applies through its liaison (第十条); scoped to its own agency by the services
    LIAISON: ["coordination.view_dispute"],
}
