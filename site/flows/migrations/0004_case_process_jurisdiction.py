"""A casework process's jurisdiction, stored (issue 28): filled for existing processes by 0005, then by
CaseProcess.save (flows.models.jurisdiction_of)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('flows', '0003_open_task_owner_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='caseprocess',
            name='jurisdiction',
            field=models.CharField(blank=True, db_default='', db_index=True, default='', max_length=32,
                                  verbose_name='辖区'),
        ),
    ]
