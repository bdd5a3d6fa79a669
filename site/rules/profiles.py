"""Reading rule profiles: the only way code gets a statutory figure.

    profile = get_profile("wanzhou")
    window = profile.period("publicity_period")    # PeriodRule(5 working days, minimum, 000 第六条…)
    due = window.due(start)                         # DueDate with explanation and provisional flag
    profile.range("age_range"), profile.flag("lead_confidentiality"), profile.choices("dismissal_grounds")
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction

from .calendar import WorkCalendar
from .periods import UNITS, DueDate, Pause, compute_due
from .sources import Citation


class FigureMissing(LookupError):
    """The jurisdiction's rules say nothing about this figure."""


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    kind: str
    value: dict
    citation: Citation
    note: str = ""

    def __str__(self) -> str:
        return f"{self.label}：{describe_value(self.kind, self.value)}（{self.citation}）"


@dataclass(frozen=True)
class PeriodRule:
    """A period figure: N units, whether the rule says 'not less than', and where it stands."""

    key: str
    label: str
    n: int
    unit: str
    minimum: bool
    specified: bool
    citation: Citation
    note: str = ""

    @property
    def text(self) -> str:
        prefix = "不少于" if self.minimum else ""
        return f"{prefix}{self.n}{UNITS[self.unit]}"

    def __str__(self) -> str:
        default = "（办法未规定期限，平台默认）" if not self.specified else ""
        return f"{self.label}{self.text}{default}，依据{self.citation}"

    def due(self, start: dt.date, *, pauses=(), calendar: WorkCalendar | None = None,
            extra: int = 0) -> DueDate:
        return compute_due(start, self.n + extra, self.unit, pauses=tuple(pauses), calendar=calendar)


@dataclass
class Profile:
    code: str
    name: str
    authority: str
    org_code: str
    figures: dict[str, Figure]
    pk: int | None = None

    def __str__(self) -> str:
        return self.name

    def has(self, key: str) -> bool:
        return key in self.figures

    def figure(self, key: str) -> Figure:
        try:
            return self.figures[key]
        except KeyError:
            raise FigureMissing(f"{self.name}的规则配置中没有“{key}”这一项。") from None

    def value(self, key: str) -> Any:
        return self.figure(key).value

    def period(self, key: str) -> PeriodRule:
        f = self.figure(key)
        if f.kind != "period":
            raise FigureMissing(f"“{f.label}”不是期限。")
        v = f.value
        return PeriodRule(key, f.label, int(v["n"]), v["unit"], bool(v.get("minimum")),
                          bool(v.get("specified", True)), f.citation, f.note)

    def flag(self, key: str) -> bool:
        return bool(self.value(key).get("on")) if self.has(key) else False

    def count(self, key: str) -> int | None:
        return self.value(key).get("n")

    def range(self, key: str) -> tuple[int | None, int | None]:
        v = self.value(key)
        return v.get("min"), v.get("max")

    def choices(self, key: str) -> list[dict]:
        """[{code, label, article}] with each item's article filled from the figure's own."""
        f = self.figure(key)
        return [{**i, "article": i.get("article") or f.citation.article,
                 "citation": Citation(f.citation.source, i.get("article") or f.citation.article,
                                      f.citation.document)}
                for i in f.value.get("items", [])]

    def text(self, key: str) -> str:
        return self.value(key).get("text", "")


def describe_value(kind: str, value: dict) -> str:
    if kind == "period":
        text = ("不少于" if value.get("minimum") else "") + f"{value['n']}{UNITS[value['unit']]}"
        return text + ("（平台默认）" if value.get("specified") is False else "")
    if kind == "range":
        lo, hi = value.get("min"), value.get("max")
        if lo is None and hi is None:
            return "未规定"
        return f"{lo if lo is not None else '不限'}–{hi if hi is not None else '不限'}周岁"
    if kind == "count":
        return "不限" if value.get("n") is None else f"{value['n']}"
    if kind == "flag":
        return "是" if value.get("on") else "否"
    if kind == "choices":
        return "；".join(i["label"] for i in value.get("items", [])) or "无"
    if kind == "yearly":
        if "quarter" in value:
            return f"每年第{value['quarter']}季度"
        return f"每年{value['month']}月{value['day']}日前"
    return value.get("text", "")


def get_profile(code: str | None = None) -> Profile:
    """The profile `code` (default: settings.DEFAULT_JURISDICTION), with all its figures."""
    from pages.cache import request_profiles

    from .models import RuleProfile

    code = code or settings.DEFAULT_JURISDICTION
    memo = request_profiles.get()  # read once per request (pages.cache middleware); cleared on a change
    if memo is not None and code in memo:
        return memo[code]
    from pages.cache import shared_get, shared_set

    profile = shared_get(f"rules:profile:{code}")  # across requests, until a figure changes (pages.cache)
    if profile is None:
        try:
            row = RuleProfile.objects.get(code=code)
        except RuleProfile.DoesNotExist:
            raise FigureMissing(f"没有代码为“{code}”的规则配置。") from None
        figures = {
            f.key: Figure(f.key, f.label, f.kind, f.value, f.citation, f.note) for f in row.figures.all()
        }
        profile = Profile(row.code, row.name, row.authority, row.org_code, figures, pk=row.pk)
        shared_set(f"rules:profile:{code}", profile)
    if memo is not None:
        memo[code] = profile
    return profile


