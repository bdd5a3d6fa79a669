"""Signals from other apps that move the supervisors' processes."""
import logging

log = logging.getLogger(__name__)


def on_publicity_closed(sender, page, closure=None, **kwargs):
    """public_notices: a 拟聘人员公示 window closed -> the campaign's process moves on to objections/appointment."""
    from flows.services import process_for, run_handle

    from .flows import RecruitmentFlow, RenewalFlow
    from .models import Campaign

    campaign = Campaign.objects.filter(publicity_page_id=page.pk).first()
    if campaign is None:
        return
    for flow_class in (RecruitmentFlow, RenewalFlow):
        process = process_for(campaign, flow_class)
        if process is not None:
            run_handle(process=process, node=flow_class.publicity)


def on_absence_threshold(sender, supervisor, finding="", **kwargs):
    """activities: the absence rule fired -> a dismissal proposal on the profile's "absence" ground
    (000 第十八条第（三）项, 001 第十六条第（六）项, 002 第十五条第（二）项)."""
    from .processes import dismissal_start

    explanation = getattr(finding, "explanation", "") or str(finding or "")
    article = getattr(finding, "article", "")
    statement = (f"{explanation}（{article}）" if article else explanation) or "缺席规则触发：无正当理由不参加行政执法监督活动。"
    dismissal_start(supervisor=supervisor, ground="absence", statement=statement, automatic=True)


def connect() -> None:
    from public_notices.signals import publicity_closed

    publicity_closed.connect(on_publicity_closed, dispatch_uid="supervisors-publicity-closed")
    try:
        from activities.signals import absence_threshold_reached
    except ImportError:  # activities app not installed in this deployment
        log.warning("activities.signals not available; absence rule will not start dismissals")
        return
    absence_threshold_reached.connect(on_absence_threshold, dispatch_uid="supervisors-absence-dismissal")
