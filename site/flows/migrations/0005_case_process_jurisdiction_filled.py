"""A process's jurisdiction (0004; issue 28: a bound account's 我的待办 reads its own processes from one index).
Existing processes are filled in SQL, set-wise (80,000 processes in a few UPDATEs, not a save each): the matter's
jurisdiction, else — for a process naming no matter — its record's matter's, its record's own, its record's
agency's, its letter's matter's (a 复查 objection), as CaseProcess.save writes it (flows.models.jurisdiction_of).
The records' tables are found by the processes' content types and read by their columns, so this migration names
no process app's migration (only the matters', whose table it reads)."""

from django.db import migrations


def backfill(apps, schema_editor):
    connection = schema_editor.connection
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        cursor.execute(
            "UPDATE flows_caseprocess SET jurisdiction = COALESCE((SELECT m.jurisdiction FROM casework_matter m "
            "WHERE m.id = flows_caseprocess.matter_id), '') WHERE matter_id IS NOT NULL")
        cursor.execute(
            "SELECT DISTINCT t.id, t.app_label, t.model FROM flows_caseprocess c "
            "JOIN viewflow_process p ON p.id = c.process_ptr_id JOIN django_content_type t "
            "ON t.id = p.artifact_content_type_id WHERE c.jurisdiction = ''")
        for ct_id, app_label, model in cursor.fetchall():
            table = f"{app_label}_{model}"
            if table not in tables:
                continue
            columns = {c.name for c in connection.introspection.get_table_description(cursor, table)}
            record = f"FROM viewflow_process p JOIN {qn(table)} a ON a.id = p.artifact_object_id"
            sources = []
            if "matter_id" in columns:
                sources.append(f"SELECT m.jurisdiction {record} JOIN casework_matter m ON m.id = a.matter_id")
            if "jurisdiction" in columns:
                sources.append(f"SELECT a.jurisdiction {record}")
            if "agency_id" in columns:
                sources.append(f"SELECT g.jurisdiction {record} JOIN casework_agency g ON g.id = a.agency_id")
            if "letter_id" in columns and "letters_letter" in tables:
                sources.append(f"SELECT m.jurisdiction {record} JOIN letters_letter l ON l.id = a.letter_id "
                               "JOIN casework_matter m ON m.id = l.matter_id")
            for source in sources:
                cursor.execute(
                    f"UPDATE flows_caseprocess SET jurisdiction = COALESCE(({source} "
                    "WHERE p.id = flows_caseprocess.process_ptr_id), '') WHERE jurisdiction = '' AND process_ptr_id "
                    "IN (SELECT id FROM viewflow_process WHERE artifact_content_type_id = %s)", [ct_id])


class Migration(migrations.Migration):

    dependencies = [
        ('flows', '0004_case_process_jurisdiction'),
        ('casework', '0013_matter_open_by_opener_index'),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
