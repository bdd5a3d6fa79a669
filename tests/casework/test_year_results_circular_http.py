"""通报 第六条 counts every time an agency is notified: a 监督意见书 not carried out (意见书 第十条) → 责令限期纠正 →
逾期不纠正 → 予以通报 puts the agency in 年度监督结果's 被通报 column and in the Excel for the assessment, beside
the notifications with 限时整改."""
import io

import pytest
from freezegun import freeze_time
from openpyxl import load_workbook

from casework.models import Document
from clocks.scheduler import run_once
from tests.casework.test_year_results_http import row
from tests.letters.letters_http import do_task, login, people, serve, start_letter

pytestmark = pytest.mark.django_db
RESULTS = "/admin/casework/year/2026/results/?jurisdiction=wulong"


def test_a_circular_after_a_correction_order_counts_as_notified(make_user):
    p = people(make_user, "wulong", "武隆区城市管理局")
    agency = p["agency"]
    with freeze_time("2026-09-25 02:00") as frozen:
        matter = start_letter(p["officer"], "wulong", agency, ground="duties")
        do_task(p["officer"], matter, "起草监督建议书（意见书）", {
            "ground": "duties", "findings": "未依法履行检查职责。", "request": "依法履行检查职责。"})
        do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
        frozen.move_to("2026-09-28 02:00")
        serve(p["officer"], Document.objects.get(matter=matter, kind="opinion_letter"), "2026-09-28")
        frozen.move_to("2026-11-02 02:00")
        run_once()
        do_task(p["officer"], matter, "起草逾期处理文书", {"text": "限期重新履行法定职责。"})
        do_task(p["leader"], matter, "签发逾期处理文书", {"confirm": "on"})
        serve(p["officer"], Document.objects.get(matter=matter, kind="correction_order"), "2026-11-02")
        frozen.move_to("2026-11-17 02:00")
        run_once()
        page = login(p["officer"]).get(RESULTS).content.decode()
        assert '<th scope="col">被通报（通报限时整改、逾期不纠正予以通报）</th>' in page
        assert row(page, agency.pk)[9] == "0"  # not yet notified
        do_task(p["leader"], matter, "约谈、移送或通报", {"circular": "对该局拒不纠正的情况在全区予以通报。"})
        circular = Document.objects.get(matter=matter, kind="circular")
        assert (circular.doc_number, str(circular.issued_on)) == ("武隆监通〔2026〕1号", "2026-11-17")
        page = login(p["officer"]).get(RESULTS).content.decode()
        assert row(page, agency.pk)[9] == "1"
        # the 2027 results do not count a 2026 circular
        assert row(login(p["officer"]).get("/admin/casework/year/2027/results/?jurisdiction=wulong")
                   .content.decode(), agency.pk)[9] == "0"
        response = login(p["officer"]).get("/admin/casework/year/2026/results.xlsx?jurisdiction=wulong")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][11] == "被通报（通报限时整改、逾期不纠正予以通报）"
    mine = next(r for r in rows if r[1] == "武隆区城市管理局")
    assert mine[11] == 1
