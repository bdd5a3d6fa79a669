"""Permissions this app grants each role; merged by roles.definitions.all_role_permissions().
Officers handle complaints and see complainants; leaders review collectively and approve extensions;
every staff role (liaisons and supervisors too) may record an attempt to interfere (干预插手记录 第六条)."""
from roles.definitions import LEADER, LIAISON, OFFICER, SUPERVISOR

READ = ["complaints.view_complaint", "complaints.view_complainant", "complaints.view_interferencerecord",
        "complaints.summarise_interference"]
PERMISSIONS: dict[str, list[str]] = {
    OFFICER: READ + ["complaints.handle_complaint", "complaints.record_interference", "complaints.handle_interference"],
    LEADER: READ + ["complaints.decide_complaint", "complaints.record_interference", "complaints.handle_interference"],
    # 投诉 第三条: the agency's legal unit (its liaison) receives and handles complaints about its own agency —
    # complaints.access and complaints.selectors keep it to those
    LIAISON: ["complaints.record_interference", "complaints.handle_own_complaint"],
    SUPERVISOR: ["complaints.record_interference"],
}
