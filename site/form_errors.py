"""A service's refusal (ValidationError, in Chinese) shown at the top of the form the person submitted."""
from django.core.exceptions import ValidationError


def add_errors(form, exc: ValidationError) -> None:
    for msg in exc.messages:
        form.add_error(None, msg)
