"""The deploy/ files (systemd units, nginx site) that `make loadtest` runs: they parse, their commands
exist, and the nginx site never serves private files."""
import os
import re
import shutil
import subprocess

import pytest
from django.core.management import get_commands

from deploy import topology

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
PLACES = {"@ROOT@": "/srv/supervision", "@ENV_FILE@": ""}


@pytest.fixture
def env_file(tmp_path):
    path = tmp_path / "supervision.env"
    path.write_text("# production environment\nSECRET_KEY='abc'\nWEB_BIND=10.0.0.11\nWEB_TRUSTED_PROXY=10.0.0.5\n")
    return str(path)


def test_worker_and_scheduler_run_existing_manage_commands(env_file):
    units = topology.units()
    worker, env, cwd = units["worker"].command(placeholders={**PLACES, "@ENV_FILE@": env_file})
    scheduler, _, _ = units["scheduler"].command(placeholders={**PLACES, "@ENV_FILE@": env_file})
    assert worker == ["/srv/supervision/.venv/bin/python", "manage.py", "db_worker"]
    assert scheduler == ["/srv/supervision/.venv/bin/python", "manage.py", "run_scheduler"]
    assert str(cwd) == "/srv/supervision"
    assert env["DJANGO_SETTINGS_MODULE"] == "settings.production"
    assert env["SECRET_KEY"] == "abc"
    commands = get_commands()
    assert {topology.manage_command(worker), topology.manage_command(scheduler)} <= set(commands)


def test_web_unit_is_waitress_on_its_instance_port_trusting_only_nginx(env_file):
    argv, env, _ = topology.units()["web"].command(placeholders={**PLACES, "@ENV_FILE@": env_file},
                                                   instance="8002")
    assert argv[0] == "/srv/supervision/.venv/bin/waitress-serve"
    assert argv[-1] == "wsgi:application"
    # the environment file (another machine's addresses) wins over the unit's defaults, as in systemd
    assert "--listen=10.0.0.11:8002" in argv
    assert "--trusted-proxy=10.0.0.5" in argv
    assert "--trusted-proxy-headers=x-forwarded-proto" in argv
    assert topology.manage_command(argv) is None


def test_unfilled_placeholder_is_refused():
    with pytest.raises(ValueError, match="@ENV_FILE@"):
        topology.units()["worker"].command(placeholders={"@ROOT@": "/srv/supervision"})


def _site():
    return topology.nginx_site({
        "@WEB1@": "10.0.0.11:8001", "@WEB2@": "10.0.0.12:8001", "@SERVER_NAME@": "jd.example.gov.cn",
        "@LISTEN@": "443", "@HTTP_LISTEN@": "80", "@TLS_CERT@": "/etc/ssl/jd.crt", "@TLS_KEY@": "/etc/ssl/jd.key",
        "@STATIC_ROOT@": "/srv/supervision/static", "@MEDIA_ROOT@": "/srv/supervision/media",
        "@PRIVATE_MEDIA_ROOT@": "/srv/supervision/private"})


def test_nginx_site_balances_two_web_processes_and_passes_the_visitor_address():
    site = _site()
    upstream = re.search(r"upstream supervision_web \{(.*?)\}", site, re.S).group(1)
    assert re.findall(r"server (\S+) ", upstream) == ["10.0.0.11:8001", "10.0.0.12:8001"]
    assert "proxy_pass http://supervision_web;" in site
    # settings.THROTTLE_CLIENT_IP_HEADER=HTTP_X_REAL_IP reads this header
    assert "proxy_set_header X-Real-IP $remote_addr;" in site
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site


def test_nginx_site_serves_no_private_files_to_visitors():
    site = _site()
    locations = re.findall(r"location\s+(\S+(?:\s+\S+)?)\s*\{", site)
    assert locations == ["/static/", "/media/images/", "/media/", "/protected/", "~ /\\.", "/"]
    # PRIVATE_MEDIA_ROOT only behind the internal location X-Accel-Redirect uses (404 to a visitor)
    code = re.sub(r"#.*", "", site)
    assert code.count("/srv/supervision/private") == 1
    protected = re.search(r"location /protected/ \{(.*?)\}", site, re.S).group(1)
    assert protected.split() == ["internal;", "alias", "/srv/supervision/private/;"]
    media = re.search(r"location /media/ \{(.*?)\}", site, re.S).group(1)
    assert media.strip() == "return 404;"
    assert "alias /srv/supervision/media/images/;" in site


@pytest.mark.skipif(not NGINX, reason="nginx is not installed (apt-get install nginx)")
def test_nginx_accepts_the_rendered_site(tmp_path):
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed: no certificate for the TLS server")
    cert, key = tmp_path / "t.crt", tmp_path / "t.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-keyout", str(key),
                    "-out", str(cert), "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    site = tmp_path / "site.conf"
    site.write_text(topology.nginx_site({
        "@WEB1@": "127.0.0.1:18001", "@WEB2@": "127.0.0.1:18002", "@SERVER_NAME@": "127.0.0.1",
        "@LISTEN@": "127.0.0.1:18443", "@HTTP_LISTEN@": "127.0.0.1:18080", "@TLS_CERT@": str(cert),
        "@TLS_KEY@": str(key), "@STATIC_ROOT@": str(tmp_path), "@MEDIA_ROOT@": str(tmp_path),
        "@PRIVATE_MEDIA_ROOT@": str(tmp_path)}))
    conf = tmp_path / "nginx.conf"
    conf.write_text(topology.nginx_main_conf(site_path=site, prefix=tmp_path))
    done = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "e.log")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr
