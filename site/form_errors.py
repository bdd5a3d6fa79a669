"""Form errors in Chinese: a service's refusal (ValidationError) shown at the top of the form the person
submitted, and a missing answer named in the person's words (请填写姓名。/请选择性别。) instead of Django's
bare "必需字段"."""
import re

from django import forms
from django.core.exceptions import ValidationError


def add_errors(form, exc: ValidationError) -> None:
    for msg in exc.messages:
        form.add_error(None, msg)


def submit(request, form, action):
    """The one way a screen hands a form to its service: on a valid POST, `action(cleaned_data)` runs and
    its response (the redirect after success) is returned; a refusal (ValidationError) is shown on the
    form instead, and None comes back, as for a GET or an invalid form: show the form again."""
    if request.method == "POST" and form.is_valid():
        try:
            return action(form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
    return None


def plain_label(label) -> str:
    """The field's name without a trailing remark: "联系方式（手机、固定电话或电子邮箱）" -> "联系方式"."""
    return re.sub(r"（[^（）]*）$", "", str(label or "")).strip()


def required_messages_in_chinese(form) -> None:
    """Every field still carrying Django's default "required" message gets one that names it; a field's
    own message stays."""
    default = str(forms.Field.default_error_messages["required"])
    for field in form.fields.values():
        if str(field.error_messages.get("required")) != default:
            continue
        if isinstance(field, forms.BooleanField):
            verb = "请勾选"
        elif isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)):
            verb = "请选择"
        else:
            verb = "请填写"
        field.error_messages["required"] = f"{verb}{plain_label(field.label)}。"
