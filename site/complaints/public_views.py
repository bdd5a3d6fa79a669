"""Public screens: the complaint form (/complaints/<jurisdiction>/), the receipt, and the status lookup by
receipt number and access code — state and dates only, never anyone's personal data."""
from __future__ import annotations

import datetime as dt

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

import throttle
from casework.views import served_response
from clocks import calendar_grid
from form_errors import add_errors
from rules.profiles import FigureMissing, get_profile

from . import contact_points, services
from .forms import ComplaintForm, StatusForm
from .models import LEAD, Complaint, Notice

NOTICE_SALT, NOTICE_MAX_AGE = "complaints.notice", 3600
CALENDAR_SALT = "complaints.calendar"  # links to a clock's calendar, from a successful lookup (1 hour)
DUPLICATE_WINDOW = dt.timedelta(days=1)
DUPLICATE_MSG = ("您已提交过内容相同的投诉举报（受理编号：{number}），本次未重复登记。"
                 "请使用首次提交时获得的受理编号和查询码查询办理情况，无需再次提交。")


def _profile_or_404(jurisdiction: str):
    try:
        return get_profile(jurisdiction)
    except FigureMissing:
        raise Http404("没有这个辖区。") from None


def duplicate_of(jurisdiction: str, fp: str) -> Complaint | None:
    since = timezone.now() - DUPLICATE_WINDOW
    return Complaint.objects.filter(jurisdiction=jurisdiction, fingerprint=fp, created_at__gte=since).first()


def complaint_form(request, jurisdiction: str):
    profile = _profile_or_404(jurisdiction)
    if not services.categories_for(jurisdiction, public=True):
        hotline = profile.text("complaint_hotline") if profile.has("complaint_hotline") else ""
        return render(request, "complaints/public_closed.html", {"profile": profile, "hotline": hotline,
                                                                 "jurisdiction": jurisdiction})
    form = ComplaintForm(request.POST or None, jurisdiction=jurisdiction)
    status, message = 200, ""
    if request.method == "POST":
        refusal = throttle.check(request, scope="complaint")
        if form.is_valid():
            parts = form.fingerprint_parts()
            fp = throttle.fingerprint(parts)
            repeat = throttle.duplicate("complaint", parts)
            existing = duplicate_of(jurisdiction, fp)
            if existing is not None or repeat:
                number = existing.receipt_number if existing is not None else "已在办理中"
                return render(request, "complaints/public_duplicate.html", {
                    "profile": profile, "message": DUPLICATE_MSG.format(number=number), "jurisdiction": jurisdiction})
            if refusal:
                throttle.release("complaint", parts)
                status, message = 429, refusal
            else:
                try:
                    complaint, code = services.complaint_receive(jurisdiction=jurisdiction, fingerprint=fp,
                                                                 fields=form.complaint_fields())
                except ValidationError as exc:
                    throttle.release("complaint", parts)
                    add_errors(form, exc)
                else:
                    request.session["complaint_receipt"] = {"pk": complaint.pk, "code": code}
                    return redirect("complaints_public:receipt", jurisdiction=jurisdiction)
        elif refusal:
            status, message = 429, refusal
    return render(request, "complaints/public_form.html", {
        "form": form, "profile": profile, "jurisdiction": jurisdiction, "message": message,
        "accept_rule": profile.period("complaint_accept_period") if profile.has("complaint_accept_period") else None,
        "required": profile.figure("complaint_required_fields") if profile.has("complaint_required_fields") else None,
        "required_items": profile.choices("complaint_required_fields") if profile.has("complaint_required_fields")
        else [],
        "hotline": profile.text("complaint_hotline") if profile.has("complaint_hotline") else "",
        "hotline_citation": str(profile.figure("complaint_hotline").citation) if profile.has("complaint_hotline") else "",
        "contact_points": contact_points.public_points(jurisdiction) if request.method == "GET" else [],
        "contact_points_citation": contact_points.citation(jurisdiction),
    }, status=status)


