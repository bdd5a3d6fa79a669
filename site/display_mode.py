"""The display mode (大字 / 高对比度) applied before the first paint, without blocking on a script.

a11y.js (the toolbar's buttons, which save the choice in localStorage) loads with `defer`; the few lines
of static/js/display-mode-early.js are written inline in <head> so the saved mode is on <html> before
anything is drawn. The Content-Security-Policy allows exactly that script by its SHA-256 hash
(security_headers.SiteCSPMiddleware), never 'unsafe-inline'."""
from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path

SCRIPT_PATH = Path(__file__).resolve().parent / "static" / "js" / "display-mode-early.js"


@cache
def early_script() -> str:
    return SCRIPT_PATH.read_text(encoding="utf-8")


@cache
def early_script_csp_hash() -> str:
    digest = hashlib.sha256(early_script().encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
