"""The staff page of a clock's calendar (法定时限 → 查看计算日历): whoever may see the clock's subject."""
from __future__ import annotations

from django.shortcuts import render

from roles.access import is_bureau

from .access import can_view_clock
from .calendar_grid import WEEKDAYS, SpanTooLong, build
from .models import Clock


def refused(request, message: str, status: int):
    return render(request, "clocks/calendar_refused.html", {"message": message}, status=status)


def clock_calendar(request, pk: int):
    clock = Clock.objects.filter(pk=pk).select_related("subject_type").first()
    if clock is None:
        return refused(request, "没有这个时限。", 404)
    if not can_view_clock(request.user, clock):
        return refused(request, "您无权查看该时限：只有可以查看其所属案件或事项的人员才能查看。", 403)
    try:
        # whoever is not bureau staff (a party, a complainant) reads no pause reason as staff wrote it
        grid = build(clock, public=not is_bureau(request.user))
    except SpanTooLong as exc:
        return refused(request, str(exc), 400)
    return render(request, "clocks/calendar_admin.html", {
        "grid": grid, "weekdays": WEEKDAYS, "subject_url": clock.subject_url()})
