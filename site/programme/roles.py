"""Permissions this app grants each role; merged by roles.definitions.all_role_permissions()."""
from roles.definitions import LEADER, LIAISON, OFFICER

READ = ["programme.view_programmeyear", "programme.view_activity", "programme.view_statisticsreturn",
        "programme.view_notification", "programme.view_rectificationtask", "programme.view_checklistitem"]
# the checklist (检查清单) is kept by bureau staff: add, edit, retire (never deleted: findings cite items)
CHECKLIST = ["programme.add_checklistitem", "programme.change_checklistitem"]
PERMISSIONS: dict[str, list[str]] = {
    # officers keep the year's records and aggregate the statistics; leaders also sign the notification
    OFFICER: READ + CHECKLIST + ["programme.manage_programme"],
    LEADER: READ + CHECKLIST + ["programme.manage_programme", "programme.issue_notification"],
    # a liaison reports their own agency's statistics (scoped in services) and its rectification
    LIAISON: ["programme.submit_statistics", "programme.report_rectification"],
}
