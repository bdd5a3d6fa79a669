"""Staff screens of the case file (一案一档): the list, opening a matter, the matter screen with its
documents, service records, attachments, clocks, decisions and process panels; private file downloads."""
from __future__ import annotations

import contextlib
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.db.models import Count, Window
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from form_errors import add_errors as _errors
from form_errors import submit
from held_rows import held
from roles.access import agency_of, bureau_jurisdiction, is_bureau, require
from rules.jurisdiction_choice import offered

from . import services, visibility
from .forms import AttachmentForm, MatterForm, PartySummaryForm, ScanForm, ServiceForm
from .models import SOURCES, Attachment, Document, Matter
from .paging import page_of, query_without_page
from .panels import render_panels
from .recusal_views import recusal_panel
from .selectors import matter_clocks, matter_records, visible_matters
from .stages import annotate

LOGIN = "wagtailadmin_login"
PROCESSES = {"letter": "监督建议书/意见书", "complaint": "投诉举报", "coordination": "争议协调",
             "accountability": "责任追究", "programme": "年度监督"}




def _matter_for(user, pk: int) -> Matter:
    matter = Matter.objects.select_related("agency").filter(pk=pk).first()
    if matter is None:
        raise Http404("没有这个监督事项。")
    visibility.require_matter(user, matter)
    return matter


def _document_for(user, pk: int, *, locked: bool = False) -> Document:
    """A document the user may open: bureau staff any; a party only one issued to its agency. `locked`: read
    FOR UPDATE, for a POST that hands this copy to the service recording on it (held_rows) — the visibility
    checked and the record made on one read of the row."""
    documents = Document.objects.select_related("matter__agency")
    if locked:
        documents = documents.select_for_update(of=("self",))
    document = documents.filter(pk=pk).first()
    if document is None:
        raise Http404("没有这份文书。")
    visibility.require_document(user, document)
    return document


@login_required(login_url=LOGIN)
@visibility.explain_refusals
def matter_list(request):
    qs = visible_matters(request.user)
    if not is_bureau(request.user) and agency_of(request.user) is None:
        raise PermissionDenied("只有司法局工作人员和执法机关联络员可以查看监督事项。")
    filters = {k: request.GET.get(k, "") for k in ("jurisdiction", "process", "status", "q")}
    # staff bound to a 辖区 are offered only theirs (roles.access.bureau_jurisdiction: the list shows no other)
    jurisdictions = offered(request.user)
    error = _bad_filter(filters, jurisdictions)
    if filters["jurisdiction"]:
        qs = qs.filter(jurisdiction=filters["jurisdiction"])
    if filters["process"]:
        qs = qs.filter(process=filters["process"])
    if filters["status"] in ("open", "closed"):
        qs = qs.filter(status=filters["status"])
    if filters["q"][:100].replace("\x00", ""):
        q = filters["q"][:100].replace("\x00", "")
        qs = qs.filter(title__icontains=q) | qs.filter(number__icontains=q)
    # a page of rows, whatever the number of matters (issue 28): one count, one page of rows
    page = None
    if error is None:
        page, error = page_of(qs.order_by("-opened_on", "-pk"), request.GET.get("page"))
    query = query_without_page(filters)
    return render(request, "casework/matter_list.html", {
        "matters": annotate(page.object_list) if page else [], "page": page, "query": query, "error": error,
        "filters": filters, "processes": PROCESSES,
        # 当前环节 names the bureau's internal steps (起草、签发): not for a party (casework.visibility)
        "party_view": visibility.is_party(request.user),
        # a bound account is offered its own 辖区 only, chosen (no 全部: it would mean the same)
        "jurisdictions": jurisdictions, "bound": bureau_jurisdiction(request.user),
        "can_open": request.user.has_perm("casework.open_matter"),
        "task_title": "监督事项（一案一档）"}, status=400 if error else 200)


def _bad_filter(filters: dict, jurisdictions) -> str | None:
    """A filter value the form never offers: say which, in Chinese (the list answers 400)."""
    if filters["jurisdiction"] and not any(j.code == filters["jurisdiction"] for j in jurisdictions):
        return "辖区筛选值无效，请从列表中选择辖区。"
    if filters["process"] and filters["process"] not in PROCESSES:
        return "办理程序筛选值无效，请从列表中选择程序。"
    if filters["status"] not in ("", "open", "closed"):
        return "状态筛选值无效，请选择“办理中”或“已办结”。"
    return None


def to_matter(request, matter_id: int, message: str):
    """After a service succeeded on a matter: say so and show the matter's screen."""
    messages.success(request, message)
    return redirect("casework:matter", pk=matter_id)


@login_required(login_url=LOGIN)
@visibility.explain_refusals
def matter_new(request):
    require(request.user, "casework.open_matter", "只有司法局经办人可以立案登记监督事项。")
    form = MatterForm(request.POST or None, jurisdiction=request.GET.get("jurisdiction") or None)

    def act(data):
        matter = services.matter_open(by=request.user, **data)
        return to_matter(request, matter.pk, f"已立案：{matter.number}")

    return submit(request, form, act) or render(request, "casework/form.html", {
        "form": form, "task_title": "立案登记监督事项", "note": "被监督机关只能从执法机关名录中选择，且须已设联络员。"})


