"""Screens outside the task list: start a letter (立案并起草), the agency's objection (复查申请),
the typical-case draft. Task screens are in task_views.py."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from casework.models import Matter
from casework.selectors import can_view_matter
from casework.views import to_matter
from form_errors import submit
from roles.access import is_bureau, require
from rules.models import RuleProfile
from rules.profiles import get_profile

from . import forms, selectors, services
from .models import Letter
from .typical import typical_case_draft

LOGIN = "wagtailadmin_login"


def letter_jurisdictions() -> list[tuple[str, str]]:
    return [(p.code, p.name) for p in RuleProfile.objects.filter(figures__key="letter_document").order_by("pk")]




def _finding_matter(user, pk) -> Matter:
    """A finding's matter (监督检查、案卷评查 …, process "letter") that has no letter yet."""
    matter = get_object_or_404(Matter.objects.select_related("agency"), pk=pk)
    if not can_view_matter(user, matter):
        raise PermissionDenied("您无权查看该监督事项。")
    return matter


@login_required(login_url=LOGIN)
def letter_new(request):
    require(request.user, "letters.draft_letter", "只有司法局经办人可以起草监督建议书（意见书）。")
    if request.GET.get("matter"):
        return _letter_in_matter(request, _finding_matter(request.user, request.GET["matter"]))
    choices = letter_jurisdictions()
    code = request.GET.get("jurisdiction") or (choices[0][0] if choices else None)
    if code not in dict(choices):
        raise PermissionDenied("该辖区的规则中没有监督建议书（意见书）制度。")
    profile = get_profile(code)
    form = forms.LetterStartForm(request.POST or None, profile=profile)

    def act(data):
        letter = services.letter_start(by=request.user, **data)
        return to_matter(request, letter.matter_id, f"已立案并起草：{letter.matter.number}，请在待办中完成起草并提交签发。")

    if response := submit(request, form, act):
        return response
    doc = profile.figure("letter_document")
    return render(request, "letters/form.html", {
        "form": form, "task_title": f"立案并起草{doc.value['text']}（{profile.name}）", "jurisdictions": choices,
        "current": code, "note": f"依据{doc.citation}；制发情形按{profile.figure('letter_grounds').citation}列举。"})


def _letter_in_matter(request, matter: Matter):
    """The letter drafted in the finding's own file (一案一档): its facts and attachments are already there."""
    if matter.process != "letter":
        raise PermissionDenied("该事项由其他程序办理，请在相应程序的页面转入。")
    profile = get_profile(matter.jurisdiction)
    form = forms.LetterContentForm(request.POST or None, profile=profile, initial={"findings": matter.facts})

    def act(data):
        with transaction.atomic():  # the file locked first: two clicks never make two letters
            Matter.objects.select_for_update().get(pk=matter.pk)
            if matter.letters.exists():
                raise ValidationError("本事项已制发监督文书，不能重复制发。")
            letter = services.letter_start(by=request.user, matter=matter, **data,
                                           handoff=f"在本案卷中起草{profile.value('letter_document')['text']}。")
        return to_matter(request, letter.matter_id, f"已在{matter.number}中起草，请在待办中完成起草并提交签发。")

    if response := submit(request, form, act):
        return response
    doc = profile.figure("letter_document")
    return render(request, "letters/form.html", {
        "form": form, "task_title": f"在{matter.number}中起草{doc.value['text']}", "matter": matter,
        "note": f"基本事实：{matter.facts}　依据{doc.citation}。"})


def refused(request, reason: str):
    """A hand-off screen opened by the wrong role: 403 with the reason in Chinese (Wagtail would turn a
    PermissionDenied under /admin/ into its generic message)."""
    return render(request, "letters/forbidden.html", {"reason": reason, "task_title": "无权办理"}, status=403)


def handoff_screen(request, *, matter: Matter, title: str, note: str, form, act):
    """The screen every hand-off into the letter process shows (complaints, coordination): the source
    process's service checks its step has ended and calls letters.services.letter_start(matter=...)."""
    if response := submit(request, form, act):
        return response
    return render(request, "letters/form.html", {"form": form, "task_title": title, "matter": matter, "note": note})


@login_required(login_url=LOGIN)
def interview(request, pk: int):
    """The letter panel's 约谈 button (after a 监督决定书): the matter's 约谈 screen, the one door."""
    letter = _letter_for(request.user, pk)
    return redirect("letters:matter_interview", pk=letter.matter_id)


