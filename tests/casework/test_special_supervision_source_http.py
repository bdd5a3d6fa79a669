"""专项行政执法监督 (恩施办法 第二十一条): a matter opened from an NPC deputy's suggestion, a CPPCC proposal, a
judicial or 监察 suggestion, a matter assigned from above or a hot issue names its source and the source
document's reference; the file shows both with the article. Bad input stores nothing."""
import pytest
from freezegun import freeze_time

from casework.models import Matter
from tests.letters.letters_http import login, matter_html, people


def open_matter(officer, code, data):
    query = f"?jurisdiction={code}" if code else ""  # without it the form offers every jurisdiction's sources
    return login(officer).post(f"/admin/casework/new/{query}", {
        "title": "城区占道经营整治执法情况", "facts": "人大代表建议反映城区占道经营执法不规范。", **data})


@pytest.mark.django_db
def test_a_special_supervision_matter_records_its_source_and_reference(make_user):
    p = people(make_user, "enshi", "恩施市城市管理执法局")
    with freeze_time("2026-11-10 02:00"):
        form = login(p["officer"]).get("/admin/casework/new/?jurisdiction=enshi").content.decode()
        assert "人大代表建议（《恩施土家族苗族自治州行政执法监督办法》第二十一条）" in form
        response = open_matter(p["officer"], "enshi", {
            "agency": p["agency"].pk, "source": "special", "special_kind": "npc_suggestion",
            "source_reference": "州人大十届五次会议第0123号建议"})
        assert response.status_code == 302
    matter = Matter.objects.get(title="城区占道经营整治执法情况")
    assert (matter.special_kind, matter.source_reference) == ("npc_suggestion", "州人大十届五次会议第0123号建议")
    html = matter_html(login(p["officer"]), matter)
    assert ("来源</strong>：专项行政执法监督（人大代表建议，州人大十届五次会议第0123号建议；"
            "《恩施土家族苗族自治州行政执法监督办法》第二十一条）") in html


@pytest.mark.django_db
def test_a_special_matter_without_its_source_or_reference_is_refused_in_chinese(make_user):
    p = people(make_user, "enshi", "恩施市城市管理执法局")
    with freeze_time("2026-11-10 02:00"):
        html = open_matter(p["officer"], "enshi", {"agency": p["agency"].pk, "source": "special",
                                                   "special_kind": "", "source_reference": "交办函"}).content.decode()
        assert "请选择专项行政执法监督的来源（《恩施土家族苗族自治州行政执法监督办法》第二十一条：人大代表建议、" in html
        html = open_matter(p["officer"], "enshi", {"agency": p["agency"].pk, "source": "special",
                                                   "special_kind": "assigned", "source_reference": "  "}).content.decode()
        assert "专项行政执法监督请填写来源文件的文号或编号" in html
    assert not Matter.objects.filter(title="城区占道经营整治执法情况").exists()


@pytest.mark.django_db
def test_where_the_rules_list_no_sources_only_the_reference_is_asked(make_user):
    p = people(make_user, "wulong", "武隆区城市管理局")
    with freeze_time("2026-11-10 02:00"):
        html = open_matter(p["officer"], "", {"agency": p["agency"].pk, "source": "special",
                                              "special_kind": "npc_suggestion",
                                              "source_reference": "区人大第8号建议"}).content.decode()
        assert "的规则未列举专项行政执法监督的来源类别" in html
        assert open_matter(p["officer"], "wulong", {"agency": p["agency"].pk, "source": "special",
                                                    "source_reference": "区人大第8号建议"}).status_code == 302
    matter = Matter.objects.get(title="城区占道经营整治执法情况")
    assert matter.source_text == "专项行政执法监督（区人大第8号建议）"
