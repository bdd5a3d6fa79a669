"""The demo has one 交办事项 (000 第八条第（七）项) given to the demo supervisor account, and loading it twice adds
nothing; the supervisor finds it in 我的待办."""
import pytest
from django.test import Client
from freezegun import freeze_time

from supervisors.models import ResearchAssignment


@pytest.mark.django_db
def test_demo_assigned_matter_waits_for_the_supervisor(site_tree):
    from demo.site_tree import load_users
    from supervisors.demo import load_assigned_matter, load_roster

    with freeze_time("2026-11-27 02:00"):
        load_users()
        load_roster()
        first = load_assigned_matter()
        assert load_assigned_matter() == "已存在"
        item = ResearchAssignment.objects.get()
        assert first == (f"交办陈思远：{item.topic}（《万州区行政执法监督员管理办法》第八条第（七）项），2026-12-27前报告")
        assert (item.kind, item.supervisor.name, str(item.assigned_on), str(item.due_on)) == (
            "assigned", "陈思远", "2026-11-27", "2026-12-27")
        assert item.supervisor.user.username == "supervisor" and item.decision is not None
        client = Client()
        client.force_login(item.supervisor.user)
        html = client.get("/admin/").content.decode()
        assert "报告交办事项办理情况" in html and "2026-12-27" in html
