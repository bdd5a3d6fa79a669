"""Private files: case attachments and generated documents are personal or confidential. They live in
their own storage (never under MEDIA_URL) under random names, and are served only by
`casework.views.file_download`, which checks the user may see the matter."""
from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


def private_storage():
    """The private storage (a callable, so settings decide it at run time): PRIVATE_STORAGE_BACKEND in
    STORAGES["private"] when configured (e.g. an S3-compatible bucket), else PRIVATE_MEDIA_ROOT on disk.
    No base_url: a private file has no public address."""
    from django.core.files.storage import storages

    if "private" in settings.STORAGES:
        return storages["private"]
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


@deconstructible
class random_name:  # noqa: N801 - used like a function in upload_to
    """upload_to: <folder>/<yyyy>/<random hex><ext>; the original name is kept in the database only."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        from django.utils import timezone

        ext = os.path.splitext(filename)[1].lower()[:8]
        return f"{self.folder}/{timezone.localdate():%Y}/{uuid.uuid4().hex}{ext}"

    def __eq__(self, other):
        return isinstance(other, random_name) and other.folder == self.folder
