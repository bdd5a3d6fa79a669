"""当前环节 is derived from the steps waiting in the matter's flows (flows/stage.py, casework/stages.py): it
follows the letter's tasks step by step, on the matter screen and in the matter list, and a database written
before CaseProcess (flows/0002) keeps its running processes and their stage."""
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from freezegun import freeze_time
from viewflow.workflow.models import Process

from flows.models import CaseProcess
from tests.letters.letters_http import do_task, login, matter_html, people, start_letter

carry = import_module("flows.migrations.0002_case_process")
fill = import_module("flows.migrations.0005_case_process_jurisdiction_filled")
AGENCY = "武隆区市场监督管理局"


def list_row(client, matter) -> str:
    html = client.get("/admin/casework/").content.decode()
    start = html.index(matter.number)
    return html[start:html.index("</tr>", start)]


@pytest.mark.django_db
def test_the_stage_follows_the_letter_step_by_step(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-25 02:00"):
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        officer = login(p["officer"])
        assert "状态</strong>：办理中 · 起草监督建议书（意见书）" in matter_html(officer, matter)
        assert "起草监督建议书（意见书）" in list_row(officer, matter)

        do_task(p["officer"], matter, "起草监督建议书（意见书）", {
            "ground": "procedure", "findings": "行政处罚未履行告知程序。", "request": "重新履行告知程序。"})
        html = matter_html(officer, matter)
        assert "办理中 · 签发监督建议书（意见书）" in html and "办理中 · 起草" not in html
        assert "签发监督建议书（意见书）" in list_row(officer, matter)

        do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
        assert "办理中 · 送达" in matter_html(officer, matter)
        # the column holds nothing a flow owns
        matter.refresh_from_db()
        assert CaseProcess.objects.get(matter=matter).flow_class.__name__ == "LetterFlow"


@pytest.mark.django_db
def test_processes_written_before_case_process_are_carried_over(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-25 02:00"):
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
    process = CaseProcess.objects.get(matter=matter)
    with connection.cursor() as cursor:  # as the rows stood before flows/0002
        cursor.execute("DELETE FROM flows_caseprocess WHERE process_ptr_id = %s", [process.pk])
    assert not CaseProcess.objects.filter(pk=process.pk).exists()
    assert Process.objects.filter(pk=process.pk).exists()

    carry.carry_over(apps, SimpleNamespace(connection=connection))
    assert CaseProcess.objects.get(pk=process.pk).jurisdiction == ""  # then filled by flows/0005
    fill.backfill(apps, SimpleNamespace(connection=connection))

    assert CaseProcess.objects.filter(pk=process.pk).values_list("matter_id", "jurisdiction").get() == (
        matter.pk, "wulong")
    assert "办理中 · 起草监督建议书（意见书）" in matter_html(login(p["officer"]), matter)
