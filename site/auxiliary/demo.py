"""Demo auxiliary staff in Wulong (《行政执法辅助人员管理办法》): two people on the city-management bureau's register,
put there through the one door (services.add_staff). Idempotent: nothing is added when Wulong has a register."""
from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from casework.models import Agency
from demo.loaders import loader
from rules.profiles import get_profile

from . import services
from .models import AuxiliaryStaff

PEOPLE = [("何小兵", "50023219950311001", "high_school", True, "市容巡查辅助岗", ["patrol", "dissuade"]),
          ("邓丽", "50023219980620002", "college", False, "执法窗口辅助岗", ["publicity", "duty"])]


def _id(body: str) -> str:
    from stdnum.cn import ric

    return body + ric.calc_check_digit(body + "0")


@loader("行政执法辅助人员名册", stage=55)
def load_auxiliary() -> str:
    if AuxiliaryStaff.objects.filter(jurisdiction="wulong").exists():
        return "已有辅助人员演示数据"
    agency = Agency.objects.filter(jurisdiction="wulong", name="武隆区城市管理局").first()
    officer = get_user_model().objects.filter(username="officer").first()
    if agency is None or officer is None:
        return "缺少武隆区城市管理局或经办人账号，未加载"
    profile = get_profile("wulong")
    for i, (name, body, education, veteran, post, duties) in enumerate(PEOPLE):
        services.add_staff(by=officer, agency=agency, profile=profile, data={
            "name": name, "id_number": _id(body), "education": education, "veteran": veteran,
            "dispatch_unit": "重庆武隆某人力资源服务有限公司", "dispatch_agreement": f"WL-CG-PQ-2026-{i + 1:03d}",
            "post": post, "duties": duties, "supervising_officer": "冉执法", "officer_certificate": f"5001560020{i}",
            "start": dt.date(2026, 3, 1), "end": dt.date(2027, 2, 28),
            "conditions": [c["code"] for c in profile.choices("auxiliary_conditions")]})
    return f"辅助人员 {len(PEOPLE)} 人"
