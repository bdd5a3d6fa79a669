"""What the dashboard panel shows: for each jurisdiction whose year has begun, per agency the counts
still required this year (profile figures with articles, or 办法未规定) and the statistics due."""
from __future__ import annotations

import datetime as dt

from rules.models import RuleProfile
from rules.profiles import get_profile

from .models import ProgrammeYear
from .selectors import requirements, statistics_due_text


def dashboard_context(today: dt.date, jurisdiction: str = "") -> dict:
    """Every jurisdiction's section, or only `jurisdiction`'s (a bureau account bound to it)."""
    years = ProgrammeYear.objects.filter(jurisdiction=jurisdiction) if jurisdiction else ProgrammeYear.objects.all()
    codes = set(years.values_list("jurisdiction", flat=True))
    sections = []
    for profile_row in RuleProfile.objects.filter(code__in=codes).order_by("pk"):
        profile = get_profile(profile_row.code)
        rows = requirements(profile.code, today.year)
        if rows:
            sections.append({"profile": profile, "rows": rows, "year": today.year,
                             "due_text": statistics_due_text(profile.code, today.year - 1)})
    return {"sections": sections, "today": today}
