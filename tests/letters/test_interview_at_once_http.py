"""Enshi 003 第二十九条第二款: once a 行政执法监督决定书 has been issued the agency's head may be interviewed
(约谈) at once — not only after the execution period has run out; overdue still leads to 约谈/移送.
And a finding's matter (案卷评查) gets its letter in the same file. Over HTTP, the clock frozen."""
import pytest
from freezegun import freeze_time

from casework.models import Document, Matter
from clocks.scheduler import run_once
from decisions.models import DecisionRecord
from letters.models import Letter
from tests.letters.letters_http import do_task, login, matter_html, people, serve, start_letter
from tests.letters.test_enshi_letter_http import sign

pytestmark = pytest.mark.django_db


FORM = {"held_on": "2026-11-03", "place": "州司法局三楼会议室", "interviewers": "州司法局副局长赵负责",
        "interviewees": "局长王大明", "reason": "监督决定书已制发，督促按期执行。",
        "said": "要求按决定书限期完成抽检。", "undertaking": "按期完成抽检并书面报告。"}


def test_enshi_interview_is_available_as_soon_as_the_decision_is_issued(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    with freeze_time("2026-09-01 09:00") as frozen:
        matter = start_letter(p["officer"], "enshi", p["agency"], ground="non_performance")
        frozen.move_to("2026-09-02 09:00")
        doc = sign(p, matter)
        letter = matter.letter
        url = f"/admin/letters/matter/{matter.pk}/interview/"
        form = {**FORM, "agency": p["agency"].pk, "basis": "after_decision"}
        # before any 决定书 the "decision issued" ground is not open: refused, nothing written
        early = login(p["leader"]).post(url, {**form, "held_on": "2026-09-02"})
        assert early.status_code == 200 and 'value="after_decision"' not in early.content.decode()
        assert 'value="prominent"' in early.content.decode()  # only the prominent-violation ground is open
        assert not Document.objects.filter(kind="interview_record").exists()
        frozen.move_to("2026-09-07 09:00")
        serve(p["officer"], doc, "2026-09-05")
        frozen.move_to("2026-10-31 01:00")
        run_once()
        frozen.move_to("2026-11-02 09:00")
        do_task(p["officer"], matter, "起草逾期处理文书", {"order": "perform", "text": "限期完成抽检。"})
        do_task(p["leader"], matter, "签发逾期处理文书", {"confirm": "on"})
        decision = Document.objects.get(matter=matter, kind="supervision_decision")
        assert decision.doc_number == "恩施监决〔2026〕1号"
        # at once, before service and long before the 30-day execution period ends
        html = matter_html(login(p["leader"]), matter)
        assert url in html and "第二十九条第二款" in html
        assert 'value="after_decision"' in login(p["leader"]).get(url).content.decode()
        officer = login(p["officer"]).post(url, form)
        assert officer.status_code == 403 and "只有司法局负责人可以决定约谈。" in officer.content.decode()
        frozen.move_to("2026-11-03 09:00")
        r = login(p["leader"]).post(url, form)
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter.pk}/"
    interview = Document.objects.get(kind="interview_record")
    assert interview.matter_id == matter.pk and interview.doc_number == "恩施监谈〔2026〕1号"
    assert interview.issued_on.isoformat() == "2026-11-03"
    assert DecisionRecord.objects.filter(doc_number="恩施监谈〔2026〕1号",
                                         article="《恩施土家族苗族自治州行政执法监督办法》第二十九条第二款").exists()
    # the process goes on: the decision still waits to be served and executed
    assert Letter.objects.get(pk=letter.pk).state == "decision_serving"


def test_wulong_has_no_interview_at_once(make_user):
    p = people(make_user, "wulong", "武隆区文化和旅游发展委员会")
    with freeze_time("2026-09-01 09:00"):
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        r = login(p["leader"]).post(f"/admin/letters/matter/{matter.pk}/interview/",
                                    {**FORM, "held_on": "2026-09-01", "agency": p["agency"].pk,
                                     "basis": "after_decision"})
        assert r.status_code == 403 and "的规则中没有约谈被监督机关负责人的规定。" in r.content.decode()
    assert not Document.objects.filter(kind="interview_record").exists()


def test_a_findings_matter_gets_its_letter_in_the_same_file(make_user):
    """An inspection or case-file review finding opened as a matter (programme) is drafted in that file."""
    p = people(make_user, "enshi", "恩施州交通运输局")
    from casework.services import matter_open

    with freeze_time("2026-09-01 09:00"):
        matter = matter_open(by=p["officer"], agency=p["agency"], source="casefile_review", process="letter",
                             title="案卷评查发现问题：行政处罚案卷", facts="3件处罚案卷未载明听证告知。")
        html = matter_html(login(p["officer"]), matter)
        assert "在本案卷中起草监督建议书（意见书）" in html
        url = f"/admin/letters/new/?matter={matter.pk}"
        assert "3件处罚案卷未载明听证告知。" in login(p["officer"]).get(url).content.decode()
        r = login(p["officer"]).post(url, {"ground": "illegal_subject", "findings": "3件处罚案卷未载明听证告知。",
                                           "request": "补正告知程序。"})
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter.pk}/"
        again = login(p["officer"]).post(url, {"ground": "systems", "findings": "x", "request": "y"})
        assert again.status_code == 200 and "本事项已制发监督文书，不能重复制发。" in again.content.decode()
    assert Matter.objects.count() == 1
    assert Letter.objects.get().matter_id == matter.pk
