"""Serving hooks of the site structure: the page a response shows, for the anonymous page cache (cache.py)."""
from wagtail import hooks

from .cache import note_served_page

hooks.register("before_serve_page", note_served_page)