EVENTS_SHOWN = 50  # the matter screen's events before 显示全部 (a screen size, not a statutory figure)


@login_required(login_url=LOGIN)
@visibility.explain_refusals
def matter_detail(request, pk: int):
    matter = _matter_for(request.user, pk)
    today = timezone.localdate()
    user = request.user
    # a file of hundreds of events was render-bound (issue 28: 200 events, 2 s at 20,000 matters, the database
    # 0.3 s of it — one timeline row and one list line each): the newest EVENTS_SHOWN, all of them on asking
    seen = visibility.party_events(user, matter)
    # the newest, each row carrying how many there are (one query); all of them, in the file's order, on asking
    newest = list(seen.order_by("-at", "-pk").annotate(total=Window(Count("pk")))[:EVENTS_SHOWN])
    events_total = newest[0].total if newest else 0
    events_all = request.GET.get("events") == "all" or events_total <= EVENTS_SHOWN
    events = [(e, visibility.actor_name(user, e.by)) for e in
              (seen if events_all and events_total > EVENTS_SHOWN else reversed(newest))]
    # 过错 第五条、错案 第四条: a case the agency runs itself — its legal unit reads the whole file as the bureau does
    # (not as a party), and no summary is "told" to the agency: it has the facts
    agency_runs = visibility.agency_runs(matter)
    return render(request, "casework/matter_detail.html", {
        "events_total": events_total, "events_all": events_all, "events_shown": EVENTS_SHOWN,
        "matter": matter, "task_title": f"{matter.number} {matter.title}",
        # what each role reads of the file is decided in casework.visibility
        "fields": visibility.visible_fields(user, matter),
        "party_view": visibility.is_party(user) and not (agency_runs and visibility.runs_own_case(user, matter)),
        "party_summary_box": not matter.bureau_staff and not agency_runs,
        "summary_form": PartySummaryForm(initial={"text": matter.party_summary})
        if user.has_perm("casework.open_matter") and is_bureau(user) and not matter.bureau_staff and not agency_runs
        else None,
        "documents": visibility.party_documents(user, matter), "attachments": visibility.party_attachments(user, matter),
        "clocks": visibility.party_clocks(user, matter, matter_clocks(matter)),
        "records": visibility.party_records(user, matter, matter_records(matter, user)),
        "events": events, "panels": render_panels(request, matter), "recusal": recusal_panel(request, matter),
        "attachment_form": AttachmentForm() if services.can_add_to(request.user, matter) else None,
        "can_serve": request.user.has_perm("casework.record_service"), "today": today,
        "is_bureau": is_bureau(request.user), "scan_form": ScanForm() if request.user.has_perm(
            "casework.record_service") else None,
        # the liaison's agency name: they acknowledge the documents addressed to it
        "own_agency": agency_of(request.user).name if agency_of(request.user) is not None else "",
        "process_label": PROCESSES.get(matter.process, "")})


@login_required(login_url=LOGIN)
@visibility.explain_refusals
@require_POST
def attachment_upload(request, pk: int):
    matter = _matter_for(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(matter=matter, upload=form.cleaned_data["file"], by=request.user,
                                    description=form.cleaned_data["description"])
        except ValidationError as exc:
            messages.error(request, "上传失败：" + "；".join(exc.messages))
        else:
            messages.success(request, "材料已上传。")
    else:
        messages.error(request, "上传失败：" + "；".join(e for errs in form.errors.values() for e in errs))
    return redirect("casework:matter", pk=matter.pk)


@login_required(login_url=LOGIN)
@visibility.explain_refusals
@require_POST
def party_summary(request, pk: int):
    """The officer writes what the agency is told of the facts (the agency never reads the facts)."""
    matter = _matter_for(request.user, pk)
    form = PartySummaryForm(request.POST)
    if not form.is_valid():
        messages.error(request, "保存失败：" + "；".join(e for errs in form.errors.values() for e in errs))
        return redirect("casework:matter", pk=matter.pk)
    try:
        services.party_summary_set(matter=matter, by=request.user, text=form.cleaned_data["text"])
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "已保存告知被监督机关的事实摘要。")
    return redirect("casework:matter", pk=matter.pk)


