"""The officers' 登记送达回证 items of 我的待办 (casework.todos.documents_to_serve) are sorted, as every item, by
title — here the text 登记送达回证：《kind_label》 compared by code point (COLLATE "C", flows.worklist.QuerySource) —
then issued_on and id. With no index in that order PostgreSQL read and sorted all ~7,000 unserved documents of a
province for the first 8 (the workbench) or 50 (a page): 17-50 ms at 100,000 matters (issue 28). This partial index
holds them in that order, so the head is the first rows of an index scan.

Its first column is the same expression the query sorts by (built here by Django from the same Concat and Collate,
so the planner recognises it); casework.todos.SERVICE_TITLE is that expression, and a change to it needs a new index.
PostgreSQL only: SQLite has no "C" collation by that name, and a test database holds a few rows."""
from django.db import migrations, models
from django.db.models.functions import Collate, Concat

NAME = "document_unserved_title"


def index():
    return models.Index(Collate(Concat(models.Value("登记送达回证：《"), "kind_label", models.Value("》")), "C"),
                        "issued_on", "id", name=NAME, condition=models.Q(received_on__isnull=True))


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("casework", "Document"), index())


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{NAME}"')


class Migration(migrations.Migration):
    dependencies = [("casework", "0015_matter_open_indexes")]
    operations = [migrations.RunPython(forwards, backwards)]
