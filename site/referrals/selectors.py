"""Reads of recovery (追偿): per person the share the 追偿决定书 fixed, what has been recovered and what is still
owed, and the totals (错案 第十二条第二款; 过错 第十一条第（六）项)."""
from __future__ import annotations

from decimal import Decimal

from casework.money import summed


def balance(recovery) -> dict:
    """{"rows": [{person, name, share, recovered, owed}], "share", "recovered", "owed", "payments"} for one recovery
    (one query for the payments)."""
    payments = list(recovery.payments.select_related("person", "recorded_by").order_by("paid_on", "pk"))
    rows = []
    for s in recovery.shares:
        share = Decimal(str(s["amount"])).quantize(Decimal("0.01"))
        got = summed(sum((p.amount for p in payments if p.person_id == s["person"]), Decimal("0")))
        rows.append({"person": s["person"], "name": s["name"], "share": share, "recovered": got, "owed": share - got})
    total = lambda key: summed(sum((r[key] for r in rows), Decimal("0")))  # noqa: E731
    return {"rows": rows, "share": total("share"), "recovered": total("recovered"), "owed": total("owed"),
            "payments": payments}


def serious_state(user, subject) -> dict:
    """For the matter screen where it shows a letter or a rectification (争议协调 第二十条; 通报 第六条 情节严重): whether
    `user` may open the 审查 and 移送 screen now (referrals.services.may_refer, the step ended, not yet judged), and for
    the bureau the referral or the not-serious finding once made. {} where there is nothing to show."""
    from roles.access import is_bureau

    from . import services

    source = services.subject_source(subject)
    done = bool(subject.referral_id or subject.not_serious_on)
    may = (not done and services.may_refer(user, subject.matter, source)
           and bool(services.destinations(subject.matter, source)) and not services.serious_not_ready(subject))
    if not (may or (done and is_bureau(user))):
        return {}
    return {"serious": True, "may_refer": may, "serious_article": services.subject_article(subject)}
