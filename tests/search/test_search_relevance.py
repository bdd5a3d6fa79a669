"""Search that answers what people type (issue 15): questions find their regulation, synonyms staff keep
in the admin find the word notices use, 发文字号 typed with any brackets or digits, one character finds
the words containing it, stop words alone get a clear message, nothing found gets suggestions; ranking
by BM25 with title weight, recency only breaking ties. Titles asserted literally, in order."""
import datetime as dt

import pytest
from search_helpers import titles  # noqa: I001  (tests/search/search_helpers.py)

from roles.definitions import EDITOR, OFFICER
from search.engines.base import SearchQuery
from search.models import SearchSynonym


@pytest.fixture
def notice(site_tree, django_capture_on_commit_callbacks):
    from public_notices.services import notice_publish

    def publish(title, body="现予公告。", kind="notification", jurisdiction="wulong", **kw):
        with django_capture_on_commit_callbacks(execute=True):
            return notice_publish(kind=kind, jurisdiction=jurisdiction, title=title, body=body, **kw)

    return publish


@pytest.fixture
def regulations(notice):
    notice("武隆区行政执法投诉举报处理办法", kind="regulation", written_on=dt.date(2022, 3, 1),
           body="公民认为行政执法人员的执法行为违法的，可以向区司法局投诉。司法局自收到投诉之日起五个工作日内决定是否受理。")
    notice("武隆区领导干部干预行政执法活动记录规定", kind="regulation", written_on=dt.date(2022, 6, 20),
           body="领导干部干预行政执法活动、插手具体案件处理的，执法人员应当全面如实记录，做到全程留痕。")
    notice("武隆区行政执法辅助人员管理办法", kind="regulation", written_on=dt.date(2023, 7, 12),
           body="辅助人员协助行政执法人员开展工作，不得独立从事行政执法活动。")
    notice("武隆区行政执法投诉电话公布", written_on=dt.date(2026, 1, 5),
           body="为方便群众投诉行政执法中的违法行为，现公布投诉电话和信箱。")
    notice("武隆区行政执法人员培训班开班", written_on=dt.date(2026, 5, 9),
           body="培训内容包括全过程记录、法制审核和执法文书制作。")


# ---- questions: particles never block a match ---------------------------------------------------
def test_a_question_finds_its_regulation(engine, regulations):
    assert titles(engine, "如何投诉行政执法人员") == ["武隆区行政执法投诉举报处理办法", "武隆区行政执法投诉电话公布"]
    assert titles(engine, "领导过问案件要记录吗") == ["武隆区领导干部干预行政执法活动记录规定"]
    assert titles(engine, "辅助人员能不能独立执法") == ["武隆区行政执法辅助人员管理办法"]
    # the old rule (every bigram of the query in the document) found nothing for these


def test_most_words_must_match_not_every_word(engine, regulations):
    # two words: both needed (局长 is nowhere); a question of four words: three are enough
    assert titles(engine, "投诉 局长") == []
    assert titles(engine, "投诉处理要多久受理") == ["武隆区行政执法投诉举报处理办法"]


# ---- synonyms kept by staff in the admin ----------------------------------------------------------
def test_editor_adds_a_synonym_in_the_admin_and_search_finds_the_word_notices_use(client, make_user, engine,
                                                                                  regulations, notice):
    notice("城市管理协管员岗前培训通知", written_on=dt.date(2026, 6, 1), body="协管员须参加岗前培训。")
    assert titles(engine, "执法协管员") == ["城市管理协管员岗前培训通知"]
    client.force_login(make_user("editor7", EDITOR))
    r = client.post("/admin/search_synonyms/new/", {"word": "协管员", "synonyms": "辅助人员、协勤人员", "note": ""})
    assert r.status_code == 302
    rule = SearchSynonym.objects.get()
    assert (rule.word, rule.synonyms, rule.two_way) == ("协管员", "辅助人员、协勤人员", False)
    assert "协管员 → 辅助人员、协勤人员" in client.get("/admin/search_synonyms/").content.decode()
    # the word typed ranks above its synonym
    assert titles(engine, "协管员") == ["城市管理协管员岗前培训通知", "武隆区行政执法辅助人员管理办法"]
    assert titles(engine, "执法协管员") == ["城市管理协管员岗前培训通知", "武隆区行政执法辅助人员管理办法"]
    # one way: the word notices use does not expand back
    assert titles(engine, "辅助人员") == ["武隆区行政执法辅助人员管理办法"]


def test_two_way_synonyms_and_a_bad_rule_is_refused(client, make_user, engine, regulations):
    client.force_login(make_user("officer7", OFFICER))
    assert client.post("/admin/search_synonyms/new/", {"word": "举报", "synonyms": "投诉", "two_way": "on"}
                       ).status_code == 302
    assert titles(engine, "举报电话") == ["武隆区行政执法投诉电话公布"]
    bad = client.post("/admin/search_synonyms/new/", {"word": "聘期", "synonyms": "聘期"})
    assert "请至少填写一个与该词语不同的同义词" in bad.content.decode()
    assert SearchSynonym.objects.count() == 1


def test_synonyms_admin_is_for_editors_and_officers_only(client, make_user):
    from roles.definitions import SUPERVISOR

    client.force_login(make_user("sup7", SUPERVISOR))
    assert client.get("/admin/search_synonyms/").status_code in (302, 403)


def test_demo_default_synonyms_load_once(db):
    from search.synonyms import load_defaults

    assert load_defaults() == 20
    assert load_defaults() == 0
    assert str(SearchSynonym.objects.get(word="举报")) == "举报 ↔ 投诉"


