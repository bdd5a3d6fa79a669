"""我的待办 (issue 28) reads the open human tasks a person holds or may claim: a partial index on viewflow's task
table over the open tasks only (a few thousand of 650,000 at 100,000 matters: the done are 98 %), by owner and
permission, so the COUNT and the page find them without the bitmap of every task the officer ever held (190,000
rows). viewflow's Task model is not ours: the index is created in SQL (SQLite and PostgreSQL alike)."""

from django.db import migrations

OPEN = "('NEW', 'ASSIGNED', 'STARTED')"


class Migration(migrations.Migration):

    dependencies = [
        ("flows", "0002_case_process"),
        ("viewflow", "0015_task_scheduled"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS flows_open_task_owner ON viewflow_task (owner_id, owner_permission) "
            f"WHERE status IN {OPEN}",
            "DROP INDEX IF EXISTS flows_open_task_owner",
        ),
    ]
