"""The absence rule per profile: 000 第十八条第（三）项 (two unexcused within one year),
001 第十六条第（六）项 and 002 第十五条第（二）项 (two consecutive unexcused)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from activities.absence import evaluate_absences
from activities.jobs import sweep_absences
from activities.models import EXCUSED, PRESENT, UNEXCUSED, AbsenceFinding
from activities.services import attendance_record, invitation_create, recusal_record
from activities.signals import absence_threshold_reached
from tests.activities.agencies import register_entry

TODAY = dt.date(2026, 12, 15)


@pytest.fixture(autouse=True)
def _clock():
    """Activity dates and answer deadlines are checked against today: the clock is frozen, never the real date."""
    with freeze_time("2026-12-15 10:00:00+08:00", tick=True):
        yield


pytestmark = pytest.mark.django_db


@pytest.fixture
def fired():
    calls = []

    def receiver(sender, supervisor, finding, **kwargs):
        calls.append((sender, supervisor.pk, finding.pk))

    absence_threshold_reached.connect(receiver, dispatch_uid="test-absence")
    yield calls
    absence_threshold_reached.disconnect(dispatch_uid="test-absence")


@pytest.fixture
def attend(make_activity, officer):
    """attend(supervisor, date, status) -> the invitation, with a meeting on that date."""

    def run(supervisor, day, status=UNEXCUSED, reason=""):
        activity = make_activity(
            supervisor.jurisdiction, held_on=day, agency="", kind="meeting", title=f"{day}监督工作会议"
        )
        inv = invitation_create(activity=activity, supervisor=supervisor, by=officer)
        if status is None:
            return inv
        return attendance_record(
            invitation=inv,
            status=status,
            by=officer,
            excuse_reason=reason or ("出差" if status == EXCUSED else ""),
        )

    return run


def test_wanzhou_two_unexcused_within_one_year_fire_once_and_signal_once(make_supervisor, attend, fired):
    sup = make_supervisor("wanzhou")
    attend(sup, dt.date(2026, 1, 10))
    assert fired == []
    second = attend(sup, dt.date(2026, 9, 1))
    finding = AbsenceFinding.objects.get()
    assert fired == [(AbsenceFinding, sup.pk, finding.pk)]
    assert finding.article == "《万州区行政执法监督员管理办法》第十八条第（三）项"
    assert finding.mode == "within_year" and finding.threshold == 2
    assert sorted(finding.absences.values_list("activity__held_on", flat=True)) == [
        dt.date(2026, 1, 10),
        dt.date(2026, 9, 1),
    ]
    # re-recording the same attendance, evaluating again and the scheduler sweep add nothing
    attendance_record(invitation=second, status=UNEXCUSED, by=second.recorded_by)
    evaluate_absences(sup)
    sweep_absences(None)
    assert AbsenceFinding.objects.count() == 1 and len(fired) == 1


def test_wanzhou_two_unexcused_thirteen_months_apart_do_not_fire(make_supervisor, attend, fired):
    sup = make_supervisor("wanzhou")
    attend(sup, dt.date(2025, 1, 10))
    attend(sup, dt.date(2026, 2, 12))
    assert AbsenceFinding.objects.count() == 0 and fired == []
    # a third within one year of the second fires, with the second and third only
    attend(sup, dt.date(2026, 6, 1))
    finding = AbsenceFinding.objects.get()
    assert sorted(finding.absences.values_list("activity__held_on", flat=True)) == [
        dt.date(2026, 2, 12),
        dt.date(2026, 6, 1),
    ]


def test_wanzhou_one_year_is_counted_from_the_first_absence_inclusive(make_supervisor, attend):
    inside, outside = make_supervisor("wanzhou"), make_supervisor("wanzhou")
    attend(inside, dt.date(2025, 3, 10))
    attend(inside, dt.date(2026, 3, 9))  # last day of the year begun 2025-03-10
    attend(outside, dt.date(2025, 3, 10))
    attend(outside, dt.date(2026, 3, 10))  # the anniversary is outside it
    assert AbsenceFinding.objects.filter(supervisor=inside).count() == 1
    assert AbsenceFinding.objects.filter(supervisor=outside).count() == 0


def test_wanzhou_excused_absences_do_not_count(make_supervisor, attend):
    sup = make_supervisor("wanzhou")
    attend(sup, dt.date(2026, 2, 1), EXCUSED)
    attend(sup, dt.date(2026, 3, 1))
    attend(sup, dt.date(2026, 4, 1), EXCUSED)
    assert AbsenceFinding.objects.count() == 0


@pytest.mark.parametrize(
    "code,article",
    [
        ("weihai", "《威海市行政执法社会监督员管理办法》第十六条第（六）项"),
        ("wuhan", "《武汉市行政执法义务监督员管理办法》第十五条第（二）项"),
    ],
)
def test_two_consecutive_unexcused_fire_in_weihai_and_wuhan(make_supervisor, attend, fired, code, article):
    sup = make_supervisor(code)
    attend(sup, dt.date(2024, 5, 1))
    attend(sup, dt.date(2026, 5, 1))  # years apart: consecutiveness, not time, is the rule
    finding = AbsenceFinding.objects.get()
    assert finding.article == article and finding.mode == "consecutive"
    assert len(fired) == 1


@pytest.mark.parametrize("code", ["weihai", "wuhan"])
@pytest.mark.parametrize("between", [EXCUSED, PRESENT])
def test_excused_or_present_breaks_the_consecutive_run(make_supervisor, attend, code, between):
    sup = make_supervisor(code)
    attend(sup, dt.date(2026, 1, 5))
    attend(sup, dt.date(2026, 2, 5), between)
    attend(sup, dt.date(2026, 3, 5))
    assert AbsenceFinding.objects.count() == 0
    attend(sup, dt.date(2026, 4, 5))
    assert AbsenceFinding.objects.count() == 1


def test_consecutive_order_is_activity_date_not_entry_order(make_supervisor, attend):
    sup = make_supervisor("weihai")
    attend(sup, dt.date(2026, 3, 1))
    attend(sup, dt.date(2026, 1, 1))  # entered later, held earlier: Jan, Mar are consecutive
    assert AbsenceFinding.objects.count() == 1


def test_unrecorded_attendance_holds_the_run_until_it_is_recorded(make_supervisor, attend, officer):
    sup = make_supervisor("wuhan")
    attend(sup, dt.date(2026, 1, 5))
    pending = attend(sup, dt.date(2026, 2, 5), None)
    attend(sup, dt.date(2026, 3, 5))
    assert AbsenceFinding.objects.count() == 0
    attendance_record(invitation=pending, status=UNEXCUSED, by=officer)
    finding = AbsenceFinding.objects.get()  # one run of three: one finding
    assert finding.absences.count() == 2


def test_a_growing_run_fires_once(make_supervisor, attend, fired):
    sup = make_supervisor("weihai")
    for month in (1, 2, 3):
        attend(sup, dt.date(2026, month, 3))
    assert AbsenceFinding.objects.count() == 1 and len(fired) == 1


def test_recusal_is_neither_attendance_nor_absence(make_supervisor, make_activity, officer):
    sup = make_supervisor("weihai")
    first = make_activity("weihai", held_on=dt.date(2026, 1, 5), agency="", kind="meeting")
    attendance_record(
        invitation=invitation_create(activity=first, supervisor=sup, by=officer), status=UNEXCUSED, by=officer
    )
    future = make_activity("weihai", held_on=TODAY + dt.timedelta(days=5), agency="市城管局")
    inv = invitation_create(activity=future, supervisor=sup, by=officer)
    recusal_record(supervisor=sup, agency=register_entry("市城管局", sup.jurisdiction), ground="ordered", by=officer)
    inv.refresh_from_db()
    assert inv.status == "recused"
    assert evaluate_absences(sup) == []


def test_an_absence_in_a_finding_cannot_be_changed(make_supervisor, attend, officer):
    sup = make_supervisor("weihai")
    attend(sup, dt.date(2026, 1, 5))
    second = attend(sup, dt.date(2026, 2, 5))
    with pytest.raises(ValidationError, match="认定的依据"):
        attendance_record(invitation=second, status=EXCUSED, by=officer, excuse_reason="补假")


def test_no_finding_for_a_supervisor_no_longer_serving(make_supervisor, attend, officer):
    sup = make_supervisor("weihai")
    attend(sup, dt.date(2026, 1, 5))
    pending = attend(sup, dt.date(2026, 2, 5), None)
    sup.status = "dismissed"
    sup.save()
    attendance_record(invitation=pending, status=UNEXCUSED, by=officer)
    assert AbsenceFinding.objects.count() == 0


def test_excused_absence_needs_a_reason(make_supervisor, make_activity, officer):
    sup = make_supervisor("wuhan")
    inv = invitation_create(
        activity=make_activity("wuhan", agency="", kind="training"), supervisor=sup, by=officer
    )
    with pytest.raises(ValidationError, match="请假事由"):
        attendance_record(invitation=inv, status=EXCUSED, by=officer)
