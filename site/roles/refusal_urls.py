"""Under /admin/ Wagtail answers a PermissionDenied with a redirect home and its own generic sentence; an app's
staff URLs passed through `explained` show the refusal's own Chinese reason (e.g. "该记录属于其他辖区…") as
well, through casework.visibility.explain_refusals, without decorating each view."""
from __future__ import annotations

from django.urls import URLPattern


def explained(patterns: list) -> list:
    from casework.visibility import explain_refusals

    return [URLPattern(p.pattern, explain_refusals(p.callback), p.default_args, p.name)
            if isinstance(p, URLPattern) else p for p in patterns]
