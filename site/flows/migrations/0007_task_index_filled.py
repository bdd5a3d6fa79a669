"""待办索引 (0006) filled for the tasks open when it was made: one set-wise statement (flows.task_index.refresh:
INSERT … SELECT over every open human task, its matter, jurisdiction and due date computed by the worklist's own
SQL expressions), not a Python loop (660,000 tasks at 100,000 matters). It reads the live models of the apps whose
processes and clocks it resolves, so it runs after their latest migrations."""

from django.db import migrations


def backfill(apps, schema_editor):
    from flows.task_index import refresh

    refresh()


class Migration(migrations.Migration):

    dependencies = [
        ("flows", "0006_task_index"),
        ("accountability", "0007_case_dispatch"),
        ("casework", "0014_document_unserved_matter_index"),
        ("clocks", "0006_clock_list_jurisdiction_order"),
        ("complaints", "0013_interference_record_referral"),
        ("coordination", "0004_statutory_limit_proceedings_emergencies"),
        ("filings", "0003_review_processes_carried_over"),
        ("letters", "0011_referral_declared_on_referrals_abstract_models"),
        ("programme", "0015_referral_declared_on_referrals_abstract_model"),
        ("supervisors", "0009_assignment_kind"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True)]
