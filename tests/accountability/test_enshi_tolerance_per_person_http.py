"""容错 per person (《恩施土家族苗族自治州行政执法监督办法》第三十二条第二款) over HTTP, the clock frozen: in one
collective decision the leader sanctions one person concerned and excuses the other, with that person's own cause,
both conditions confirmed and the facts and reasons; a 容错 ticked without its grounds is refused in Chinese naming
the person, nothing written. The decision document states both outcomes; each person's record carries their own
outcome and article; only the sanctioned person is heard (陈述和申辩)."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from decisions.models import DecisionRecord
from tests.accountability.test_enshi_accountability_http import ENSHI, open_case, people  # noqa: F401
from tests.coordination.helpers import claim_and_open, login

pytestmark = pytest.mark.django_db


def test_one_person_sanctioned_the_other_excused_with_his_own_grounds(people):  # noqa: F811
    p = people
    lead = login(p["leader"])
    with freeze_time("2026-09-03 09:00") as frozen:
        case = open_case(p, "某局逾期未执行监督决定（山体滑坡）", ["refuse_decision"])
        persons = {x.name: x for x in case.persons.all()}
        zhou, tan = persons["周军"].pk, persons["谭林"].pk
        frozen.move_to("2026-09-09 10:00")
        url = claim_and_open(lead, "领导集体讨论作出处理决定")
        page = lead.get(url).content.decode()
        assert f"谭林：予以容错，不予处理（{ENSHI}第三十二条第二款）" in page and "谭林：容错的事实和理由" in page
        data = {"discussion": "2026年9月9日局务会，局长、副局长参加", "outcome": "decide",
                f"s_{zhou}": ["criticism"], f"t_{tan}": "on", f"tc_{tan}": ["unforeseeable"],
                f"tk_{tan}": ["in_duty", "duty_done"]}
        refused = lead.post(url, data)
        assert refused.status_code == 200
        assert f"谭林：请写明予以容错的事实和理由（{ENSHI}第三十二条第二款）。" in refused.content.decode()
        refused = lead.post(url, {**data, f"tg_{tan}": "滑坡", f"tk_{tan}": ["duty_done"]})
        assert f"谭林：予以容错须同时具备：在依法履职过程中（{ENSHI}第三十二条第二款）。" in refused.content.decode()
        assert not DecisionRecord.objects.filter(process_kind="accountability").exists()
        assert not Document.objects.filter(matter=case.matter).exists()
        ok = lead.post(url, {**data, f"tg_{tan}": "执行当日突发山体滑坡，道路中断，谭林已按工作计划带队出发。"})
        assert ok.status_code == 302, ok.content.decode()[-3000:]

    case = Case.objects.get(pk=case.pk)
    assert case.state == "hearing" and case.tolerated_on is None and case.decided_on == dt.date(2026, 9, 9)
    decision = Document.objects.get(matter=case.matter, kind="accountability_decision")
    assert decision.doc_number == "恩施追决〔2026〕1号"
    assert "谭林（执法大队队长）：责任划分：其他直接责任人员（第三十二条第一款）。容错原因：难以预见情形。" in decision.body
    assert "执行当日突发山体滑坡" in decision.body and "周军（分管副局长）" in decision.body
    zhou_rec = DecisionRecord.objects.get(process_kind="accountability", party_user=p["zhou"])
    assert (zhou_rec.outcome, zhou_rec.article) == ("通报批评", f"{ENSHI}第三十二条第一款")
    tan_rec = DecisionRecord.objects.get(process_kind="accountability", title__startswith="容错：谭林")
    assert (tan_rec.outcome, tan_rec.article, tan_rec.doc_number, tan_rec.decided_on) == (
        "予以容错，不予处理", f"{ENSHI}第三十二条第二款", "恩施追决〔2026〕1号", dt.date(2026, 9, 9))
    assert "决定人：田局长" in tan_rec.body and "已具备：在依法履职过程中" in tan_rec.body
    tan_person = case.persons.get(pk=tan)
    assert (tan_person.tolerated, tan_person.tolerance_causes, tan_person.sanctions) == (True, ["unforeseeable"], [])

    # the file: each person's own outcome; the hearing asks the sanctioned person only
    panel = login(p["officer"]).get(f"/admin/casework/{case.matter_id}/").content.decode()
    assert "予以容错，不予处理（原因：难以预见情形（第三十二条第二款）；事实和理由：执行当日突发山体滑坡" in panel
    assert "通报批评（第三十二条第一款）" in panel and "全部责任人予以容错" not in panel
    off = login(p["officer"])
    with freeze_time("2026-09-10 09:00"):
        url = claim_and_open(off, "听取责任人陈述和申辩")
        hearing = off.get(url).content.decode()
        assert "周军：陈述和申辩" in hearing and "谭林" not in hearing