@login_required(login_url=LOGIN)
def matter_interview(request, pk: int):
    """003 第二十九条第二款: 约谈 as its own step, from any matter whose jurisdiction's profile has it."""
    if not (is_bureau(request.user) and request.user.has_perm("letters.sign_letter")):
        return refused(request, "只有司法局负责人可以决定约谈。")
    matter = get_object_or_404(Matter.objects.select_related("agency"), pk=pk)
    if not can_view_matter(request.user, matter):
        raise PermissionDenied("您无权查看该监督事项。")
    bases = services.interview_bases(matter)
    if not bases:
        return refused(request, f"{get_profile(matter.jurisdiction).name}的规则中没有约谈被监督机关负责人的规定。")
    form = forms.InterviewForm(request.POST or None, matter=matter, bases=bases)

    def act(data):
        done = services.interview_hold(matter=matter, by=request.user, **data)
        return to_matter(request, matter.pk, f"已登记约谈并制发《{done.document.kind_label}》{done.document.doc_number}。")

    return submit(request, form, act) or render(request, "letters/form.html", {
        "form": form, "task_title": f"约谈被监督机关负责人：{matter.number}", "matter": matter,
        "note": "被监督机关行政执法行为违法或者不当等情况突出、造成重大影响的，或者已制发监督决定书的，可以对其负责人进行约谈（"
                + "、".join(dict.fromkeys(article for _b, _l, article in bases)) + "）。"})


def _letter_for(user, pk: int) -> Letter:
    letter = get_object_or_404(Letter.objects.select_related("matter__agency", "document"), pk=pk)
    if not can_view_matter(user, letter.matter):
        raise PermissionDenied("您无权查看该监督事项。")
    return letter


@login_required(login_url=LOGIN)
def objection_new(request, pk: int):
    letter = _letter_for(request.user, pk)
    ok, note = selectors.may_object(letter)
    form = forms.ObjectionForm(request.POST or None)

    def act(data):
        services.objection_submit(letter=letter, by=request.user, reasons=data["reasons"])
        return to_matter(request, letter.matter_id, "复查申请已提交，司法局将在规定期限内答复。")

    return submit(request, form, act) or render(request, "letters/form.html", {
        "form": form, "note": note, "task_title": f"申请复查：{letter.matter.number}"})


