"""Terms of office: cap on consecutive terms (000 第七条, 001 第五条, 002 第八条), automatic end of an
unrenewed term (000 第七条, 002 第八条), certificate/card numbers unique per jurisdiction."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from clocks.scheduler import run_once
from decisions.models import DecisionRecord
from roles.definitions import LEADER, OFFICER
from rules.profiles import get_profile
from supervisors import processes as supervisor_processes
from supervisors import terms
from supervisors.models import AWAITING, ENDED, SERVING, Campaign, Term
from tests.supervisors.lifecycle import appoint, close_window, recruit, review_and_publish


@pytest.fixture
def staff(site_tree, make_user):
    return make_user("officer", OFFICER), make_user("leader", LEADER)


def renew(jurisdiction, supervisor, officer, leader, day):
    with freeze_time(dt.datetime.combine(day, dt.time(9, 0))):
        campaign = supervisor_processes.renewal_start(supervisors=[supervisor], by=officer)
        review_and_publish(campaign, officer, leader)
    close_window(campaign)
    with freeze_time(dt.datetime.combine(campaign.publicity_end + dt.timedelta(days=1), dt.time(10, 0))):
        return appoint(campaign, leader, {a.pk: dt.date.today() for a in campaign.applications.all()})


@pytest.mark.django_db
@pytest.mark.parametrize("jurisdiction", ["wanzhou", "weihai"])
def test_third_consecutive_term_is_refused_where_capped_000_art7_001_art5(staff, jurisdiction):
    officer, leader = staff
    _, (first,) = recruit(jurisdiction, officer, leader)
    (second,) = renew(jurisdiction, first.supervisor, officer, leader, first.end - dt.timedelta(days=30))
    assert second.number == 2 and second.start > first.start
    first.refresh_from_db()
    assert first.status == Term.RENEWED
    with freeze_time(dt.datetime.combine(second.end - dt.timedelta(days=30), dt.time(9, 0))):
        with pytest.raises(ValidationError) as exc:
            supervisor_processes.renewal_start(supervisors=[second.supervisor], by=officer)
    message = " ".join(exc.value.messages)
    assert "连续第3届" in message
    assert str(get_profile(jurisdiction).figure("consecutive_term_cap").citation) in message
    assert not Campaign.objects.filter(kind=Campaign.RENEWAL, applications__renewal_of=second).exists()
    # and the appointment service refuses it too, whatever screen calls it
    with pytest.raises(ValidationError):
        terms.term_grant(supervisor=second.supervisor, profile=get_profile(jurisdiction), start=second.end,
                         renewal_of=second)


@pytest.mark.django_db
def test_wuhan_has_no_cap_third_term_allowed_002_art8(staff):
    officer, leader = staff
    _, (first,) = recruit("wuhan", officer, leader)
    (second,) = renew("wuhan", first.supervisor, officer, leader, first.end - dt.timedelta(days=30))
    (third,) = renew("wuhan", second.supervisor, officer, leader, second.end - dt.timedelta(days=30))
    assert third.number == 3 and third.supervisor.status == SERVING
    assert third.end.year - third.start.year == 3


@pytest.mark.django_db
def test_unrenewed_term_ends_automatically_in_wanzhou_but_not_weihai_000_art7(staff):
    officer, leader = staff
    _, (wz,) = recruit("wanzhou", officer, leader)
    _, (wh,) = recruit("weihai", officer, leader, names=("郑红",))
    with freeze_time(dt.datetime.combine(wz.end + dt.timedelta(days=1), dt.time(3, 0))):
        run_once()
    wz.refresh_from_db()
    wh.refresh_from_db()
    assert wz.status == Term.ENDED and wz.supervisor.status == ENDED
    record = DecisionRecord.objects.get(process_kind="dismissal", outcome="期满自然解聘")
    assert "第七条" in record.article
    # Weihai's term (2 years) ended long before; 001 has no automatic dismissal, but service does not
    # silently continue: the term waits for a decision (tests/supervisors/test_term_lifecycle.py)
    assert wh.status == Term.EXPIRED and wh.supervisor.status == AWAITING


@pytest.mark.django_db
def test_terms_ending_soon_are_listed_for_renewal_reminders(staff):
    officer, leader = staff
    _, (term,) = recruit("wanzhou", officer, leader)
    assert list(terms.terms_ending(term.end - dt.timedelta(days=10))) == [term]
    assert list(terms.terms_ending(term.end - dt.timedelta(days=terms.RENEWAL_REMINDER_DAYS + 1))) == []


@pytest.mark.django_db
def test_certificate_numbers_run_per_jurisdiction_and_year(staff):
    officer, leader = staff
    _, made = recruit("wanzhou", officer, leader, names=("甲一", "乙二"))
    _, (other,) = recruit("wuhan", officer, leader, names=("丙三",))
    assert sorted(t.certificate_no for t in made) == ["万州监聘〔2026〕001号", "万州监聘〔2026〕002号"]
    assert other.certificate_no == "武汉监聘〔2026〕001号"
