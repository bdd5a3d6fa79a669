"""12345 hotline work orders (12345热线转办工单, Enshi 003 第十条: 行政执法监督与12345政务服务便民热线合作机制):
an officer enters one (or imports a sheet of them) with its work-order number — unique in the jurisdiction —
and the day it was received; each runs as a complaint (channel 12345热线转办) through the one complaint process
(complaints.services, complaints/flows.py); once the complaint is settled (answered, refused or transferred) the
result is answered back to the hotline: a recorded step with its reply letter (回复函) and the Excel export the
hotline takes. The figure `hotline_orders` of the profile says what the measures leave open and the reading.
Every write checks the actor, locks, and stores nothing half-done."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

import throttle
import xlsx_import
from casework import services as casework
from casework.models import Agency
from casework.pdf import chinese_date
from roles.access import require, require_own_jurisdiction
from rules.profiles import get_profile

from . import services, texts
from .models import ENFORCEMENT, HOTLINE, OPEN_STATUSES, HotlineOrder
from .notices import issue_notice

HOTLINE_ADDRESSEE = "12345政务服务便民热线工作机构"
COLUMNS = [("工单编号", "order_number"), ("收到日期", "received_on"), ("来电人", "caller_name"),
           ("联系电话", "caller_phone"), ("被反映机关", "agency"), ("诉求内容", "content"),
           ("热线要求办结日期", "hotline_due_on")]
REQUIRED = {"order_number", "received_on", "agency", "content"}
HEADER_OF = {field: header for header, field in COLUMNS}


def provided(jurisdiction: str) -> bool:
    """Whether the jurisdiction's profile has the hotline cooperation (003 第十条) and a complaint procedure."""
    profile = get_profile(jurisdiction)
    return profile.has("hotline_orders") and profile.has("complaint_accept_period")


def _require_provided(jurisdiction: str) -> None:
    if not provided(jurisdiction):
        raise ValidationError(f"{get_profile(jurisdiction).name}的规则未规定12345热线转办工单。")


# ------------------------------------------------------------------ checks shared by the form and the import
def order_problems(*, jurisdiction: str, data: dict, today: dt.date, taken: set[str] | None = None) -> dict:
    """{field: [Chinese message]} for one work order (entered or a sheet's row); empty when it may be stored."""
    from .forms import validate_contact

    out: dict[str, list[str]] = {}

    def say(field, message):
        out.setdefault(field, []).append(message)

    number = (data.get("order_number") or "").strip()
    if not number:
        say("order_number", "请填写工单编号")
    elif len(number) > 40:
        say("order_number", "工单编号不能超过40个字符")
    elif taken is not None and number in taken:
        say("order_number", f"工单编号{number}在表格中重复")
    else:
        existing = HotlineOrder.objects.filter(jurisdiction=jurisdiction, order_number=number) \
            .select_related("complaint").first()
        if existing is not None:
            say("order_number", f"工单编号{number}已于{existing.received_on:%Y-%m-%d}登记"
                                f"（受理编号{existing.complaint.receipt_number}），不能重复登记")
    received = data.get("received_on")
    if received is None:
        say("received_on", "请填写收到日期")
    elif received > today:
        say("received_on", "收到日期不能晚于今天")
    due = data.get("hotline_due_on")
    if due is not None and received is not None and due < received:
        say("hotline_due_on", "热线要求办结日期不能早于收到日期")
    agency = data.get("agency")
    if agency is None:
        say("agency", "请从本辖区执法机关名录中选择被反映机关")
    elif agency.jurisdiction != jurisdiction:
        say("agency", "被反映机关不在本辖区执法机关名录中")
    else:
        try:
            casework.require_addressable(agency)
        except ValidationError as exc:
            say("agency", "；".join(exc.messages).rstrip("。"))
    if not (data.get("content") or "").strip():
        say("content", "请填写诉求内容")
    phone = (data.get("caller_phone") or "").strip()
    if phone:
        try:
            validate_contact(phone)
        except ValidationError as exc:
            say("caller_phone", exc.messages[0].rstrip("。"))
    if len((data.get("caller_name") or "").strip()) > 50:
        say("caller_name", "来电人姓名不能超过50个字符")
    return out


