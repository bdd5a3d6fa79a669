"""Enshi 003 第二十五条 over HTTP: the supervised agency refuses to cooperate; the officer records it in the matter
(the refusal record of letters.cooperation, driven by Enshi's profile) and it goes to accountability under
第三十二条第一款第（四）项 through accountability.services.case_intake — in the same file, no correction order; a
second refusal in the matter joins the same case; the agency's liaison cannot record one."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Matter, MatterEvent
from letters.models import CooperationRefusal, Letter
from tests.letters.letters_http import login, matter_html, people

pytestmark = pytest.mark.django_db


def test_an_enshi_refusal_goes_to_accountability_under_article_32(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    with freeze_time("2026-10-09 09:00"):
        officer = login(p["officer"])
        assert officer.post("/admin/casework/new/", {
            "agency": p["agency"].pk, "source": "inspection", "title": "2026年行政处罚案卷评查",
            "facts": "评查2026年行政处罚案卷。"}).status_code == 302
        matter = Matter.objects.get(title="2026年行政处罚案卷评查")
        url = f"/admin/letters/matter/{matter.pk}/cooperation/"
        html = matter_html(officer, matter)
        assert "登记不配合监督并转入责任追究" in html
        assert ("对直接负责的主管人员和其他直接责任人员依纪依法处理"
                "（《恩施土家族苗族自治州行政执法监督办法》第三十二条第一款第（四）项）") in html
        form = officer.get(url).content.decode()
        assert "拒绝、阻碍行政执法监督工作（第二十五条第一款）" in form
        assert "责令纠正的要求" not in form and "情节严重" not in form
        denied = login(p["liaison"]).get(url)
        assert denied.status_code == 403 and "只有司法局经办人可以登记不配合监督的情况。" in denied.content.decode()
        r = officer.post(url, {"kind": "obstruct", "occurred_on": "2026-10-09",
                               "facts": "该局以案卷外借为由拒绝提供行政处罚案卷"})
        assert r.status_code == 302 and r["Location"] == f"/admin/casework/{matter.pk}/"
        r = officer.post(url, {"kind": "falsify", "occurred_on": "2026-10-09", "facts": "补交的案卷目录与实际不符"})
        assert r.status_code == 302
    first, second = CooperationRefusal.objects.order_by("pk")
    assert first.article == "《恩施土家族苗族自治州行政执法监督办法》第二十五条第一款"
    assert second.article == "《恩施土家族苗族自治州行政执法监督办法》第三十二条第一款第（四）项"
    case = Case.objects.get()
    assert first.case == case and second.case == case and case.matter_id == matter.pk
    assert case.grounds == ["obstruct"] and case.intake_on == dt.date(2026, 10, 9)
    assert not Letter.objects.exists()
    step = MatterEvent.objects.get(matter=matter, text__contains="转入责任追究程序")
    assert step.text.startswith("恩施州市场监督管理局2026年10月9日拒绝、阻碍行政执法监督工作（《恩施土家族苗族自治州行政执法监督办法》"
                                "第二十五条第一款）：该局以案卷外借为由拒绝提供行政处罚案卷。依《恩施土家族苗族自治州行政执法监督办法》"
                                "第三十二条第一款第（四）项")
    with freeze_time("2026-10-09 10:00"):
        html = matter_html(login(p["officer"]), matter)
    assert "<td>2026-10-09</td><td>弄虚作假（《恩施土家族苗族自治州行政执法监督办法》第三十二条第一款第（四）项）</td>" in html
