"""Staff roles and what each may do. Groups are created by migration 0001; the permissions
below are (re)granted after every migrate, so a later app adds its own by extending ROLE_PERMISSIONS
here — one place to read who may do what."""
EDITOR = "编辑"
OFFICER = "司法局经办人"
LEADER = "司法局负责人"
LIAISON = "执法机关联络员"
SUPERVISOR = "监督员"
ROLES = [EDITOR, OFFICER, LEADER, LIAISON, SUPERVISOR]

ADMIN = ["wagtailadmin.access_admin"]
READ_RULES = ["rules.view_ruleprofile", "rules.view_rulefigure", "rules.view_rulefigurechange",
              "rules.view_holidayyear"]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    EDITOR: ADMIN + READ_RULES + [
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
    ],
    OFFICER: ADMIN + READ_RULES + [
        "rules.add_holidayyear", "rules.change_holidayyear", "clocks.view_clock",
    ],
    LEADER: ADMIN + READ_RULES + [
        "rules.change_rulefigure", "rules.add_holidayyear", "rules.change_holidayyear", "clocks.view_clock",
    ],
    LIAISON: ADMIN,
    SUPERVISOR: ADMIN,
}

# Page tree permissions (on the root page, so every section inherits them).
PAGE_PERMISSIONS: dict[str, list[str]] = {
    EDITOR: ["add_page", "change_page", "publish_page"],
    OFFICER: ["add_page", "change_page"],
    LEADER: ["add_page", "change_page", "publish_page"],
}
