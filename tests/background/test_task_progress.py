"""issue 30 item 4: long work started from the admin (重建检索索引 on the 后台任务 screen) runs as a background
task whose progress and result are recorded and shown on that screen; only bureau leaders may start it."""
import json
import uuid

import pytest

from background import progress as task_progress
from background.models import TaskProgress
from progress import Progress
from public_notices.importer import import_lines
from roles.definitions import EDITOR, LEADER, OFFICER

pytestmark = pytest.mark.django_db
URL = "/admin/background-tasks/"


def notices(n: int) -> list[str]:
    return [json.dumps({"kind": "typical_case", "title": f"典型案例第{i}号", "body": "案情简介……",
                        "jurisdiction": "enshi", "written_on": "2024-05-10",
                        "published_at": "2024-05-12T10:00:00+08:00"}, ensure_ascii=False) for i in range(n)]


def test_a_leader_rebuilds_the_index_from_the_admin_and_sees_progress_and_result(client, site_tree, make_user):
    assert not import_lines(notices(3)).rejected
    leader = make_user("leader", LEADER)
    client.force_login(leader)
    response = client.post(URL + "rebuild-search/")
    assert response.status_code == 302 and response["Location"].startswith(URL + "#progress-")
    row = TaskProgress.objects.get()
    assert row.status == TaskProgress.DONE and row.started_by == leader and row.label == "重建检索索引"
    assert row.done == row.total == 3  # three live notices, no decision records, no casework
    assert row.result == "公告公示已索引 3 条；决定记录已索引 0 条；案件检索已索引 0 条。"
    page = client.get(URL).content.decode()
    assert f'id="progress-{row.pk}"' in page and "已完成" in page and "公告公示已索引 3 条" in page
    assert "3/3 条（100%）" in page
    state = client.get(f"{URL}progress/{row.pk}/").json()
    assert state["status"] == "done" and state["done"] == 3 and state["percent"] == 100 and state["finished"]


def test_progress_is_recorded_while_the_task_runs(make_user):
    row = task_progress.queue(label="重建检索索引", by=make_user("leader2", LEADER), started_from=URL)
    with Progress("重建检索索引", 200, task_id=row.pk, quiet=True) as bar:
        bar.advance(50)
        bar.last_record = 0  # as if a second had passed since the last write
        bar.advance(30)
        row.refresh_from_db()
        state = task_progress.state(row)
        assert row.status == TaskProgress.RUNNING and row.total == 200
        assert (state["done"], state["total"], state["percent"], state["finished"]) == (80, 200, 40, False)
    row.refresh_from_db()
    assert (row.status, row.done, row.total) == (TaskProgress.RUNNING, 80, 200)  # the task says how it ended
    task_progress.finish(row.pk, result="公告公示已索引 80 条。")
    row.refresh_from_db()
    assert (row.status, row.result) == (TaskProgress.DONE, "公告公示已索引 80 条。")


def test_who_may_start_and_see_long_work(client, make_user):
    row = task_progress.queue(label="重建检索索引", by=None)
    for username, group in (("officer", OFFICER), ("editor", EDITOR)):
        client.force_login(make_user(username, group))
        response = client.post(URL + "rebuild-search/")
        assert response.status_code in (302, 403) and not TaskProgress.objects.exclude(pk=row.pk).exists()
    client.force_login(make_user("officer2", OFFICER))
    assert client.get(URL).status_code == 200
    assert "重建检索索引</button>" not in client.get(URL).content.decode()  # only leaders see the button
    assert client.get(f"{URL}progress/{row.pk}/").json()["status"] == "queued"
    assert client.get(f"{URL}progress/{uuid.uuid4()}/").status_code == 404
    client.force_login(make_user("editor2", EDITOR))
    assert client.get(f"{URL}progress/{row.pk}/").status_code in (302, 403)


def test_an_editor_imports_notices_from_the_admin_and_sees_the_result_on_that_page(client, site_tree, make_user,
                                                                                    settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from public_notices.models import NoticePage

    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    page_url = "/admin/import-notices/"
    client.force_login(make_user("officer3", OFFICER))
    assert client.get(page_url).status_code in (302, 403)  # officers do not publish pages
    editor = make_user("editor3", EDITOR)
    client.force_login(editor)
    assert "import-notices" in client.get("/admin/").content.decode()  # the menu item (sidebar JSON)
    lines = notices(3)
    lines.insert(1, '{"kind": 1')
    upload = SimpleUploadedFile("old-site.jsonl", ("\n".join(lines) + "\n").encode())
    response = client.post(page_url, {"file": upload})
    assert response.status_code == 302 and response["Location"].startswith(page_url + "#progress-")
    row = TaskProgress.objects.get()
    assert row.status == TaskProgress.DONE and row.started_by == editor and row.label == "导入公告（old-site.jsonl）"
    assert row.result.startswith("已导入 3 条，已存在 0 条，拒绝 1 条。\n拒绝 第2行：JSON 格式错误")
    assert NoticePage.objects.live().count() == 3
    assert not list(tmp_path.rglob("*.jsonl"))  # the uploaded file is removed after the import
    page = client.get(page_url).content.decode()
    assert f'id="progress-{row.pk}"' in page and "已导入 3 条" in page and "已完成" in page
    assert "5/5 行（100%）" in page  # every line of the file (the last newline leaves an empty 5th)
    assert client.get(f"{URL}progress/{row.pk}/").json()["status"] == "done"  # its starter may poll it
    assert client.post(page_url, {}).status_code == 400  # no file: a Chinese message, nothing queued
    assert "请选择要导入的 JSON Lines 文件" in client.post(page_url, {}).content.decode()
    assert TaskProgress.objects.count() == 1


def test_every_role_opening_the_long_work_screens(client, make_user):
    from roles.definitions import LIAISON, SUPERVISOR

    expected = {  # role: (后台任务, 导入公告)
        OFFICER: (200, "refused"), LEADER: (200, "refused"), EDITOR: ("refused", 200),
        LIAISON: ("refused", "refused"), SUPERVISOR: ("refused", "refused"), None: (200, 200)}
    for i, (group, (tasks, imports)) in enumerate(expected.items()):
        client.force_login(make_user(f"role{i}", group))
        for url, want in ((URL, tasks), ("/admin/import-notices/", imports)):
            status = client.get(url).status_code
            assert status == want if want == 200 else status in (302, 403), (group, url, status)
