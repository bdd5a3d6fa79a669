"""The demo has one letter in each state for Enshi and Wulong, and loading it twice adds nothing. In Enshi the
agency of the served letter does not provide the materials asked for (003 第二十五条) and it is in accountability
(第三十二条第一款第（四）项) — once, however often the demo is loaded."""
import pytest
from freezegun import freeze_time

from clocks.selectors import overdue
from letters.models import Letter


@pytest.mark.django_db
def test_demo_letters_one_matter_per_state_idempotent(site_tree):
    from casework.demo import load_agencies
    from demo.site_tree import load_users
    from letters.demo import load_letters

    with freeze_time("2026-11-27 02:00"):
        load_users()
        load_agencies()
        load_letters()
        assert load_letters().startswith("新增演示事项 0 件")
        for code in ("enshi", "wulong"):
            states = set(Letter.objects.filter(matter__jurisdiction=code).values_list("state", flat=True))
            expected = {"drafting", "signing", "rectifying", "overdue", "executing", "closed"}
            if code == "enshi":  # 003 第二十七条: the objection stops the period (it restarts from the answer)
                expected.add("reviewing")
            assert states == expected, states
            assert Letter.objects.filter(matter__jurisdiction=code, typical_case_page_id__isnull=False).count() == 1
            assert Letter.objects.filter(matter__jurisdiction=code, objections__status="pending").count() == 1
        assert overdue().filter(subject_type__model="matter").count() == 2
        # the processes stand where the letters do: each open letter has the task its state calls for
        from letters.selectors import open_tasks_of

        expected_task = {"drafting": "draft", "signing": "sign", "rectifying": "rectify", "reviewing": "rectify",
                         "overdue": "draft_decision", "executing": "execute"}
        for letter in Letter.objects.exclude(state="closed"):
            names = {t.flow_task.name for t in open_tasks_of(letter)}
            assert expected_task[letter.state] in names, (letter.state, names)
            if letter.objections.filter(status="pending").exists():
                assert "review" in names
        for letter in Letter.objects.filter(state="closed"):
            assert not open_tasks_of(letter).exists()

        # 003 第二十五条 → 第三十二条第一款第（四）项: the refusal and its accountability case, in the letter's file
        from accountability.models import Case
        from casework.models import MatterEvent
        from letters.models import CooperationRefusal

        refusal = CooperationRefusal.objects.get()
        assert refusal.matter.title == "行政处罚未说明理由" and refusal.agency.name == "恩施州市场监督管理局"
        assert (refusal.kind_label, refusal.occurred_on.isoformat()) == ("不如实反映情况、不提供有关资料", "2026-11-27")
        assert refusal.article.endswith("第二十五条第一款")
        case = Case.objects.get(matter=refusal.matter)
        assert refusal.case == case and (case.kind, case.grounds, case.origin) == ("fault", ["obstruct"], "inspection")
        step = MatterEvent.objects.get(matter=refusal.matter, text__startswith="登记不配合监督")
        assert "第三十二条第一款第（四）项转入责任追究" in step.text
