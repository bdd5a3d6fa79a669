"""One admin menu item that shows itself only to the users a test accepts: a roles.access test
(is_bureau, is_liaison …), a permission (`permission("letters.draft_letter")`) or any callable on the user.
Every app's menu uses it instead of its own MenuItem subclass."""
from __future__ import annotations

from collections.abc import Callable

from wagtail.admin.menu import MenuItem


class RoleMenuItem(MenuItem):
    def __init__(self, label, url, *, shown_to: Callable, **kwargs):
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return bool(self.shown_to(request.user))


def permission(codename: str) -> Callable:
    """A test for RoleMenuItem: the user holds this Django permission."""
    return lambda user: user.has_perm(codename)
