"""Screens of the hand-offs from a complaint (complaints.handoffs): one click from the complaint's screen,
a form prefilled with what the collective review found, the next process started in the same file."""
from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required

from casework.views import to_matter
from letters.forms import LetterContentForm, OrderForm
from letters.views import handoff_screen, refused
from roles.access import is_bureau
from rules.profiles import get_profile

from . import handoffs, services
from .views import LOGIN, _complaint_for


def _refused(request, perm: str, reason: str):
    if not (is_bureau(request.user) and request.user.has_perm(perm)):
        return refused(request, reason)
    return None


@login_required(login_url=LOGIN)
def to_letter(request, pk: int):
    if denied := _refused(request, "letters.draft_letter", "只有司法局经办人可以将投诉举报转入监督意见书程序。"):
        return denied
    complaint = _complaint_for(request.user, pk)
    profile = get_profile(complaint.jurisdiction)
    form = LetterContentForm(request.POST or None, profile=profile,
                             initial={"findings": complaint.review_decision or complaint.opinion})

    def act(data):
        letter = handoffs.complaint_to_letter(complaint=complaint, by=request.user, **data)
        return to_matter(request, letter.matter_id, f"已在{letter.matter.number}中起草"
                                                    f"{profile.value('letter_document')['text']}，请在待办中提交签发。")

    return handoff_screen(request, matter=complaint.matter, form=form, act=act,
                          title=f"查证属实，责令限期改正：{complaint.receipt_number}",
                          note=f"依{handoffs.HANDOFF_ARTICLE}，在同一案卷中制发{profile.value('letter_document')['text']}"
                               f"（{profile.figure('letter_document').citation}）。")


@login_required(login_url=LOGIN)
def to_accountability(request, pk: int):
    from accountability.forms import IntakeForm

    if denied := _refused(request, "accountability.handle_case", "只有司法局经办人可以将投诉举报转入责任追究程序。"):
        return denied
    complaint = _complaint_for(request.user, pk)
    # the prohibited acts the complaint cites (辅助人员管理办法 第十条) carried into the case
    form = IntakeForm(request.POST or None, jurisdiction=complaint.jurisdiction,
                      initial={"aux_acts": list(complaint.aux_acts)})
    # the complainant is answered by the complaint's own process (its 处理结果告知书), not by the case
    for name in ("agency", "origin", "title", "facts", "intake_on", "reporter"):
        form.fields.pop(name, None)

    def act(data):
        case = handoffs.complaint_to_accountability(complaint=complaint, by=request.user, **data)
        return to_matter(request, case.matter_id, f"已在{case.matter.number}中受理责任追究。")

    return handoff_screen(request, matter=complaint.matter, form=form, act=act,
                          title=f"查证属实，追究责任人的责任：{complaint.receipt_number}",
                          note=f"依{handoffs.HANDOFF_ARTICLE}，在同一案卷中受理责任追究。"
                               + (f"投诉举报涉及行政执法辅助人员{complaint.auxiliary_staff.name}"
                                  if complaint.auxiliary_staff_id else "")
                               + (f"（{services.cited_auxiliary_acts(complaint)}）。" if complaint.aux_acts
                                  else "。" if complaint.auxiliary_staff_id else ""))


@login_required(login_url=LOGIN)
def obstruction(request, pk: int):
    if denied := _refused(request, "letters.draft_letter", "只有司法局经办人可以登记妨碍调查并责令纠正。"):
        return denied
    complaint = _complaint_for(request.user, pk)
    profile = get_profile(complaint.jurisdiction)
    form = OrderForm(request.POST or None)

    def act(data):
        letter = handoffs.obstruction_order(complaint=complaint, by=request.user, **data)
        return to_matter(request, letter.matter_id, "已登记妨碍调查，请在待办中起草责令限期纠正通知书并提交签发。")

    cite = profile.figure("order_for_obstruction").citation if profile.has("order_for_obstruction") else ""
    return handoff_screen(request, matter=complaint.matter, form=form, act=act,
                          title=f"被投诉举报机关不配合调查：{complaint.receipt_number}",
                          note=f"不配合调查、妨碍监督人员依法履行职责的，责令限期纠正；逾期不纠正的予以通报（{cite}）。")


class ReferralForm(forms.Form):
    to = forms.CharField(label="接收移送的司法机关", max_length=100)
    reasons = forms.CharField(label="涉嫌犯罪的事实", widget=forms.Textarea(attrs={"rows": 4}))


@login_required(login_url=LOGIN)
def referral(request, pk: int):
    if denied := _refused(request, "complaints.decide_complaint", "只有司法局负责人可以决定移送司法机关。"):
        return denied
    complaint = _complaint_for(request.user, pk)
    form = ReferralForm(request.POST or None)

    def act(data):
        handoffs.complaint_referral(complaint=complaint, by=request.user, **data)
        return to_matter(request, complaint.matter_id, f"已决定移送{data['to']}，已记入案卷。")

    return handoff_screen(request, matter=complaint.matter, form=form, act=act,
                          title=f"涉嫌犯罪，移送司法机关：{complaint.receipt_number}",
                          note=f"依{handoffs.HANDOFF_ARTICLE}，涉嫌构成犯罪的，依法移送司法机关处理；"
                               "决定记入本案卷（不向被投诉举报机关公开），移送函按公文办理。")


@login_required(login_url=LOGIN)
def misconduct(request, pk: int):
    """投诉 第十三条、第十五条: retaliation against the complainant (or obstruction of the handling) or the
    handling staff's own misconduct, found and handed into accountability."""
    from accountability.forms import IntakeForm

    if denied := _refused(request, "accountability.handle_case",
                          "只有司法局经办人可以登记打击报复、工作人员违法行为并转入责任追究。"):
        return denied
    complaint = _complaint_for(request.user, pk)
    kinds, cite = handoffs.misconduct_rule(complaint.jurisdiction)
    form = IntakeForm(request.POST or None, jurisdiction=complaint.jurisdiction)
    for name in ("agency", "origin", "title", "facts", "intake_on", "reporter"):
        form.fields.pop(name, None)
    form.fields = {
        "misconduct": forms.ChoiceField(label=f"应追究责任的情形（{cite}）", widget=forms.RadioSelect,
                                        choices=[(c["code"], f"{c['label']}（{c['article']}）") for c in kinds],
                                        error_messages={"required": f"请选择应追究责任的情形（{cite}）。"}),
        "misconduct_facts": forms.CharField(label="认定的事实", widget=forms.Textarea(attrs={"rows": 4}),
                                            error_messages={"required": "请写明认定的事实。"}),
        **form.fields}

    def act(data):
        data = dict(data)
        row = handoffs.misconduct_to_accountability(complaint=complaint, by=request.user,
                                                    misconduct=data.pop("misconduct"),
                                                    facts=data.pop("misconduct_facts"), **data)
        return to_matter(request, row.case.matter_id, f"已在{row.case.matter.number}中受理责任追究（{row.article}）。")

    return handoff_screen(request, matter=complaint.matter, form=form, act=act,
                          title=f"打击报复、办理人员违法，追究责任：{complaint.receipt_number}",
                          note=f"依{cite}，对干扰阻碍办理、打击报复投诉举报人，或受理机关工作人员的违法行为追究责任；"
                               "本案卷已有责任追究案件的，另立案卷并在本案卷中记录。")

