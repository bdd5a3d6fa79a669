"""Settings shared by every mode. Modes: dev (make run), test (make test), production."""
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
SOURCE_DIR = BASE_DIR / "site"

SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-dev-key-only-for-local-use")
DEBUG = False
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    # project apps first so their templates win over viewflow's 404/500/registration ones
    "rules.apps.RulesConfig",
    "clocks.apps.ClocksConfig",
    "roles.apps.RolesConfig",
    "pages.apps.PagesConfig",
    "public_notices.apps.PublicNoticesConfig",
    "decisions.apps.DecisionsConfig",
    "supervisors.apps.SupervisorsConfig",
    "activities.apps.ActivitiesConfig",
    "casework.apps.CaseworkConfig",
    "auxiliary.apps.AuxiliaryConfig",
    "personnel.apps.PersonnelConfig",
    "letters.apps.LettersConfig",
    "filings.apps.FilingsConfig",
    "powers.apps.PowersConfig",
    "complaints.apps.ComplaintsConfig",
    "coordination.apps.CoordinationConfig",
    "accountability.apps.AccountabilityConfig",
    "referrals.apps.ReferralsConfig",
    "programme.apps.ProgrammeConfig",
    "flows.apps.FlowsConfig",
    "search.apps.SearchConfig",
    "background.apps.BackgroundConfig",
    "logins.apps.LoginsConfig",
    "demo.apps.DemoConfig",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "rest_framework",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # viewflow after django.contrib.admin (see ARCHITECTURE.md pitfalls)
    "viewflow",
    "viewflow.workflow",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "request_guard.RequestGuardMiddleware",
    "security_headers.SiteCSPMiddleware",
    "security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for anonymous responses without a CSRF token or cookie only (BREACH; site/compression.py)
    "compression.PublicGZipMiddleware",
    # anonymous GETs of public pages answered from the cache before sessions, auth and Wagtail (pages.cache)
    "pages.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "logins.middleware.LoginRefusalStatusMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Content-Security-Policy (site/security_headers.py: the display-mode script's hash on public pages, inline
# scripts only on a signed-in person's Wagtail admin pages, never eval; frame-ancestors follows
# X-Frame-Options) and Permissions-Policy: no camera, microphone, location, payment ... for any page.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"], "font-src": ["'self'", "data:"], "connect-src": ["'self'"],
    "frame-src": ["'self'"], "frame-ancestors": ["'none'"], "object-src": ["'none'"], "base-uri": ["'self'"],
    "form-action": ["'self'"],
}}
# No page may be framed, except the views Wagtail marks SAMEORIGIN (its editor's preview panel).
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                      "payment=(), usb=(), browsing-topics=()")
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar requests to a third-party site (and none the CSP would block)

ROOT_URLCONF = "urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SOURCE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` has the scheduler beside the server on one file. WAL: readers never wait for a writer;
    # IMMEDIATE: a transaction takes the write lock when it begins, so it waits (up to the busy timeout)
    # instead of failing at once with "database is locked" when a read inside it turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [SOURCE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [SOURCE_DIR / "static"]
