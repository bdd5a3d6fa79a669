"""A complaint's decision records (acceptance, collective review, reply) are never shown to the agency
complained about: mark the existing ones confidential (decisions.selectors keeps confidential records from
agency users). An Elasticsearch index needs `search_rebuild` to carry the flag; the embedded engine reads it
from the database."""
from django.db import migrations


def confidential(apps, schema_editor):
    apps.get_model("decisions", "DecisionRecord").objects.filter(process_kind="complaint").update(confidential=True)


class Migration(migrations.Migration):

    dependencies = [
        ("complaints", "0003_documents_templates_docx_scan"),
        ("decisions", "0004_all_process_kinds"),
    ]

    operations = [migrations.RunPython(confidential, migrations.RunPython.noop)]
