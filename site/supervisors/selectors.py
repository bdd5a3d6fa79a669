"""Reads of the supervisor register: who is serving, the public roster, campaigns open for applications."""
from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from .models import SERVING, Campaign, Supervisor


def serving(jurisdiction: str) -> QuerySet[Supervisor]:
    """Supervisors of `jurisdiction` currently in office (used by activities and the roster)."""
    return Supervisor.objects.filter(jurisdiction=jurisdiction, status=SERVING).order_by("name")


def public_roster(jurisdiction: str) -> list[dict]:
    """Names and workplaces only: nothing personal leaves this function (privacy rule)."""
    return [{"name": s.name, "workplace": s.workplace} for s in serving(jurisdiction)]


def open_campaigns(jurisdiction: str | None = None) -> QuerySet[Campaign]:
    qs = Campaign.objects.filter(kind=Campaign.RECRUITMENT, status=Campaign.OPEN,
                                 deadline__gte=timezone.localdate())
    return qs.filter(jurisdiction=jurisdiction) if jurisdiction else qs


def own_record(user) -> Supervisor | None:
    """A supervisor sees their own register entry only. Kept on the user object for the request (the menu asks
    several times on every admin page)."""
    if not user.is_authenticated:
        return None
    if "_own_supervisor" not in user.__dict__:
        user.__dict__["_own_supervisor"] = Supervisor.objects.filter(user=user).first()
    return user.__dict__["_own_supervisor"]
