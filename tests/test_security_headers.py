"""issue 12, security headers: a Content-Security-Policy on every page (only the site's own scripts on
public pages; staff pages also allow Wagtail's inline editor scripts) and a Permissions-Policy; and
manage.py never falls back to the dev settings (and `load_demo`) when a server database is configured."""
import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[1]


def directives(response) -> dict:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_public_pages_allow_only_the_sites_own_scripts(site_tree):
    response = Client().get("/")
    assert response.status_code == 200
    csp = directives(response)
    # the site's own files and one inline script by its hash (the display mode before the first paint)
    inline = re.findall(r"<script>(.*?)</script>", response.content.decode(), re.S)
    assert len(inline) == 1 and "localStorage" in inline[0]
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert csp["script-src"] == ["'self'", f"'sha256-{digest}'"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_print_view_has_no_inline_script(site_tree):
    from public_notices import kinds as K
    from public_notices.services import notice_publish

    page = notice_publish(kind=K.TYPICAL_CASE, jurisdiction="wanzhou", title="典型案例一", body="正文")
    html = Client().get(page.url + "print/").content.decode()
    assert "<script>" not in html and "js/print.js" in html


@pytest.mark.django_db
def test_staff_pages_carry_the_policy_with_wagtails_inline_scripts(make_user):
    client = Client()
    client.force_login(make_user("admin"))
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response)
    assert "'self'" in csp["script-src"] and "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-eval'" in csp["script-src"]  # Wagtail's core.js compiles templates with new Function
    # a hash next to 'unsafe-inline' would make browsers ignore 'unsafe-inline' (CSP level 2+)
    assert not [source for source in csp["script-src"] if source.startswith("'sha256-")]
    assert "Permissions-Policy" in response


def test_manage_py_refuses_dev_settings_for_a_configured_database(tmp_path):
    db = tmp_path / "prod.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["DATABASE_URL"] = f"sqlite:///{db}"
    result = subprocess.run([sys.executable, "manage.py", "load_demo"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "DJANGO_SETTINGS_MODULE" in result.stderr
    assert not db.exists()  # nothing was written, not even an empty database
