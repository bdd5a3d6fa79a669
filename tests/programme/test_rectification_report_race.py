"""限时整改: the liaison's report sent twice at the same moment is recorded once (the flow's lock,
select_for_update_lock; issue 23 "a task done twice at once"). Needs PostgreSQL; skipped on SQLite."""
import datetime as dt
import threading

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections
from freezegun import freeze_time
from viewflow.workflow.models import Task

from casework.models import MatterEvent
from casework.services import document_serve
from programme import services
from programme.flows import RectificationFlow
from programme.models import RectificationTask
from tests.letters.letters_http import people

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]


@pytest.fixture
def fresh_contenttype_cache():
    from django.contrib.contenttypes.models import ContentType

    yield
    ContentType.objects.clear_cache()


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="DATABASE_URL 未指向 PostgreSQL：SQLite 没有行锁，并发办结测试跳过")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_reports_are_recorded_once(make_user, site_tree, fresh_contenttype_cache):
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    with freeze_time("2026-03-02 10:00"):
        services.notification_issue(py=services.year_for("wulong", 2025), title="关于2025年度行政执法情况的通报",
                                    body="通报如下。", named=[(p["agency"], "案卷不规范")], period_n=10,
                                    period_unit="calendar_days", by=p["leader"])
        task = RectificationTask.objects.select_related("document").get()
        document_serve(document=task.document, by=p["officer"], received_on=dt.date(2026, 3, 2), method="直接送达")

    done, refused, errors = [], [], []
    barrier = threading.Barrier(2)

    def report(n):
        try:
            barrier.wait()
            done.append(services.rectification_report(task=RectificationTask.objects.get(pk=task.pk),
                                                      report=f"第{n}份报告。", by=p["liaison"]))
        except (PermissionDenied, ValidationError):
            refused.append(n)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=report, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(done) == 1 and len(refused) == 1
    assert MatterEvent.objects.filter(matter=task.matter, text__startswith="被通报机关书面报告整改落实情况").count() == 1
    assert Task.objects.filter(process__caseprocess__matter=task.matter, flow_task=RectificationFlow.review).count() == 1
