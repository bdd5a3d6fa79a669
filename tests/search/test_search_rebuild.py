"""`manage.py search_rebuild` puts back an index that was lost, with only public notices in it."""
from django.core.management import call_command
from search_helpers import titles  # noqa: I001  (tests/search/search_helpers.py)

from search.models import SearchEntry


def test_rebuild_restores_notices_and_decisions(site_tree, decision, settings, make_user,
                                                django_capture_on_commit_callbacks, capsys):
    from public_notices.services import notice_publish
    from roles.definitions import OFFICER

    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        notice_publish(kind="notification", jurisdiction="wanzhou", title="执法监督情况通报", body="通报。")
        hidden = notice_publish(kind="notification", jurisdiction="wanzhou", title="已撤回的监督通报", body="撤回。")
        hidden.unpublish()
    decision(title="监督决定书")
    SearchEntry.objects.all().delete()
    from search.engines import get_engine

    engine = get_engine()
    assert titles(engine, "监督") == []
    call_command("search_rebuild")
    assert "notice 已索引 1 条" in capsys.readouterr().out
    assert titles(engine, "监督") == ["执法监督情况通报"]
    assert titles(engine, "决定书", scope="decision", user=make_user("o", OFFICER)) == ["监督决定书"]
