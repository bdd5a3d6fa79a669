"""Bad input becomes a 400 with a Chinese message, never a server error.

`RequestGuardMiddleware` refuses control characters (NUL above all: PostgreSQL cannot store or
compare it) anywhere in the path or the query string, and turns `BadInput` raised by any view —
including a Wagtail page's `get_context` — into a 400 page saying what was wrong.
`NotFound` (and a jurisdiction whose rules say nothing about what was asked, `FigureMissing`) becomes a 404
page with its Chinese message; the API's paging numbers are refused with a 400 when they are not a sane
count. `parse_year` and `refuse_control_characters` are the shared checks for views, forms and models."""
from __future__ import annotations

import re

from django.core.exceptions import BadRequest, ValidationError
from django.http import JsonResponse
from django.template.response import TemplateResponse

# C0 controls except tab, newline and carriage return, plus DEL: XML 1.0 and PostgreSQL refuse them
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
YEAR = re.compile(r"^[0-9]{4}$")
YEAR_RANGE = (1949, 2100)
API_PAGING = ("offset", "limit")
API_PAGING_MAX = 10**9  # more than any table holds; SQLite cannot even bind a number past 2**63


class NotFound(Exception):
    """Not here, with the Chinese message the person sees (a 404 page, or JSON under /api/). Not an Http404:
    Wagtail's admin turns those into its own page without the message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadInput(BadRequest):
    """A request the site cannot answer, with the Chinese message the person sees."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def has_control_characters(text: str) -> bool:
    return bool(CONTROL.search(text or ""))


def strip_control_characters(text: str) -> str:
    return CONTROL.sub("", text or "")


def refuse_control_characters(field: str, label: str, text: str) -> None:
    """For model/form clean(): a title or text holding a control character is refused, not stored."""
    if has_control_characters(text):
        raise ValidationError({field: f"{label}中含有不可见的控制字符（可能来自复制粘贴），请删除后再保存。"})


def refuse_control_characters_in_form(form) -> None:
    """For a public form's clean(): each text field holding a control character gets a message."""
    for name, value in list(form.cleaned_data.items()):
        if isinstance(value, str) and has_control_characters(value):
            form.add_error(name, "含有不可见的控制字符（可能来自复制粘贴），请删除后重新填写。")


def parse_year(value: str | None) -> int | None:
    """`?year=`: empty = no filter; four ASCII digits in range = that year; anything else = BadInput."""
    value = (value or "").strip()
    if not value:
        return None
    if not YEAR.match(value) or not YEAR_RANGE[0] <= int(value) <= YEAR_RANGE[1]:
        raise BadInput(f"年份参数有误：请填写{YEAR_RANGE[0]}至{YEAR_RANGE[1]}之间的四位年份，例如 2026。")
    return int(value)


def bad_input_response(request, message: str, status: int = 400):
    if request.path.startswith("/api/"):
        return JsonResponse({"message": message}, status=status, json_dumps_params={"ensure_ascii": False})
    user = getattr(request, "user", None)
    if request.path.startswith("/admin/") and user is not None and user.is_authenticated:  # in the admin's look
        title = "请求有误" if status == 400 else "无法办理"
        return TemplateResponse(request, "wagtailadmin/refusal.html", {"message": message, "title": title},
                                status=status).render()
    return TemplateResponse(request, "400.html" if status == 400 else f"{status}.html", {"message": message},
                            status=status).render()


def api_paging_error(request) -> str | None:
    for name in API_PAGING:
        value = request.GET.get(name)
        if value is not None and value.strip().isdigit() and int(value) > API_PAGING_MAX:
            return f"参数 {name} 过大：请填写不超过 {API_PAGING_MAX} 的非负整数。"
    return None


class Refused(Exception):
    """A refusal raised deep inside a third-party action that has no hook able to refuse (Wagtail's workflow
    approval, programme.workflow): the transaction around the action is rolled back by the raise; the person
    is sent to `redirect_to` with the Chinese `message` (an admin modal gets the redirect as its JSON step)."""

    def __init__(self, message: str, redirect_to: str):
        super().__init__(message)
        self.message, self.redirect_to = message, redirect_to


def refused_response(request, exception: Refused):
    from django.contrib import messages
    from django.http import JsonResponse
    from django.shortcuts import redirect

    messages.error(request, exception.message)
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return JsonResponse({"step": "success", "redirect": exception.redirect_to})
    return redirect(exception.redirect_to)


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request.path) or any(
                has_control_characters(key) or any(has_control_characters(v) for v in values)
                for key, values in request.GET.lists()):
            return bad_input_response(request, "请求地址或查询参数中含有不允许的控制字符，请检查后重试。")
        if request.path.startswith("/api/") and (message := api_paging_error(request)):
            return bad_input_response(request, message)
        return self.get_response(request)

    def process_exception(self, request, exception):
        from rules.profiles import FigureMissing

        if isinstance(exception, BadInput):
            return bad_input_response(request, exception.message)
        if isinstance(exception, Refused):
            return refused_response(request, exception)
        if isinstance(exception, NotFound):
            return bad_input_response(request, exception.message, status=404)
        if isinstance(exception, FigureMissing):  # this jurisdiction's rules do not provide what was asked
            return bad_input_response(request, "本辖区的办法没有规定这项业务，无法在此办理。", status=404)
        return None
