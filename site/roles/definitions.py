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

# activities app: activities, attendance, recusal, absence findings, opinions and leads
ACTIVITIES_OFFICER = [
    "activities.view_activity", "activities.add_activity", "activities.change_activity",
    "activities.view_invitation", "activities.add_invitation", "activities.record_attendance",
    "activities.view_conflictdeclaration", "activities.order_recusal", "activities.view_absencefinding",
    "activities.view_opinion", "activities.forward_opinion", "activities.decide_opinion",
]
ACTIVITIES_LEADER = [
    "activities.view_activity", "activities.view_invitation", "activities.view_conflictdeclaration",
    "activities.view_absencefinding", "activities.view_opinion", "activities.decide_opinion",
]

# public_notices: objections to publicity lists and window-close summaries (bureau staff only)
NOTICES_STAFF = ["public_notices.view_objection", "public_notices.change_objection",
                 "public_notices.view_publicityclosure"]

# supervisors lifecycle (issue 4): officers open campaigns, review and propose dismissal; leaders approve
SUPERVISORS_READ = ["supervisors.view_supervisor", "supervisors.view_term", "supervisors.view_campaign",
                    "supervisors.view_application", "supervisors.view_dismissal"]
SUPERVISORS_READ += ["supervisors.view_evaluation", "supervisors.view_consentrequest",
                     "supervisors.view_researchassignment",
                     "activities.view_activitysupport"]
SUPERVISORS_OFFICER = SUPERVISORS_READ + ["supervisors.open_campaign", "supervisors.review_application",
                                          "supervisors.propose_dismissal", "supervisors.change_supervisor",
                                          "referrals.refer_supervisor_misconduct", "supervisors.assign_research",
                                          "activities.record_support"]
SUPERVISORS_LEADER = SUPERVISORS_READ + ["supervisors.approve_shortlist", "supervisors.decide_dismissal",
                                         "supervisors.grade_evaluation", "supervisors.publish_commendation",
                                         "supervisors.decide_consent"]

# search: the synonyms both engines apply to what people type (public search and decision search)
SEARCH_SYNONYMS = ["search.view_searchsynonym", "search.add_searchsynonym", "search.change_searchsynonym",
                   "search.delete_searchsynonym"]
# search: 办事入口 (complaint form, status lookup, …) shown above results and on the portal: editors keep them
SERVICE_ENTRIES = ["search.view_serviceentry", "search.add_serviceentry", "search.change_serviceentry",
                   "search.delete_serviceentry"]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    EDITOR: ADMIN + READ_RULES + SEARCH_SYNONYMS + SERVICE_ENTRIES + [
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
    ],
    OFFICER: ADMIN + READ_RULES + [
        "rules.add_holidayyear", "rules.change_holidayyear", "clocks.view_clock",
    ] + ACTIVITIES_OFFICER + NOTICES_STAFF + SUPERVISORS_OFFICER + SEARCH_SYNONYMS,
    LEADER: ADMIN + READ_RULES + [
        "rules.change_rulefigure", "rules.add_holidayyear", "rules.change_holidayyear", "clocks.view_clock",
    ] + ACTIVITIES_LEADER + NOTICES_STAFF + SUPERVISORS_LEADER,
    LIAISON: ADMIN + ["activities.answer_opinion"],
    SUPERVISOR: ADMIN + ["activities.declare_conflict", "activities.submit_opinion", "supervisors.request_consent",
                         "supervisors.submit_research"],
}

# Page tree permissions (on the root page, so every section inherits them).
PAGE_PERMISSIONS: dict[str, list[str]] = {
    EDITOR: ["add_page", "change_page", "publish_page"],
    OFFICER: ["add_page", "change_page"],
    LEADER: ["add_page", "change_page", "publish_page"],
}

# Casework apps list their own role permissions in <app>/roles.py (PERMISSIONS: {role: [perm, ...]});
# all_role_permissions() is what sync grants: the lists above plus theirs.
CASEWORK_APPS = ("casework", "letters", "complaints", "coordination", "accountability", "programme", "powers",
                 "filings")


def all_role_permissions() -> dict[str, list[str]]:
    from importlib import import_module

    merged = {role: list(perms) for role, perms in ROLE_PERMISSIONS.items()}
    for app in CASEWORK_APPS:
        for role, perms in import_module(f"{app}.roles").PERMISSIONS.items():
            merged[role] += [p for p in perms if p not in merged[role]]
    return merged
