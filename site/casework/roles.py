"""Permissions this app grants each role; merged by roles.definitions.all_role_permissions()."""
from roles.definitions import LEADER, LIAISON, OFFICER

READ = ["casework.view_agency", "casework.view_matter", "casework.view_document", "casework.view_attachment"]
PERMISSIONS: dict[str, list[str]] = {
    # officers keep the register, open files, record service; leaders sign documents
    OFFICER: READ + ["casework.view_recusal", "casework.add_agency", "casework.change_agency", "casework.open_matter",
                     "casework.record_service", "casework.edit_template", "casework.view_documenttemplate"],
    LEADER: READ + ["casework.order_recusal", "casework.view_recusal",
                    "casework.issue_document", "casework.record_service", "casework.edit_template",
                    "casework.view_documenttemplate"],
    # a liaison reads the files of their own agency (scoped by casework.selectors) and acknowledges receipt
    LIAISON: ["casework.view_matter"],
}
