"""办理时间轴: a matter's events, documents (issue and receipt), decisions and clocks on one date axis, built from
the lists the matter screen shows; each clock a bar from its start to its due day with pauses cut out and the
overdue stretch in red."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from casework import timeline
from casework.models import Document
from casework.selectors import matter_clocks
from clocks.services import clock_extend, clock_pause, clock_resume, clock_start, clock_stop
from rules.profiles import get_profile

D = dt.date


def segs(row):
    return [(s.start, s.end, s.kind) for s in row.segments]


@pytest.fixture
def clocks(matter, staff):
    """On the matter: the 30-day finish clock from 2026-11-02 paused 11-10…11-14 and extended by 10 days
    (004 第十条), and the 7-working-day accept clock from 2026-11-02, left running."""
    profile = get_profile("wulong")
    finish = clock_start(subject=matter, profile=profile, rule_key="complaint_finish_period",
                         started_on=D(2026, 11, 2))
    clock_pause(clock=finish, start=D(2026, 11, 10), reason="提请有权机关解释")
    clock_resume(clock=finish, end=D(2026, 11, 14))
    clock_extend(clock=finish, n=10, by=staff["leader"], reason="情况复杂", profile=profile,
                 max_rule_key="complaint_extension_max")
    accept = clock_start(subject=matter, profile=profile, rule_key="complaint_accept_period",
                         started_on=D(2026, 11, 2))
    return finish, accept


def test_a_paused_and_extended_clock_is_cut_at_its_pause_and_runs_to_its_extended_due_day(matter, clocks):
    finish, accept = matter_clocks(matter).order_by("pk")
    assert (finish.due_on, accept.due_on) == (D(2026, 12, 17), D(2026, 11, 11))  # 30 + 5 paused + 10 extended
    tl = timeline.build(events=[], documents=[], clocks=[finish], today=D(2026, 11, 20))
    row = tl.rows[0]
    assert segs(row) == [(D(2026, 11, 2), D(2026, 11, 9), "elapsed"), (D(2026, 11, 10), D(2026, 11, 14), "paused"),
                         (D(2026, 11, 15), D(2026, 11, 20), "elapsed"), (D(2026, 11, 21), D(2026, 12, 17), "counted")]
    assert not row.late
    assert "暂停 2026-11-10 至 2026-11-14（提请有权机关解释）" in row.summary
    assert "期限30日（另延长10日）" in row.summary and "届满日 2026-12-17" in row.summary
    assert (tl.start, tl.end) == (D(2026, 11, 2), D(2026, 12, 17))


def test_a_running_clock_past_its_due_day_runs_on_in_red_up_to_today(matter, clocks):
    _finish, accept = matter_clocks(matter).order_by("pk")
    with freeze_time("2026-11-20 10:00"):  # the screen's today, frozen
        from django.utils import timezone

        tl = timeline.build(events=[], documents=[], clocks=[accept], today=timezone.localdate())
    row = tl.rows[0]
    assert segs(row) == [(D(2026, 11, 2), D(2026, 11, 11), "elapsed"), (D(2026, 11, 12), D(2026, 11, 20), "overdue")]
    assert row.late and "逾期9日" in row.summary
    assert tl.caption == "办理时间轴：2026-11-02 至 2026-11-20，共0项记录、1个法定时限，其中1个逾期。"


def test_an_open_pause_runs_to_today_and_a_clock_met_late_shows_its_late_days(matter, clocks):
    _finish, accept = clocks
    clock_pause(clock=accept, start=D(2026, 11, 5), reason="补正材料")
    accept = matter_clocks(matter).get(pk=accept.pk)
    tl = timeline.build(events=[], documents=[], clocks=[accept], today=D(2026, 11, 6))
    assert segs(tl.rows[0])[:2] == [(D(2026, 11, 2), D(2026, 11, 4), "elapsed"),
                                    (D(2026, 11, 5), D(2026, 11, 6), "paused")]
    assert "暂停 2026-11-05 至 今日（暂停中）" in tl.rows[0].summary
    clock_resume(clock=accept, end=D(2026, 11, 6))
    with freeze_time("2026-11-20 10:00"):
        clock_stop(clock=accept)
    accept = matter_clocks(matter).get(pk=accept.pk)
    assert accept.due_on == D(2026, 11, 13)
    row = timeline.build(events=[], documents=[], clocks=[accept], today=D(2026, 12, 1)).rows[0]
    assert segs(row)[-1] == (D(2026, 11, 14), D(2026, 11, 20), "overdue")
    assert row.late and "办结 2026-11-20" in row.summary and "逾期7日" in row.summary
    assert [(m.day, m.shape) for m in row.marks] == [(D(2026, 11, 20), "met")]


def test_documents_decisions_events_and_hand_offs_are_marks_in_date_order(matter, staff):
    doc = Document.objects.create(matter=matter, kind="opinion_letter", kind_label="监督意见书",
                                  doc_number="武隆监意〔2026〕1号", year=2026, seq=1, title="意见书", addressee="x",
                                  body="x", issued_on=D(2026, 9, 24), received_on=D(2026, 9, 28),
                                  issued_by=staff["leader"])
    events = list(matter.events.all())  # the opening event, 2026-09-21
    events[0].text = "由投诉举报事项转入（第十九条）"
    tl = timeline.build(events=events, documents=[doc], clocks=[], today=D(2026, 10, 1))
    assert [(r.kind, [(m.day, m.shape) for m in r.marks]) for r in tl.rows] == [
        ("handoff", [(D(2026, 9, 21), "handoff")]),
        ("document", [(D(2026, 9, 24), "issued"), (D(2026, 9, 28), "received")])]
    assert tl.rows[1].summary == "武隆监意〔2026〕1号，成文 2026-09-24，送达（签收） 2026-09-28"
    assert tl.end == D(2026, 9, 28)  # no clock: the axis ends at the last record, not today
    assert timeline.build(events=[], documents=[], clocks=[], today=D(2026, 10, 1)) is None


def test_the_matter_screen_draws_the_timeline_with_its_table(matter, clocks, staff):
    client = Client()
    client.force_login(staff["officer"])
    with freeze_time("2026-11-20 10:00"):
        page = client.get(f"/admin/casework/{matter.pk}/").content.decode()
    assert "办理时间轴" in page and 'role="img" aria-labelledby="tl-caption"' in page
    assert "共1项记录、2个法定时限，其中1个逾期。" in page
    assert "【逾期】投诉举报受理审核期限</text>" in page
    assert "逾期9日" in page and "暂停 2026-11-10 至 2026-11-14（提请有权机关解释）" in page
    assert '<th scope="row">投诉举报办结期限</th>' in page
    assert '<rect class="tl-seg tl-seg-overdue"' in page and "<title>逾期 2026-11-12 至 2026-11-20</title>" in page
    assert "办理记录（全程留痕）" in page  # the event list stays as the text equivalent


def test_the_liaison_sees_the_timeline_of_their_own_agency_s_matter(matter, clocks):
    liaison = matter.agency.liaisons.get()
    client = Client()
    client.force_login(liaison)
    with freeze_time("2026-11-20 10:00"):
        page = client.get(f"/admin/casework/{matter.pk}/")
    assert page.status_code == 200 and "办理时间轴" in page.content.decode()
