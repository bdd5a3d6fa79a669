"""The load test's production stack on this machine: a fresh PostgreSQL database, Redis, migrate +
load_demo + collectstatic, two web processes, the worker, the scheduler and nginx, every process started
from the deploy/ files (topology.py); `close()` removes all of it, also after a failure."""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import redis
import requests

from deploy import topology
from deploy.load_client import Failure, Stats, log

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 3
NGINX = "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------- stats
class Stack:
    """Database, Redis, the four processes and nginx; `close()` removes every one of them."""

    def __init__(self, reuse: Path | None = None):
        self.stats = Stats()
        self.reuse = reuse  # development of this script only: a kept temp folder (--keep) with its database
        self.tmp = reuse or Path(tempfile.mkdtemp(prefix="supervision-loadtest-"))
        self.db = f"loadtest_{os.getpid()}_{secrets.token_hex(3)}"
        self.prefix = f"loadtest-{secrets.token_hex(4)}"
        self.processes: dict[str, subprocess.Popen] = {}
        self.redis_started: subprocess.Popen | None = None
        self.db_created = False
        self.web_ports = [free_port(), free_port()]
        self.https_port, self.http_port = free_port(), free_port()
        self.public_host = f"127.0.0.1:{self.https_port}"
        self.nginx_url = f"https://{self.public_host}"
        self.cert, self.key = self.tmp / "tls.crt", self.tmp / "tls.key"
        self.env_file = self.tmp / "supervision.env"
        self.placeholders = {"@ROOT@": str(ROOT), "@ENV_FILE@": str(self.env_file)}

    # ------------------------------------------------------------------ setup
    def start(self) -> None:
        self._redis()
        if self.reuse:
            return self._reuse()
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.db}"')
        self.db_created = True
        from cryptography.fernet import Fernet

        env = {
            "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": self.nginx_url,
            "DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{self.db}",
            "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}", "CACHE_KEY_PREFIX": self.prefix,
            "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(), "FIELD_HASH_KEY": secrets.token_urlsafe(48),
            "THROTTLE_CLIENT_IP_HEADER": "HTTP_X_REAL_IP", "PRIVATE_MEDIA_ACCEL_REDIRECT": "/protected/",
            "PRIVATE_MEDIA_ROOT": str(self.tmp / "private"), "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "WAGTAILADMIN_BASE_URL": self.nginx_url, "PUBLIC_BASE_URL": self.nginx_url,
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "SCHEDULER_INTERVAL_SECONDS": "10",
        }
        self.env_file.write_text("".join(f"{k}={v}\n" for k, v in env.items()), encoding="utf-8")
        _, self.env, _ = topology.units()["worker"].command(placeholders=self.placeholders)
        self.manage("migrate", "--noinput")
        self.manage("load_demo", "--quiet-accounts", settings="settings.dev")  # refused by production settings
        self.manage("collectstatic", "--noinput")  # exactly as the README says (node_modules skipped by settings)
        self.manage("check", "--deploy")
        self._processes()

    def _reuse(self) -> None:
        env = topology.read_env_file(self.env_file)
        self.db, self.db_created = env["DATABASE_URL"].rsplit("/", 1)[1], False
        env["CACHE_KEY_PREFIX"] = self.prefix
        env["CSRF_TRUSTED_ORIGINS"] = env["WAGTAILADMIN_BASE_URL"] = env["PUBLIC_BASE_URL"] = self.nginx_url
        self.env_file.write_text("".join(f"{k}={v}\n" for k, v in env.items()), encoding="utf-8")
        _, self.env, _ = topology.units()["worker"].command(placeholders=self.placeholders)
        self._processes()

    def _processes(self) -> None:
        units = topology.units()
        for i, port in enumerate(self.web_ports):
            self.spawn(f"web@{port}", units["web"], instance=str(port))
            self.wait_http(f"http://127.0.0.1:{port}/", f"web process {i + 1}")
        self.spawn("worker", units["worker"])
        self.spawn("scheduler", units["scheduler"])
        self._nginx()
        self.wait_http(self.nginx_url + "/", "nginx")

    def _redis(self) -> None:
        client = redis.Redis(REDIS_HOST, REDIS_PORT, db=REDIS_DB)
        try:
            client.ping()
            return
        except redis.ConnectionError:
            pass
        log("Redis does not answer on 127.0.0.1:6379: starting Debian's redis-server")
        self.redis_started = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        for _ in range(50):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.1)
        raise Failure("redis-server did not start")

    def base_env(self) -> dict[str, str]:
        return {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER")}

    def manage(self, *args: str, settings: str | None = None) -> None:
        env = {**self.base_env(), **self.env}
        if settings:
            env["DJANGO_SETTINGS_MODULE"] = settings
        log(f"manage.py {' '.join(args)}" + (f"  ({settings})" if settings else ""))
        done = subprocess.run([str(ROOT / ".venv/bin/python"), "manage.py", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise Failure(f"manage.py {args[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        noise = [line for line in done.stderr.splitlines() if "WARNING" in line or "?:" in line]
        for line in noise[:10]:
            log(f"  {line}")

    def spawn(self, name: str, unit: topology.Unit, instance: str = "") -> None:
        argv, env, cwd = unit.command(placeholders=self.placeholders, instance=instance)
        log(f"start {name}: {' '.join(argv)}")
        out = open(self.tmp / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
        self.processes[name] = subprocess.Popen(argv, cwd=cwd, env={**self.base_env(), **env}, stdout=out,
                                                stderr=subprocess.STDOUT, start_new_session=True)

    def _nginx(self) -> None:
        if not Path(NGINX).exists():
            log("nginx missing: apt-get install -y nginx")
            subprocess.run(["apt-get", "install", "-y", "nginx"], check=True, capture_output=True)
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-keyout", str(self.key), "-out", str(self.cert), "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
        prefix = self.tmp / "nginx"
        prefix.mkdir(exist_ok=True)
        site = prefix / "supervision.conf"
        site.write_text(topology.nginx_site({
            "@WEB1@": f"127.0.0.1:{self.web_ports[0]}", "@WEB2@": f"127.0.0.1:{self.web_ports[1]}",
            "@SERVER_NAME@": "127.0.0.1", "@LISTEN@": self.public_host, "@HTTP_LISTEN@": f"127.0.0.1:{self.http_port}",
            "@TLS_CERT@": str(self.cert), "@TLS_KEY@": str(self.key),
            "@STATIC_ROOT@": self.env["STATIC_ROOT"], "@MEDIA_ROOT@": self.env["MEDIA_ROOT"],
            "@PRIVATE_MEDIA_ROOT@": self.env["PRIVATE_MEDIA_ROOT"]}), encoding="utf-8")
        conf = prefix / "nginx.conf"
        conf.write_text(topology.nginx_main_conf(site_path=site, prefix=prefix), encoding="utf-8")
        argv = [NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log"), "-g", "daemon off;"]
        test = subprocess.run([*argv[:-2], "-t"], capture_output=True, text=True)
        if test.returncode != 0:
            raise Failure(f"nginx -t refused the site file:\n{test.stderr}")
        log(f"start nginx: https://{self.public_host} (http :{self.http_port}) -> web :{self.web_ports[0]}, "
            f":{self.web_ports[1]}")
        self.processes["nginx"] = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                                   start_new_session=True)

    def wait_http(self, url: str, what: str, seconds: float = 60) -> None:
        headers = {"X-Forwarded-Proto": "https"} if url.startswith("http://") else {}
        deadline, last = time.monotonic() + seconds, "no answer"
        while time.monotonic() < deadline:
            for name, proc in self.processes.items():
                if proc.poll() is not None:
                    raise Failure(f"{name} exited with {proc.returncode}:\n{self.tail(name)}")
            try:
                r = requests.get(url, headers=headers, timeout=10, allow_redirects=False,
                                 verify=str(self.cert))
                if r.status_code == 200:
                    return
                last = f"HTTP {r.status_code} {r.headers.get('Location', '')} {r.text[:300]}"
            except requests.RequestException as exc:
                last = str(exc)
            time.sleep(0.3)
        raise Failure(f"{what} did not answer at {url}: {last}")

    def tail(self, name: str, lines: int = 30) -> str:
        path = self.tmp / f"{name}.log"
        if name == "nginx":
            path = self.tmp / "nginx" / "error.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def sql(self, query: str, *params) -> list[tuple]:
        with psycopg.connect(self.env["DATABASE_URL"]) as conn:
            return conn.execute(query, params).fetchall()

    # ------------------------------------------------------------------ teardown
    def close(self, keep: bool = False) -> None:
        for name, proc in reversed(list(self.processes.items())):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for name, proc in self.processes.items():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                log(f"{name} did not stop in 20 s: killed")
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if keep:
            log(f"kept (--keep): {self.tmp} and database {self.db}; rerun with --reuse {self.tmp}")
            return
        if self.db_created:
            try:
                with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')
                log(f"database {self.db} dropped")
            except psycopg.Error as exc:
                log(f"could not drop database {self.db}: {exc}")
        try:
            client = redis.Redis(REDIS_HOST, REDIS_PORT, db=REDIS_DB)
            keys = list(client.scan_iter(f"{self.prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        except redis.RedisError as exc:
            log(f"could not remove the Redis keys {self.prefix}:*: {exc}")
        if self.redis_started:
            self.redis_started.terminate()
            self.redis_started.wait(timeout=10)
        shutil.rmtree(self.tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------------- load
