"""What a serious refusal to cooperate leaves waiting (我的待办 provider, flows.worklist.PROVIDERS): the
bureau's officers hand it on (004 意见书 第十条: 情节严重的，依法依规予以处理) through referrals.services.refer.
No clock binds it (the rules set no period), so the item has no due date; a few per jurisdiction: a list."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from roles.access import is_bureau

PROCESS = "不配合监督"
ARTICLE = "《行政执法监督意见书制度》第十条"


def serious_refusals(user, *, today: dt.date) -> list:
    from casework.selectors import visible_matters
    from flows.worklist import Item, recused_matters

    from .cooperation import referral_needed

    if not (is_bureau(user) and user.has_perm("letters.draft_letter")):
        return []
    waiting = (referral_needed().filter(matter__in=visible_matters(user))
               .exclude(matter_id__in=recused_matters(user)).order_by("occurred_on", "pk"))
    return [Item(title="移送情节严重的不配合监督", subject=f"{r.matter.number} {r.agency.name}：{r.kind_label}",
                 process=PROCESS, url=reverse("referrals:refer_refusal", args=[r.pk]), key=f"refusal_referral:{r.pk}",
                 matter_id=r.matter_id, article=ARTICLE,
                 note=f"{r.occurred_on:%Y-%m-%d}发生，认定情节严重，依法依规予以处理（{ARTICLE}）")
            for r in waiting]
