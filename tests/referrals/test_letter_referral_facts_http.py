"""The 情节严重 referral screen of a letter (/admin/referrals/letter/<pk>/, 通报 第六条) starts the officer from one
sentence: the agency, its findings quoted as the officer wrote them (colons and all), the correction order and the
通报 with their numbers — not "机关：事实：…" with two colons in a row. Over HTTP with a frozen clock."""
import html

import pytest
from freezegun import freeze_time

from casework.models import Document
from clocks.scheduler import run_once
from letters.models import Letter
from tests.letters.letters_http import do_task, login, people, serve, start_letter

pytestmark = pytest.mark.django_db


def prefilled(page: str) -> str:
    start = page.index('name="reasons"')
    return html.unescape(page[page.index(">", start) + 1:page.index("</textarea>", start)]).strip()


def test_the_letter_referral_form_starts_from_one_sentence(make_user):
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    with freeze_time("2026-09-25 02:00") as frozen:
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        do_task(p["officer"], matter, "起草监督建议书（意见书）", {
            "ground": "procedure", "findings": "行政处罚未告知陈述申辩权：相关案卷3件，问题事实清楚。",
            "request": "重新履行告知程序。"})
        do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
        frozen.move_to("2026-09-28 02:00")
        serve(p["officer"], Document.objects.get(matter=matter, kind="opinion_letter"), "2026-09-28")
        frozen.move_to("2026-11-02 02:00")
        run_once()
        do_task(p["officer"], matter, "起草逾期处理文书", {"text": "限期重新履行告知程序。"})
        do_task(p["leader"], matter, "签发逾期处理文书", {"confirm": "on"})
        serve(p["officer"], Document.objects.get(matter=matter, kind="correction_order"), "2026-11-02")
        frozen.move_to("2026-11-17 02:00")
        run_once()
        letter = Letter.objects.get(matter=matter)
        url = f"/admin/referrals/letter/{letter.pk}/"
        do_task(p["leader"], matter, "约谈、移送或通报", {"circular": "对该局拒不纠正的情况在全区予以通报。"})
        frozen.move_to("2026-11-18 02:00")
        page = login(p["officer"]).get(url).content.decode()
    text = prefilled(page)
    assert text == ("武隆区市场监督管理局存在“行政处罚未告知陈述申辩权：相关案卷3件，问题事实清楚”的问题（行政执法程序的合法性），"
                    "经责令限期纠正（武隆监纠〔2026〕1号），逾期仍未纠正，已予以通报（武隆监通〔2026〕1号）。")
    assert "：：" not in text and "局：" not in text and text.count("。") == 1