def figure_in_any(key: str) -> bool:
    """Whether any jurisdiction's profile has the figure `key` (a menu item shown only where a rule gives the
    work): one query, then kept in the shared cache until a figure changes."""
    from pages.cache import shared_get, shared_set

    from .models import RuleFigure

    found = shared_get(f"rules:any:{key}")
    if found is None:
        found = RuleFigure.objects.filter(key=key).exists()
        shared_set(f"rules:any:{key}", found)
    return found


def figure_by_profile(key: str) -> dict[str, Figure]:
    """{profile code: its figure `key`} of every jurisdiction that has one (a condition compared in SQL per
    jurisdiction, as the leader's extension items do): one query, then kept in the shared cache until a figure
    changes — the same figures get_profile gives."""
    from pages.cache import shared_get, shared_set

    from .models import RuleFigure

    found = shared_get(f"rules:by-profile:{key}")
    if found is None:
        found = {f.profile.code: Figure(f.key, f.label, f.kind, f.value, f.citation, f.note)
                 for f in RuleFigure.objects.filter(key=key).select_related("profile")}
        shared_set(f"rules:by-profile:{key}", found)
    return found


def profile_for_site(site) -> Profile:
    from .models import SiteRuleProfile

    if site is not None:
        chosen = SiteRuleProfile.for_site(site).profile
        if chosen is not None:
            return get_profile(chosen.code)
    return get_profile()


def jurisdiction_section(page):
    """The nearest JurisdictionPage (naming a profile) above or at `page`, from its tree path: works
    before the first save (add_child has set the path, no pk yet) and for an admin form's future child
    (`page._rules_parent`)."""
    from wagtail.models import Page

    from pages.models import JurisdictionPage

    if page is None:
        return None
    path = page.path
    parent = getattr(page, "_rules_parent", None)
    if not path and parent is not None:
        path = parent.path + "0001"  # only the ancestors' prefixes matter
    step = Page.steplen
    prefixes = [path[:i] for i in range(step, len(path or "") + 1, step)]
    if not prefixes:
        return None
    return (JurisdictionPage.objects.filter(path__in=prefixes, profile__isnull=False)
            .select_related("profile").order_by("-depth").first())


def profile_for_page(page) -> Profile:
    """The nearest section above the page that names a jurisdiction wins, then the Site's, then the default."""
    section = jurisdiction_section(page)
    if section is not None:
        return get_profile(section.profile.code)
    return profile_for_site(page.get_site() if page is not None and page.pk else None)


def profile_code_for_page(page) -> str:
    """The code of the profile that governs `page` (as profile_for_page), without reading its figures."""
    section = jurisdiction_section(page)
    return section.profile.code if section is not None else profile_for_page(page).code


def sync_profiles(*, verbosity: int = 0) -> int:
    """Create profiles and figures missing from the database; never overwrite a changed figure."""
    from .models import RuleFigure, RuleProfile
    from .profiles_data import PROFILES

    created = 0
    with transaction.atomic():
        for code, data in PROFILES.items():
            profile, _ = RuleProfile.objects.get_or_create(
                code=code, defaults={k: data[k] for k in ("name", "authority", "org_code")})
            existing = {f.key: f for f in profile.figures.all()}
            for spec in data["figures"]:
                fields = {k: spec[k] for k in ("label", "kind", "value", "source", "document", "article", "note")}
                current = existing.get(spec["key"])
                if current is None:
                    RuleFigure.objects.create(profile=profile, key=spec["key"], **fields)
                    created += 1
                elif not current.changed:
                    changed = [k for k, v in fields.items() if getattr(current, k) != v]
                    if changed:
                        RuleFigure.objects.filter(pk=current.pk).update(**fields)
    _profiles_changed()
    return created


def _profiles_changed() -> None:
    """A figure changed: profiles read earlier in this request and every cached public page are stale."""
    from pages.cache import bump

    bump()


def change_figure(*, figure, value: dict, article: str, reason: str, by) -> None:
    """The one way to change a figure in force: permission checked, reason required, audited."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from .models import RuleFigure, RuleFigureChange

    if not by.has_perm("rules.change_rulefigure"):
        raise PermissionDenied("您没有修改规则数值的权限。")
    if not (reason or "").strip():
        raise ValidationError("修改规则数值必须填写修改理由。")
    validate_value(figure.kind, value)
    with transaction.atomic():
        locked = RuleFigure.objects.select_for_update().get(pk=figure.pk)
        RuleFigureChange.objects.create(
            figure=locked, changed_by=by, old_value=locked.value, new_value=value,
            old_article=locked.article, new_article=article, reason=reason.strip())
        locked.value, locked.article, locked.changed = value, article, True
        locked.save(update_fields=["value", "article", "changed"])
    _profiles_changed()


def validate_value(kind: str, value: Any) -> None:
    from django.core.exceptions import ValidationError

    if not isinstance(value, dict):
        raise ValidationError("取值必须是JSON对象。")
    if kind == "period":
        n = value.get("n")
        if not isinstance(n, int) or isinstance(n, bool) or n < 0 or value.get("unit") not in UNITS:
            raise ValidationError("期限取值须包含非负整数 n 和单位 unit（working_days/calendar_days/months/years）。")
    elif kind == "range":
        lo, hi = value.get("min"), value.get("max")
        if lo is not None and hi is not None and lo > hi:
            raise ValidationError("范围下限不能大于上限。")
    elif kind == "choices" and not isinstance(value.get("items"), list):
        raise ValidationError("列举取值须包含 items 列表。")


__all__ = ["Figure", "FigureMissing", "PeriodRule", "Pause", "Profile", "change_figure",
           "describe_value", "get_profile", "jurisdiction_section", "profile_code_for_page", "profile_for_page",
           "profile_for_site", "sync_profiles"]
