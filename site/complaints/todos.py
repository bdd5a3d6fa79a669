"""What a complaint leaves waiting outside its flow's tasks (我的待办 provider, flows.worklist.PROVIDERS): the
leader's approval of an extension when the 办结期限 is within the warning horizon or past and can still be
extended (004 行政执法投诉举报制度 第十条). The steps themselves (受理审核, 确定调查人员, 调查, 集体审定, 告知)
are the flow's tasks (complaints/flows.py) and reach 我的待办 from viewflow."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from .models import ACCEPTED, REVIEWED, Complaint
from .services import DECIDE, list_clocks

PROCESS = "投诉举报办理"


def complaint_steps(user, *, today: dt.date) -> list:
    from django.db.models import prefetch_related_objects

    from flows.worklist import SOON_WORKING_DAYS, Item, clock_fields
    from rules.calendar import WorkCalendar, working_days_left
    from rules.periods import UNITS
    from rules.profiles import get_profile

    items, calendar = hotline_replies(user), None
    if not user.has_perm(DECIDE):
        return items
    # what an item shows (number, respondent, clocks), not the complainant's encrypted particulars: thousands
    # of complaints wait at a province's size, each decrypted three times for nothing
    waiting = (Complaint.objects.filter(status__in=(ACCEPTED, REVIEWED))
               .defer("id_number", "address", "contact", "facts", "request")
               .select_related("agency", "supervisor").order_by("received_on", "pk"))
    waiting = list(waiting.filter(_finish_near(today, SOON_WORKING_DAYS)))
    _accept, finish_clocks = list_clocks(waiting)  # two queries for all, never two a complaint
    # the extension check reads each finish clock's extensions: one query for all of them; a profile a jurisdiction
    prefetch_related_objects([c for c in finish_clocks.values() if c is not None], "extensions")
    profiles: dict = {}
    for c in waiting:
        url = reverse("complaints:detail", args=[c.pk])

        def item(title, clock, key, note="", c=c, url=url):
            return Item(title=title, subject=f"{c.receipt_number} {c.respondent}", process=PROCESS, url=url,
                        key=f"complaint:{c.pk}:{key}", matter_id=c.matter_id, note=note, **clock_fields(clock))

        finish = finish_clocks.get(c.pk)
        if finish is not None and finish.status == "running":
            calendar = calendar or WorkCalendar.load()
            profile = profiles.get(c.jurisdiction) or profiles.setdefault(c.jurisdiction, get_profile(c.jurisdiction))
            cap = profile.period("complaint_extension_max") if profile.has("complaint_extension_max") else None
            if (cap is not None and finish.extension_total < cap.n
                    and working_days_left(calendar, today, finish.due_on) <= SOON_WORKING_DAYS):
                cap_text = f"{cap.n}{UNITS.get(cap.unit, '')}（{cap.citation}）"
                items.append(item("审批延长办理期限", finish, "extension",
                                  note=f"情况复杂不能按期办结的，经负责人批准可延长，最多{cap_text}"))
    items.extend(_appeals_waiting())
    return items


def _appeals_waiting() -> list:
    """申诉 waiting for the head's decision and answer (004 行政执法投诉举报制度 第十四条), due by the clock on
    each appeal (the profile's complaint_appeal_answer_period): two queries for all of them."""
    from django.contrib.contenttypes.models import ContentType

    from clocks.models import Clock
    from flows.worklist import Item, clock_fields

    from .models import Appeal

    appeals = list(Appeal.objects.filter(decided_on__isnull=True).select_related("complaint__agency",
                                                                                  "complaint__supervisor"))
    clocks = {c.subject_id: c for c in Clock.objects.filter(
        subject_type=ContentType.objects.get_for_model(Appeal), rule_key="complaint_appeal_answer_period",
        subject_id__in=[str(a.pk) for a in appeals])}
    return [Item(title="对申诉作出处理决定并答复", subject=f"{a.complaint.receipt_number} {a.complaint.respondent}",
                 process=PROCESS, url=reverse("complaints:detail", args=[a.complaint_id]),
                 key=f"complaint:{a.complaint_id}:appeal:{a.pk}", matter_id=a.complaint.matter_id,
                 note="有关单位及个人对调查处理决定不服的，可以向决定作出机关提出申诉",
                 **clock_fields(clocks.get(str(a.pk)))) for a in appeals]


def hotline_replies(user) -> list:
    """12345 work orders whose complaint is settled and not yet answered back to the hotline (003 第十条): the
    officers' item, due on the day the hotline asked for where the order states one."""
    from flows.worklist import Item
    from rules.profiles import get_profile

    from .models import OPEN_STATUSES, HotlineOrder
    from .services import HANDLE

    if not user.has_perm(HANDLE):
        return []
    orders = (HotlineOrder.objects.filter(replied_on__isnull=True).exclude(complaint__status__in=OPEN_STATUSES)
              .select_related("complaint", "complaint__agency").order_by("received_on", "pk"))
    out = []
    for o in orders:
        rule = get_profile(o.jurisdiction).figure("hotline_orders")
        out.append(Item(title="回复12345热线工单", subject=f"工单{o.order_number} {o.complaint.respondent}",
                        process="12345热线工单", url=reverse("complaints:hotline_detail", args=[o.pk]),
                        key=f"hotline:{o.pk}:reply", matter_id=o.complaint.matter_id, due=o.hotline_due_on,
                        article=str(rule.citation),
                        note="热线要求办结日期" if o.hotline_due_on else f"办法未规定回复期限（{rule.citation}），办结后及时回复"))
    return out


def _finish_near(today: dt.date, working_days: int):
    """Only the complaints whose running 办结期限 falls within `working_days` working days (a calendar span that
    always covers them) or is past: one query for the clocks, not every waiting complaint read and checked."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    from casework.models import Matter
    from clocks.models import RUNNING, Clock

    horizon = today + dt.timedelta(days=working_days * 3 + 14)
    c_type, m_type = ContentType.objects.get_for_model(Complaint), ContentType.objects.get_for_model(Matter)
    matters, own = [], []
    for type_id, subject_id in Clock.objects.filter(
            rule_key="complaint_finish_period", status=RUNNING, due_on__lte=horizon,
            subject_type__in=(c_type, m_type)).values_list("subject_type_id", "subject_id"):
        (matters if type_id == m_type.pk else own).append(int(subject_id))
    return Q(matter_id__in=matters) | Q(matter__isnull=True, pk__in=own)