# ---- 发文字号 however typed ----------------------------------------------------------------------
def test_document_number_typed_with_ascii_or_full_width_brackets_and_digits(engine, notice):
    notice("关于转发威海市监督员聘任规定的通知", jurisdiction="weihai", body="现将威司发〔2024〕8号转发给你们。")
    notice("威海市行政执法监督员聘任和解聘规定", kind="regulation", jurisdiction="weihai",
           doc_number="威司发〔2024〕8号", body="监督员聘期两年。")
    notice("威海市行政执法公示制度", kind="regulation", jurisdiction="weihai", doc_number="威司发〔2024〕9号")
    expected = ["威海市行政执法监督员聘任和解聘规定", "关于转发威海市监督员聘任规定的通知"]
    assert titles(engine, "威司发(2024)8号") == expected
    assert titles(engine, "威司发[2024]8号") == expected
    assert titles(engine, "威司发［２０２４］８号") == expected
    assert titles(engine, "威司发〔2024〕8号") == expected


# ---- one character ---------------------------------------------------------------------------
def test_a_single_character_finds_the_words_containing_it(engine, notice):
    notice("行政执法监督员管理办法", kind="regulation", written_on=dt.date(2021, 1, 1))
    notice("关于开展执法督察的通知", written_on=dt.date(2026, 1, 1))
    notice("基层治理典型案例", kind="typical_case", written_on=dt.date(2026, 2, 1))
    # in the title first; the third holds 督 only in its metadata (主题分类 …/行政执法监督)
    assert titles(engine, "督") == ["关于开展执法督察的通知", "行政执法监督员管理办法", "基层治理典型案例"]


# ---- stop words alone, nothing found ----------------------------------------------------------
def test_stop_words_alone_get_a_clear_message(client, regulations, settings):
    settings.ELASTICSEARCH_URL = ""
    html = client.get("/search/", {"q": "怎么办吗"}).content.decode()
    assert "“怎么办吗”只含有“怎么办”“吗”等提问用语，没有可以检索的关键词。" in html
    assert '<ol class="search-results"' not in html
    data = client.get("/api/search/", {"q": "什么时候"}).json()
    assert data["results"] == [] and data["message"].startswith("“什么时候”只含有“什么时候”等提问用语")


def test_nothing_found_suggests_closest_titles_and_shorter_queries(client, regulations, settings):
    settings.ELASTICSEARCH_URL = ""
    html = client.get("/search/", {"q": "投诉 考勤"}).content.decode()
    assert "没有找到与“投诉 考勤”相关的公开信息。" in html
    suggestions = html[html.index("您是不是要找"):]
    assert "武隆区行政执法投诉举报处理办法" in suggestions and "武隆区行政执法投诉电话公布" in suggestions
    assert '也可以试试更短的关键词：<a href="?q=%E6%8A%95%E8%AF%89">投诉</a>' in html
    data = client.get("/api/search/", {"q": "投诉 考勤"}).json()
    assert data["results"] == [] and data["broader"] == ["投诉"]
    assert [s["title"] for s in data["suggestions"]] == ["武隆区行政执法投诉电话公布", "武隆区行政执法投诉举报处理办法"]
    # something the site does not hold: nothing, and no noise
    none = client.get("/search/", {"q": "量子计算 人才补贴"}).content.decode()
    assert "没有找到与“量子计算 人才补贴”相关的公开信息。" in none and "您是不是要找" not in none


# ---- ranking ----------------------------------------------------------------------------------
def test_a_regulations_subject_finds_the_regulation_before_newer_notices(engine, notice):
    notice("威海市行政执法争议协调办法", kind="regulation", jurisdiction="weihai", written_on=dt.date(2021, 9, 15),
           body="执法机关之间因职责发生争议的，由市司法局负责争议协调。争议协调自受理之日起三十日内办结。")
    notice("威海市扬尘治理执法职责争议协调典型案例", kind="typical_case", jurisdiction="weihai",
           written_on=dt.date(2026, 5, 28), body="城市管理局与生态环境局对扬尘查处职责存在争议，经协调明确分工。")
    notice("威海市行政执法人员培训班的通知", jurisdiction="weihai", written_on=dt.date(2026, 6, 1),
           body="培训内容包括执法程序、争议协调、错案追究和执法文书制作。")
    assert titles(engine, "争议协调") == ["威海市行政执法争议协调办法", "威海市扬尘治理执法职责争议协调典型案例",
                                     "威海市行政执法人员培训班的通知"]
    assert titles(engine, "错案追究") == ["威海市行政执法人员培训班的通知"]


def test_decision_search_gets_the_same_treatment(engine, decision, make_user):
    officer = make_user("officer8", OFFICER)
    SearchSynonym.objects.create(word="举报", synonyms="投诉", two_way=True)
    decision(title="关于群众投诉武隆区交通运输局执法程序问题的处理结果", process_kind="complaint",
             agency="武隆区交通运输局", body="经调查，投诉反映的执法文书送达不规范问题属实，已责成整改。")
    decision(title="武隆区交通运输局执法检查监督意见书", agency="武隆区交通运输局", body="建议规范检查程序。")
    assert titles(engine, "举报交通运输局执法程序怎么处理", scope="decision", user=officer) == [
        "关于群众投诉武隆区交通运输局执法程序问题的处理结果"]
    res = engine.search(SearchQuery(text="是不是", scope="decision", user=officer))
    assert res.hits == [] and "没有可以检索的关键词" in res.message
