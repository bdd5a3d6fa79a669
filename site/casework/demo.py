"""Demo register: enforcement agencies in each jurisdiction, each with a liaison account (password
demo-liaison-2026), so every casework process has agencies it can address. Idempotent."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from demo.loaders import loader
from roles.definitions import LIAISON
from roles.models import StaffProfile

from .models import Agency

LIAISON_PASSWORD = "demo-liaison-2026"
# (jurisdiction, agency name, head, liaison username, liaison name). Demo credit codes are left blank:
# they would be invented numbers, and the field validates real ones.
AGENCIES = [
    ("wanzhou", "万州区市场监督管理局", "周局长", "liaison", "赵联络员"),
    ("wanzhou", "万州区交通运输局", "吴局长", "liaison_wz_jt", "钱联络员"),
    ("weihai", "威海市城市管理局", "郑局长", "liaison_wh_cg", "冯联络员"),
    ("wuhan", "武汉市交通运输局", "陈局长", "liaison_wh_jt", "褚联络员"),
    ("enshi", "恩施州市场监督管理局", "卫局长", "liaison_es", "蒋联络员"),
    ("enshi", "恩施州生态环境局", "沈局长", "liaison_es_hb", "韩联络员"),
    ("enshi", "恩施州交通运输局", "杨局长", "liaison_es_jt", "朱联络员"),
    ("wulong", "武隆区市场监督管理局", "秦局长", "liaison_wl", "尤联络员"),
    ("wulong", "武隆区城市管理局", "许局长", "liaison_wl_cg", "何联络员"),
    ("wulong", "武隆区交通运输局", "吕局长", "liaison_wl_jt", "施联络员"),
    ("wulong", "武隆区文化和旅游发展委员会", "张主任", "liaison_wl_wl", "孔联络员"),
]

# 发文机关代字 of the agencies that issue documents in their own name in the demo (an agency-run accountability case)
DOC_CODES = {("wulong", "武隆区市场监督管理局"): "武隆市监"}


@loader("执法机关名录与联络员", stage=5)
def load_agencies() -> str:
    group = Group.objects.get(name=LIAISON)
    User = get_user_model()
    made = 0
    for code, name, head, username, person in AGENCIES:
        agency, created = Agency.objects.get_or_create(jurisdiction=code, name=name, defaults={"head_name": head})
        made += created
        code_word = DOC_CODES.get((code, name), "")
        if code_word and not agency.doc_code:
            agency.doc_code = code_word
            agency.save(update_fields=["doc_code"])
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username=username, password=LIAISON_PASSWORD, is_staff=True,
                                            first_name=person)
        user.groups.add(group)
        profile, _ = StaffProfile.objects.get_or_create(user=user, defaults={"jurisdiction": code})
        if profile.agency_id is None:
            profile.agency, profile.jurisdiction = agency, code
            profile.save(update_fields=["agency", "jurisdiction"])
    return f"新增执法机关 {made} 个，共 {Agency.objects.count()} 个（联络员密码 {LIAISON_PASSWORD}）"
