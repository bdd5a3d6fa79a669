"""Starting the supervisors' processes: each opens its record through the service that owns it, then starts
its flow (supervisors/flows.py)."""
from __future__ import annotations

from django.db import transaction

from flows.services import process_for

from . import dismissals, services, terms


@transaction.atomic
def campaign_start(*, by, **fields):
    """Open a campaign (publishes the 选聘公告) and start its recruitment process."""
    from .flows import RecruitmentFlow

    campaign = services.campaign_open(by=by, **fields)
    RecruitmentFlow.start.run(campaign=campaign)
    return campaign


@transaction.atomic
def renewal_start(*, supervisors, by, title: str = ""):
    from .flows import RenewalFlow

    campaign = terms.renewal_open(supervisors=supervisors, by=by, title=title)
    RenewalFlow.start.run(campaign=campaign)
    return campaign


@transaction.atomic
def dismissal_start(*, supervisor, ground: str, statement: str, by=None, automatic: bool = False,
                    evaluation=None):
    from .flows import DismissalFlow

    dismissal = dismissals.dismissal_propose(supervisor=supervisor, ground=ground, statement=statement, by=by,
                                             automatic=automatic, evaluation=evaluation)
    if not process_for(dismissal, DismissalFlow):
        DismissalFlow.start.run(dismissal=dismissal)
    return dismissal
