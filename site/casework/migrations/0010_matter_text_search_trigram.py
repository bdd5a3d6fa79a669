"""The matter list's text filter (q=, issue 28) matches any part of the title or the number (icontains:
UPPER(col) LIKE UPPER('%q%')), which no b-tree can serve: on PostgreSQL a trigram GIN index on each
expression lets a query of three characters or more read only the matching rows. Chinese characters make
trigrams under a UTF-8 ctype. On SQLite nothing is done (a test database of a few hundred rows)."""
from django.db import migrations

INDEXES = (("matter_title_trgm", "title"), ("matter_number_trgm", "number"))


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "casework_matter" '
                              f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)')


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _column in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("casework", "0009_document_unserved_index")]
    operations = [migrations.RunPython(forwards, backwards)]
