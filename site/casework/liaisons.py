"""An agency's liaison accounts (执法机关联络员), kept from the 执法机关名录: create one, link an existing
account, disable one. Officers and administrators only (the register's change permission); each service
locks the agency row, checks, and writes in one transaction."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from roles.access import groups_of, is_bureau, require
from roles.definitions import LIAISON
from roles.models import StaffProfile
from roles.names import person_name

from .models import Agency

MANAGE = "casework.change_agency"
MANAGE_MSG = "只有司法局经办人或系统管理员可以管理执法机关联络员账号。"


def _locked(agency: Agency) -> Agency:
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if not agency.active:
        raise ValidationError(f"“{agency.name}”已不在册，不能为其设置联络员。")
    return agency


def _attach(user, agency: Agency) -> None:
    user.groups.add(Group.objects.get(name=LIAISON))
    StaffProfile.objects.update_or_create(user=user, defaults={"agency": agency, "jurisdiction": agency.jurisdiction})


@transaction.atomic
def liaison_create(*, agency: Agency, username: str, full_name: str, password: str, by):
    """A new account for the agency's liaison, with the initial password the officer hands over."""
    require(by, MANAGE, MANAGE_MSG)
    agency = _locked(agency)
    username, full_name = (username or "").strip(), (full_name or "").strip()
    if not username:
        raise ValidationError({"username": "请填写登录账号。"})
    if not full_name:
        raise ValidationError({"full_name": "请填写联络员姓名。"})
    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"登录账号“{username}”已被使用，请换一个，或用“关联已有账号”。"})
    user = User(username=username, first_name=full_name, is_staff=True, is_active=True)
    user.full_clean(exclude=["password"])
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None
    user.set_password(password)
    user.save()
    _attach(user, agency)
    return user


@transaction.atomic
def liaison_link(*, agency: Agency, username: str, by):
    """An existing account becomes (again) a liaison of this agency."""
    require(by, MANAGE, MANAGE_MSG)
    agency = _locked(agency)
    User = get_user_model()
    user = User.objects.select_for_update().filter(username__iexact=(username or "").strip()).first()
    if user is None:
        raise ValidationError({"username": f"没有登录账号为“{(username or '').strip()}”的用户。"})
    if user.is_superuser or is_bureau(user):
        raise ValidationError({"username": f"{person_name(user)}是司法局工作人员或管理员，不能作为执法机关联络员。"})
    current = getattr(StaffProfile.objects.filter(user=user).select_related("agency").first(), "agency", None)
    if current is not None and current != agency and user.is_active and LIAISON in groups_of(user):
        raise ValidationError({"username": f"{person_name(user)}现为“{current.name}”的联络员，请先在该机关停用。"})
    user.is_active, user.is_staff = True, True
    user.save(update_fields=["is_active", "is_staff"])
    _attach(user, agency)
    return user


@transaction.atomic
def liaison_disable(*, agency: Agency, user, by):
    """The account can no longer log in; what it did stays on record (nothing is deleted)."""
    require(by, MANAGE, MANAGE_MSG)
    agency = _locked(agency) if agency.active else agency
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if not StaffProfile.objects.filter(user=user, agency=agency).exists():
        raise ValidationError(f"{person_name(user)}不是“{agency.name}”的联络员。")
    if user.pk == by.pk:
        raise ValidationError("不能停用自己的账号。")
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


def liaison_accounts(agency: Agency):
    """Every account linked to the agency, active first (disabled ones stay listed, to be linked again)."""
    return (get_user_model().objects.filter(staff_profile__agency=agency)
            .order_by("-is_active", "first_name", "username"))
