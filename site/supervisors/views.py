"""Public pages: open campaigns, the application form, the roster of serving supervisors.
Nothing personal (ID number, phone, address) is ever rendered back to the public."""
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_protect

import throttle
from form_errors import add_errors
from rules.profiles import FigureMissing, get_profile

from . import selectors, services
from .forms import ApplicationForm
from .models import Campaign


def _profile(code: str):
    try:
        profile = get_profile(code)
    except FigureMissing:
        raise Http404("没有这个辖区。") from None
    if not profile.has("term_length"):
        raise Http404("该辖区未聘请监督员。")
    return profile


def campaigns(request, jurisdiction: str):
    profile = _profile(jurisdiction)
    return render(request, "supervisors/campaigns.html", {
        "profile": profile, "campaigns": selectors.open_campaigns(profile.code),
        "roster_public": profile.flag("publishes_roster")})


@csrf_protect
def apply(request, jurisdiction: str, pk: int):
    profile = _profile(jurisdiction)
    campaign = get_object_or_404(Campaign, pk=pk, jurisdiction=profile.code, kind=Campaign.RECRUITMENT)
    if not campaign.accepting:
        return render(request, "supervisors/closed.html", {"profile": profile, "campaign": campaign}, status=410)
    form = ApplicationForm(request.POST or None, profile=profile)
    status = 200
    if request.method == "POST":
        refusal = throttle.check(request, scope="application")
        if refusal:
            form.add_error(None, refusal)
            status = 429
        elif form.is_valid():  # a second application with the same ID number is refused by the service
            try:
                services.application_submit(campaign=campaign, data=form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                return redirect("supervisors:applied", jurisdiction=profile.code, pk=campaign.pk)
    return render(request, "supervisors/apply.html", {"profile": profile, "campaign": campaign, "form": form,
                                                      "conditions": services.conditions_text(profile),
                                                      "notice_url": notice_url(campaign)},
                  status=status)


def notice_url(campaign: Campaign) -> str:
    """The campaign's 选聘公告 (live), for the link back from the application form."""
    from wagtail.models import Page

    from pages.visibility import visible_to_anonymous

    page = (visible_to_anonymous(Page.objects.filter(pk=campaign.notice_page_id)).first()
            if campaign.notice_page_id else None)
    return page.url if page else ""


def applied(request, jurisdiction: str, pk: int):
    profile = _profile(jurisdiction)
    campaign = get_object_or_404(Campaign, pk=pk, jurisdiction=profile.code)
    return render(request, "supervisors/applied.html", {"profile": profile, "campaign": campaign})


def roster(request, jurisdiction: str):
    profile = _profile(jurisdiction)
    if not profile.flag("publishes_roster"):
        raise Http404("本辖区不公开监督员名单。")
    return render(request, "supervisors/roster.html", {
        "profile": profile, "rows": selectors.public_roster(profile.code),
        "citation": profile.figure("publishes_roster").citation})
