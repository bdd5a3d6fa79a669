"""`make test`: the same stack as dev, fast hashing, no outgoing mail."""
from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEMO_CONTENT_ALLOWED = True  # tests load demo content to prove it loads
# fixed keys for local data only; never used with real personal data (production reads the environment)
FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or ["-98CepkN4wd_85NIzptPgJ7rLk66rcB28l9gtr2nFzE="]  # noqa: F405
FIELD_HASH_KEY = FIELD_HASH_KEY or "test-only-field-hash-key"  # noqa: F405

# test uploads and generated documents go to a throwaway folder, never the developer's private/
import tempfile  # noqa: E402

PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="casework-private-"))  # noqa: F405

# every test starts from an empty local cache, whatever REDIS_URL the shell has (tests of the shared
# cache build their own Redis client from TEST_REDIS_URL)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
