"""干预 第四条: a leader's guidance on a case under way is given in writing; given orally, the case officer
records it — the entry carries 第四条 (not 第八条), on the leaders' list and in the quarterly summary."""
import pytest
from freezegun import freeze_time

from complaints.models import InterferenceRecord
from tests.complaints.helpers import login
from tests.complaints.test_interference import record

pytestmark = pytest.mark.django_db


def test_oral_guidance_is_recorded_with_article_4(people):
    with freeze_time("2026-08-03 16:00"):
        r = record(login(people["officer"]), kind="guidance_oral", manner="oral",
                   content="副局长口头提出“尽快结案”的指导意见，已记录在案并请其书面提出。")
        assert r.status_code == 302, r.content.decode()[-1500:]
    entry = InterferenceRecord.objects.get()
    assert entry.kind_label == "领导干部口头提出的指导性意见（由办案人员记录在案）"
    assert entry.article == "《行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究规定》第四条"
    with freeze_time("2026-08-05 09:00"):
        listing = login(people["leader"]).get("/admin/complaints/interference/").content.decode()
    assert "领导干部口头提出的指导性意见（由办案人员记录在案）" in listing and "2026-08-03" in listing


def test_written_guidance_is_recorded_as_written_with_article_4(people):
    with freeze_time("2026-08-04 10:00"):
        r = record(login(people["officer"]), kind="guidance_written", manner="written",
                   content="副局长以书面批示提出“依法从严审查证据”的指导意见，附卷备查。")
        assert r.status_code == 302, r.content.decode()[-1500:]
    entry = InterferenceRecord.objects.get()
    assert (entry.kind_label, entry.get_manner_display()) == ("领导干部书面提出的指导性意见（依程序，应记录）", "书面")
    assert entry.article == "《行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究规定》第四条"
    with freeze_time("2026-10-08 09:00"):
        page = login(people["leader"]).get("/admin/complaints/interference/summary/?year=2026&quarter=3").content.decode()
    assert "领导干部书面提出的指导性意见（依程序，应记录）" in page and "共 1 条" in page


def test_guidance_whose_manner_contradicts_its_kind_is_refused_and_nothing_stored(people):
    """第四条: 书面指导 given 口头, or 口头指导 given 书面, is a contradiction in the entry: refused in Chinese."""
    officer = login(people["officer"])
    with freeze_time("2026-08-04 10:00"):
        r = record(officer, kind="guidance_written", manner="oral", content="副局长口头要求从轻处罚。")
        assert r.status_code == 200
        html = r.content.decode()
        assert "情形为“领导干部书面提出的指导性意见”的，方式应为“书面”（干预插手案件记录规定第四条）" in html
        r = record(officer, kind="guidance_oral", manner="written", content="副局长书面批示从轻处罚。")
        assert r.status_code == 200
        assert "情形为“领导干部口头提出的指导性意见”的，方式不能为“书面”（干预插手案件记录规定第四条）" in r.content.decode()
        assert not InterferenceRecord.objects.exists()
        assert record(officer, kind="guidance_oral", manner="phone", content="副局长来电提出指导意见。").status_code == 302
    assert InterferenceRecord.objects.get().get_manner_display() == "电话"