# the apps' static folders without their node_modules (viewflow ships its npm sources; site/static_files.py)
STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder", "static_files.AppDirectoriesFinder"]
# files served at the site's root by whitenoise (/favicon.ico)
WHITENOISE_ROOT = SOURCE_DIR / "public_root"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# Case files and generated documents (personal or confidential): never under MEDIA_URL; served only by
# casework's permission-checking views. Configure STORAGES["private"] to use an object store instead.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
# "/protected/" = the file system's private files are sent by nginx (X-Accel-Redirect) after the check.
PRIVATE_MEDIA_ACCEL_REDIRECT = ""
CASEWORK_MAX_UPLOAD_BYTES = int(os.environ.get("CASEWORK_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
# Fonts of official documents (casework/fonts.py): the free Fandol fonts that `make install` converts into
# DOCUMENT_FONT_DIR, or a bureau's own licensed TrueType files per role (方正小标宋简体, 仿宋_GB2312, 宋体).
DOCUMENT_FONT_DIR = os.environ.get("DOCUMENT_FONT_DIR", str(BASE_DIR / ".fonts"))
DOCUMENT_FONTS = {role: os.environ[f"DOCUMENT_FONT_{role.upper()}"]
                  for role in ("fangsong", "xiaobiaosong", "song") if os.environ.get(f"DOCUMENT_FONT_{role.upper()}")}
# Font names written into the editable .docx (the clerk's Word/WPS substitutes what it lacks)
DOCUMENT_DOCX_FONTS = {"fangsong": "仿宋_GB2312", "xiaobiaosong": "方正小标宋简体", "song": "宋体"}

LOGIN_URL = "wagtailadmin_login"
# Django's model backend with a user's permissions kept across requests (roles/auth_cache.py); alone (a second
# backend would be asked again for every permission the first denies). Sessions signed in before it sign in again.
AUTHENTICATION_BACKENDS = ["roles.auth_cache.CachedPermissionsBackend"]
LOGIN_REDIRECT_URL = "wagtailadmin_home"

WAGTAIL_SITE_NAME = "行政执法监督公开平台"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Public address for links made without a request (API, e-mails, scheduler); a request's own host wins.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILADMIN_USER_LOGIN_FORM = "pages.admin_login.ChineseLoginForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no "upgrade available" banner, no call to a third-party site
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False  # no "Wagtail x.y 的新功能" banner linking to the English release notes
WAGTAIL_I18N_ENABLED = False
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
# a workflow's final approval publishes through this action (统计 第五条 refusal of the district report)
WAGTAIL_FINISH_WORKFLOW_ACTION = "programme.workflow.publish_workflow_state"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Jurisdiction whose rule profile applies where neither a section page nor the Site names one.
DEFAULT_JURISDICTION = os.environ.get("DEFAULT_JURISDICTION", "wanzhou")

# Search: unset = embedded engine (site/search), set = Elasticsearch 8.x cluster.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Elasticsearch analyzer for Chinese text: "cjk" (built in: bigrams + single characters), or "smartcn" /
# "ik" (ik_max_word when indexing, ik_smart for queries) where that plugin is installed on every node.
SEARCH_ES_ANALYZER = os.environ.get("SEARCH_ES_ANALYZER", "cjk")
# Secured clusters (Elasticsearch 8 enables TLS with its own CA): an API key (base64 "id:key" as Kibana
# shows it), the CA certificate file, or the CA's SHA-256 fingerprint; verification off only for a test bed.
SEARCH_ES_API_KEY = os.environ.get("SEARCH_ES_API_KEY", "")
SEARCH_ES_CA_CERTS = os.environ.get("SEARCH_ES_CA_CERTS", "")
SEARCH_ES_FINGERPRINT = os.environ.get("SEARCH_ES_FINGERPRINT", "")
SEARCH_ES_VERIFY_CERTS = os.environ.get("SEARCH_ES_VERIFY_CERTS", "1") != "0"
# Replicas per index (0 on a single node; 1 or more on a cluster of several data nodes).
SEARCH_ES_REPLICAS = int(os.environ.get("SEARCH_ES_REPLICAS", "0"))
# Seconds a search waits for the cluster before the page answers 503 (writes and bulk loads wait longer).
SEARCH_ES_TIMEOUT = float(os.environ.get("SEARCH_ES_TIMEOUT", "3"))
SEARCH_ES_WRITE_TIMEOUT = float(os.environ.get("SEARCH_ES_WRITE_TIMEOUT", "10"))
SEARCH_ES_BULK_TIMEOUT = float(os.environ.get("SEARCH_ES_BULK_TIMEOUT", "120"))
# Retry-After (seconds) sent with the 503 answer while search is unavailable.
SEARCH_RETRY_AFTER_SECONDS = int(os.environ.get("SEARCH_RETRY_AFTER_SECONDS", "60"))
# Once the cluster is found unreachable, index updates are queued without a request for this long, doubling
# at each failed probe up to the maximum (site/search/outage.py; shared through the cache, Redis in production).
SEARCH_ES_BACKOFF_SECONDS = int(os.environ.get("SEARCH_ES_BACKOFF_SECONDS", "30"))
SEARCH_ES_BACKOFF_MAX_SECONDS = int(os.environ.get("SEARCH_ES_BACKOFF_MAX_SECONDS", "300"))
# How long a staff member's deep page keeps its point in time for the next page (search/engines/es_paging.py).
SEARCH_ES_PIT_KEEP_ALIVE = os.environ.get("SEARCH_ES_PIT_KEEP_ALIVE", "2m")
# Alias names are <prefix>-notices / <prefix>-decisions (versioned indices behind them).
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "supervision")

# Cache: local memory for one process (make run, tests); REDIS_URL (e.g. redis://cache:6379/0) gives every
# web process and machine one shared cache, so cached pages and per-client throttles hold across them.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "supervision")}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous public pages (Wagtail pages, archive, feeds, sitemap) cached whole; invalidated by any page or
# rule change and at midnight (pages.cache). Seconds a cached page may live at most.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "1") != "0"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))

# Personal data at rest (site/crypto_fields.py): Fernet keys, newest first, comma-separated; and the
# HMAC key of the lookup hashes. dev/test set fixed keys; production refuses to start without both.
FIELD_ENCRYPTION_KEYS = [k for k in os.environ.get("FIELD_ENCRYPTION_KEYS", "").split(",") if k.strip()]
FIELD_HASH_KEY = os.environ.get("FIELD_HASH_KEY", "")

# Public form posts, and failed staff logins, per client: {scope: (limit, window seconds)} (site/throttle.py).
THROTTLE_RATES = {"objection": (10, 600), "application": (10, 600), "login": (10, 900),
                  "complaint": (5, 600), "complaint_status": (20, 600)}
# Behind nginx, the header carrying the visitor's address (e.g. HTTP_X_REAL_IP); empty = REMOTE_ADDR.
THROTTLE_CLIENT_IP_HEADER = os.environ.get("THROTTLE_CLIENT_IP_HEADER", "")
# Failed staff logins (site/logins/guard.py). Per account and client: `free` failures, then a wait of
# `first_wait` seconds that doubles with each further failure, up to `max_wait`. An account with
# `attack_failures` failures within `attack_window` seconds from all clients is under attack: each client then
# has `free_under_attack` failures before its wait starts (slows, never locks). A run of failures idle for
# `forget_after` seconds ends; records are kept `keep_days`; 登录失败警报 warns the leaders from `alert_failures`
# failures of one account within a day.
LOGIN_FAILURE_POLICY = {"free": 5, "first_wait": 60, "max_wait": 3600, "attack_failures": 20, "attack_window": 900,
                        "free_under_attack": 1, "forget_after": 86400, "keep_days": 180, "alert_failures": 10}

# Background work (django-tasks): in-process by default, a database worker in production.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Database-queued tasks (production): a failed task is retried after 30 s, 1 min, 2 min … (capped) up to
# TASKS_MAX_ATTEMPTS attempts; a running task whose worker neither finished nor sent a heartbeat within
# TASKS_LEASE_SECONDS (killed, machine down) is requeued by the scheduler (site/background/reliability.py).
TASKS_MAX_ATTEMPTS = int(os.environ.get("TASKS_MAX_ATTEMPTS", "5"))
TASKS_RETRY_FIRST_SECONDS = int(os.environ.get("TASKS_RETRY_FIRST_SECONDS", "30"))
TASKS_RETRY_MAX_SECONDS = int(os.environ.get("TASKS_RETRY_MAX_SECONDS", "3600"))
TASKS_LEASE_SECONDS = int(os.environ.get("TASKS_LEASE_SECONDS", "300"))
TASKS_HEARTBEAT_SECONDS = float(os.environ.get("TASKS_HEARTBEAT_SECONDS", "30"))

# How often `run_scheduler` runs its jobs (publish_scheduled, workflow_timers, clock checks).
SCHEDULER_INTERVAL_SECONDS = int(os.environ.get("SCHEDULER_INTERVAL_SECONDS", "60"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "scheduler": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # our own lines on search (outage, recovery, rebuild clean-up), in Chinese, one per event
        "search": {"level": "INFO"},
        # the Elasticsearch transport logs every retried request with its traceback at WARNING; our code
        # reports the outcome (search/outage.py), so only its errors reach the console (DEBUG to trace requests)
        "elastic_transport": {"level": os.environ.get("SEARCH_ES_TRANSPORT_LOG_LEVEL", "ERROR")},
        "elasticsearch": {"level": "WARNING"},
    },
}
