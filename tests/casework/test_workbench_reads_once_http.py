"""The workbench right after a write (issue 28) reads each thing once: the jurisdictions that keep the personnel
register (证件到期提醒: their windows and their agencies) and the supervisors' terms (聘期: those awaiting a decision
and those about to end) — one query each, the lists as before. Over HTTP as the leader, clock frozen."""
import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from flows.badge import bump
from roles.definitions import LEADER
from supervisors.models import SERVING, Supervisor, Term

_seq = itertools.count(1)


def term(name: str, status: str, end: dt.date) -> Term:
    i = next(_seq)
    sup = Supervisor.objects.create(jurisdiction="wanzhou", name=name, gender="female", birth_date=dt.date(1980, 1, 1),
                                    id_number=f"11010119800101{i:04d}", phone="13800000000", workplace="某律师事务所",
                                    status=SERVING)
    return Term.objects.create(supervisor=sup, jurisdiction="wanzhou", start=end - dt.timedelta(days=3 * 365),
                               end=end, status=status, article="000 第七条", certificate_no=f"PS-{i}")


@pytest.mark.django_db
def test_the_workbench_after_a_write_reads_the_register_jurisdictions_and_the_terms_once(site_tree, make_user):
    leader = make_user("leader", LEADER)
    term("甲监督", Term.EXPIRED, dt.date(2026, 8, 31))
    term("乙监督", Term.ACTIVE, dt.date(2026, 9, 20))  # past its end, the scheduler not yet run: awaiting too
    term("丙监督", Term.ACTIVE, dt.date(2026, 10, 15))  # ends within 60 days
    term("丁监督", Term.ACTIVE, dt.date(2027, 3, 1))  # not yet
    client = Client()
    client.force_login(leader)
    with freeze_time("2026-09-25 02:00"):
        assert client.get("/admin/").status_code == 200  # the first request fills the process's caches
        bump()  # someone's write: every kept panel is read again
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/admin/")
    assert response.status_code == 200
    sqls = [q["sql"] for q in ctx.captured_queries]
    assert sum('FROM "supervisors_term"' in s for s in sqls) == 1
    assert sum('"rules_ruleprofile"."code" AS "code" FROM "rules_ruleprofile" ORDER BY' in s for s in sqls) == 1
    html = response.content.decode()
    awaiting = html.index("聘期已届满，待决定是否续聘")
    ending = html.index("聘期即将届满（请决定是否续聘）")
    assert awaiting < html.index("甲监督 第1届，2026-08-31 届满") < html.index("乙监督 第1届，2026-09-20 届满") < ending
    assert ending < html.index("丙监督 第1届，2026-10-15 届满")
    assert "丁监督" not in html
