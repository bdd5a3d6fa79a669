"""Each process's flow moved from `flows/<process>.py` into its own app (`<app>/flows.py`). viewflow stores a
process's flow class and each task's node by import path ("flows/letters.LetterFlow",
"flows/letters.LetterFlow.sign"): rewrite them so running processes keep working. Plain SQL on both columns,
because the historical model's reference fields would try to import the old paths."""
from django.db import migrations

MOVED = {
    "flows/letters.LetterFlow": "letters/flows.LetterFlow",
    "flows/complaints.ComplaintFlow": "complaints/flows.ComplaintFlow",
    "flows/coordination.CoordinationFlow": "coordination/flows.CoordinationFlow",
    "flows/accountability.AccountabilityFlow": "accountability/flows.AccountabilityFlow",
    "flows/recruitment.RecruitmentFlow": "supervisors/flows.RecruitmentFlow",
    "flows/renewal.RenewalFlow": "supervisors/flows.RenewalFlow",
    "flows/dismissal.DismissalFlow": "supervisors/flows.DismissalFlow",
}


def rewrite(mapping):
    def run(apps, schema_editor):
        Process = apps.get_model("viewflow", "Process")
        Task = apps.get_model("viewflow", "Task")
        process_table, task_table = Process._meta.db_table, Task._meta.db_table
        qn = schema_editor.connection.ops.quote_name
        with schema_editor.connection.cursor() as cursor:
            for old, new in mapping.items():
                cursor.execute(f"UPDATE {qn(process_table)} SET {qn('flow_class')} = %s "
                               f"WHERE {qn('flow_class')} = %s", [new, old])
                # tasks: "<flow ref>.<node>" -> swap the prefix, keep the node name
                cursor.execute(f"UPDATE {qn(task_table)} SET {qn('flow_task')} = %s || SUBSTR({qn('flow_task')}, %s) "
                               f"WHERE {qn('flow_task')} LIKE %s", [new, len(old) + 1, old + ".%"])
    return run


class Migration(migrations.Migration):
    dependencies = [("viewflow", "0015_task_scheduled")]

    operations = [
        migrations.RunPython(rewrite(MOVED), rewrite({new: old for old, new in MOVED.items()})),
    ]
