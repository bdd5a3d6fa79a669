"""The deploy/ files as the load test (and an operator) reads them: systemd units and the nginx site.

`make loadtest` starts every process from these files, so they are the tested topology, not copies:

    unit = read_unit(DEPLOY / "web@.service")
    argv, env, cwd = unit.command(instance="8001", placeholders={"@ROOT@": root, "@ENV_FILE@": env_file})
    site = render(DEPLOY / "nginx-site.conf", {"@WEB1@": "127.0.0.1:8001", ...})
"""
from __future__ import annotations

import getpass
import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
UNITS = {"web": "web@.service", "worker": "worker.service", "scheduler": "scheduler.service"}
NGINX_SITE = DEPLOY / "nginx-site.conf"


def substitute(text: str, placeholders: dict[str, str]) -> str:
    for key, value in placeholders.items():
        text = text.replace(key, str(value))
    left = sorted(set(re.findall(r"@[A-Z0-9_]+@", text)))
    if left:
        raise ValueError(f"placeholders left unfilled: {', '.join(left)}")
    return text


def read_env_file(path: Path) -> dict[str, str]:
    """systemd EnvironmentFile= syntax: KEY=value lines, # comments, optional quotes."""
    env = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        env[key.strip()] = value
    return env


@dataclass
class Unit:
    name: str
    service: dict[str, list[str]] = field(default_factory=dict)  # [Service] key -> values in order

    def first(self, key: str) -> str:
        return self.service[key][0]

    def command(self, *, placeholders: dict[str, str], instance: str = "") -> tuple[list[str], dict, Path]:
        """ExecStart as an argv, the environment (Environment= then EnvironmentFile=, as systemd
        orders them) and WorkingDirectory, with placeholders, %i and ${VAR} filled in."""
        def fill(text: str) -> str:
            return substitute(text, placeholders).replace("%i", instance)

        env: dict[str, str] = {}
        for assignment in self.service.get("Environment", []):
            for item in shlex.split(fill(assignment)):
                key, _, value = item.partition("=")
                env[key] = value
        for path in self.service.get("EnvironmentFile", []):
            env.update(read_env_file(Path(fill(path).lstrip("-"))))
        exec_start = fill(self.first("ExecStart"))
        exec_start = re.sub(r"\$\{(\w+)\}", lambda m: env[m.group(1)], exec_start)
        return shlex.split(exec_start), env, Path(fill(self.first("WorkingDirectory")))


def read_unit(path: Path) -> Unit:
    unit, section = Unit(Path(path).name), ""
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        if section == "Service":
            key, _, value = line.partition("=")
            unit.service.setdefault(key.strip(), []).append(value.strip())
    return unit


def units() -> dict[str, Unit]:
    return {role: read_unit(DEPLOY / name) for role, name in UNITS.items()}


def manage_command(argv: list[str]) -> str | None:
    """The manage.py subcommand an ExecStart runs (None for waitress)."""
    for i, part in enumerate(argv):
        if part.endswith("manage.py") and i + 1 < len(argv):
            return argv[i + 1]
    return None


def nginx_site(placeholders: dict[str, str]) -> str:
    return substitute(NGINX_SITE.read_text(encoding="utf-8"), placeholders)


def nginx_main_conf(*, site_path: Path, prefix: Path) -> str:
    """A whole nginx.conf around the site file for an unprivileged nginx (temp folders, pid, logs
    under `prefix`), as Debian's /etc/nginx/nginx.conf wraps sites-enabled/."""
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""  # workers as the current user
    return f"""{user}worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {site_path};
}}
"""