# ------------------------------------------------------------------ entry (one work order)
@transaction.atomic
def hotline_order_enter(*, by, jurisdiction: str, order_number: str, received_on: dt.date, content: str, agency,
                        caller_name: str = "", caller_phone: str = "", hotline_due_on: dt.date | None = None,
                        imported: bool = False) -> tuple[HotlineOrder, str]:
    """登记工单: the work order and its complaint (received on the day the bureau received the order: the
    acceptance clock counts from it). Returns the order and the complaint's access code (shown once)."""
    require(by, services.HANDLE, "只有司法局经办人可以登记12345热线工单。")
    require_own_jurisdiction(by, jurisdiction)
    _require_provided(jurisdiction)
    data = {"order_number": order_number, "received_on": received_on, "content": content, "agency": agency,
            "caller_name": caller_name, "caller_phone": caller_phone, "hotline_due_on": hotline_due_on}
    problems = order_problems(jurisdiction=jurisdiction, data=data, today=timezone.localdate())
    if problems:
        raise ValidationError({k: [m + "。" for m in v] for k, v in problems.items()})
    number = order_number.strip()
    fields = {"category": ENFORCEMENT, "anonymous": False, "agency": agency, "name": (caller_name or "").strip(),
              "contact": (caller_phone or "").strip().replace(" ", ""),
              "request": f"依法处理12345热线转办工单（工单编号{number}）反映的行政执法问题。",
              "facts": content.strip()}
    complaint, code = services.complaint_receive(
        jurisdiction=jurisdiction, fields=fields, channel=HOTLINE, by=by, received_on=received_on,
        fingerprint=throttle.fingerprint([jurisdiction, "hotline", number]))
    order = HotlineOrder(jurisdiction=jurisdiction, order_number=number, received_on=received_on,
                         hotline_due_on=hotline_due_on, complaint=complaint, entered_by=by, imported=imported)
    try:
        with transaction.atomic():
            order.save()
    except IntegrityError:  # entered at the same moment by someone else
        raise ValidationError({"order_number": f"工单编号{number}已登记，不能重复登记。"}) from None
    return order, code


# ------------------------------------------------------------------ import (a sheet of work orders)
def template_workbook():
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "12345热线工单"
    ws.append([h for h, _ in COLUMNS])
    ws.append(["ES20261106001", "2026-11-06", "向先生", "13907181234", "恩施州交通运输局",
               "反映执法人员查车时态度粗暴、未出示执法证件。", "2026-11-20"])
    return wb


def import_orders(*, by, jurisdiction: str, upload) -> list[HotlineOrder]:
    """Store every row or none. ValidationError lists each bad cell as 第N行“列”列：why。"""
    require(by, services.HANDLE, "只有司法局经办人可以导入12345热线工单。")
    require_own_jurisdiction(by, jurisdiction)
    _require_provided(jurisdiction)
    body = xlsx_import.read_rows(upload, COLUMNS, REQUIRED, noun="工单", max_rows=200)
    agencies = {a.name: a for a in Agency.objects.filter(jurisdiction=jurisdiction)}
    today, problems, rows, taken = timezone.localdate(), [], [], set()
    for number, cells in body:
        said: set[str] = set()

        def say(field, message, number=number, said=said):
            said.add(field)
            problems.append(xlsx_import.cell_problem(number, HEADER_OF[field], message))

        data = {k: xlsx_import.text(cells.get(k)) for k in ("order_number", "caller_name", "caller_phone", "content")}
        for field in ("received_on", "hotline_due_on"):
            try:
                data[field] = xlsx_import.date(cells.get(field))
            except ValueError:
                data[field] = None
                say(field, f"“{xlsx_import.text(cells.get(field))}”不是日期（如 2026-11-06）")
        name = xlsx_import.text(cells.get("agency"))
        data["agency"] = agencies.get(name)
        if name and data["agency"] is None:
            say("agency", f"“{name}”不在本辖区执法机关名录中（请填写名录中的机关全称）")
        for field, messages in order_problems(jurisdiction=jurisdiction, data=data, today=today,
                                              taken=taken).items():
            if field not in said:
                problems.extend(xlsx_import.cell_problem(number, HEADER_OF[field], m) for m in messages)
        if data["order_number"]:
            taken.add(data["order_number"])
        rows.append((number, data))
    if problems:
        raise ValidationError(problems)
    out = []
    with transaction.atomic():
        for number, data in rows:
            try:
                order, _code = hotline_order_enter(by=by, jurisdiction=jurisdiction, imported=True, **data)
            except ValidationError as exc:  # a check only the receipt makes: still nothing stored
                raise ValidationError([f"第{number}行：{m}" for m in exc.messages]) from None
            out.append(order)
    return out


