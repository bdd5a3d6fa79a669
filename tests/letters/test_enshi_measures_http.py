"""Supervision measures (《恩施土家族苗族自治州行政执法监督办法》第二十三条) over HTTP, the clock frozen: the officer
records a measure taken in a matter (询问, with its date, staff, the person questioned and what was found); the matter
screen lists it with its article; bad input is refused in Chinese with nothing written; an agency's liaison cannot
record one; a jurisdiction whose rules list no measures refuses in Chinese."""
import pytest
from freezegun import freeze_time

from casework.models import Agency, MatterEvent
from letters.models import SupervisionMeasure
from tests.letters.letters_http import login, matter_html, people
from tests.letters.test_interview_step_http import open_matter

ARTICLE = "《恩施土家族苗族自治州行政执法监督办法》第二十三条第（五）项"
GOOD = {"kind": "inquiry", "taken_on": "2026-04-09", "staff": "张经办、向红（监督证号 恩监2026001、恩监2026002）",
        "subjects": "执法大队队长谭林", "content": "谭林承认2026年1月的三份处罚决定未经法制审核即送达。"}


@pytest.mark.django_db
def test_the_officer_records_a_measure_and_the_file_lists_it(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    with freeze_time("2026-04-08 09:00") as frozen:
        matter = open_matter(p["officer"], p["agency"], title="处罚决定未经法制审核")
        off = login(p["officer"])
        html = matter_html(off, matter)
        assert "监督措施" in html and f"/admin/letters/matter/{matter.pk}/measures/" in html
        frozen.move_to("2026-04-10 15:00")
        url = f"/admin/letters/matter/{matter.pk}/measures/"
        form = off.get(url).content.decode()
        for item in ("听取被监督机关有关行政执法情况的说明（第二十三条第（一）项）",
                     "查阅、复制、调取行政执法案卷以及其他有关材料（第二十三条第（二）项）",
                     "委托符合法定条件的社会组织鉴定、评估、检测、勘验（第二十三条第（四）项）",
                     "询问被监督机关有关工作人员、行政相对人和其他有关人员（第二十三条第（五）项）",
                     "组织召开座谈会、论证会（第二十三条第（六）项）"):
            assert item in form
        events = MatterEvent.objects.filter(matter=matter).count()
        for data, message in (({**GOOD, "content": ""}, "请写明采取措施的情况和查明的事实。"),
                              ({**GOOD, "taken_on": "2026-04-11"}, "采取措施的日期不能晚于今天。"),
                              ({**GOOD, "taken_on": "2026-04-07"}, "采取措施的日期不能早于立案日期（2026-04-08）。"),
                              ({**GOOD, "kind": ""}, "请选择采取的监督措施（《恩施土家族苗族自治州行政执法监督办法》第二十三条）。")):
            refused = off.post(url, data)
            assert refused.status_code == 200 and message in refused.content.decode()
        assert not SupervisionMeasure.objects.exists()
        assert MatterEvent.objects.filter(matter=matter).count() == events
        ok = off.post(url, GOOD)
        assert ok.status_code == 302 and ok["Location"] == f"/admin/casework/{matter.pk}/"

    with freeze_time("2026-04-10 16:00"):
        measure = SupervisionMeasure.objects.get()
        assert (measure.article, measure.taken_on.isoformat(), measure.recorded_by) == (ARTICLE, "2026-04-09", p["officer"])
        html = matter_html(off, matter)
        assert f"<td>2026-04-09</td><td>询问被监督机关有关工作人员、行政相对人和其他有关人员（{ARTICLE}）</td>" in html
        assert "执法大队队长谭林" in html and "未经法制审核即送达" in html
        assert "采取监督措施：询问被监督机关有关工作人员、行政相对人和其他有关人员（第二十三条第（五）项），2026-04-09" in html

        # the agency's liaison may not record one
        response = login(p["liaison"]).post(url, GOOD)
        assert response.status_code == 403 and "只有司法局经办人可以登记监督措施。" in response.content.decode()
        assert SupervisionMeasure.objects.count() == 1


@pytest.mark.django_db
def test_no_measures_where_the_rules_list_none(make_user):
    p = people(make_user, "wanzhou", "万州区市场监督管理局")
    with freeze_time("2026-04-08 09:00"):
        matter = open_matter(p["officer"], p["agency"], title="万州检查事项")
        off = login(p["officer"])
        assert f"/admin/letters/matter/{matter.pk}/measures/" not in matter_html(off, matter)
        response = off.post(f"/admin/letters/matter/{matter.pk}/measures/", GOOD)
        assert response.status_code == 403 and "的规则中没有列举行政执法监督措施。" in response.content.decode()
    assert not SupervisionMeasure.objects.exists()
    assert Agency.objects.filter(jurisdiction="wanzhou").exists()
