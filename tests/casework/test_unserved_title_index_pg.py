"""On PostgreSQL the officers' 登记送达回证 items of 我的待办 are read in their order (title, then issued_on and id)
from the partial index document_unserved_title (migration 0016), not by sorting every unserved document of a
province (issue 28). The index holds the query's own sort expression, so the planner can walk it: with sorting and
table scans switched off, the head of the province-wide officer's list is an index scan of it and sorts nothing."""
import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="DATABASE_URL 未指向 PostgreSQL：部分索引与排序规则 C 只在 PostgreSQL 上建立")
@pytest.mark.django_db
def test_officer_unserved_head_walks_the_title_index(site_tree):
    from casework.todos import documents_to_serve
    from demo.site_tree import load_users

    load_users()
    officer = get_user_model().objects.get(username="officer")
    (source,) = documents_to_serve(officer, today=dt.date(2026, 11, 27))
    with CaptureQueriesContext(connection) as ctx:
        assert source.heads(8) == []
    (query,) = ctx.captured_queries
    with connection.cursor() as cur:
        cur.execute("SET LOCAL enable_sort = off")
        cur.execute("SET LOCAL enable_seqscan = off")
        cur.execute("EXPLAIN " + query["sql"])
        plan = "\n".join(row[0] for row in cur.fetchall())
    assert "Index Scan using document_unserved_title on casework_document" in plan, plan
    assert "Sort" not in plan, plan
