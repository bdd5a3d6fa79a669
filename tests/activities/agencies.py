"""Register entries for activities tests: agencies by name, with a liaison when items are forwarded."""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from casework.models import Agency
from roles.definitions import LIAISON
from roles.models import StaffProfile


def register_entry(name, jurisdiction="wanzhou"):
    """The agency `name` in `jurisdiction` (created on first use); "" = no agency; jurisdiction None = the
    existing entry of that name, whatever its jurisdiction."""
    if not name:
        return None
    if jurisdiction is None:
        existing = Agency.objects.filter(name=name).order_by("pk").first()
        if existing is not None:
            return existing
    return Agency.objects.get_or_create(jurisdiction=jurisdiction or "wanzhou", name=name)[0]


def addressable(name, jurisdiction="wanzhou"):
    """A register entry with a liaison account, so an opinion on it can be forwarded."""
    entry = register_entry(name, jurisdiction)
    if not entry.has_liaison:
        user = get_user_model().objects.create_user(username=f"auto_liaison_{entry.pk}", is_staff=True)
        user.groups.add(Group.objects.get(name=LIAISON))
        StaffProfile.objects.create(user=user, agency=entry)
    return entry
