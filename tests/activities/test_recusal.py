"""Recusal (回避): 000 第十二条, 001 第十条 (the bureau may order it, 第二款), 002 第十三条.
A declared or recorded conflict keeps the supervisor off the activity."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from activities.models import PRESENT, RECUSED, ConflictDeclaration
from activities.services import attendance_record, invitation_create, recusal_declare, recusal_record
from tests.activities.agencies import register_entry

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 6, 1)
SOON = dt.date(2026, 6, 8)  # a week ahead: a declaration is due before the activity


@pytest.fixture(autouse=True)
def _clock():
    """Declarations are checked against today (before the activity): the clock is frozen, never the real date."""
    with freeze_time("2026-06-01 10:00:00+08:00", tick=True):
        yield


@pytest.mark.parametrize(
    "code,ground,article",
    [
        ("wanzhou", "own_interest", "《万州区行政执法监督员管理办法》第十二条第（一）项"),
        ("weihai", "self_or_relatives", "《威海市行政执法社会监督员管理办法》第十条第一款"),
        ("wuhan", "relatives", "《武汉市行政执法义务监督员管理办法》第十三条第（二）项"),
    ],
)
def test_declared_conflict_keeps_the_supervisor_off_the_activity(
    make_supervisor, make_activity, officer, code, ground, article
):
    sup = make_supervisor(code, login=True)
    activity = make_activity(code, held_on=SOON, agency="市场监督管理局", case_ref="市监罚〔2026〕12号")
    inv = invitation_create(activity=activity, supervisor=sup, by=officer)
    inv = recusal_declare(invitation=inv, by=sup.user, ground=ground, note="当事企业为本人配偶经营")
    assert inv.status == RECUSED
    conflict = ConflictDeclaration.objects.get()
    assert conflict.article == article and conflict.origin == "declared"
    # cannot be marked present, and the message cites the article
    with pytest.raises(
        ValidationError, match=article.split("》")[1].replace("（", r"\（").replace("）", r"\）")
    ):
        attendance_record(invitation=inv, status=PRESENT, by=officer)


@pytest.mark.parametrize(
    "code,ground", [("wanzhou", "other"), ("weihai", "ordered"), ("wuhan", "own_interest")]
)
def test_inviting_someone_with_a_recorded_conflict_is_refused_with_the_article(
    make_supervisor, make_activity, officer, code, ground
):
    sup = make_supervisor(code)
    conflict = recusal_record(supervisor=sup, agency=register_entry("城市管理综合执法局", sup.jurisdiction), ground=ground, by=officer)
    activity = make_activity(code, held_on=SOON, agency="城市管理综合执法局")
    with pytest.raises(ValidationError) as exc:
        invitation_create(activity=activity, supervisor=sup, by=officer)
    assert conflict.article in str(exc.value)
    if code == "weihai":
        assert conflict.article == "《威海市行政执法社会监督员管理办法》第十条第二款"


def test_case_conflict_blocks_that_case_only_agency_conflict_blocks_all(
    make_supervisor, make_activity, officer
):
    case_only, whole_agency = make_supervisor("wuhan"), make_supervisor("wuhan")
    recusal_record(
        supervisor=case_only,
        agency=register_entry("交通运输局", "wuhan"),
        case_ref="武交罚〔2026〕3号",
        ground="own_interest",
        by=officer,
    )
    recusal_record(supervisor=whole_agency, agency=register_entry("交通运输局", whole_agency.jurisdiction), ground="relatives", by=officer)
    that_case = make_activity("wuhan", held_on=SOON, agency="交通运输局", case_ref="武交罚〔2026〕3号")
    other_case = make_activity("wuhan", held_on=SOON, agency="交通运输局", case_ref="武交罚〔2026〕9号")
    with pytest.raises(ValidationError):
        invitation_create(activity=that_case, supervisor=case_only, by=officer)
    assert invitation_create(activity=other_case, supervisor=case_only, by=officer)
    for activity in (that_case, other_case):
        with pytest.raises(ValidationError):
            invitation_create(activity=activity, supervisor=whole_agency, by=officer)


def test_bureau_order_turns_open_invitations_into_recusal(make_supervisor, make_activity, officer):
    sup = make_supervisor("weihai")
    inv = invitation_create(
        activity=make_activity("weihai", held_on=SOON, agency="市生态环境局"), supervisor=sup, by=officer
    )
    recusal_record(supervisor=sup, agency=register_entry("市生态环境局", sup.jurisdiction), ground="ordered",
                   by=officer, note="其子在该局任职")
    inv.refresh_from_db()
    assert inv.status == RECUSED


def test_supervisor_cannot_pick_the_bureau_only_ground(make_supervisor, make_activity, officer):
    sup = make_supervisor("weihai", login=True)
    inv = invitation_create(activity=make_activity("weihai", held_on=SOON), supervisor=sup, by=officer)
    with pytest.raises(ValidationError, match="司法行政机关决定"):
        recusal_declare(invitation=inv, by=sup.user, ground="ordered")


def test_present_needs_a_declaration_of_no_conflict(make_supervisor, make_activity, officer):
    sup = make_supervisor("wanzhou", login=True)
    inv = invitation_create(activity=make_activity("wanzhou", held_on=SOON), supervisor=sup, by=officer)
    recusal_declare(invitation=inv, by=sup.user, ground=None)
    # after the activity, attendance can be recorded as present
    inv.activity.held_on = TODAY
    inv.activity.save()
    assert attendance_record(invitation=inv, status=PRESENT, by=officer).status == PRESENT

    other = make_supervisor("wanzhou")
    past = make_activity("wanzhou", held_on=dt.date(2026, 1, 8))
    undeclared = invitation_create(activity=past, supervisor=other, by=officer)
    with pytest.raises(ValidationError, match="尚未声明无回避情形"):
        attendance_record(invitation=undeclared, status=PRESENT, by=officer)


def test_only_the_invited_supervisor_or_the_bureau_declares(make_supervisor, make_activity, officer):
    mine, someone_else = make_supervisor("wuhan", login=True), make_supervisor("wuhan", login=True)
    inv = invitation_create(activity=make_activity("wuhan", held_on=SOON), supervisor=mine, by=officer)
    with pytest.raises(PermissionDenied):
        recusal_declare(invitation=inv, by=someone_else.user, ground="own_interest")
    # an officer enters a written declaration on the supervisor's behalf
    assert recusal_declare(invitation=inv, by=officer, ground=None).declaration == "none"


def test_inspections_and_case_reviews_name_their_agency(make_activity):
    for kind in ("inspection", "casefile_review"):
        with pytest.raises(ValidationError, match="须选择涉及的执法机关"):
            make_activity("wuhan", held_on=SOON, agency="", kind=kind)
    assert make_activity("wuhan", held_on=SOON, agency="", kind="training").agency is None
