"""A matter drawn on one date axis (办理时间轴): its events, the documents served (issue and receipt),
decisions and hand-offs as marks, each statutory clock as a bar from its start to its due day with the
paused stretches cut out and the overdue stretch in red.

Built only from the lists the matter screen already shows (whatever the screen filtered for the person
stays filtered here): `build(events=…, documents=…, clocks=…, records=…, today=…)` returns plain data with
the positions already worked out, so the template only draws. Dates are the records' own (the clock's
stored due date and pauses), never counted again here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

# drawing geometry (SVG user units), not statutory figures
WIDTH = 960
LABEL_W = 230
RIGHT_PAD = 24
ROW_H = 26
TOP = 34  # room for the month ticks
MAX_ROWS = 200  # a display bound: a matter's log is far shorter
HANDOFF_WORDS = ("转入", "转立", "移交", "移送", "转送", "转办", "交办")  # an event that hands the matter on

EVENT, DOCUMENT, DECISION, HANDOFF, CLOCK = "event", "document", "decision", "handoff", "clock"
KIND_LABELS = {EVENT: "办理记录", DOCUMENT: "文书送达", DECISION: "决定", HANDOFF: "移交、转办", CLOCK: "法定时限"}
# a clock bar's pieces
COUNTED, ELAPSED, PAUSED, OVERDUE = "counted", "elapsed", "paused", "overdue"
SEGMENT_LABELS = {COUNTED: "计时（未到）", ELAPSED: "计时（已过）", PAUSED: "暂停（不计入）", OVERDUE: "逾期"}


@dataclass
class Mark:
    day: dt.date
    shape: str  # event / document issue ("issued") / receipt ("received") / decision / handoff / met
    text: str
    x: float = 0.0


@dataclass
class Segment:
    start: dt.date
    end: dt.date  # inclusive
    kind: str  # COUNTED / ELAPSED / PAUSED / OVERDUE
    x: float = 0.0
    width: float = 0.0

    @property
    def text(self) -> str:
        return f"{SEGMENT_LABELS[self.kind]} {self.start:%Y-%m-%d} 至 {self.end:%Y-%m-%d}"


@dataclass
class Row:
    kind: str
    label: str
    summary: str  # the row in words: the table fallback and the SVG <title>
    marks: list[Mark] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    late: bool = False
    y: float = 0.0

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def short_label(self) -> str:
        return self.label if len(self.label) <= 15 else self.label[:14] + "…"

    @property
    def title(self) -> str:
        """The row in one sentence (the SVG <title>)."""
        if self.kind in (CLOCK, DOCUMENT):
            return f"{self.kind_label}：{self.label}。{self.summary}"
        return f"{self.kind_label}：{self.summary}"

    @property
    def first_day(self) -> dt.date:
        return min([m.day for m in self.marks] + [s.start for s in self.segments])


@dataclass
class Tick:
    day: dt.date
    x: float
    text: str


@dataclass
class Timeline:
    start: dt.date
    end: dt.date
    today: dt.date
    rows: list[Row]
    ticks: list[Tick]
    today_x: float | None
    width: int = WIDTH
    label_w: int = LABEL_W
    row_h: int = ROW_H

    @property
    def height(self) -> int:
        return TOP + ROW_H * len(self.rows) + 8

    @property
    def caption(self) -> str:
        clocks = sum(1 for r in self.rows if r.kind == CLOCK)
        late = sum(1 for r in self.rows if r.late)
        text = (f"办理时间轴：{self.start:%Y-%m-%d} 至 {self.end:%Y-%m-%d}，"
                f"共{len(self.rows) - clocks}项记录、{clocks}个法定时限")
        return text + (f"，其中{late}个逾期。" if late else "。")


def _day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _d(day: dt.date) -> str:
    return day.strftime("%Y-%m-%d")


def clock_segments(clock, today: dt.date) -> tuple[list[Segment], bool, dt.date | None]:
    """(segments, late, met_on): the clock from its start day to its due day minus its pauses (an open
    pause runs to today, as the clock counts it); days before today darker; a running clock past its due
    day runs on in red up to today; a clock stopped after its due day shows the late stretch in red."""
    start, due = clock.started_on, clock.due_on
    met_on = _day(clock.stopped_at) if clock.stopped_at and clock.status != "running" else None
    pauses = sorted((p.start, p.end or today) for p in clock.pauses.all())
    last = max([due] + [end for _s, end in pauses])
    segments: list[Segment] = []

    def add(a: dt.date, b: dt.date, kind: str) -> None:
        if a > b:
            return
        if segments and segments[-1].kind == kind and segments[-1].end + dt.timedelta(days=1) == a:
            segments[-1].end = b
        else:
            segments.append(Segment(a, b, kind))

    horizon = met_on or today  # days up to here have passed
    day = start
    while day <= last:
        if any(a <= day <= b for a, b in pauses):
            add(day, day, PAUSED)
        elif day <= due:
            add(day, day, ELAPSED if day <= horizon else COUNTED)
        day += dt.timedelta(days=1)
    late_end = met_on if met_on is not None else (today if clock.status == "running" else None)
    late = bool(late_end and late_end > due and clock.status != "cancelled")
    if late:
        add(max(due, last) + dt.timedelta(days=1), late_end, OVERDUE)
    return segments, late, met_on


PARTY_PAUSE = "依规不计入期限"  # what a party reads of a pause: the dates, never the reason the bureau wrote


def _clock_row(clock, today: dt.date, party: bool = False) -> Row:
    segments, late, met_on = clock_segments(clock, today)
    unit = clock.get_unit_display()
    ext = clock.extension_total
    words = [f"起算日 {_d(clock.started_on)}", f"期限{clock.n}{unit}" + (f"（另延长{ext}{unit}）" if ext else ""),
             f"届满日 {_d(clock.due_on)}"]
    for p in clock.pauses.all():
        words.append(f"暂停 {_d(p.start)} 至 {_d(p.end) if p.end else '今日（暂停中）'}（{PARTY_PAUSE if party else p.reason}）")
    if met_on:
        words.append(f"{'办结' if clock.status == 'met' else '终止'} {_d(met_on)}")
    if late:
        words.append(f"逾期{((met_on or today) - clock.due_on).days}日")
    words.append(f"依据{clock.citation}")
    marks = [Mark(met_on, "met", f"{'办结' if clock.status == 'met' else '终止'} {_d(met_on)}")] if met_on else []
    return Row(CLOCK, clock.label, "，".join(words), marks=marks, segments=segments, late=late)


def _document_row(doc) -> Row:
    marks = [Mark(doc.issued_on, "issued", f"成文 {_d(doc.issued_on)}")]
    summary = f"{doc.doc_number}，成文 {_d(doc.issued_on)}"
    if doc.received_on:
        marks.append(Mark(doc.received_on, "received", f"送达（签收） {_d(doc.received_on)}"))
        summary += f"，送达（签收） {_d(doc.received_on)}"
    else:
        summary += "，尚未送达"
    return Row(DOCUMENT, f"{doc.kind_label} {doc.doc_number}", summary, marks=marks)


def _event_row(item) -> Row:
    # the screen's events come as (event, how its actor is named to this person: casework.visibility.actor_name)
    event, who = item if isinstance(item, tuple) else (item, None)
    day = _day(event.at)
    kind = HANDOFF if any(w in event.text for w in HANDOFF_WORDS) else EVENT
    if who is None:
        who = (event.by.get_full_name() or event.by.username) if event.by_id else "系统"
    return Row(kind, event.text, f"{_d(day)} {who}：{event.text}",
               marks=[Mark(day, kind, f"{_d(day)} {event.text}")])


def _record_row(record) -> Row:
    text = record.title + (f"：{record.outcome}" if record.outcome else "")
    return Row(DECISION, record.title, f"{_d(record.decided_on)} {text}",
               marks=[Mark(record.decided_on, DECISION, f"{_d(record.decided_on)} {text}")])


def build(*, events, documents, clocks, records=(), today: dt.date, party: bool = False) -> Timeline | None:
    """The matter's timeline from the lists its screen shows; None when there is nothing to draw."""
    clock_rows = [_clock_row(c, today, party) for c in clocks]
    others = [_document_row(d) for d in documents] + [_record_row(r) for r in records] + \
        [_event_row(e) for e in events]
    others.sort(key=lambda r: r.first_day)  # stable: same day keeps documents, decisions, events order
    rows = (clock_rows + others)[:MAX_ROWS]
    if not rows:
        return None
    days = [m.day for r in rows for m in r.marks] + [d for r in rows for s in r.segments for d in (s.start, s.end)]
    start, end = min(days), max(days)
    if any(r.kind == CLOCK for r in rows):
        end = max(end, today)  # running clocks are drawn up to today
    span = (end - start).days + 1
    plot_w = WIDTH - LABEL_W - RIGHT_PAD

    def x(day: dt.date) -> float:
        return round(LABEL_W + plot_w * (day - start).days / span, 1)

    day_w = plot_w / span
    for i, row in enumerate(rows):
        row.y = TOP + ROW_H * i
        for m in row.marks:
            m.x = round(x(m.day) + day_w / 2, 1)
        for s in row.segments:
            s.x = x(s.start)
            s.width = round(max(day_w * ((s.end - s.start).days + 1), 1.5), 1)
    return Timeline(start, end, today, rows, _ticks(start, end, x),
                    round(x(today) + day_w / 2, 1) if start <= today <= end else None)


def _ticks(start: dt.date, end: dt.date, x) -> list[Tick]:
    """Month starts on the axis (every third month on spans over a year; the start day when the span is
    within one month)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 12 else 3 if months <= 36 else 12
    ticks = [Tick(start, x(start), _d(start))]
    year, month = start.year, start.month
    while True:
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        day = dt.date(year, month, 1)
        if day > end:
            break
        ticks.append(Tick(day, x(day), f"{year}-{month:02d}"))
    if len(ticks) > 1 and ticks[1].x - ticks[0].x < 60:
        ticks.pop(0)  # the start label would overlap the first month's
    return ticks
