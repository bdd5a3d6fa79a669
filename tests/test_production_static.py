"""issue 26 item 8: static files in production, exactly as the README says.

`manage.py collectstatic --noinput` under settings.production (whitenoise's compressed manifest storage)
used to fail on viewflow's bundled node_modules, and with no manifest every page answered 500. Here the
command runs as a separate process with the production settings into a temporary STATIC_ROOT; then the
public site and the admin are served from that manifest (hashed names, 200), and `check --deploy` reports
a STATIC_ROOT without a manifest."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parents[1]
MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> Path:
    static_root = tmp_path_factory.mktemp("static_root")
    env = {k: v for k, v in os.environ.items()
           if k not in ("REDIS_URL", "ELASTICSEARCH_URL", "DATABASE_URL", "STORAGES", "MEDIA_STORAGE", "PRIVATE_STORAGE")}
    env.update({
        "DJANGO_SETTINGS_MODULE": "settings.production", "SECRET_KEY": "collectstatic-test-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver", "STATIC_ROOT": str(static_root),
        "DATABASE_URL": f"sqlite:///{static_root.parent / 'unused.sqlite3'}",
        "FIELD_ENCRYPTION_KEYS": "-98CepkN4wd_85NIzptPgJ7rLk66rcB28l9gtr2nFzE=", "FIELD_HASH_KEY": "collectstatic-test",
    })
    result = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "static files copied" in result.stdout
    return static_root


def served_from(static_root: Path):
    """The test settings with production's static storage, reading the manifest in `static_root`."""
    from django.conf import settings

    return override_settings(STATIC_ROOT=static_root, DEBUG=False,
                             STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}})


def test_collectstatic_under_production_settings_writes_a_manifest_without_node_modules(collected):
    paths = json.loads((collected / "staticfiles.json").read_text())["paths"]
    assert "css/site.css" in paths and "wagtailadmin/css/core.css" in paths
    # viewflow's own fonts are collected; the npm folders they were built from are not
    assert "viewflow/fonts/roboto/Roboto-Regular.woff2" in paths
    assert not [p for p in paths if "node_modules" in p]
    assert not list(collected.rglob("node_modules"))
    assert (collected / paths["css/site.css"]).exists() and (collected / (paths["css/site.css"] + ".gz")).exists()


@pytest.mark.django_db
def test_pages_and_the_admin_are_served_from_the_collected_manifest(collected, site_tree, make_user):
    with served_from(collected):
        client = Client()
        home = client.get("/")
        assert home.status_code == 200
        css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home.content.decode())
        assert css, "the public page names its stylesheet by its hashed name"
        asset = client.get(css.group(1))
        assert asset.status_code == 200 and "immutable" in asset["Cache-Control"]

        login = client.get("/admin/login/")
        assert login.status_code == 200
        assert re.search(r"/static/wagtailadmin/css/core\.[0-9a-f]{12}\.css", login.content.decode())
        client.force_login(make_user("admin"))
        for url in ("/admin/", f"/admin/pages/{site_tree['wanzhou'].pk}/edit/"):
            assert client.get(url).status_code == 200, url


def test_check_deploy_reports_a_static_root_without_manifest(collected, tmp_path):
    from static_files import check_manifest

    with served_from(tmp_path):
        errors = check_manifest()
    assert [e.id for e in errors] == ["static_files.E001"]
    assert "collectstatic --noinput" in errors[0].msg
    with served_from(collected):
        assert check_manifest() == []
