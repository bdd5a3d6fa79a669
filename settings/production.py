"""Production: everything from the environment. PostgreSQL via DATABASE_URL, Elasticsearch via
ELASTICSEARCH_URL, background work through the django-tasks database worker (`db_worker`)."""
import os
from pathlib import Path

from .base import *  # noqa: F403
from .file_storages import storages_from_env

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# where collectstatic writes (nginx serves /static/ from it) and where public uploads live (/media/images/)
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))  # noqa: F405
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))  # noqa: F405
# Public media and private case files: file system, or an S3-compatible object store (settings/file_storages.py).
STORAGES = storages_from_env(os.environ)
# Private files on the file system behind nginx: after the permission check the view answers with this
# prefix in X-Accel-Redirect and nginx sends the file from an `internal` location (README, "Private files").
PRIVATE_MEDIA_ACCEL_REDIRECT = os.environ.get("PRIVATE_MEDIA_ACCEL_REDIRECT", "")
# CACHES: settings.base (Redis shared by every process when REDIS_URL is set)
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# Personal data is encrypted at rest: refuse to start without usable keys (README, "Personal data").
if not FIELD_ENCRYPTION_KEYS or not FIELD_HASH_KEY:  # noqa: F405
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Set FIELD_ENCRYPTION_KEYS (Fernet keys, comma-separated, newest first) and "
                               "FIELD_HASH_KEY: personal data cannot be stored without them.")
