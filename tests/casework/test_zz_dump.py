import os

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from freezegun import freeze_time

from tests.casework.test_document_layout import CASES, _issue


class Rollback(Exception):
    pass


@pytest.mark.django_db
def test_dump():
    leader = get_user_model().objects.create_user("doc-leader", password="x")
    os.makedirs("/tmp/h_documents/all", exist_ok=True)
    for code, kind, _n, _f in CASES:
        try:
            with transaction.atomic():
                with freeze_time("2026-12-06 10:00:00+08:00"):
                    doc, _w = _issue(code, kind, leader)
                open(f"/tmp/h_documents/all/{code}-{kind}.pdf", "wb").write(doc.pdf.read())
                open(f"/tmp/h_documents/all/{code}-{kind}.docx", "wb").write(doc.docx.read())
                raise Rollback
        except Rollback:
            pass
