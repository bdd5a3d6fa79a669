"""004 行政执法监督检查制度 第八条: a problem found in a Wulong inspection (its checklist, 第七条) becomes a
supervision letter (行政执法监督意见书) in the activity's file with its ground pre-selected from the checklist item.
Over HTTP as the bureau's officer, the clock frozen."""
import pytest
from freezegun import freeze_time

from casework.models import Matter
from letters.models import Letter
from programme.models import Activity, ChecklistItem, Finding
from tests.programme.test_checklist_onsite_http import activity_post, login, people  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_wulong_checklist_finding_opens_a_letter_with_its_ground_pre_selected(people):  # noqa: F811
    wl, officer_user, leader_user = people["agencies"]["wl"], people["officer"], people["leader"]
    officer = login(officer_user)
    with freeze_time("2026-06-12 10:00"):
        assert ChecklistItem.objects.filter(jurisdiction="wulong").count() == 6
        r = activity_post(officer, wl, mode="onsite", jurisdiction="wulong", title="罚没财物处置检查",
                          people=[(officer_user, "渝武监字第0107号"), (leader_user, "渝武监字第0021号")])
        assert r.status_code == 302, r.content.decode()[-2000:]
        activity = Activity.objects.get()
        url = f"/admin/programme/activities/{activity.pk}/"
        html = officer.get(url).content.decode()
        assert "罚没财物是否依法处置（第七条第（四）项）" in html
        # an Enshi item is not on Wulong's checklist
        enshi = ChecklistItem.objects.get(jurisdiction="enshi", code="facts")
        assert "所选检查项目不属于本辖区现行的检查清单。" in officer.post(
            url, {"item": enshi.pk, "text": "x"}).content.decode()
        confiscated = ChecklistItem.objects.get(jurisdiction="wulong", code="confiscated")
        procedure = ChecklistItem.objects.get(jurisdiction="wulong", code="procedure")
        assert officer.post(url, {"item": confiscated.pk, "text": "2件罚没物品未按规定拍卖。"}).status_code == 302
        assert officer.post(url, {"item": procedure.pk, "text": "1件案件未告知陈述申辩权利。"}).status_code == 302
        first, second = Finding.objects.order_by("pk")

        form = officer.get(f"/admin/programme/findings/{first.pk}/letter/").content.decode()
        assert '<option value="violations" selected>' in form
        assert "2026年06月10日监督检查（罚没财物处置检查）中发现：2件罚没物品未按规定拍卖。" in form
        assert "第七条第（四）项" in form
        r = officer.post(f"/admin/programme/findings/{first.pk}/letter/", {
            "ground": "violations", "findings": "2件罚没物品未按规定拍卖。", "request": "依法处置罚没物品。"})
        matter = Matter.objects.get()
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter.pk}/"
        assert (matter.source, matter.process, matter.agency_id) == ("inspection", "letter", wl.pk)

        form = officer.get(f"/admin/programme/findings/{second.pk}/letter/").content.decode()
        assert '<option value="procedure" selected>' in form
        assert f"同一案卷：{matter.number}" in form
        assert officer.post(f"/admin/programme/findings/{second.pk}/letter/", {
            "ground": "procedure", "findings": "1件案件未告知陈述申辩权利。", "request": "依法履行告知程序。"}
        ).status_code == 302
    assert sorted(Letter.objects.filter(matter=matter).values_list("ground", flat=True)) == ["procedure", "violations"]
    assert Matter.objects.count() == 1 and matter.number == "武隆监案〔2026〕1号"
