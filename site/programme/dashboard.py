"""What the dashboard panel shows: for each jurisdiction whose year has begun, per agency the counts
still required this year (profile figures with articles, or 办法未规定) and the statistics due."""
from __future__ import annotations

import datetime as dt

from rules.models import RuleProfile
from rules.profiles import get_profile

from .models import ProgrammeYear
from .selectors import requirements_of, statistics_due_text


def dashboard_context(today: dt.date, jurisdiction: str = "") -> dict:
    """Every jurisdiction's section, or only `jurisdiction`'s (a bureau account bound to it): five queries however
    many jurisdictions there are (the profiles of the jurisdictions with a year, then requirements_of)."""
    years = ProgrammeYear.objects.filter(jurisdiction=jurisdiction) if jurisdiction else ProgrammeYear.objects.all()
    profiles = [get_profile(row.code) for row in RuleProfile.objects.filter(
        code__in=years.values("jurisdiction")).order_by("pk")]
    rows_of = requirements_of([p.code for p in profiles], today.year)
    sections = [{"profile": profile, "rows": rows_of[profile.code], "year": today.year,
                 "due_text": statistics_due_text(profile.code, today.year - 1)}
                for profile in profiles if rows_of[profile.code]]
    return {"sections": sections, "today": today}
