"""Fault accountability (过错责任追究) and wrong-case accountability (错案责任倒查), 004: intake →
competence (transfer within the profile's days) → investigation team → collective decision per person →
statement and appeal → review within one month (re-investigation loops back).

The flow owns where a case stands: gates read what was recorded (the transfer, an appeal not yet answered,
the decision confirmed), `Case.state` is derived, and a review whose month ran out is completed by the
scheduler (accountability.jobs) through the flow: the decision stands."""
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from accountability import views
from accountability.models import OWN_CASE, AccountabilityProcess, Case
from flows.registry import register


def _case(activation) -> Case:
    # read afresh: the task screens saved the case through another instance
    return Case.objects.get(pk=activation.process.artifact_object_id)


# 过错 第五条 / 错案 第四条: a case the agency runs itself goes to its legal unit (its liaison, assigned so that no
# other agency can claim it); a case the bureau runs (or took over) to the bureau's roles
def _handler(activation) -> str:
    return OWN_CASE if _case(activation).by_agency else "accountability.handle_case"


def _decider(activation) -> str:
    return OWN_CASE if _case(activation).by_agency else "accountability.decide_case"


def _own_unit(activation):
    case = _case(activation)
    if not case.by_agency:
        return None
    return case.matter.agency.liaisons.order_by("pk").first()


@register("accountability")
class AccountabilityFlow(flow.Flow):
    """行政执法责任追究

    受理 → 审查管辖（转送）→ 调查 → 集体讨论决定（或容错）→ 陈述和申辩 →（申辩复核）→ 1个月内复核（可责令重新调查）
    →（答复举报人）。"""

    process_title = _("行政执法责任追究")
    lock_impl = lock.select_for_update_lock
    process_class = AccountabilityProcess  # the process in its case file (Matter.stage derived from its tasks)

    # 过错 第十条第（一）项 / 错案 第七条
    start = flow.StartHandle(this.start_case).Annotation(title=_("受理责任追究线索")).Next(this.screen)
    # 过错 第十条第（一）项: not ours → transfer within fault_transfer_period of intake
    screen = (flow.View(views.ScreenView.as_view()).Annotation(title=_("审查管辖"))
              .Permission(_handler).Assign(_own_unit).Next(this.screened))
    screened = flow.If(this.is_competent).Annotation(title=_("是否本单位管辖")).Then(this.investigate).Else(this.answered)
    # 过错 第十条第（二）项; shares 过错 第七条 / 错案 第八条
    investigate = (flow.View(views.InvestigateView.as_view()).Annotation(title=_("调查组调查并认定责任人"))
                   .Permission(_handler).Assign(_own_unit).Next(this.decide))
    # 过错 第十条第（三）项、第八条、第九条、第十一条 / 错案 第九条至第十二条
    # 恩施 第三十二条第二款: or 容错 — a recorded exemption that ends the case without sanction
    decide = (flow.View(views.DecideView.as_view()).Annotation(title=_("领导集体讨论作出处理决定"))
              .Permission(_decider).Assign(_own_unit).Next(this.decided))
    decided = flow.If(this.is_tolerated).Annotation(title=_("是否予以容错")).Then(this.answered).Else(this.hearing)
    # 过错 第十二条 / 错案 第十三条
    hearing = (flow.View(views.HearingView.as_view()).Annotation(title=_("听取责任人陈述和申辩"))
               .Permission(_handler).Assign(_own_unit).Next(this.heard))
    heard = flow.If(this.has_appeal).Annotation(title=_("是否申辩")).Then(this.appeal).Else(this.review)
    appeal = (flow.View(views.AppealView.as_view()).Annotation(title=_("申辩复核"))
              .Permission(_decider).Assign(_own_unit).Next(this.review))
    # 过错 第十条第（三）项: within 1 month, confirm or order a re-investigation; once the month ran out the
    # scheduler completes this step (accountability.jobs) and the decision stands
    review = (flow.View(views.ReviewView.as_view()).Annotation(title=_("复核处理决定（1个月内可责令重新调查）"))
              .Permission(_decider).Assign(_own_unit).Next(this.reviewed))
    reviewed = (flow.If(this.is_reinvestigated).Annotation(title=_("是否重新调查")).Then(this.investigate)
                .Else(this.answered))
    # 过错 第十条第（一）项: the reporter named at intake is answered (profile fault_reporter_answer)
    answered = flow.If(this.has_reporter).Annotation(title=_("是否答复举报人")).Then(this.answer).Else(this.end)
    answer = (flow.View(views.AnswerView.as_view()).Annotation(title=_("答复举报人"))
              .Permission(_handler).Assign(_own_unit).Next(this.end))
    end = flow.End().Annotation(title=_("完成"))

    def start_case(self, activation, case):
        activation.process.artifact = case
        activation.process.data = {"case": case.pk, "title": str(case)}
        return activation.process

    def is_competent(self, activation):
        return _case(activation).transferred_on is None

    def has_appeal(self, activation):
        return _case(activation).persons.filter(active=True, appealed=True, appeal_outcome="").exists()

    def is_reinvestigated(self, activation):
        return _case(activation).confirmed_on is None

    def is_tolerated(self, activation):
        return _case(activation).tolerated_on is not None

    def has_reporter(self, activation):
        from accountability.services import needs_answer

        case = _case(activation)
        return needs_answer(case) and case.answered_on is None
