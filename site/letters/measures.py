"""Supervision measures (003 第二十三条): the bureau records each measure it takes in a matter — hearing the agency's
account, reading or taking its case files, on-site investigation, commissioned appraisal, questioning, forums —
with the date, the supervision staff, whom it was taken towards and what was found. The one writer is
`measure_record`; the materials obtained are uploaded as the matter's attachments."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from casework.models import Matter
from casework.recusal import require_not_recused
from casework.services import log
from roles.access import require
from rules.profiles import get_profile

from .models import SupervisionMeasure

KEY = "supervision_measures"


def measure_choices(jurisdiction: str) -> list[dict]:
    """The measures the jurisdiction's rules list, each with its article (empty where the rules list none)."""
    profile = get_profile(jurisdiction)
    return profile.choices(KEY) if profile.has(KEY) else []


@transaction.atomic
def measure_record(*, matter: Matter, by, kind: str, taken_on: dt.date | None, staff: str, subjects: str,
                   content: str) -> SupervisionMeasure:
    require(by, "letters.draft_letter", "只有司法局经办人可以登记监督措施。")
    matter = Matter.objects.select_for_update(of=("self",)).select_related("agency").get(pk=matter.pk)
    require_not_recused(by, matter)
    profile = get_profile(matter.jurisdiction)
    if not profile.has(KEY):
        raise ValidationError(f"{profile.name}的规则中没有列举行政执法监督措施。")
    if matter.status != "open":
        raise ValidationError("该监督事项已办结，不能再登记监督措施。")
    cite = profile.figure(KEY).citation
    item = next((i for i in profile.choices(KEY) if i["code"] == kind), None)
    if item is None:
        raise ValidationError(f"请选择采取的监督措施（{cite}）。")
    if taken_on is None:
        raise ValidationError("请填写采取措施的日期。")
    if taken_on > timezone.localdate():
        raise ValidationError("采取措施的日期不能晚于今天。")
    if taken_on < matter.opened_on:
        raise ValidationError(f"采取措施的日期不能早于立案日期（{matter.opened_on:%Y-%m-%d}）。")
    errors = [m for v, m in ((staff, "请填写参加的监督人员。"),
                             (subjects, "请填写措施的对象（如被询问人、受托组织、调取的案卷）。"),
                             (content, "请写明采取措施的情况和查明的事实。")) if not (v or "").strip()]
    if errors:
        raise ValidationError(errors)
    article = str(item["citation"])[:100]  # e.g. 《…办法》第二十三条第（五）项
    measure = SupervisionMeasure(matter=matter, kind=kind, kind_label=item["label"][:100], article=article,
                                 taken_on=taken_on, staff=staff.strip()[:200], subjects=subjects.strip()[:200],
                                 content=content.strip(), recorded_by=by)
    measure.full_clean()
    measure.save()
    log(matter, by, f"采取监督措施：{item['label']}（{item['article']}），{taken_on:%Y-%m-%d}，对象：{measure.subjects}。")
    return measure


def measures(matter) -> list[SupervisionMeasure]:
    return list(SupervisionMeasure.objects.filter(matter=matter).select_related("recorded_by"))
