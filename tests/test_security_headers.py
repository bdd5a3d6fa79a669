"""issue 12, security headers: a Content-Security-Policy on every page (only the site's own scripts on
public pages; a signed-in person's Wagtail admin pages also allow Wagtail's inline scripts, and no page
allows eval) and a Permissions-Policy; framing (issue 26): X-Frame-Options and frame-ancestors agree —
DENY and 'none' everywhere but Wagtail's preview, SAMEORIGIN and 'self' there; and manage.py never falls
back to the dev settings (and `load_demo`) when a server database is configured."""
import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from display_mode import early_script_csp_hash

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
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"] and response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_print_view_has_no_inline_script(site_tree):
    from public_notices import kinds as K
    from public_notices.services import notice_publish

    page = notice_publish(kind=K.TYPICAL_CASE, jurisdiction="wanzhou", title="典型案例一", body="正文")
    html = Client().get(page.url + "print/").content.decode()
    assert "<script>" not in html and "js/print.js" in html


@pytest.mark.django_db
def test_admin_pages_allow_wagtails_inline_scripts_but_never_eval(make_user):
    client = Client()
    client.force_login(make_user("admin"))
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response)
    # Wagtail 8 writes inline scripts (choosers, date widgets, InlinePanel): security_headers.py says where
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    # a hash next to 'unsafe-inline' would make browsers ignore 'unsafe-inline' (CSP level 2+)
    assert not [source for source in csp["script-src"] if source.startswith("'sha256-")]
    assert csp["frame-ancestors"] == ["'none'"] and response["X-Frame-Options"] == "DENY"
    assert "Permissions-Policy" in response


@pytest.mark.django_db
def test_the_login_page_task_screens_and_public_pages_seen_by_staff_allow_no_inline_script(site_tree, make_user):
    from roles.definitions import OFFICER

    strict = ["'self'", early_script_csp_hash()]
    login = Client().get("/admin/login/")
    assert login.status_code == 200 and directives(login)["script-src"] == strict
    client = Client()
    client.force_login(make_user("officer", OFFICER))
    for url in ("/workflow/", "/", "/wanzhou/"):  # the task inbox; public pages with Wagtail's userbar
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response)["script-src"] == strict, url
        assert directives(response)["frame-ancestors"] == ["'none'"] and response["X-Frame-Options"] == "DENY"
    assert "wagtail-userbar" in client.get("/").content.decode()


@pytest.mark.django_db
def test_wagtails_preview_may_be_framed_by_the_admin_only(site_tree, make_user):
    from wagtail.test.utils.form_data import rich_text

    client = Client()
    client.force_login(make_user("admin"))
    page = site_tree["wanzhou"]
    preview = f"/admin/pages/{page.pk}/edit/preview/"
    editor = client.get(f"/admin/pages/{page.pk}/edit/")
    assert editor["X-Frame-Options"] == "DENY" and directives(editor)["frame-ancestors"] == ["'none'"]
    assert preview in editor.content.decode()
    # what the editor's preview panel does: send the form, then load the preview in its iframe
    sent = client.post(preview, {"title": "万州区（预览）", "slug": page.slug, "profile": page.profile_id,
                                 "intro": rich_text("<p>预览中的简介</p>"), "address": "", "phone": ""})
    assert sent.json()["is_valid"] is True
    response = client.get(preview + "?in_preview_panel=true")
    assert response.status_code == 200 and "万州区（预览）" in response.content.decode()
    # Wagtail marks its preview view SAMEORIGIN; the CSP says the same ('self'), and keeps the page's own
    # strict script policy (the preview is rendered as the public page)
    assert response["X-Frame-Options"] == "SAMEORIGIN" and directives(response)["frame-ancestors"] == ["'self'"]
    assert directives(response)["script-src"] == ["'self'", early_script_csp_hash()]
    assert response["Content-Security-Policy"].count("frame-ancestors") == 1


def test_manage_py_refuses_dev_settings_for_a_configured_database(tmp_path):
    db = tmp_path / "prod.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["DATABASE_URL"] = f"sqlite:///{db}"
    result = subprocess.run([sys.executable, "manage.py", "load_demo"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "DJANGO_SETTINGS_MODULE" in result.stderr
    assert not db.exists()  # nothing was written, not even an empty database
