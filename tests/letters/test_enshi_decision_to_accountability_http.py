"""A 决定书 not executed goes into accountability in the same file (《恩施土家族苗族自治州行政执法监督办法》第三十二条
第一款第（五）项 拒不执行行政执法监督决定; 第二十八条第二款 30 days to report), over HTTP, the clock frozen: before the
report period ran out the hand-off is refused with the due date; after it, the officer hands the file over, the case
is taken in with that behaviour and its clock, and its panel is on the letter's matter screen for the bureau, not for
the agency's liaison before a decision. The liaison cannot hand off; a second hand-off is refused.

Calendar 2026: 决定书 received 07-02; 30 days end Saturday 08-01, rolled to Monday 08-03."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from clocks.models import Clock
from clocks.scheduler import run_once
from letters.models import Letter
from tests.letters.letters_http import do_task, login, matter_html, people, serve, start_letter
from tests.letters.test_enshi_letter_http import clock, sign

ENSHI = "《恩施土家族苗族自治州行政执法监督办法》"


@pytest.mark.django_db
def test_a_decision_not_executed_is_handed_to_accountability_in_the_same_file(make_user):
    p = people(make_user, "enshi", "恩施州交通运输局")
    with freeze_time("2026-06-01 02:00") as frozen:
        matter = start_letter(p["officer"], "enshi", p["agency"], ground="systems")
        serve(p["officer"], sign(p, matter), "2026-06-01")
        frozen.move_to("2026-07-02 02:00")
        run_once()
        do_task(p["officer"], matter, "起草逾期处理文书", {"order": "redo", "text": "重新作出处理决定。"})
        do_task(p["leader"], matter, "签发逾期处理文书", {"confirm": "on"})
        serve(p["officer"], Document.objects.get(matter=matter, kind="supervision_decision"), "2026-07-02")
        assert clock(matter, "执行（纠正）情况报告期限").due_on == dt.date(2026, 8, 3)
        letter = Letter.objects.get(matter=matter)
        url = f"/admin/letters/{letter.pk}/accountability/"

        frozen.move_to("2026-08-03 10:00")  # the last day of the period: not yet
        off = login(p["officer"])
        assert url not in matter_html(off, matter)
        early = off.post(url, {"confirm": "on"})
        assert early.status_code == 200
        assert f"执行情况报告期限至2026-08-03（{ENSHI}第二十八条第二款），期限届满仍未报告的，方可转入责任追究。" \
            in early.content.decode()
        assert not Case.objects.exists()

        frozen.move_to("2026-08-04 09:00")
        run_once()
        off = login(p["officer"])
        html = matter_html(off, matter)
        assert url in html and f"拒不执行行政执法监督决定（{ENSHI}第三十二条第一款第（五）项）" in html
        # the agency's liaison may not; the officer must confirm
        response = login(p["liaison"]).post(url, {"confirm": "on"})
        assert response.status_code == 403 and "只有司法局经办人可以受理责任追究线索。" in response.content.decode()
        unconfirmed = off.post(url, {"confirm": ""})
        assert unconfirmed.status_code == 200 and "请勾选确认转入责任追究程序。" in unconfirmed.content.decode()
        assert not Case.objects.exists()
        done = off.post(url, {"confirm": "on"})
        assert done.status_code == 302 and done["Location"] == f"/admin/casework/{matter.pk}/"

        case = Case.objects.get()
        assert (case.matter_id, case.origin, case.grounds, case.intake_on) == (
            matter.pk, "letter", ["refuse_decision"], dt.date(2026, 8, 4))
        transfer = Clock.objects.get(subject_id=str(matter.pk), rule_key="fault_transfer_period")
        assert transfer.due_on == dt.date(2026, 8, 11)
        html = matter_html(off, matter)
        assert "行政执法责任追究（" in html and "拒不执行行政执法监督决定（第三十二条第一款第（五）项）" in html
        assert "审查管辖" in html and url not in html
        assert "行政执法责任追究（" not in matter_html(login(p["liaison"]), matter)
        again = off.post(url, {"confirm": "on"})
        assert again.status_code == 200 and "本事项尚不具备转入责任追究的条件" in again.content.decode()
        assert Case.objects.count() == 1