# ------------------------------------------------------------------ the answer back to the hotline
def outcome_text(order: HotlineOrder) -> str:
    """How the complaint was settled, as the hotline is told (from the recorded facts)."""
    c = order.complaint
    if c.status == "refused":
        return f"经审核不予受理：{c.refusal_label}（{c.refusal_article}）。理由：{c.reasons}"
    if c.status == "transferred":
        return f"经审核已转送{c.transferred_to}依法处理。理由：{c.reasons}"
    return (f"已于{chinese_date(c.decided_on)}受理，经调查和领导集体讨论审定，结论为：{c.get_outcome_display()}；"
            f"处理结果已于{chinese_date(c.answered_on)}书面告知投诉举报人。")


@transaction.atomic
def hotline_reply(*, order: HotlineOrder, by, text: str, on: dt.date | None = None) -> HotlineOrder:
    """回复热线: once the complaint is settled, the result goes back to the hotline with a reply letter."""
    require(by, services.HANDLE, "只有司法局经办人可以回复12345热线工单。")
    require_own_jurisdiction(by, order.jurisdiction)
    order = HotlineOrder.objects.select_for_update().select_related("complaint").get(pk=order.pk)
    complaint = order.complaint
    if order.replied_on:
        raise ValidationError(f"该工单已于{order.replied_on:%Y-%m-%d}回复热线，不能重复回复。")
    if complaint.status in OPEN_STATUSES:
        raise ValidationError(f"该工单的投诉举报尚未办结（当前：{complaint.get_status_display()}），"
                              "办结、不予受理或转送后再回复热线。")
    services._not_recused(by, complaint)
    if not (text or "").strip():
        raise ValidationError({"text": "请填写回复热线的办理情况。"})
    on = on or timezone.localdate()
    if on < order.received_on or on > timezone.localdate():
        raise ValidationError({"on": "回复日期应在收到工单之日至今天之间。"})
    profile = get_profile(order.jurisdiction)
    article = str(profile.figure("hotline_orders").citation)
    words = texts.hotline_reply(order, outcome_text(order), text.strip())
    notice = issue_notice(complaint=complaint, kind="hotline_reply", title=words.title, by=by, issued_on=on,
                          article=article, paragraphs=words.paragraphs, notes=words.notes, values=words.values,
                          to=HOTLINE_ADDRESSEE)
    order.reply_text, order.replied_on, order.replied_by, order.reply_notice = text.strip(), on, by, notice
    order.save()
    if complaint.matter_id:
        casework.log(complaint.matter, by, f"已回复12345热线工单{order.order_number}（{notice.doc_number}）。")
    return order


def export_workbook(orders):
    """The work orders with their state and the answer back, as the hotline takes them (no personal data)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "工单办理情况"
    ws.append(["工单编号", "收到日期", "热线要求办结日期", "受理编号", "被反映机关", "工单状态", "办理结果", "回复日期",
               "回复内容", "回复函文号"])
    for o in orders:
        c = o.complaint
        ws.append([o.order_number, o.received_on, o.hotline_due_on, c.receipt_number, c.respondent, o.state,
                   outcome_text(o) if c.status not in OPEN_STATUSES else "", o.replied_on, o.reply_text,
                   o.reply_notice.doc_number if o.reply_notice_id else ""])
    for col, width in zip("ABCDEFGHIJ", (18, 12, 14, 20, 24, 20, 60, 12, 40, 22), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    return wb
