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

# test uploads and generated documents go to a throwaway folder, never the developer's private/
import tempfile  # noqa: E402

PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="casework-private-"))  # noqa: F405

# every test starts from an empty local cache, whatever REDIS_URL the shell has (tests of the shared
# cache build their own Redis client from TEST_REDIS_URL)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
