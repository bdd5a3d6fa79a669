"""Process apps add their staff screens under /workflow/ here (from their own `staff_urls` module), so the
engine's URL conf never names a process app."""
_PATTERNS: list = []


def add(patterns) -> None:
    _PATTERNS.extend(patterns)


def collected() -> list:
    return list(_PATTERNS)
