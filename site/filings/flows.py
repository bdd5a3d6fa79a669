"""备案审查 of a major enforcement decision (003 第二十二条): one process per filing, in the filing's matter.

The agency's liaison (or an officer, for a paper filing) files the decision (filings.services.filing_submit
starts this flow, with the review clock `filing_review_period`) → the bureau's officers review it for legality
and propriety on the filing's screen → 合格 (the file closes) or a finding, which opens a supervision letter in
the same matter (letters.services.letter_start) — either way this process ends there.

The flow owns where the filing stands: 当前环节 is the title of the waiting step (flows/stage.py); the review
services complete the waiting task under the flow's lock (flows.services.task_perform)."""
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from filings.models import FilingProcess
from flows.registry import register

REVIEW = "filings.review_filing"


def to_filing_screen(request, **kwargs):
    """The review is done on the filing's screen, with its form there: open it."""
    return redirect("filings:detail", pk=request.activation.process.artifact_object_id)


@register("filings")
class FilingFlow(flow.Flow):
    """重大行政执法决定备案审查

    执法机关报送备案，司法局在审查期限内进行合法性、适当性审查：合格的办结，发现问题的制发监督文书（同一案卷）。"""

    process_title = _("重大执法决定备案审查")
    lock_impl = lock.select_for_update_lock
    process_class = FilingProcess  # the process in its case file (当前环节 derived from its tasks)

    # 003 第二十二条: filed within `filing_period` of the decision (late ones are counted)
    start = flow.StartHandle(this.start_filing).Annotation(title=_("报送备案")).Next(this.review)
    # 003 第二十二条: reviewed within `filing_review_period` of the filing
    review = (flow.View(to_filing_screen).Annotation(title=_("审查重大执法决定备案（合法性、适当性）"))
              .Permission(REVIEW).Next(this.end))
    end = flow.End().Annotation(title=_("完成"))

    def start_filing(self, activation, filing):
        activation.process.artifact = filing
        activation.process.data = {"filing": filing.pk, "title": str(filing)[:200]}
        return activation.process
