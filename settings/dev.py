"""`make run`: SQLite file (or DATABASE_URL), embedded search, tasks in-process."""
from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEMO_CONTENT_ALLOWED = True
# fixed keys for local data only; never used with real personal data (production reads the environment)
FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or ["hk7x56y-HDenOScUK2E-LSqWI1uaN2ZbmmHTSWE7dNU="]  # noqa: F405
FIELD_HASH_KEY = FIELD_HASH_KEY or "dev-only-field-hash-key"  # noqa: F405
