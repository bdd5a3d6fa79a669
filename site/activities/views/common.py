"""Shared view helper: run a service, turning its ValidationError into form errors and a message."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def attempt(request, form, call):
    try:
        return call()
    except ValidationError as exc:
        text = "；".join(exc.messages)
        form.add_error(None, text)
        messages.error(request, text)
        return None
