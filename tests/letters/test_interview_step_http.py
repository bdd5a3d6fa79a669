"""约谈 as its own step (003 第二十九条第二款): from any Enshi matter, not only at the end of a letter; the record
says who, when, what was said and what the agency undertook; refused where the profile has no such rule."""
import datetime as dt

import pytest
from freezegun import freeze_time

from casework.models import Document, Matter, MatterEvent
from decisions.models import DecisionRecord
from letters.models import Interview
from tests.letters.letters_http import login, matter_html, people

ARTICLE = "《恩施土家族苗族自治州行政执法监督办法》第二十九条第二款"
FORM = {"basis": "prominent", "held_on": "2026-11-05", "place": "州司法局三楼会议室",
        "interviewers": "州司法局副局长赵负责、科长张经办", "interviewees": "局长王大明",
        "reason": "连续三个月未办结群众投诉，引发媒体集中报道，造成重大影响。",
        "said": "指出投诉积压、执法程序不规范等问题，要求立即整改。",
        "undertaking": "十五日内办结全部积压投诉件，并书面报告整改情况。"}


def open_matter(officer, agency, title="食品安全投诉积压问题") -> Matter:
    response = login(officer).post("/admin/casework/new/", {
        "agency": agency.pk, "source": "inspection", "title": title, "facts": "检查发现投诉积压。"})
    assert response.status_code == 302, response.content.decode()
    return Matter.objects.get(title=title)


@pytest.mark.django_db
def test_interview_from_any_enshi_matter_with_its_record(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    with freeze_time("2026-11-02 09:00"):
        matter = open_matter(p["officer"], p["agency"])
    with freeze_time("2026-11-06 10:00"):
        leader = login(p["leader"])
        html = matter_html(leader, matter)
        assert "本事项尚未约谈。" in html and "第二十九条第二款" in html
        assert f"/admin/letters/matter/{matter.pk}/interview/" in html
        # an officer may not decide a 约谈
        response = login(p["officer"]).get(f"/admin/letters/matter/{matter.pk}/interview/")
        assert response.status_code == 403 and "只有司法局负责人可以决定约谈。" in response.content.decode()

        url = f"/admin/letters/matter/{matter.pk}/interview/"
        form = {**FORM, "agency": p["agency"].pk}
        response = leader.post(url, {**form, "undertaking": ""})
        assert response.status_code == 200 and "请填写被监督机关的承诺。" in response.content.decode()
        response = leader.post(url, {**form, "held_on": "2026-11-07"})
        assert "约谈记录应在约谈后登记，约谈日期不能晚于今天。" in response.content.decode()
        response = leader.post(url, {**form, "held_on": "2026-10-30"})
        assert "约谈日期不能早于立案日期（2026-11-02）。" in response.content.decode()
        assert not Interview.objects.exists() and not Document.objects.filter(matter=matter).exists()

        response = leader.post(url, form)
        assert response.status_code == 302 and response["Location"] == f"/admin/casework/{matter.pk}/"

    interview = Interview.objects.get(matter=matter)
    assert (interview.agency, interview.held_on, interview.interviewees, interview.article, interview.recorded_by) == (
        p["agency"], dt.date(2026, 11, 5), "局长王大明", ARTICLE, p["leader"])
    assert interview.undertaking == "十五日内办结全部积压投诉件，并书面报告整改情况。"
    doc = interview.document
    assert (doc.kind, doc.doc_number, doc.addressee) == ("interview_record", "恩施监谈〔2026〕1号", "恩施州市场监督管理局")
    rec = DecisionRecord.objects.get(subject_id=str(matter.pk), process_kind="interview")
    assert (rec.outcome, rec.article, rec.decided_on, rec.doc_number) == (
        "约谈被监督机关负责人", ARTICLE, dt.date(2026, 11, 5), "恩施监谈〔2026〕1号")
    assert "2026年11月5日，本机关在州司法局三楼会议室对恩施州市场监督管理局负责人局长王大明进行约谈。" in rec.body
    assert "恩施州市场监督管理局承诺：十五日内办结全部积压投诉件，并书面报告整改情况。" in rec.body
    assert MatterEvent.objects.filter(matter=matter, text=(
        f"2026-11-05约谈恩施州市场监督管理局负责人局长王大明（{ARTICLE}），制发《约谈记录》恩施监谈〔2026〕1号。")).exists()
    with freeze_time("2026-11-06 11:00"):
        html = matter_html(login(p["leader"]), matter)
    assert "局长王大明" in html and "十五日内办结全部积压投诉件" in html and "恩施监谈〔2026〕1号" in html


@pytest.mark.django_db
def test_no_interview_where_the_profile_has_no_such_rule(make_user):
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    with freeze_time("2026-11-02 09:00"):
        matter = open_matter(p["officer"], p["agency"], title="武隆检查事项")
        html = matter_html(login(p["leader"]), matter)
        assert "约谈被监督机关负责人" not in html
        response = login(p["leader"]).post(f"/admin/letters/matter/{matter.pk}/interview/",
                                           {**FORM, "agency": p["agency"].pk, "held_on": "2026-11-02"})
        assert response.status_code == 403 and "的规则中没有约谈被监督机关负责人的规定。" in response.content.decode()
    assert not Interview.objects.exists()