@login_required(login_url=LOGIN)
@require_POST
def typical_case(request, pk: int):
    letter = _letter_for(request.user, pk)
    try:
        page = typical_case_draft(letter=letter, by=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("casework:matter", pk=letter.matter_id)
    messages.success(request, f"已生成典型案例草稿（未发布）：{page.title}，请编辑审核后发布。")
    return redirect("wagtailadmin_pages:edit", page.pk)


@login_required(login_url=LOGIN)
def cooperation(request, pk: int):
    """004 意见书 第六条、第十条: record that the agency refused or obstructed the supervision; it leads to a
    correction order in the same file (then 通报 when not corrected in time); a serious case marked for referral."""
    from django import forms as dj_forms

    from casework.forms import DATE

    from .cooperation import NO_AGENCY, refusal_record

    if not (is_bureau(request.user) and request.user.has_perm("letters.draft_letter")):
        return refused(request, "只有司法局经办人可以登记不配合监督的情况。")
    matter = get_object_or_404(Matter.objects.select_related("agency"), pk=pk)
    if not can_view_matter(request.user, matter):
        raise PermissionDenied("您无权查看该监督事项。")
    if matter.agency_id is None:  # the service refuses it too; no form to fill in for nothing
        return refused(request, NO_AGENCY)
    profile = get_profile(matter.jurisdiction)
    if not profile.has("cooperation_refusals"):
        return refused(request, f"{profile.name}的规则中没有不配合监督的处理规定。")

    class RefusalForm(dj_forms.Form):
        kind = dj_forms.ChoiceField(label="情形", choices=[("", "请选择")] + [
            (i["code"], f"{i['label']}（{i['article']}）") for i in profile.choices("cooperation_refusals")])
        occurred_on = dj_forms.DateField(label="发生日期", widget=DATE, required=False)
        facts = dj_forms.CharField(label="不配合、妨碍监督的事实", required=False,
                                   widget=dj_forms.Textarea(attrs={"rows": 3}))
        request = dj_forms.CharField(label="责令纠正的要求（首次登记时制发责令限期纠正通知书）", required=False,
                                     widget=dj_forms.Textarea(attrs={"rows": 2}))
        serious = dj_forms.BooleanField(label="情节严重，需依法依规处理（移送）", required=False)
        serious_reason = dj_forms.CharField(label="情节严重的理由", required=False,
                                            widget=dj_forms.Textarea(attrs={"rows": 2}))

    form = RefusalForm(request.POST or None)
    to_accountability = profile.has("cooperation_accountability")  # 003 第二十五条 → 第三十二条第一款第（四）项
    if to_accountability:  # no correction order, no referral mark: the accountability case handles it
        for name in ("request", "serious", "serious_reason"):
            del form.fields[name]
        rule = profile.figure("cooperation_accountability")
        note = (f"{profile.figure('cooperation_refusals')}。被监督机关及其工作人员{rule.value['text']}的，"
                f"对直接负责的主管人员和其他直接责任人员依纪依法处理（{rule.citation}）：登记后转入责任追究程序。")
    else:
        note = (f"{profile.figure('cooperation_refusals')}。不配合、妨碍监督的，责令限期纠正；逾期不纠正的予以通报；"
                "情节严重的，依法依规予以处理（《行政执法监督意见书制度》第十条）。")

    def act(data):
        done = refusal_record(matter=matter, by=request.user, **data, **({"request": ""} if to_accountability else {}))
        if done.case_id:
            return to_matter(request, matter.pk, f"已登记不配合监督，已在{done.case.matter.number}中受理责任追究。")
        return to_matter(request, matter.pk, f"已登记不配合监督；责令限期纠正：{done.letter.get_state_display()}。")

    return submit(request, form, act) or render(request, "letters/form.html", {
        "form": form, "task_title": f"登记不配合监督：{matter.number}", "matter": matter, "note": note})


@login_required(login_url=LOGIN)
def measure(request, pk: int):
    """003 第二十三条: record a supervision measure taken in the matter (the one writer: measures.measure_record)."""
    from django import forms as dj_forms

    from casework.forms import DATE

    from .measures import KEY, measure_choices, measure_record

    if not (is_bureau(request.user) and request.user.has_perm("letters.draft_letter")):
        return refused(request, "只有司法局经办人可以登记监督措施。")
    matter = get_object_or_404(Matter.objects.select_related("agency"), pk=pk)
    if not can_view_matter(request.user, matter):
        raise PermissionDenied("您无权查看该监督事项。")
    profile = get_profile(matter.jurisdiction)
    choices = measure_choices(matter.jurisdiction)
    if not choices:
        return refused(request, f"{profile.name}的规则中没有列举行政执法监督措施。")

    class MeasureForm(dj_forms.Form):
        kind = dj_forms.ChoiceField(label="监督措施", required=False, choices=[("", "请选择")] + [
            (i["code"], f"{i['label']}（{i['article']}）") for i in choices])
        taken_on = dj_forms.DateField(label="日期", widget=DATE, required=False,
                                      error_messages={"invalid": "请按“年-月-日”填写日期。"})
        staff = dj_forms.CharField(label="监督人员", max_length=200, required=False)
        subjects = dj_forms.CharField(label="对象", max_length=200, required=False,
                                      help_text="被听取说明的机关、被询问人、受托的社会组织、调取的案卷等。")
        content = dj_forms.CharField(label="情况和查明的事实", required=False,
                                     widget=dj_forms.Textarea(attrs={"rows": 4}))

    form = MeasureForm(request.POST or None)

    def act(data):
        done = measure_record(matter=matter, by=request.user, **data)
        return to_matter(request, matter.pk, f"已登记监督措施：{done.kind_label}。")

    figure = profile.figure(KEY)
    return submit(request, form, act) or render(request, "letters/form.html", {
        "form": form, "task_title": f"登记监督措施：{matter.number}", "matter": matter,
        "note": f"行政执法监督机关可以采取下列措施开展监督活动（{figure.citation}）。{figure.note}。"})


@login_required(login_url=LOGIN)
def to_accountability(request, pk: int):
    """003 第三十二条第一款第（五）项: the 决定书 not executed → the accountability process in the same file."""
    from django import forms as dj_forms

    from .handoffs import letter_to_accountability, refusal_ground

    if not (is_bureau(request.user) and request.user.has_perm("accountability.handle_case")):
        return refused(request, "只有司法局经办人可以受理责任追究线索。")
    letter = _letter_for(request.user, pk)
    ground = refusal_ground(letter)
    if ground is None:
        return refused(request, f"{get_profile(letter.jurisdiction).name}的规则中没有“拒不执行行政执法监督决定”的责任追究情形。")

    class ConfirmForm(dj_forms.Form):
        confirm = dj_forms.BooleanField(label="确认转入责任追究程序", required=True,
                                        error_messages={"required": "请勾选确认转入责任追究程序。"})

    form = ConfirmForm(request.POST or None)

    def act(data):
        letter_to_accountability(letter=letter, by=request.user)
        return to_matter(request, letter.matter_id, "已转入责任追究程序（同一案卷），待审查管辖。")

    return submit(request, form, act) or render(request, "letters/form.html", {
        "form": form, "task_title": f"转入责任追究：{letter.matter.number}", "matter": letter.matter,
        "note": f"被监督机关拒不执行行政执法监督决定的，根据情节对直接负责的主管人员和其他直接责任人员依纪依法予以处理"
                f"（{ground['citation']}）。转入后由责任追究程序审查管辖、调查、集体讨论决定（或予以容错）。"})
