"""Writes on the power and responsibility list (恩施办法 第十五条). Each checks the actor's permission itself,
validates, and writes in one transaction. Only jurisdictions whose profile has `power_list` keep one."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from roles.access import require, require_own_jurisdiction
from rules.profiles import Profile, get_profile

from .models import CATEGORIES, PowerItem, PowerListRelease

FIELDS = ("order", "category", "name", "basis", "content", "responsibility")


def profile_for(jurisdiction: str) -> Profile:
    profile = get_profile(jurisdiction)
    if not profile.has("power_list"):
        raise ValidationError(f"{profile.name}的规则未要求制定行政执法监督权责清单。")
    return profile


def _clean(jurisdiction: str, item: PowerItem | None, data: dict) -> dict:
    data = {k: (data.get(k).strip() if isinstance(data.get(k), str) else data.get(k)) for k in FIELDS}
    missing = [label for key, label in (("name", "事项名称"), ("basis", "设定依据"), ("content", "行使方式与内容"),
                                        ("responsibility", "责任事项")) if not data[key]]
    if missing:
        raise ValidationError(f"请填写{'、'.join(missing)}。")
    if data["category"] not in dict(CATEGORIES):
        raise ValidationError("请选择类别（职权或职责）。")
    if not isinstance(data["order"], int) or data["order"] < 1:
        raise ValidationError("序号应为正整数。")
    taken = PowerItem.objects.filter(jurisdiction=jurisdiction, order=data["order"])
    if item is not None:
        taken = taken.exclude(pk=item.pk)
    clash = taken.first()
    if clash is not None:
        raise ValidationError(f"序号{data['order']}已由“{clash.name}”使用，请换一个序号。")
    return data


@transaction.atomic
def power_item_save(*, by, jurisdiction: str, item: PowerItem | None = None, **data) -> PowerItem:
    require(by, "powers.change_poweritem" if item else "powers.add_poweritem", "只有司法局经办人可以编辑权责清单。")
    require_own_jurisdiction(by, item.jurisdiction if item else jurisdiction)
    profile_for(jurisdiction)
    if item is not None:
        item = PowerItem.objects.select_for_update().get(pk=item.pk)
        if item.jurisdiction != jurisdiction:
            raise ValidationError("该事项不属于本辖区的权责清单。")
    clean = _clean(jurisdiction, item, data)
    item = item or PowerItem(jurisdiction=jurisdiction)
    for key, value in clean.items():
        setattr(item, key, value)
    item.save()
    return item


@transaction.atomic
def power_item_delete(*, by, item: PowerItem) -> None:
    require(by, "powers.delete_poweritem", "只有司法局经办人可以删除权责事项。")
    require_own_jurisdiction(by, item.jurisdiction)
    PowerItem.objects.filter(pk=item.pk).delete()


def list_body(profile: Profile, items: list[PowerItem], *, today) -> str:
    cite = profile.figure("power_list").citation
    lines = [f"根据{cite}，现将{profile.authority}行政执法监督权责清单（共{len(items)}项）公布如下，"
             f"自{today.year}年{today.month}月{today.day}日起施行，此前公布的清单同时废止。"]
    for item in items:
        lines.append(f"{item.order}. 【{item.get_category_display()}】{item.name}")
        lines.append(f"设定依据：{item.basis}")
        lines.append(f"行使方式与内容：{item.content}")
        lines.append(f"责任事项：{item.responsibility}")
    return "\n".join(lines)


@transaction.atomic
def power_list_publish(*, by, jurisdiction: str) -> PowerListRelease:
    """Publish the list as it stands as a 规范性文件/制度 notice, in force from today; the previously published
    list is marked repealed on the same day."""
    from public_notices.services import notice_publish

    require(by, "powers.publish_powerlist", "只有司法局负责人可以发布权责清单。")
    require_own_jurisdiction(by, jurisdiction)
    profile = profile_for(jurisdiction)
    items = list(PowerItem.objects.select_for_update().filter(jurisdiction=jurisdiction).order_by("order", "pk"))
    if not items:
        raise ValidationError("权责清单还没有事项，不能发布。")
    today = timezone.localdate()
    previous = PowerListRelease.objects.filter(jurisdiction=jurisdiction).select_related("page").first()
    # the page tree is written by the service, whose permission (publish_powerlist) was checked above, as the
    # supervisor lifecycle publishes its notices; the release records who published
    page = notice_publish(kind="regulation", jurisdiction=jurisdiction, by=None, issuer=profile.authority,
                          title=f"{profile.authority}行政执法监督权责清单", body=list_body(profile, items, today=today),
                          written_on=today, effective_on=today)
    if previous is not None:
        old = previous.page.specific
        if getattr(old, "repealed_on", None) is None:
            old.repealed_on = today
            old.save_revision().publish()
    return PowerListRelease.objects.create(jurisdiction=jurisdiction, page=page, items=len(items), published_by=by)
