"""Reads on clocks: what is overdue, what falls due soon."""
import datetime as dt

from django.utils import timezone

from .models import RUNNING, Clock

DUE_SOON_DAYS = 3  # a dashboard horizon, not a statutory figure


def running():
    return Clock.objects.filter(status=RUNNING)


def overdue(today: dt.date | None = None):
    return running().filter(due_on__lt=today or timezone.localdate())


def due_soon(today: dt.date | None = None, days: int = DUE_SOON_DAYS):
    today = today or timezone.localdate()
    return running().filter(due_on__gte=today, due_on__lte=today + dt.timedelta(days=days))
