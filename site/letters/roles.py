"""Permissions this app grants each role; merged by roles.definitions.all_role_permissions()."""
from roles.definitions import LEADER, LIAISON, OFFICER

READ = ["letters.view_letter", "letters.view_objection", "letters.view_report"]
PERMISSIONS: dict[str, list[str]] = {
    # officers draft (letters, overdue documents, typical cases) and accept reports; leaders sign and review
    OFFICER: READ + ["letters.draft_letter", "letters.accept_report"],
    LEADER: READ + ["letters.sign_letter", "letters.review_objection"],
    # the agency's liaison objects and reports, for their own agency only (checked in letters.services)
    LIAISON: ["letters.answer_letter"],
}
