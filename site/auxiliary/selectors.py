"""Reads other apps may use without importing the register's screens.

The nine prohibited acts of auxiliary staff (武隆《行政执法辅助人员管理办法》第十条) as a choice list a complaint,
an inspection or an accountability case can cite, and the words to cite the chosen ones. Nothing here writes.

Wiring (e.g. a complaint form): ``field.choices = [("", "不涉及")] + prohibited_act_choices(jurisdiction)``;
store the chosen codes; show ``cite_prohibited_acts(jurisdiction, codes)`` on the screen and in the document.
Both answer empty for a jurisdiction whose rules have no such list, so the field can be left out there."""
from __future__ import annotations

from rules.profiles import FigureMissing, get_profile

KEY = "auxiliary_prohibited_acts"
AGENCY_KEY = "auxiliary_agency_prohibited"


def _items(jurisdiction: str, key: str) -> list[dict]:
    try:
        profile = get_profile(jurisdiction)
    except FigureMissing:
        return []
    return profile.choices(key) if profile.has(key) else []


def prohibited_act_choices(jurisdiction: str, *, agency_acts: bool = False) -> list[tuple[str, str]]:
    """[(code, "label（《办法》第十条第（n）项）")]: the staff's prohibited acts, or with agency_acts=True the
    agency's own (第十五条: acting alone, pay tied to fines, quotas) prefixed "机关：" so both can share a list."""
    out = [(i["code"], f"{i['label']}（{i['citation']}）") for i in _items(jurisdiction, KEY)]
    if agency_acts:
        out += [(f"agency:{i['code']}", f"机关：{i['label']}（{i['citation']}）")
                for i in _items(jurisdiction, AGENCY_KEY)]
    return out


def cite_prohibited_acts(jurisdiction: str, codes) -> str:
    """The chosen acts in words with their articles, joined by "；" (unknown codes are left out)."""
    labels = dict(prohibited_act_choices(jurisdiction, agency_acts=True))
    return "；".join(labels[c] for c in codes or [] if c in labels)


def may_see_person(user, person) -> bool:
    """Whether `user` may open the person's record on the register (bureau staff; the agency's own liaison)."""
    from roles.access import in_casework

    from .services import may_manage

    return bool(user and user.is_authenticated and in_casework(user) and may_manage(user, person.agency))