def receipt(request, jurisdiction: str):
    """The receipt number and access code, shown once after submission (the code is stored only hashed)."""
    profile = _profile_or_404(jurisdiction)
    data = request.session.pop("complaint_receipt", None)
    if not data:
        return redirect("complaints_public:status", jurisdiction=jurisdiction)
    complaint = Complaint.objects.get(pk=data["pk"])
    return render(request, "complaints/public_receipt.html", {
        "profile": profile, "complaint": complaint, "code": data["code"], "jurisdiction": jurisdiction,
        "lead": complaint.status == LEAD, "accept_clock": services.accept_clock(complaint)})


def status(request, jurisdiction: str):
    profile = _profile_or_404(jurisdiction)
    form = StatusForm(request.POST or None)
    complaint, code, http_status, message = None, "", 200, ""
    if request.method == "POST":
        if throttle.check(request, scope="complaint_status"):
            http_status, message = 429, "查询过于频繁，请稍后再试。"
        elif form.is_valid():
            number = form.cleaned_data["receipt_number"].strip()
            code = form.cleaned_data["code"]
            found = Complaint.objects.filter(jurisdiction=jurisdiction, receipt_number=number).first()
            # compare even when the number is unknown, so timing does not tell which numbers exist
            probe = found or Complaint(receipt_number=number, access_digest="0" * 64)
            if services.code_matches(probe, code) and found is not None:
                complaint = found
            else:
                message = "受理编号或查询码不正确，请核对后重新输入。"
    context = {"form": form, "profile": profile, "jurisdiction": jurisdiction, "message": message,
               "complaint": complaint}
    if complaint is not None:
        accept, finish = services.accept_clock(complaint), services.finish_clock(complaint)
        context.update(accept_clock=accept, finish_clock=finish,
                       accept_calendar=calendar_token(complaint, accept), finish_calendar=calendar_token(complaint, finish),
                       notices=[(n, signing.dumps({"n": n.pk}, salt=NOTICE_SALT)) for n in complaint.notices.all()])
    return render(request, "complaints/public_status.html", context, status=http_status)


def calendar_token(complaint: Complaint, clock) -> str:
    return signing.dumps({"c": complaint.pk, "k": clock.pk}, salt=CALENDAR_SALT) if clock is not None else ""


@never_cache
def clock_calendar(request, token: str):
    """How the complainant's own dates were counted, through a signed link from a successful status lookup
    (receipt number and access code): the clock must be one of that complaint's; pauses show no staff-written reason."""
    try:
        data = signing.loads(token, salt=CALENDAR_SALT, max_age=NOTICE_MAX_AGE)
        complaint_pk, clock_pk = int(data["c"]), int(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Http404("链接已失效，请重新查询办理情况。") from None
    complaint = Complaint.objects.filter(pk=complaint_pk).first()
    clocks = [c for c in (services.accept_clock(complaint), services.finish_clock(complaint))
              if c is not None] if complaint is not None else []
    clock = next((c for c in clocks if c.pk == clock_pk), None)
    if clock is None:
        raise Http404("没有这个期限，请重新查询办理情况。")
    try:
        grid = calendar_grid.build(clock, public=True)
    except calendar_grid.SpanTooLong as exc:
        return render(request, "complaints/public_calendar.html", {
            "message": str(exc), "complaint": complaint, "jurisdiction": complaint.jurisdiction,
            "profile": get_profile(complaint.jurisdiction)}, status=400)
    return render(request, "complaints/public_calendar.html", {
        "grid": grid, "weekdays": calendar_grid.WEEKDAYS, "complaint": complaint,
        "jurisdiction": complaint.jurisdiction, "profile": get_profile(complaint.jurisdiction)})


def notice_pdf(request, token: str):
    """A notice to the complainant, through a signed link from a successful status lookup (1 hour)."""
    try:
        pk = signing.loads(token, salt=NOTICE_SALT, max_age=NOTICE_MAX_AGE)["n"]
    except (signing.BadSignature, KeyError, TypeError):
        raise Http404("链接已失效，请重新查询。") from None
    notice = Notice.objects.filter(pk=pk).first()
    if notice is None or not notice.pdf:
        raise Http404("文书不存在。")
    return served_response(notice)  # the signed scan once the officer uploaded it
