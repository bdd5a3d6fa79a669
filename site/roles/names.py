"""How a person is named on every screen: the full name (姓名) staff entered, the account name only when no
name was entered. Screens, forms and messages use these instead of `user.username` or `str(user)`."""
from __future__ import annotations

from django import forms

EMPTY_LABEL = "请选择"


def person_name(user) -> str:
    if user is None:
        return ""
    return (user.get_full_name() or "").strip() or user.username


class PersonChoiceField(forms.ModelChoiceField):
    """A select of accounts that shows names, starting at 请选择 (not Django's `---------`)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", EMPTY_LABEL)
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return person_name(obj)


class PersonMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj)
