"""我的待办 paged in SQL (issue 28), for a task whose process names no matter and whose matter is known only
through its record (the letter): the recusal filter (003 第二十四条第（二）项) and the due date read that matter in
SQL as the built item does, so the count is what the pages show and page 1 has its full 50."""
import datetime as dt
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time
from viewflow.workflow.models import Task

from casework.models import Matter, Recusal
from clocks.models import Clock
from flows.models import CaseProcess
from flows.task_index import process_changed
from flows.task_index import refresh as refresh_task_index
from tests.letters.letters_http import login, people, start_letter

AGENCY = "武隆区市场监督管理局"


def claimed(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'action="/workflow/tasks/(\d+)/claim/"', html)]


def copies(task: Task, n: int, start_second: int) -> list[Task]:
    made = []
    for k in range(n):
        copy = Task.objects.get(pk=task.pk)
        copy.pk = None
        copy.created = task.created + dt.timedelta(seconds=start_second + k)
        made.append(copy)
    made = Task.objects.bulk_create(made)
    refresh_task_index(made)  # bulk_create sends no signal: a bulk load refreshes 待办索引 itself
    return made


@pytest.mark.django_db
def test_recused_matter_known_only_through_the_record_is_out_of_count_and_pages(make_user):
    p = people(make_user, "wulong", AGENCY)
    with freeze_time("2026-09-25 02:00"):
        recused = start_letter(p["officer"], "wulong", p["agency"], ground="procedure", title="回避的事项")
        dated = start_letter(p["officer"], "wulong", p["agency"], ground="procedure", title="有期限的事项")
        plain = start_letter(p["officer"], "wulong", p["agency"], ground="procedure", title="其他事项")
        first = {m.pk: Task.objects.get(process__caseprocess__matter=m, status="NEW") for m in (recused, dated, plain)}
        # two processes started before they named their matter: the letter (their record) names it
        unnamed = list(CaseProcess.objects.filter(matter__in=(recused, dated)).values_list("pk", flat=True))
        CaseProcess.objects.filter(pk__in=unnamed).update(matter=None)
        for pk in unnamed:
            process_changed(pk)  # an UPDATE of a process's matter says so (as complaints.services does)
        Recusal.objects.create(matter=recused, user=p["officer"], origin="declared", ground="与当事人有亲属关系",
                               article="003 第二十四条第（二）项", decided_by=p["leader"],
                               decided_at=timezone.now())
        Clock.objects.create(subject_type=ContentType.objects.get_for_model(Matter), subject_id=str(dated.pk),
                             label="测试时限", profile_code="wulong", rule_key="letter_rectify_period",
                             source="004", article="第十条", started_on=dt.date(2026, 9, 25), n=10, unit="calendar_days",
                             due_on=dt.date(2026, 10, 9))
        hidden = copies(first[recused.pk], 5, 1)           # 6 tasks in the recused matter, older than the rest
        later = copies(first[plain.pk], 49, 100)           # 50 tasks in the plain matter
        cache.clear()
        officer = login(p["officer"])
        html = officer.get("/workflow/").content.decode()
        assert "我的待办（51）" in html and "共 51 件，第 1 / 2 页" in html
        page1 = claimed(html)
        assert len(page1) == 50
        # the dated task first (its due date read through its record's matter), then the plain matter's in order
        assert page1[:2] == [first[dated.pk].pk, first[plain.pk].pk] and page1[2:] == [t.pk for t in later[:48]]
        assert "期限：2026-10-09" in html
        html2 = officer.get("/workflow/?page=2").content.decode()
        assert claimed(html2) == [later[48].pk]
        shown = set(claimed(html) + claimed(html2))
        assert first[recused.pk].pk not in shown and not shown & {t.pk for t in hidden}
