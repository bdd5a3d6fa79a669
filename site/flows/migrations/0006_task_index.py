"""待办索引 (issue 28): flows.models.TaskIndex, one row per open human task; filled by 0007."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('flows', '0005_case_process_jurisdiction_filled'),
        ('viewflow', '0015_task_scheduled'),
    ]

    operations = [
        migrations.CreateModel(
            name='TaskIndex',
            fields=[
                ('task', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='worklist_index', serialize=False, to='viewflow.task', verbose_name='待办')),
                ('status', models.CharField(max_length=50, verbose_name='状态')),
                ('owner_id', models.IntegerField(null=True, verbose_name='办理人')),
                ('owner_permission', models.CharField(max_length=255, null=True, verbose_name='权限')),
                ('flow_task', models.CharField(max_length=255, verbose_name='环节')),
                ('created', models.DateTimeField(verbose_name='创建时间')),
                ('matter_id', models.IntegerField(db_index=True, null=True, verbose_name='监督事项')),
                ('jurisdiction', models.CharField(max_length=32, null=True, verbose_name='辖区')),
                ('due_on', models.DateField(null=True, verbose_name='届满日')),
                ('clock_id', models.IntegerField(null=True, verbose_name='时限')),
            ],
            options={
                'verbose_name': '待办索引',
                'verbose_name_plural': '待办索引',
                'indexes': [models.Index(fields=['owner_permission', 'status', 'jurisdiction', 'due_on'], name='taskindex_perm'), models.Index(fields=['owner_id', 'status'], name='taskindex_owner')],
            },
        ),
    ]
