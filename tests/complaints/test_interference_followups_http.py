"""Interference follow-ups over HTTP (004 干预插手案件记录规定): a failure to record or an untruthful record is
itself recorded and counted — the first time 警告、通报批评, the second the disciplinary sanction, a leader
who instructed it held more strictly (第十条); 通报 only after approval under personnel authority, public
where necessary (第八条); the interferer's and a retaliator's handling recorded (第九条)."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from complaints.models import InterferenceAction, InterferenceLapse, InterferenceRecord
from decisions.models import DecisionRecord
from tests.complaints.helpers import login
from tests.complaints.test_interference import record

pytestmark = pytest.mark.django_db

LAPSE = {"officer_name": "周办案", "kind": "not_recorded", "case_ref": "武隆市监罚〔2026〕90号",
         "facts": "副局长来电说情，办案人员未记录。"}


def test_lapses_counted_second_time_sanction_and_instigating_leader(people):
    off = login(people["officer"])
    agency = people["agency"]
    with freeze_time("2026-08-10 10:00"):
        page = off.get("/admin/complaints/interference/lapses/new/").content.decode()
        assert "予以警告、通报批评" in page and "2次以上" in page and "从严追究授意领导干部责任" in page
        r = off.post("/admin/complaints/interference/lapses/new/", {**LAPSE, "agency": agency.pk,
                                                                    "found_on": "2026-08-10"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        first = InterferenceLapse.objects.get()
        assert (first.count, first.measure) == (1, "予以警告、通报批评")
        assert first.article == "《行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究规定》第十条"
    with freeze_time("2026-09-15 10:00"):
        r = off.post("/admin/complaints/interference/lapses/new/", {
            **LAPSE, "agency": agency.pk, "kind": "untruthful", "found_on": "2026-09-15",
            "case_ref": "武隆市监罚〔2026〕101号", "facts": "记录隐去了说情人姓名。",
            "instigator_name": "吴某", "instigator_post": "区市场监管局副局长"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        second = InterferenceLapse.objects.get(count=2)
        assert second.measure == "依照《中国共产党纪律处分条例》《行政机关公务员处分条例》等规定给予处分"
        assert second.instigator_measure == "从严追究授意领导干部责任"
        future = off.post("/admin/complaints/interference/lapses/new/", {**LAPSE, "agency": agency.pk,
                                                                         "found_on": "2026-09-16"})
        assert "请填写认定日期（不晚于今天）" in future.content.decode()
        assert InterferenceLapse.objects.count() == 2
        page = off.get("/admin/complaints/interference/lapses/").content.decode()
        assert "第2次" in page and "区市场监管局副局长吴某：从严追究授意领导干部责任" in page
        record_ = DecisionRecord.objects.get(process_kind="accountability", decided_on=dt.date(2026, 9, 15))
        assert record_.agency == "武隆区市场监督管理局" and "给予处分" in record_.outcome
    # a liaison (records interference, does not judge lapses) is refused
    assert login(people["liaison"]).get("/admin/complaints/interference/lapses/").status_code in (302, 403)


def test_notice_only_after_approval_and_handling_of_interferer_and_retaliation(people, site_tree, client):
    off = login(people["officer"])
    with freeze_time("2026-08-03 16:00"):
        assert record(off).status_code == 302
    rec = InterferenceRecord.objects.get()
    url = f"/admin/complaints/interference/{rec.pk}/followups/"
    with freeze_time("2026-08-20 10:00"):
        page = off.get(url).content.decode()
        assert "按人事管理权限并报经批准后予以通报，必要时可以向社会公开" in page and "第八条" in page
        early = off.post(url, {"action": "notice", "notice-authority": "区委组织部", "notice-approved_on": "2026-08-18",
                               "notice-decided_on": "2026-08-17", "notice-scope": "全区执法机关",
                               "notice-content": "某副局长为当事人说情。"})
        assert "通报日期不能早于批准日期（2026-08-18）" in early.content.decode()
        none = off.post(url, {"action": "notice", "notice-authority": "", "notice-approved_on": "2026-08-18",
                              "notice-decided_on": "2026-08-19", "notice-scope": "全区", "notice-content": "x"})
        assert "请填写按人事管理权限批准通报的机关" in none.content.decode()
        assert not InterferenceAction.objects.exists()
        phone = off.post(url, {"action": "notice", "notice-authority": "区委组织部", "notice-approved_on": "2026-08-18",
                               "notice-decided_on": "2026-08-19", "notice-scope": "全区行政执法机关",
                               "notice-published": "on", "notice-content": "当事人电话13812345678。"})
        assert "通报内容中含有手机号码，向社会公开的通报不得包含" in phone.content.decode()
        assert not InterferenceAction.objects.exists()
        # a refusal inside the service must not pass for success: the POST lands back on this record
        done = off.post(url, {"action": "notice", "notice-authority": "区委组织部", "notice-approved_on": "2026-08-18",
                              "notice-decided_on": "2026-08-19", "notice-scope": "全区行政执法机关",
                              "notice-published": "on", "notice-content": "某副局长为当事人说情。"}, follow=True)
        assert done.redirect_chain == [(url, 302)]
        assert "已登记通报（2026-08-19）。" in done.content.decode()
        inside = off.post(url, {"action": "notice", "notice-authority": "区委组织部", "notice-approved_on": "2026-08-18",
                                "notice-decided_on": "2026-08-20", "notice-scope": "区市场监管局内部",
                                "notice-content": "再次内部通报。"}, follow=True)
        assert "已登记通报（2026-08-20）。" in inside.content.decode()
        assert InterferenceAction.objects.get(scope="区市场监管局内部").public_page is None  # not marked public
        assert off.post(url, {"action": "handling", "handling-kind": "discipline", "handling-person_name": "某副局长",
                              "handling-authority": "区纪委监委", "handling-decided_on": "2026-08-20",
                              "handling-content": "给予党内警告处分。"}).status_code == 302
        assert off.post(url, {"action": "handling", "handling-kind": "retaliation_discipline",
                              "handling-person_name": "郑科长", "handling-authority": "区市场监管局",
                              "handling-decided_on": "2026-08-20",
                              "handling-content": "对如实记录的办案人员调岗报复，给予警告处分。"}).status_code == 302
        page = off.get(url).content.decode()
        assert "区委组织部（2026-08-18批准）" in page and "（已向社会公开：<a href=\"/" in page
        assert "干预办案构成违纪，依规给予处分" in page and "第九条第一款" in page
        assert "对如实记录的办案人员打击报复，依规给予处分" in page and "第九条第二款" in page
    notice = DecisionRecord.objects.get(process_kind="notification", decided_on=dt.date(2026, 8, 19))
    assert notice.decided_on == dt.date(2026, 8, 19) and notice.outcome == "通报，并向社会公开"
    # 第八条 必要时可以向社会公开: the 通报 is on the jurisdiction's public site, linked from the record
    public = InterferenceAction.objects.get(action="notice", published=True).public_page.specific
    assert public.title == "关于区某局副局长某副局长违反规定干预、插手案件办理的通报"
    assert public.url.startswith("/") and "/tongbao/" in public.url
    html = client.get(public.url).content.decode()
    assert "某副局长为当事人说情。" in html and "13812345678" not in html and "2026年8月19日" in html
    assert ("经区委组织部于2026年8月18日按人事管理权限批准，依据《行政执法机关内部人员干预、插手案件办理的记录、通报和"
            "责任追究规定》第八条，对区某局副局长某副局长违反规定干预办案（本人或授意他人为当事人请托、说情）予以通报，"
            "并向社会公开。") in html
    with freeze_time("2026-08-20 11:00"):
        assert public.title in off.get(url).content.decode()
    assert DecisionRecord.objects.filter(process_kind="accountability").count() == 2
    with pytest.raises(ValidationError):
        InterferenceAction.objects.first().delete()
