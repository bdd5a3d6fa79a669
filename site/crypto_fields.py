"""Personal data encrypted at rest (ID numbers, phones, addresses, e-mail, objection contacts).

`EncryptedCharField` stores a Fernet token (AES-128-CBC + HMAC-SHA256, from the maintained
`cryptography` package) and gives the plain text back on load: forms, masking and detail screens see
the plain value; the database, its dumps and backups never do. `max_length` checks the plain text;
the column is text because a token is longer.

Keys come from settings.FIELD_ENCRYPTION_KEYS (env `FIELD_ENCRYPTION_KEYS`, comma-separated Fernet
keys, newest first): the first encrypts, every one decrypts (MultiFernet), so a key is rotated by
putting a new one in front and running `manage.py rotate_field_keys` (README, "Personal data").

A token differs each time, so equality needs a keyed hash (HMAC-SHA256 with settings.FIELD_HASH_KEY):
`BlindIndexField(source="id_number")` is a column computed from the source field whenever it is read
or saved, for unique constraints and lookups. `Model.objects.filter(id_number=x)` (exact / in) is
answered through that column; other lookups on an encrypted field (contains, ordering by it) are refused."""
from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import models
from django.db.models import Lookup
from django.db.models.expressions import Col

TOKEN_PREFIX = "gAAAAA"  # every Fernet token: version byte 0x80 and a timestamp, base64


def _keys() -> tuple[str, ...]:
    keys = getattr(settings, "FIELD_ENCRYPTION_KEYS", None) or ()
    if isinstance(keys, str):
        keys = keys.split(",")
    keys = tuple(k.strip() for k in keys if k.strip())
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is not set: personal data cannot be encrypted.")
    return keys


@lru_cache(maxsize=4)
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k) for k in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS holds a key that is not a Fernet key: {exc}") from None


def check_keys() -> None:
    """Raise ImproperlyConfigured unless both keys are usable (production settings call this)."""
    _multi(_keys())
    if not getattr(settings, "FIELD_HASH_KEY", ""):
        raise ImproperlyConfigured("FIELD_HASH_KEY is not set: lookups of personal data need it.")


def encrypt(text: str) -> str:
    return _multi(_keys()).encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    if not token.startswith(TOKEN_PREFIX):
        return token  # a row written before encryption (the data migration encrypts these)
    try:
        return _multi(_keys()).decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured("A stored value cannot be decrypted with FIELD_ENCRYPTION_KEYS: "
                                   "was a key removed before `rotate_field_keys` ran?") from None


def rotate(token: str) -> str:
    """The token re-encrypted with the newest key (plain legacy text is encrypted)."""
    if not token:
        return token
    if not token.startswith(TOKEN_PREFIX):
        return encrypt(token)
    return _multi(_keys()).rotate(token.encode()).decode()


def blind_index(text) -> str:
    """HMAC-SHA256 of the normalised value (trimmed, upper case): equal values, equal hashes."""
    if text is None or str(text).strip() == "":
        return ""
    key = getattr(settings, "FIELD_HASH_KEY", "")
    if not key:
        raise ImproperlyConfigured("FIELD_HASH_KEY is not set: lookups of personal data need it.")
    return hmac.new(key.encode(), str(text).strip().upper().encode(), hashlib.sha256).hexdigest()


class EncryptedCharField(models.CharField):
    def get_internal_type(self) -> str:
        return "TextField"

    def db_type(self, connection):
        return connection.data_types["TextField"]

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value

    def blind_index_field(self) -> BlindIndexField | None:
        for field in self.model._meta.concrete_fields:
            if isinstance(field, BlindIndexField) and field.source == self.name:
                return field
        return None

    def get_lookup(self, lookup_name):
        if lookup_name == "exact":
            return EncryptedExact
        if lookup_name == "in":
            return EncryptedIn
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        return None  # contains, startswith, gt ...: a token cannot be compared; Django raises FieldError

    def get_transform(self, lookup_name):
        return None


class _HashLookup(Lookup):
    prepare_rhs = False

    def hash_column_sql(self, compiler):
        field = self.lhs.output_field
        hash_field = field.blind_index_field() if isinstance(self.lhs, Col) else None
        if hash_field is None:
            raise FieldError(f"{field.model.__name__}.{field.name} is encrypted and has no BlindIndexField: "
                             "it cannot be compared in the database.")
        return compiler.compile(Col(self.lhs.alias, hash_field))


class EncryptedExact(_HashLookup):
    lookup_name = "exact"

    def as_sql(self, compiler, connection):
        sql, params = self.hash_column_sql(compiler)
        return f"{sql} = %s", [*params, blind_index(self.rhs)]


class EncryptedIn(_HashLookup):
    lookup_name = "in"

    def as_sql(self, compiler, connection):
        sql, params = self.hash_column_sql(compiler)
        hashes = [blind_index(v) for v in self.rhs]
        if not hashes:
            return "1 = 0", []
        return f"{sql} IN ({', '.join(['%s'] * len(hashes))})", [*params, *hashes]


class _ComputedHash:
    """The BlindIndexField's attribute: always the hash of the source's current value."""

    def __init__(self, field):
        self.field = field

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return blind_index(getattr(instance, self.field.source))

    def __set__(self, instance, value):
        # kept only so Django sees the field as loaded (not deferred); reads always recompute
        instance.__dict__[self.field.attname] = value


class BlindIndexField(models.CharField):
    """HMAC of another field (`source`), for unique constraints and equality lookups."""

    def __init__(self, *args, source: str, **kwargs):
        self.source = source
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        for key, value in (("max_length", 64), ("editable", False), ("blank", True), ("default", "")):
            if kwargs.get(key, value) == value:
                kwargs.pop(key, None)
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, private_only=False):
        super().contribute_to_class(cls, name, private_only)
        setattr(cls, self.attname, _ComputedHash(self))

    def pre_save(self, model_instance, add):
        return blind_index(getattr(model_instance, self.source))


# ------------------------------------------------------------------ for data migrations
def encrypt_rows(app_label: str, model_name: str, fields: list[str]):
    """RunPython forward: encrypt every plain value in `fields` (and fill their hash columns)."""

    def forward(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        hashes = [f.name for f in model._meta.concrete_fields if isinstance(f, BlindIndexField)]
        for obj in model._base_manager.iterator():
            obj.save(update_fields=[*fields, *hashes])  # loaded plain (legacy), saved encrypted

    return forward


def decrypt_rows(app_label: str, model_name: str, fields: list[str]):
    """RunPython backward: write the plain text back (the column is still text at this point)."""

    def backward(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        columns = [model._meta.get_field(f).column for f in fields]
        sets = ", ".join(f"{schema_editor.quote_name(c)} = %s" for c in columns)
        with schema_editor.connection.cursor() as cursor:
            for obj in model._base_manager.iterator():
                cursor.execute(f"UPDATE {table} SET {sets} WHERE id = %s",  # noqa: S608 (names from the model)
                               [getattr(obj, f) for f in fields] + [obj.pk])

    return backward
