"""The flows moved into their apps (flows/0001): a database written before the move keeps its running processes.
viewflow keeps "app_label/module.Flow[.node]" strings; the migration rewrites them."""
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from viewflow.workflow.models import Process, Task

from letters.flows import LetterFlow
from supervisors.flows import DismissalFlow

moved = import_module("flows.migrations.0001_flow_modules_moved")


def raw(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def set_raw(table, column, pk, value):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, pk])


@pytest.mark.django_db
def test_processes_and_tasks_written_before_the_move_resolve_to_the_flows_in_their_apps():
    letter = Process.objects.create(flow_class=LetterFlow)
    sign = Task.objects.create(process=letter, flow_task=LetterFlow.sign, flow_task_type="HUMAN")
    dismissal = Process.objects.create(flow_class=DismissalFlow)
    decide = Task.objects.create(process=dismissal, flow_task=DismissalFlow.decide, flow_task_type="HUMAN")
    # as the rows stood before the move
    set_raw("viewflow_process", "flow_class", letter.pk, "flows/letters.LetterFlow")
    set_raw("viewflow_task", "flow_task", sign.pk, "flows/letters.LetterFlow.sign")
    set_raw("viewflow_process", "flow_class", dismissal.pk, "flows/dismissal.DismissalFlow")
    set_raw("viewflow_task", "flow_task", decide.pk, "flows/dismissal.DismissalFlow.decide")

    moved.rewrite(moved.MOVED)(apps, SimpleNamespace(connection=connection))

    assert raw("viewflow_process", "flow_class", letter.pk) == "letters/flows.LetterFlow"
    assert raw("viewflow_task", "flow_task", sign.pk) == "letters/flows.LetterFlow.sign"
    assert raw("viewflow_process", "flow_class", dismissal.pk) == "supervisors/flows.DismissalFlow"
    assert raw("viewflow_task", "flow_task", decide.pk) == "supervisors/flows.DismissalFlow.decide"
    assert Task.objects.get(pk=sign.pk).flow_task is LetterFlow.sign
    assert Process.objects.get(pk=dismissal.pk).flow_class is DismissalFlow


def test_no_process_module_left_in_the_engine_and_no_engine_module_imports_a_process_app():
    import ast
    from pathlib import Path

    engine = Path(import_module("flows").__file__).parent
    process_apps = {"letters", "complaints", "coordination", "accountability", "supervisors", "programme",
                    "activities"}
    for name in ("letters", "complaints", "coordination", "accountability", "recruitment", "renewal", "dismissal"):
        assert not (engine / f"{name}.py").exists(), name
    for path in engine.glob("*.py"):
        for node in ast.parse(path.read_text()).body:  # module level only: imports inside functions are late
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in process_apps, f"{path.name}: from {node.module}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] not in process_apps, f"{path.name}: import {alias.name}"
