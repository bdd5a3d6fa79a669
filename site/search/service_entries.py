"""办事入口 (issue 27): from a question to the action. Editors keep the entries (models.ServiceEntry, admin
办事入口); a query that holds an entry's keyword or synonym shows it as a button above the search results
("怎么投诉执法人员" → 在线投诉); the home page shows every jurisdiction's entries and a section its own
(templatetags/service_entries.py); the sitemap lists the internal ones.

A query matches an entry when, written the way the index reads it (full-width folded, lower case,
traditional characters simplified), it contains one of the entry's words. Question words are no keywords,
so "怎么投诉" and "投诉" lead to the same form.
"""
from __future__ import annotations

from .models import ServiceEntry
from .spelling import to_simplified
from .tokenize import normalize

MAX_SHOWN = 6  # buttons above the results at most


def _live():
    return ServiceEntry.objects.filter(live=True)


def matching(text: str, jurisdiction: str = "") -> list[ServiceEntry]:
    """Entries the query asks for, the most matched characters first (办理进度 says more than 投诉); within
    a jurisdiction when one is chosen (its own entries and the general ones)."""
    query = "".join(to_simplified(normalize(text)).split())
    if not query:
        return []
    entries = _live()
    if jurisdiction:
        entries = entries.filter(jurisdiction__in=["", jurisdiction])
    scored = []
    for entry in entries:
        words = [to_simplified(normalize(w)) for w in entry.words()]
        hits = sum(len(w) for w in words if w in query)
        if hits:
            scored.append((-hits, entry.sort_order, entry.jurisdiction, entry.pk, entry))
    return [row[-1] for row in sorted(scored, key=lambda r: r[:4])][:MAX_SHOWN]


def for_jurisdiction(code: str) -> list[ServiceEntry]:
    """A section's entries: its own, then the general ones."""
    return list(_live().filter(jurisdiction__in=[code, ""]).order_by("sort_order", "id"))


def by_jurisdiction() -> list[tuple[str, list[ServiceEntry]]]:
    """Every live entry grouped under its jurisdiction's name (general ones first, then the sections in the
    order the portal lists them), for the home page."""
    from pages.models import JurisdictionPage
    from rules.models import RuleProfile

    names = dict(RuleProfile.objects.values_list("code", "name"))
    order = {"": -1}
    for code in JurisdictionPage.objects.live().order_by("path").values_list("profile__code", flat=True):
        order.setdefault(code, len(order))
    groups: dict[str, list[ServiceEntry]] = {}
    for entry in _live().order_by("sort_order", "id"):
        groups.setdefault(entry.jurisdiction, []).append(entry)
    codes = sorted(groups, key=lambda c: (order.get(c, len(order)), c))
    return [("各辖区通用" if code == "" else names.get(code, code), groups[code]) for code in codes]


def sitemap_paths() -> dict[str, object]:
    """The internal addresses of live entries and when each was last changed (a phone number or another
    site is not ours to list)."""
    out: dict[str, object] = {}
    for e in _live().order_by("sort_order", "id"):
        if e.is_internal:
            out[e.url] = max(out.get(e.url, e.updated_at), e.updated_at)
    return out


# (code or "" for every jurisdiction, title, description, url, keywords, synonyms, order); {code} in a url
# is the jurisdiction's code. Demo defaults: editors change or remove them in the admin.
DEFAULT_ENTRIES = [
    ("*", "在线投诉举报", "对行政执法人员、执法机关的违法或不当执法行为投诉举报",
     "/complaints/{code}/", "投诉、举报", "告状、反映问题、乱罚款、态度粗暴、投述、申诉、申述", 10),
    ("*", "查询投诉办理进度", "凭受理编号和查询码查询投诉举报的办理情况",
     "/complaints/{code}/status/", "查询进度、办理进度、办理情况、受理编号、查询码、处理结果", "进度、进展、结果查询、投诉进度", 20),
    ("supervisors", "申请担任行政执法监督员", "查看正在进行的选聘并在线报名",
     "/supervisors/{code}/", "报名、申请、选聘、招募", "当监督员、监督员招聘、招聘、应聘", 30),
    ("*", "对拟聘人员公示提出异议", "在公示期内，打开公示页面点“提出异议”填写",
     "{publicity}", "异议、公示", "反对、举报拟聘人员、不同意", 40),
    ("enshi", "拨打12345政务服务便民热线", "恩施州行政执法监督与12345热线合作：反映行政执法问题",
     "tel:12345", "12345、热线", "便民热线、市长热线、政务热线、打电话", 50),
]


def load_defaults() -> int:
    """Add the demo's entries for each jurisdiction that has a section (idempotent: by title + jurisdiction;
    never overwrites an entry an editor changed)."""
    from pages.models import JurisdictionPage
    from public_notices.kinds import PUBLICITY
    from public_notices.services import index_for
    from rules.profiles import get_profile

    made = 0
    for section in JurisdictionPage.objects.live().select_related("profile"):
        if section.profile is None:
            continue
        code = section.profile.code
        for scope, title, description, url, keywords, synonyms, order in DEFAULT_ENTRIES:
            if scope == "supervisors" and not get_profile(code).has("term_length"):
                continue  # no supervisor rules in this jurisdiction
            if scope not in ("*", "supervisors") and scope != code:
                continue
            if ServiceEntry.objects.filter(title=title, jurisdiction=code).exists():
                continue
            if "{publicity}" in url:  # the section's publicity list (拟聘人员公示), made if missing
                url = url.format(publicity=index_for(jurisdiction=code, kind=PUBLICITY).url)
            _, created = ServiceEntry.objects.get_or_create(title=title, jurisdiction=code, defaults={
                "description": description, "url": url.format(code=code),
                "keywords": keywords, "synonyms": synonyms, "sort_order": order})
            made += created
    return made
