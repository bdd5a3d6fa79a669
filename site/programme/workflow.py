"""统计 第五条 on Wagtail's moderation workflow: the final approval of a workflow publishes the page through
`WorkflowState.on_finish` (wagtail/models/workflows.py: `finish()` calls it; the default is
wagtail.workflows.publish_workflow_state, which calls `Revision.publish`), and neither `before_publish_page` nor
`before_bulk_action` runs on that path. settings.WAGTAIL_FINISH_WORKFLOW_ACTION names this function instead: it
refuses the district report while the bureau's response plan is missing, before anything is published. The
refusal is raised inside `Task.on_action`, which is atomic, so the approval itself is rolled back too (the task
stays 待审批); request_guard turns the refusal into the Chinese message on the page's edit screen."""
from __future__ import annotations

from django.urls import reverse

from request_guard import Refused


def publish_workflow_state(workflow_state, user=None):
    from wagtail.models import Page
    from wagtail.workflows import publish_workflow_state as publish

    from .duties import district_publish_refusal

    obj = workflow_state.content_object
    if isinstance(obj, Page) and (refusal := district_publish_refusal(obj)):
        raise Refused(refusal, reverse("wagtailadmin_pages:edit", args=[obj.pk]))
    return publish(workflow_state, user=user)
