"""Dismissal (解聘) and resignation (辞任): an officer proposes on a ground from the profile's list
(000 第十八条, 001 第十六条, 002 第十五条), a leader decides. Afterwards, as the profile requires:
a 解聘公告 (000 第十八条, 002 第十六条), the recommending unit told (000 第十八条), the certificate and
card recovered (000 第十九条, 002 第十六条)."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from rules.profiles import get_profile

from .models import DISMISSED, SERVING, Dismissal, Supervisor, Term
from .services import record_decision, require

PERM_PROPOSE = "supervisors.propose_dismissal"
PERM_DECIDE = "supervisors.decide_dismissal"


@transaction.atomic
def dismissal_propose(*, supervisor: Supervisor, ground: str, statement: str, by=None,
                      automatic: bool = False, evaluation=None) -> Dismissal:
    """`automatic` proposals come from the absence rule (no user acts); all others need the permission.
    `evaluation`: the yearly evaluation the proposal rests on (000 第七条第二款, 002 第四条第（六）项)."""
    if not automatic:
        require(by, PERM_PROPOSE, "提出解聘", jurisdiction=supervisor.jurisdiction)
    supervisor = Supervisor.objects.select_for_update().get(pk=supervisor.pk)
    profile = get_profile(supervisor.jurisdiction)
    grounds = {g["code"]: g for g in profile.choices("dismissal_grounds")}
    if ground not in grounds:
        raise ValidationError(f"“{ground}”不是本辖区办法规定的解聘情形（{profile.figure('dismissal_grounds').citation}）。")
    if supervisor.status != SERVING:
        raise ValidationError(f"{supervisor.name}不在聘任期内，无需解聘。")
    existing = supervisor.dismissals.filter(status=Dismissal.PROPOSED).first()
    if existing is not None:
        if automatic:
            return existing  # the absence rule fired again while a proposal is pending
        raise ValidationError(f"{supervisor.name}已有待决定的解聘建议。")
    statement = (statement or "").strip()
    if not statement:
        raise ValidationError("本人书面辞任声明不能为空。" if ground == "resignation" else "请写明解聘的事实和理由。")
    if evaluation is not None:
        from .duties import adjustment_ground

        if evaluation.supervisor_id != supervisor.pk or not adjustment_ground(evaluation):
            raise ValidationError("所选年度履职评价不能作为该监督员调整的依据。")
    g = grounds[ground]
    dismissal = Dismissal(evaluation=evaluation, supervisor=supervisor, jurisdiction=supervisor.jurisdiction, ground=ground,
                          ground_label=g["label"], article=str(g["citation"])[:100], statement=statement,
                          automatic=automatic, proposed_by=by, proposed_on=timezone.localdate())
    dismissal.full_clean()
    dismissal.save()
    return dismissal


def recommending_unit_email(supervisor: Supervisor) -> str:
    app = supervisor.applications.exclude(recommending_unit_email="").order_by("-pk").first()
    return app.recommending_unit_email if app else ""


@transaction.atomic
def dismissal_decide(*, dismissal: Dismissal, approve: bool, note: str = "", by) -> Dismissal:
    require(by, PERM_DECIDE, "决定解聘", jurisdiction=dismissal.jurisdiction)
    dismissal = Dismissal.objects.select_for_update(of=("self",)).select_related("supervisor").get(pk=dismissal.pk)
    if dismissal.status != Dismissal.PROPOSED:
        raise ValidationError("该解聘建议已经作出决定。")
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError("不予解聘须写明理由。")
    sup, today = dismissal.supervisor, timezone.localdate()
    profile = get_profile(sup.jurisdiction)
    dismissal.status = Dismissal.APPROVED if approve else Dismissal.REJECTED
    dismissal.decided_by, dismissal.decided_on, dismissal.decision_note = by, today, note
    title_word = profile.text("supervisor_title")
    verb = "辞任" if dismissal.ground == "resignation" else "解聘"
    if approve:
        for term in sup.terms.filter(status=Term.ACTIVE):
            term.status = Term.DISMISSED
            term.save(update_fields=["status"])
        sup.status = DISMISSED
        sup.save(update_fields=["status"])
        if profile.flag("dismissal_announced"):
            from public_notices.models.publicity import cn_date
            from public_notices.services import notice_publish

            cite = profile.figure("dismissal_announced").citation
            recover = (f"，收回{documents_words(profile)}（{profile.figure('recover_documents').citation}）"
                       if profile.flag("recover_documents") else "")
            body = (f"{sup.name}（{sup.workplace}）因{dismissal.ground_label}（{dismissal.article}），"
                    f"经{profile.authority}研究决定，自{cn_date(today)}起{'同意其辞任' if verb == '辞任' else '解聘其'}"
                    f"{title_word}职务{recover}。根据{cite}，特此公告。")
            page = notice_publish(kind="dismissal", jurisdiction=profile.code, title=f"关于{verb}{sup.name}的公告",
                                  body=body, issuer=profile.authority, written_on=today, by=by,
                                  dismissed_name=sup.name, ground_code=dismissal.ground)
            dismissal.notice_page_id = page.pk
        if profile.flag("notify_recommending_unit") and sup.recommending_unit:
            cite = profile.figure("notify_recommending_unit").citation
            text = (f"{sup.recommending_unit}：贵单位推荐的{title_word}{sup.name}已于{today.isoformat()}"
                    f"{verb}（{dismissal.ground_label}，{dismissal.article}）。依{cite}告知。{profile.authority}")
            email = recommending_unit_email(sup)
            if email:
                send_mail(f"{verb}{title_word}告知", text, None, [email])
            dismissal.unit_notice = text + (f"\n已发送至{email}" if email else "\n（未登记推荐单位邮箱，请书面送达）")
            dismissal.unit_notified_on = today
    dismissal.full_clean()
    dismissal.save()
    record_decision(kind="dismissal", title=f"{verb}{sup.name}{title_word}",
                    body=f"解聘情形：{dismissal.ground_label}（{dismissal.article}）\n事实与理由：{dismissal.statement}"
                         + (f"\n决定意见：{note}" if note else ""),
                    jurisdiction=sup.jurisdiction, outcome=f"决定{verb}" if approve else f"不予{verb}",
                    article=dismissal.article, subject=dismissal, decided_on=today, party_user=sup.user)
    return dismissal


def documents_words(profile) -> str:
    """What was issued on appointment and so comes back: 聘书和证件 (000 第六条第（三）项, 002 第七条第（三）项),
    or 聘书 alone where the profile issues no card (001 第四条; Enshi's reading under 003 第七条第二款)."""
    from .terms import issues_card

    return "聘书和证件" if issues_card(profile) else "聘书"


def recovery_required(dismissal: Dismissal) -> bool:
    return dismissal.status == Dismissal.APPROVED and get_profile(dismissal.jurisdiction).flag("recover_documents")


@transaction.atomic
def documents_recover(*, dismissal: Dismissal, recovered_on: dt.date, note: str = "", by) -> Dismissal:
    """Record that the certificate (聘书) and card (证件) came back (000 第十九条, 002 第十六条)."""
    require(by, PERM_PROPOSE, "登记收回聘书证件", jurisdiction=dismissal.jurisdiction)
    if not recovery_required(dismissal):
        raise ValidationError("本解聘无需收回聘书证件。")
    if recovered_on > timezone.localdate():
        raise ValidationError("收回日期不能晚于今天。")
    dismissal.documents_recovered_on, dismissal.documents_note = recovered_on, (note or "").strip()[:200]
    dismissal.save(update_fields=["documents_recovered_on", "documents_note"])
    dismissal.supervisor.terms.filter(status=Term.DISMISSED, documents_recovered_on__isnull=True).update(
        documents_recovered_on=recovered_on)
    return dismissal
