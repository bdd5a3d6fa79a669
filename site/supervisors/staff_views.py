"""The supervisors' staff screens that start their processes (选聘, 录入报名, 续聘, 解聘), the leader's
decision on a term that ended, and a supervisor's own record. Mounted under /workflow/ (flows/urls.py)."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from flows.views import LOGIN, to_inbox
from form_errors import submit
from roles.access import require_own_jurisdiction
from rules.profiles import get_profile

from . import processes, staff_forms
from .readings import readings
from .services import require


@login_required(login_url=LOGIN)
def campaign_new(request):
    require(request.user, "supervisors.open_campaign", "发起监督员选聘")
    form = staff_forms.CampaignForm(request.POST or None)

    def act(data):
        campaign = processes.campaign_start(by=request.user, **data)
        return to_inbox(request, f"已发布选聘公告并开始受理报名：{campaign.title}")

    if response := submit(request, form, act):
        return response
    return render(request, "flows/start.html", {"form": form, "heading": "发起监督员选聘"})


@login_required(login_url=LOGIN)
def application_new(request, campaign_pk: int):
    """Staff enter a unit recommendation or a directed invitation (000 第六条第（一）项, 001 第四条, 002 第七条)."""
    from supervisors.forms import ApplicationForm
    from supervisors.models import Campaign
    from supervisors.services import application_submit

    require(request.user, "supervisors.open_campaign", "录入报名")
    campaign = get_object_or_404(Campaign, pk=campaign_pk, kind=Campaign.RECRUITMENT)
    require_own_jurisdiction(request.user, campaign.jurisdiction)
    form = ApplicationForm(request.POST or None, profile=get_profile(campaign.jurisdiction), staff=True)

    def act(data):
        app = application_submit(campaign=campaign, data=data, by=request.user)
        return to_inbox(request, f"已录入{app.name}的报名。")

    if response := submit(request, form, act):
        return response
    return render(request, "flows/start.html", {"form": form, "heading": f"录入报名：{campaign.title}",
                                                "note": str(get_profile(campaign.jurisdiction)
                                                            .figure("intake_methods").citation),
                                                "readings": readings(get_profile(campaign.jurisdiction), "review")})


@login_required(login_url=LOGIN)
def renewal_new(request):
    require(request.user, "supervisors.open_campaign", "发起续聘")
    form = staff_forms.RenewalForm(request.POST or None)

    def act(data):
        campaign = processes.renewal_start(supervisors=list(data["supervisors"]), by=request.user,
                                          title=data["title"])
        return to_inbox(request, f"已发起续聘：{campaign.title}")

    if response := submit(request, form, act):
        return response
    return render(request, "flows/start.html", {"form": form, "heading": "发起监督员续聘"})


@login_required(login_url=LOGIN)
def dismissal_new(request):
    require(request.user, "supervisors.propose_dismissal", "提出解聘")
    from django.http import Http404

    from rules.profiles import FigureMissing

    code = request.POST.get("jurisdiction") or request.GET.get("jurisdiction") or None
    try:
        profile = get_profile(code)
        grounds = [(g["code"], f"{g['label']}（{g['citation']}）") for g in profile.choices("dismissal_grounds")]
    except FigureMissing:
        raise Http404("没有这个辖区，或该辖区未规定解聘情形。") from None
    form = staff_forms.DismissalForm(request.POST or None, grounds=grounds, jurisdiction=profile.code)

    def act(data):
        processes.dismissal_start(supervisor=data["supervisor"], ground=data["ground"],
                                 statement=data["statement"], by=request.user)
        return to_inbox(request, "解聘建议已提交负责人决定。")

    if response := submit(request, form, act):
        return response
    others = [(c, name) for c, name in staff_forms.jurisdiction_choices() if c != profile.code]
    return render(request, "flows/start.html", {"form": form, "heading": f"提出解聘（{profile.name}）",
                                                "note": str(profile.figure("dismissal_grounds").citation),
                                                "switch": others, "switch_url": "flows:dismissal_new",
                                                "readings": readings(profile, "dismissal")})


@login_required(login_url=LOGIN)
def term_decide(request, term_pk: int):
    """A term that ended without an automatic end (001 第五条) waits here for the leader: renew it (the
    renewal process) or decide not to renew (term_not_renewed)."""
    from supervisors.models import Term
    from supervisors.terms import PERM_APPROVE, term_not_renewed

    require(request.user, PERM_APPROVE, "决定期满不再续聘")
    term = get_object_or_404(Term.objects.select_related("supervisor"), pk=term_pk)
    require_own_jurisdiction(request.user, term.jurisdiction)
    form = staff_forms.TermEndForm(request.POST or None)

    def act(data):
        term_not_renewed(term=term, note=data["note"], by=request.user)
        return to_inbox(request, f"已决定{term.supervisor.name}期满不再续聘。")

    if response := submit(request, form, act):
        return response
    return render(request, "flows/start.html", {
        "form": form, "heading": f"聘期届满决定：{term.supervisor.name} 第{term.number}届",
        "note": f"{term.article}；聘期{term.start:%Y-%m-%d}至{term.end:%Y-%m-%d}已届满。"
                "如拟续聘，请通过“发起续聘”办理；不再续聘的，在此写明理由。",
        "readings": readings(get_profile(term.jurisdiction), "term_end")})


@login_required(login_url=LOGIN)
def my_record(request):
    """A supervisor sees their own register entry, terms and the decisions about them, nothing else."""
    from decisions.selectors import visible_records
    from supervisors.selectors import own_record

    supervisor = own_record(request.user)
    if supervisor is None:
        raise PermissionDenied("您的账号未关联监督员名册记录。")
    from django.utils import timezone

    from supervisors.duty_views import _record_context

    return render(request, "supervisors/my_record.html", {
        **_record_context(supervisor, timezone.localdate().year),
        "supervisor": supervisor, "terms": supervisor.terms.all(),
        "records": visible_records(request.user).filter(party_user=request.user)[:50]})
