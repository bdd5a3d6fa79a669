"""Opinions and leads: 001 第十二条 (answer within 30 days, on a clock), 001 第十四条 (confidentiality),
000 第十六条 / 002 第十四条 (forward and feed back), decision record for the outcome."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from activities.opinions import opinion_answer, opinion_decide, opinion_forward, opinion_submit
from clocks.models import MET, RUNNING
from clocks.services import clocks_for
from decisions.models import DecisionRecord
from decisions.selectors import visible_records
from roles.definitions import LEADER
from tests.activities.agencies import addressable

TODAY = dt.date(2026, 12, 15)


@pytest.fixture(autouse=True)
def _clock():
    """Activity dates and answer deadlines are checked against today: the clock is frozen, never the real date."""
    with freeze_time("2026-12-15 10:00:00+08:00", tick=True):
        yield


pytestmark = pytest.mark.django_db
AGENCY = "市城市管理局"


def submit(sup, confidential=False, kind="lead", agency=AGENCY):
    return opinion_submit(
        by=sup.user,
        kind=kind,
        agency=addressable(agency, sup.jurisdiction),
        title="夜间渣土车执法不规范",
        body="多次发现执法人员未出示执法证件即开展检查。",
        confidential=confidential,
    )


def test_weihai_forward_starts_the_30_day_answer_clock(make_supervisor, officer):
    sup = make_supervisor("weihai", login=True)
    opinion, clock = opinion_forward(
        opinion=submit(sup, confidential=True), by=officer, forwarded_on=dt.date(2026, 3, 2)
    )
    assert opinion.status == "forwarded"
    assert clock.rule_key == "opinion_answer_period" and clock.n == 30 and clock.unit == "calendar_days"
    assert clock.due_on == dt.date(2026, 4, 1)  # 30 days after 3-02 (the day itself not counted)
    assert str(clock.citation) == "《威海市行政执法社会监督员管理办法》第十二条"
    assert clock.status == RUNNING


def test_wanzhou_and_wuhan_offer_no_confidentiality_and_no_30_day_clock(make_supervisor, officer):
    for code in ("wanzhou", "wuhan"):
        sup = make_supervisor(code, login=True)
        with pytest.raises(ValidationError, match="未规定监督员可申请保密"):
            submit(sup, confidential=True)
        opinion, clock = opinion_forward(opinion=submit(sup), by=officer)
        assert clock is None and not clocks_for(opinion).exists()


def test_answer_only_by_the_agency_it_was_forwarded_to(make_supervisor, make_liaison, officer):
    sup = make_supervisor("weihai", login=True)
    opinion, clock = opinion_forward(opinion=submit(sup), by=officer)
    other = make_liaison("other_liaison", "市交通运输局")
    with pytest.raises(PermissionDenied):
        opinion_answer(opinion=opinion, by=other, answer="已研究")
    own = make_liaison("own_liaison", AGENCY)
    opinion_answer(opinion=opinion, by=own, answer="已约谈执法中队，责令整改。")
    clock.refresh_from_db()
    assert clock.status == MET


def test_outcome_writes_a_decision_record_hidden_from_the_agency_when_confidential(
    make_supervisor, make_liaison, make_user, officer
):
    sup = make_supervisor("weihai", login=True)
    liaison = make_liaison("liaison_a", AGENCY, "weihai")
    opinion, _ = opinion_forward(opinion=submit(sup, confidential=True), by=officer)
    opinion_answer(opinion=opinion, by=liaison, answer="情况属实，已整改。")
    leader = make_user("leader_a", LEADER)
    opinion = opinion_decide(opinion=opinion, by=leader, outcome="adopted", note="执法机关已整改并报送情况。")
    record = DecisionRecord.objects.get()
    assert opinion.decision == record and opinion.status == "closed"
    assert record.process_kind == "opinion" and record.confidential and record.party_user == sup.user
    assert record.agency == AGENCY and record.outcome == "采纳并已整改"
    assert record.article == "《威海市行政执法社会监督员管理办法》第十五条"
    assert sup.name not in record.body and sup.name not in record.title
    assert list(visible_records(sup.user)) == [record]
    assert list(visible_records(liaison)) == []


def test_service_permissions_are_checked_by_role(make_supervisor, make_liaison, officer):
    sup = make_supervisor("wuhan", login=True)
    with pytest.raises(PermissionDenied):
        opinion_submit(by=officer, kind="opinion", agency=addressable(AGENCY), title="t", body="b")
    opinion = submit(sup, kind="opinion")
    liaison = make_liaison("liaison_b", AGENCY)
    with pytest.raises(PermissionDenied):
        opinion_forward(opinion=opinion, by=liaison)
    with pytest.raises(PermissionDenied):
        opinion_decide(opinion=opinion, by=sup.user, outcome="adopted", note="x")
    with pytest.raises(PermissionDenied):
        opinion_forward(opinion=opinion, by=sup.user)


def test_a_supervisor_not_serving_cannot_submit(make_supervisor):
    sup = make_supervisor("wuhan", login=True, status="dismissed")
    with pytest.raises(PermissionDenied):
        submit(sup)


def test_wanzhou_agency_states_a_rectification_deadline_000_art16(
    make_supervisor, make_liaison, officer, client
):
    """000 第十六条第三款: what cannot be corrected at once is answered with a rectification deadline."""
    sup = make_supervisor("wanzhou", login=True)
    liaison = make_liaison("liaison_wz", AGENCY)
    opinion, _ = opinion_forward(opinion=submit(sup, kind="opinion"), by=officer)
    client.force_login(liaison)
    deadline = TODAY + dt.timedelta(days=45)
    client.post(
        f"/admin/activities/agency/{opinion.pk}/",
        {"answer": "系统改造需要时间，分步整改。", "rectify_by": deadline.isoformat()},
    )
    opinion.refresh_from_db()
    assert opinion.status == "answered" and opinion.rectify_by == deadline
    with pytest.raises(ValidationError, match="整改期限不能早于今天"):
        another, _ = opinion_forward(opinion=submit(sup), by=officer)
        opinion_answer(opinion=another, by=liaison, answer="x", rectify_by=dt.date(2020, 1, 1))
    decided = opinion_decide(opinion=opinion, by=officer, outcome="rectifying", note="督促按期整改。")
    assert deadline.isoformat() in decided.decision.body
    assert decided.decision.article == "《万州区行政执法监督员管理办法》第十六条"


def test_forwarding_to_an_agency_without_liaison_is_refused_so_no_clock_silently_never_starts(
    make_supervisor, officer
):
    from tests.activities.agencies import register_entry

    sup = make_supervisor("weihai", login=True)
    lonely = register_entry("市林业局", "weihai")  # in the register, but nobody can answer for it
    opinion = opinion_submit(by=sup.user, kind="opinion", agency=lonely, title="建议", body="内容")
    with pytest.raises(ValidationError) as exc:
        opinion_forward(opinion=opinion, by=officer, forwarded_on=dt.date(2026, 11, 2))
    assert "“市林业局”尚未设置联络员账号" in exc.value.messages[0]
    opinion.refresh_from_db()
    assert opinion.status == "submitted" and not clocks_for(opinion).exists()


def test_an_opinion_names_an_agency_of_the_supervisors_own_jurisdiction(make_supervisor):
    from tests.activities.agencies import register_entry

    sup = make_supervisor("weihai", login=True)
    with pytest.raises(ValidationError, match="本辖区执法机关名录"):
        opinion_submit(by=sup.user, kind="opinion", agency=register_entry("万州区交通运输局", "wanzhou"),
                       title="建议", body="内容")
