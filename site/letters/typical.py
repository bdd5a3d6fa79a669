"""A closed matter as a 典型案例 draft (003 第二十九条: 可以编撰发布典型案例): an unpublished
TypicalCasePage under the jurisdiction's typical-case index, for the editor to review and publish.

Personal data is removed before anything is written: the names of the people in the file (agency head,
liaisons, signatories, staff), ID numbers, mobile and landline numbers. The agency appears by name: a
typical case is about the enforcement body, not a person."""
from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from roles.access import require

from .models import CLOSED, TERMINATED, Letter

ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)")
PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)|(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)")


def person_names(letter: Letter) -> set[str]:
    matter = letter.matter
    names = {matter.agency.head_name}
    people = [matter.opened_by, letter.drafted_by, *[u for u in matter.agency.liaisons]]
    people += [d.issued_by for d in matter.documents.all()]
    people += [e.by for e in matter.events.select_related("by") if e.by]
    for user in people:
        if user is not None:
            names |= {user.get_full_name(), user.first_name, user.last_name, user.username}
    names |= {d.received_by_name for d in matter.documents.all()}
    return {n.strip() for n in names if n and len(n.strip()) >= 2}


def scrub(text: str, names: set[str]) -> str:
    text = ID_NUMBER.sub("［身份证号已删除］", text or "")
    text = PHONE.sub("［电话已删除］", text)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "某某")
    return text


def typical_case_page(letter: Letter):
    from public_notices.models import TypicalCasePage

    if not letter.typical_case_page_id:
        return None
    return TypicalCasePage.objects.filter(pk=letter.typical_case_page_id).first()


@transaction.atomic
def typical_case_draft(*, letter: Letter, by):
    """Create the draft (not live; a revision for the editor). Refused while the matter is open."""
    from public_notices import kinds as K
    from public_notices.models import TypicalCasePage
    from public_notices.services import as_rich_text, index_for
    from rules.profiles import get_profile

    require(by, "letters.draft_letter", "只有司法局经办人可以编撰典型案例。")
    letter = Letter.objects.select_for_update(of=("self",)).select_related("matter__agency").get(pk=letter.pk)
    from casework.recusal import require_not_recused

    require_not_recused(by, letter.matter)
    if letter.state not in (CLOSED, TERMINATED):
        raise ValidationError("监督事项办结后才能编撰典型案例。")
    if typical_case_page(letter) is not None:
        raise ValidationError("该事项已生成典型案例草稿。")
    profile = get_profile(letter.jurisdiction)
    names = person_names(letter)
    matter = letter.matter
    docs = "、".join(f"《{d.kind_label}》" for d in matter.documents.order_by("issued_on", "pk"))
    body = "\n".join([
        f"【基本案情】{scrub(matter.facts, names)}",
        f"【监督过程】{profile.authority}经调查，发现{letter.addressee.name}存在“{letter.ground_label}”的情形"
        f"（{letter.ground_article}）：{scrub(letter.findings, names)}",
        f"监督意见：{scrub(letter.request, names)}",
        f"先后制发{docs}。" if docs else "",
        f"【处理结果】{scrub(matter.outcome, names)}。",
        "【典型意义】（请编辑补充）",
    ])
    # the index itself (if missing) is created by the system: an officer may draft but not publish
    parent = index_for(jurisdiction=letter.jurisdiction, kind=K.TYPICAL_CASE, by=None)
    page = TypicalCasePage(title=scrub(f"{letter.addressee.name}{matter.title}案", names)[:255],
                           body=as_rich_text(body), issuer=profile.authority,
                           written_on=timezone.localdate(), live=False, has_unpublished_changes=True, owner=by,
                           keywords="典型案例,行政执法监督")
    parent.add_child(instance=page)
    page.save_revision(user=by, log_action=True)
    letter.typical_case_page_id = page.pk
    letter.save(update_fields=["typical_case_page_id"])
    from casework.services import log

    log(matter, by, f"生成典型案例草稿（未发布，待编辑审核）：{page.title}")
    return page
