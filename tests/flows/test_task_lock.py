"""viewflow's task lock (select_for_update_lock on every flow): two simultaneous completions of one task
complete it once. Needs PostgreSQL; SQLite has no row locks and serialises writes, so it is skipped there."""
import threading
import time

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connections
from viewflow.workflow.lock import select_for_update_lock
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from flows import services as flow_services
from roles.definitions import LEADER, OFFICER
from supervisors import processes as supervisor_processes
from supervisors.flows import DismissalFlow, RecruitmentFlow, RenewalFlow
from supervisors.models import SERVING, Supervisor

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]


@pytest.fixture
def fresh_contenttype_cache():
    """The flush after a transactional test re-runs post_migrate; rules' profile sync runs before
    contenttypes recreates its rows, so a ContentType id cached by earlier tests would be stale there."""
    from django.contrib.contenttypes.models import ContentType

    yield
    ContentType.objects.clear_cache()


def test_every_flow_configures_a_real_lock():
    for flow in (RecruitmentFlow, RenewalFlow, DismissalFlow):
        assert flow.lock_impl is select_for_update_lock


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="DATABASE_URL 未指向 PostgreSQL：SQLite 没有行锁，并发办结测试跳过")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_completions_of_one_task_complete_it_once(make_user, fresh_contenttype_cache):
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    sup = Supervisor.objects.create(jurisdiction="wanzhou", name="周明", gender="male", birth_date="1980-05-01",
                                    id_number="110105198005010011", phone="13800138000", workplace="某律所",
                                    status=SERVING)
    dismissal = supervisor_processes.dismissal_start(supervisor=sup, ground="other", statement="测试并发。", by=officer)
    process = flow_services.process_for(dismissal, DismissalFlow)
    task = Task.objects.get(process=process, flow_task=DismissalFlow.decide)
    flow_services.task_claim(task=task, user=leader)

    ran, refused, errors = [], [], []
    barrier = threading.Barrier(2)

    def action():
        ran.append(threading.get_ident())
        time.sleep(1.0)  # hold the lock while the other thread tries to complete the same task

    def complete():
        try:
            barrier.wait()
            flow_services.task_perform(task=Task.objects.get(pk=task.pk), user=leader, action=action)
        except PermissionDenied:
            refused.append(True)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=complete) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(ran) == 1 and len(refused) == 1
    assert Task.objects.filter(process=process, flow_task=DismissalFlow.decide, status=STATUS.DONE).count() == 1
    # the process moved on once: one gateway, one end (not two End tasks)
    assert Task.objects.filter(process=process, flow_task=DismissalFlow.approved).count() == 1
    assert Task.objects.filter(process=process, flow_task=DismissalFlow.end).count() == 1
