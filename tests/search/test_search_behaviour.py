"""The search behaviour both engines must show (issue 5), decision records side: Chinese words inside
longer words, title-first ranking, 发文字号 lookup, filters, facets, permission filtering."""
import datetime as dt

import pytest
from search_helpers import titles  # noqa: I001  (tests/search/search_helpers.py)

from roles.definitions import LIAISON, OFFICER, SUPERVISOR
from search.engines.base import SearchQuery


@pytest.fixture
def officer(make_user):
    return make_user("officer1", OFFICER)


def test_chinese_word_inside_longer_word_is_found(engine, decision, officer):
    decision(title="关于落实行政执法监督员管理办法的监督意见书")
    assert titles(engine, "监督员", scope="decision", user=officer) == ["关于落实行政执法监督员管理办法的监督意见书"]
    assert titles(engine, "管理办法", scope="decision", user=officer)
    assert titles(engine, "督", scope="decision", user=officer)  # one character
    assert titles(engine, "监督局长", scope="decision", user=officer) == []  # 局长 is not there


def test_title_match_ranks_before_body_only_match(engine, decision, officer):
    decision(title="投诉举报处理结果告知", body="投诉涉及行政执法监督员履职，监督员多次反映，监督员意见已采纳。",
             decided_on=dt.date(2026, 6, 1))
    decision(title="监督员履职情况的监督决定书", body="依法作出决定。", decided_on=dt.date(2025, 1, 1))
    assert titles(engine, "监督员", scope="decision", user=officer) == ["监督员履职情况的监督决定书", "投诉举报处理结果告知"]


def test_document_number_finds_that_document_first(engine, decision, officer):
    for i in range(3):
        decision(title=f"关于武隆府办发文件执行情况的意见{i}", body="武隆府办发〔2021〕62号文件执行情况。")
    decision(title="争议协调意见", doc_number="武隆府办发〔2021〕62号", body="协调意见。", process_kind="coordination")
    assert titles(engine, "武隆府办发〔2021〕62号", scope="decision", user=officer)[0] == "争议协调意见"
    # the brackets people actually type
    assert titles(engine, "武隆府办发[2021]62号", scope="decision", user=officer)[0] == "争议协调意见"


def test_filters_and_facets(engine, decision, officer):
    decision(title="监督意见书一", process_kind="letter", agency="甲局", outcome="已整改", decided_on=dt.date(2025, 3, 1))
    decision(title="监督意见书二", process_kind="letter", agency="乙局", outcome="已整改", decided_on=dt.date(2026, 3, 1))
    decision(title="监督意见书三", process_kind="coordination", agency="乙局", outcome="未整改",
             decided_on=dt.date(2026, 4, 1))
    assert sorted(titles(engine, "监督意见", scope="decision", user=officer,
                         filters={"agency": "乙局", "year": 2026})) == ["监督意见书三", "监督意见书二"]
    assert titles(engine, "监督意见", scope="decision", user=officer,
                  filters={"process_kind": "coordination"}) == ["监督意见书三"]
    res = engine.search(SearchQuery(text="监督意见", scope="decision", user=officer,
                                    facets=("process_kind", "agency", "year", "outcome")))
    assert res.total == 3
    assert dict(res.facets["agency"]) == {"甲局": 1, "乙局": 2}
    assert dict(res.facets["year"]) == {2025: 1, 2026: 2}
    assert dict(res.facets["process_kind"]) == {"letter": 2, "coordination": 1}


def test_staff_see_only_records_their_role_may_open(engine, decision, make_user):
    """decisions.selectors.visible_records: officer all; liaison own agency, never confidential (001 第十四条);
    supervisor only records about themself."""
    from casework.models import Agency
    from roles.models import StaffProfile

    liaison = make_user("liaison1", LIAISON)
    StaffProfile.objects.update_or_create(user=liaison, defaults={"jurisdiction": "wanzhou", "agency": Agency.objects.get_or_create(
        jurisdiction="wanzhou", name="甲局")[0]})
    supervisor = make_user("sup1", SUPERVISOR)
    officer = make_user("officer2", OFFICER)
    decision(title="线索核查意见甲", agency="甲局")
    decision(title="线索核查意见甲保密", agency="甲局", confidential=True)
    decision(title="线索核查意见乙", agency="乙局")
    decision(title="线索核查意见本人", agency="乙局", party_user=supervisor)
    assert sorted(titles(engine, "核查", scope="decision", user=officer)) == sorted(
        ["线索核查意见甲", "线索核查意见甲保密", "线索核查意见乙", "线索核查意见本人"])
    assert titles(engine, "核查", scope="decision", user=liaison) == ["线索核查意见甲"]
    assert titles(engine, "保密", scope="decision", user=liaison) == []
    assert titles(engine, "核查", scope="decision", user=supervisor) == ["线索核查意见本人"]
    assert engine.search(SearchQuery(text="", scope="decision", user=liaison)).total == 1


def test_changed_and_deleted_records_follow_in_the_index(engine, decision, officer,
                                                          django_capture_on_commit_callbacks):
    rec = decision(title="原标题协调意见")
    with django_capture_on_commit_callbacks(execute=True):
        rec.title = "更正后的协调意见"
        rec.save()
    assert titles(engine, "更正", scope="decision", user=officer) == ["更正后的协调意见"]
    assert titles(engine, "原标题", scope="decision", user=officer) == []
    with django_capture_on_commit_callbacks(execute=True):
        rec.delete()
    assert titles(engine, "协调意见", scope="decision", user=officer) == []


def test_totals_are_exact_and_equal_scores_page_newest_first(engine, decision, officer):
    for i in range(5):
        decision(title=f"监督意见书{i}", decided_on=dt.date(2026, 1, i + 1))
    res = engine.search(SearchQuery(text="监督意见书", scope="decision", user=officer, per_page=2))
    assert not res.more and res.total == 5
    assert [h.title for h in res.hits] == ["监督意见书4", "监督意见书3"]  # equal scores: newest first
    res = engine.search(SearchQuery(text="监督意见书", scope="decision", user=officer, per_page=2, page=3))
    assert [h.title for h in res.hits] == ["监督意见书0"]
