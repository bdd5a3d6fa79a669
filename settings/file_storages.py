"""STORAGES from the environment (settings.production): public media and private case files each on the
file system (default) or an S3-compatible object store through django-storages.

    MEDIA_STORAGE=file|s3      public files (notice documents, images): bucket S3_MEDIA_BUCKET under
                               S3_MEDIA_PREFIX, plain URLs (the bucket policy makes that prefix readable)
    PRIVATE_STORAGE=file|s3    case attachments and generated documents: bucket S3_PRIVATE_BUCKET under
                               S3_PRIVATE_PREFIX, private ACL, only short-lived signed URLs
                               (S3_PRIVATE_URL_SECONDS, default 60) handed out after the permission check
    S3_ENDPOINT_URL, S3_REGION_NAME, S3_ADDRESSING_STYLE (path|virtual), S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY       shared by both; without keys boto3 uses its own chain (AWS_* variables,
                               instance role)

With PRIVATE_STORAGE=file there is no STORAGES["private"]: casework.storage.private_storage() keeps the
files in PRIVATE_MEDIA_ROOT."""
from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

FILE = "django.core.files.storage.FileSystemStorage"
S3 = "storages.backends.s3.S3Storage"
STATIC = "whitenoise.storage.CompressedManifestStaticFilesStorage"
CHOICES = ("file", "s3")


def _choice(env: Mapping[str, str], name: str) -> str:
    value = env.get(name, "file").strip().lower() or "file"
    if value not in CHOICES:
        raise ImproperlyConfigured(f"{name}={value!r} 无效：只能是 file 或 s3。({name} must be file or s3)")
    return value


def _s3_common(env: Mapping[str, str]) -> dict:
    # SigV4 signed URLs (what AWS and today's S3-compatible stores require); S3_SIGNATURE_VERSION overrides
    options = {"file_overwrite": False, "signature_version": env.get("S3_SIGNATURE_VERSION", "s3v4")}
    for var, option in (("S3_ENDPOINT_URL", "endpoint_url"), ("S3_REGION_NAME", "region_name"),
                        ("S3_ADDRESSING_STYLE", "addressing_style"), ("S3_ACCESS_KEY_ID", "access_key"),
                        ("S3_SECRET_ACCESS_KEY", "secret_key")):
        if env.get(var):
            options[option] = env[var]
    return options


def _bucket(env: Mapping[str, str], var: str, storage: str) -> str:
    if not env.get(var):
        raise ImproperlyConfigured(f"{storage}=s3 需要设置 {var}（存储桶名称）。({storage}=s3 needs {var})")
    return env[var]


def storages_from_env(env: Mapping[str, str]) -> dict:
    result = {"default": {"BACKEND": FILE}, "staticfiles": {"BACKEND": STATIC}}
    if _choice(env, "MEDIA_STORAGE") == "s3":
        options = {**_s3_common(env), "bucket_name": _bucket(env, "S3_MEDIA_BUCKET", "MEDIA_STORAGE"),
                   "location": env.get("S3_MEDIA_PREFIX", "media"), "querystring_auth": False}
        if env.get("S3_MEDIA_CUSTOM_DOMAIN"):
            options["custom_domain"] = env["S3_MEDIA_CUSTOM_DOMAIN"]
        result["default"] = {"BACKEND": S3, "OPTIONS": options}
    if _choice(env, "PRIVATE_STORAGE") == "s3":
        options = {**_s3_common(env), "bucket_name": _bucket(env, "S3_PRIVATE_BUCKET", "PRIVATE_STORAGE"),
                   "location": env.get("S3_PRIVATE_PREFIX", "private"), "default_acl": "private",
                   "querystring_auth": True, "querystring_expire": int(env.get("S3_PRIVATE_URL_SECONDS", "60")),
                   "custom_domain": None}
        result["private"] = {"BACKEND": S3, "OPTIONS": options}
    return result
