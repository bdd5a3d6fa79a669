"""文书模板 in the admin: per jurisdiction, the wording of every document kind it issues — the placeholders
listed with what each holds, a preview (text and PDF) filled with a real document's data, the change
history (who, when, before and after). Saving goes through casework.services.template_save, which refuses
an unknown placeholder or an overflowing template with a Chinese message and keeps the old one."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from form_errors import add_errors
from roles.access import is_bureau
from rules.models import RuleProfile
from rules.profiles import get_profile

from . import services, wording
from .documents import kind_label
from .models import Document, DocumentTemplateChange
from .pdf import OfficialDocument
from .pdf import render as render_pdf

LOGIN = "wagtailadmin_login"


def _staff(user) -> None:
    if not (is_bureau(user) and user.has_perm("casework.view_documenttemplate")):
        raise PermissionDenied("只有司法局工作人员可以查看文书模板。")


def _issued_records(jurisdiction: str, kind: str) -> list:
    """Documents of this kind issued in the jurisdiction, newest first (complaint notices included)."""
    from django.apps import apps

    rows = list(Document.objects.filter(matter__jurisdiction=jurisdiction, kind=kind).order_by("-issued_on", "-pk")[:30])
    if apps.is_installed("complaints"):
        notice = apps.get_model("complaints", "Notice")
        rows += list(notice.objects.filter(complaint__jurisdiction=jurisdiction, kind=kind)
                     .order_by("-issued_on", "-pk")[:30])
    return rows


class TemplateForm(forms.Form):
    title = forms.CharField(label="标题模板", max_length=300, widget=forms.TextInput(attrs={"style": "width:100%"}))
    body = forms.CharField(label="正文模板（每行一段）", widget=forms.Textarea(attrs={"rows": 12}))
    notes = forms.CharField(label="附注模板（每行一条，可不填）", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label="修改说明", max_length=200, required=False)
    sample = forms.ChoiceField(label="预览数据", required=False)

    def __init__(self, *args, records=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sample"].choices = [("", "示例数据")] + [
            (f"{r._meta.label_lower}:{r.pk}", f"{r.doc_number} {r.title}"[:80]) for r in records]


@login_required(login_url=LOGIN)
def template_list(request):
    _staff(request.user)
    rows = []
    for profile_row in RuleProfile.objects.order_by("pk"):
        profile = get_profile(profile_row.code)
        for w in wording.kinds_for(profile):
            changed = DocumentTemplateChange.objects.filter(jurisdiction=profile.code, kind=w.kind).first()
            rows.append({"profile": profile, "kind": w.kind, "label": kind_label(w.kind), "format": w.format,
                         "changed": changed})
    return render(request, "casework/template_list.html", {"rows": rows, "task_title": "文书模板"})


def _values_for(form, kind: str, records) -> dict[str, str]:
    key = form.data.get("sample") or form.initial.get("sample") or ""
    for r in records:
        if f"{r._meta.label_lower}:{r.pk}" == key:
            return {**wording.get(kind).sample, **(r.values or {})}
    return dict(wording.get(kind).sample)


@login_required(login_url=LOGIN)
def template_edit(request, jurisdiction: str, kind: str):
    _staff(request.user)
    if kind not in wording.REGISTRY or not RuleProfile.objects.filter(code=jurisdiction).exists():
        raise Http404("没有这种文书模板。")
    profile, w = get_profile(jurisdiction), wording.get(kind)
    if not w.issued_in(profile):
        raise Http404(f"{profile.name}不制发这种文书。")
    records = _issued_records(jurisdiction, kind)
    title, body, notes = wording.current(kind, jurisdiction)
    form = TemplateForm(request.POST or None, records=records,
                        initial={"title": title, "body": body, "notes": notes,
                                 "sample": f"{records[0]._meta.label_lower}:{records[0].pk}" if records else ""})
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = request.POST.get("action", "preview")
        if action == "save":
            if not request.user.has_perm("casework.edit_template"):
                raise PermissionDenied("您没有修改文书模板的权限。")
            try:
                services.template_save(jurisdiction=jurisdiction, kind=kind, title=data["title"], body=data["body"],
                                       notes=data["notes"], reason=data["reason"], by=request.user)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, f"已保存{profile.name}《{kind_label(kind)}》模板。")
                return redirect("casework:template", jurisdiction=jurisdiction, kind=kind)
        else:
            errors = wording.check(kind, jurisdiction, data["title"], data["body"], data["notes"])
            unknown = [e for e in errors if "占位符" in e or "花括号" in e]
            if unknown:
                for e in unknown:
                    form.add_error(None, e)
            else:
                values = _values_for(form, kind, records)
                composed = wording.compose(kind, jurisdiction, values,
                                           template=(data["title"], data["body"], data["notes"]))
                if action == "pdf":
                    doc = OfficialDocument(authority=profile.authority, kind_label=kind_label(kind),
                                           doc_number="（预览）", title=composed.title,
                                           addressee=values.get("被监督机关") or values.get("主送") or "（主送机关）",
                                           paragraphs=composed.paragraphs, issued_on=timezone.localdate(),
                                           notes=composed.notes, format=w.format)
                    response = HttpResponse(render_pdf(doc), content_type="application/pdf")
                    response["Content-Disposition"] = 'inline; filename="preview.pdf"'
                    response["Cache-Control"] = "private, no-store"
                    return response
                preview = {"title": composed.title, "paragraphs": composed.paragraphs, "notes": composed.notes,
                           "warnings": errors}
    return render(request, "casework/template_edit.html", {
        "form": form, "profile": profile, "kind": kind, "label": kind_label(kind), "wording": w,
        "placeholders": w.placeholders.items(), "preview": preview, "format": w.format,
        "can_edit": request.user.has_perm("casework.edit_template"),
        "changes": DocumentTemplateChange.objects.filter(jurisdiction=jurisdiction, kind=kind).select_related(
            "changed_by")[:50],
        "task_title": f"文书模板：{profile.name}《{kind_label(kind)}》"})