@login_required(login_url=LOGIN)
@visibility.explain_refusals
def document_service(request, pk: int):
    """Record service from the return slip (bureau) or acknowledge receipt online (the agency's liaison). A POST
    reads the document once, locked, in the transaction the service records in, and hands it that copy."""
    posted = request.method == "POST"
    with transaction.atomic() if posted else contextlib.nullcontext():
        document = _document_for(request.user, pk, locked=posted)
        matter = document.matter
        own = services.signs_online(request.user, document)
        form = None if own else ServiceForm(request.POST or None)
        if posted and (own or form.is_valid()):
            try:
                data = {} if own else {"received_on": form.cleaned_data["received_on"],
                                       "method": form.cleaned_data["method"],
                                       "received_by_name": form.cleaned_data["received_by_name"]}
                with held(document):
                    services.document_serve(document=document, by=request.user, **data)
            except ValidationError as exc:
                if form is None:
                    messages.error(request, "；".join(exc.messages))
                    return redirect("casework:matter", pk=matter.pk)
                _errors(form, exc)
            else:
                messages.success(request, f"已登记送达：{document}")
                return redirect("casework:matter", pk=matter.pk)
    return render(request, "casework/service.html", {"document": document, "matter": matter, "form": form,
                                                     "own": own, "task_title": f"登记送达：{document}"})


def _file_response(path_field, filename: str, content_type: str):
    """A private file, once the caller has checked the user may see it: a short-lived signed URL when the
    private storage is an object store; nginx's X-Accel-Redirect (PRIVATE_MEDIA_ACCEL_REDIRECT) when it is
    the file system behind nginx; else the file streamed by this process."""
    storage, name = path_field.storage, path_field.name
    if not isinstance(storage, FileSystemStorage):
        # S3: the signed URL is valid for S3_PRIVATE_URL_SECONDS and names the file for the browser
        response = HttpResponseRedirect(storage.url(name, parameters={
            "ResponseContentType": content_type,
            "ResponseContentDisposition": content_disposition_header(False, filename)}))
    elif settings.PRIVATE_MEDIA_ACCEL_REDIRECT:
        if not storage.exists(name):
            raise Http404("文件不存在。")
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.PRIVATE_MEDIA_ACCEL_REDIRECT.rstrip("/") + "/" + quote(name)
        response["Content-Disposition"] = content_disposition_header(False, filename)
    else:
        try:
            handle = path_field.open("rb")
        except FileNotFoundError:
            raise Http404("文件不存在。") from None
        response = FileResponse(handle, content_type=content_type, as_attachment=False, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required(login_url=LOGIN)
@visibility.explain_refusals
def attachment_download(request, pk: int):
    att = Attachment.objects.select_related("matter").filter(pk=pk).first()
    if att is None:
        raise Http404("没有这份材料。")
    visibility.require_attachment(request.user, att)
    return _file_response(att.file, att.original_name, att.content_type)


def served_response(record):
    """The version of a document that is served: the signed scan once uploaded, else the generated PDF."""
    if record.signed_scan:
        ext = "." + record.signed_scan.name.rsplit(".", 1)[-1] if "." in record.signed_scan.name else ""
        return _file_response(record.signed_scan, f"{record.doc_number}（签章）{ext}",
                              record.signed_type or "application/pdf")
    if not record.pdf:
        raise Http404("该文书没有PDF文件。")
    return _file_response(record.pdf, f"{record.doc_number}.pdf", "application/pdf")


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_response(user, record):
    """The editable .docx, for bureau staff who revise before signing (never the parties)."""
    if not is_bureau(user):
        raise PermissionDenied("可编辑的Word文档仅供司法局工作人员修改使用。")
    if not record.docx:
        raise Http404("该文书没有Word文档。")
    return _file_response(record.docx, f"{record.doc_number}.docx", DOCX_TYPE)


def scan_upload(request, record, back):
    form = ScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.signed_scan_upload(record=record, upload=form.cleaned_data["file"], by=request.user)
        except ValidationError as exc:
            messages.error(request, "上传失败：" + "；".join(exc.messages))
        else:
            messages.success(request, f"已上传《{record.kind_label}》{record.doc_number}的签章扫描件，此后以扫描件为送达版本。")
    else:
        messages.error(request, "上传失败：" + "；".join(e for errs in form.errors.values() for e in errs))
    return back


@login_required(login_url=LOGIN)
@visibility.explain_refusals
def document_pdf(request, pk: int):
    document = _document_for(request.user, pk)
    return served_response(document)


@login_required(login_url=LOGIN)
@visibility.explain_refusals
def document_original_pdf(request, pk: int):
    """The generated PDF even after a scan was uploaded (bureau staff)."""
    document = _document_for(request.user, pk)
    if not is_bureau(request.user) or not document.pdf:
        raise PermissionDenied("仅司法局工作人员可查看生成的原始PDF。")
    return _file_response(document.pdf, f"{document.doc_number}.pdf", "application/pdf")


@login_required(login_url=LOGIN)
@visibility.explain_refusals
def document_docx(request, pk: int):
    document = _document_for(request.user, pk)
    return docx_response(request.user, document)


@login_required(login_url=LOGIN)
@visibility.explain_refusals
@require_POST
def document_scan(request, pk: int):
    document = _document_for(request.user, pk)
    return scan_upload(request, document, redirect("casework:matter", pk=document.matter_id))


__all__ = ["SOURCES", "attachment_download", "attachment_upload", "docx_response", "document_docx", "document_pdf",
           "document_scan", "document_service", "scan_upload", "served_response",
           "matter_detail", "matter_list", "matter_new", "party_summary"]
