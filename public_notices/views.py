"""Public views: the objection form of a publicity list and the archive across jurisdictions."""
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_protect

import throttle
from request_guard import parse_year

from . import kinds as K
from .forms import ObjectionForm
from .selectors import archive_notices, notice_listing
from .services import objection_submit


@csrf_protect
def objection_view(request, page):
    form = ObjectionForm(request.POST or None, page=page)
    status = 200
    if request.method == "POST" and page.objections_open:
        refusal = throttle.check(request, scope="objection")
        if refusal:
            form.add_error(None, refusal)
            status = 429
        elif form.is_valid():
            d = form.cleaned_data
            same = [page.pk, d["person_concerned"], d["objector_name"], d["facts"]]
            if throttle.duplicate("objection", same):
                form.add_error(None, throttle.DUPLICATE_MESSAGE.format(what="异议"))
                status = 409
            else:
                try:
                    objection_submit(page=page, objector_name=d["objector_name"], contact=d["contact"],
                                     facts=d["facts"], person_concerned=d["person_concerned"],
                                     candidate=d.get("candidate"))
                except ValidationError as exc:
                    throttle.release("objection", same)
                    form.add_error(None, exc)
                else:
                    return redirect(page.url + page.reverse_subpage("objection") + "?sent=1")
    response = page.render(request, template="public_notices/objection_page.html", context_overrides={
        "objection_form": form, "sent": request.GET.get("sent") == "1"})
    response.status_code = status
    if request.method == "POST" and not page.objections_open:
        response.status_code = 403  # outside the window: the form is closed, nothing is stored
    return response


def archive(request):
    """公告归档: every notice, filtered by jurisdiction, year and kind, newest first."""
    from rules.models import RuleProfile

    jurisdiction = request.GET.get("jurisdiction", "")
    year = request.GET.get("year", "")
    kind = request.GET.get("kind", "")
    notices, years = notice_listing(archive_notices(jurisdiction=jurisdiction or None),
                                    year=parse_year(year),
                                    kind=kind if kind in K.KIND_LABELS else None,
                                    page_number=request.GET.get("page"))
    return TemplateResponse(request, "public_notices/archive.html", {
        "notices": notices, "years": years,
        "profiles": RuleProfile.objects.order_by("pk"), "kinds": K.KIND_CHOICES,
        "jurisdiction": jurisdiction, "year": year, "kind": kind,
    })
