"""The letter figures read the seeds right: Enshi's rectification period restarts from the review answer
(003 第二十七条第二款, 分别自收到…复查答复之日起), Wulong's review does not suspend it (004 监督意见书制度 第九条)."""
import pytest

from rules.profiles import get_profile


@pytest.mark.django_db
def test_enshi_rectification_restarts_after_review_003_art27_not_a_suspension():
    enshi = get_profile("enshi")
    assert not enshi.has("letter_suspended_during_review")
    flag = enshi.figure("letter_rectify_restarts_after_review")
    assert flag.value == {"on": True} and flag.citation.code == "003 第二十七条第二款"
    assert enshi.flag("letter_objection_upheld_ends")
    assert (enshi.period("letter_objection_period").n, enshi.period("letter_review_answer_period").n,
            enshi.period("letter_rectify_period").n, enshi.period("decision_report_period").n) == (10, 15, 30, 30)
    assert enshi.value("overdue_document")["kind"] == "supervision_decision"
    assert [c["code"] for c in enshi.choices("final_measures")] == ["interview_record", "referral"]


@pytest.mark.django_db
def test_wulong_review_does_not_suspend_004_art9():
    wulong = get_profile("wulong")
    figure = wulong.figure("letter_suspended_during_review")
    assert figure.value == {"on": False} and figure.citation.article == "第九条"
    assert not wulong.flag("letter_rectify_restarts_after_review")
    assert wulong.period("letter_rectify_period").text == "20个工作日"
    assert len(wulong.choices("letter_grounds")) == 10  # 第七条 (一)—(十)
    assert wulong.value("overdue_document")["kind"] == "correction_order"
    assert not wulong.period("decision_report_period").specified  # 第十条 sets no figure: platform default
