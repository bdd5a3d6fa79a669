"""Permissions this app grants each role; merged by roles.definitions.all_role_permissions()."""
from roles.definitions import LEADER, OFFICER

PERMISSIONS: dict[str, list[str]] = {
    # 备案审查 (003 第二十二条): the bureau's officers and leaders review a filing (the flow's review task)
    OFFICER: ["filings.review_filing"],
    LEADER: ["filings.review_filing"],
}
