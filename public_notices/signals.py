"""Signals other apps listen to.

publicity_closed(sender=PublicityPage, page=<PublicityPage>, closure=<PublicityClosure>) is sent exactly
once per page, after the window has ended and its PublicityClosure was stored (the supervisor lifecycle
starts the appointment review from it)."""
from django.dispatch import Signal

publicity_closed = Signal()
