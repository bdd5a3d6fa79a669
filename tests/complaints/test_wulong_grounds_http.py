"""武隆《行政执法投诉举报制度》第四条 over HTTP (a row the audit docs/audit/wulong-casework.md found built but
untested): the public form offers exactly the ten acts one may complain of, each with its item; a made-up act is
refused with nothing written; the chosen act is kept and shown to the handling officer with its article.

Calendar 2026: submitted Monday 09-28 (the acceptance clock is asserted in test_complaint_http)."""
import re

import pytest
from django.test import Client
from freezegun import freeze_time

from complaints.models import Complaint
from tests.complaints.helpers import complaint_data, login, submit

TEN = [
    "行政执法行为明显不当（第四条第（一）项）",
    "应当依法查处而不依法查处（第四条第（二）项）",
    "应当依法办理而不予办理（第四条第（三）项）",
    "拒不履行法定义务（第四条第（四）项）",
    "行政处罚决定违反行政处罚裁量标准（第四条第（五）项）",
    "无行政执法资格的机构或人员从事行政执法活动（第四条第（六）项）",
    "徇私舞弊、弄虚作假（第四条第（七）项）",
    "执法态度粗暴、野蛮执法（第四条第（八）项）",
    "收取钱财礼物、吃拿卡要（第四条第（九）项）",
    "其他行政执法违法行为（第四条第（十）项）",
]


@pytest.mark.django_db
def test_the_ten_acts_of_article_4_are_offered_kept_and_cited_to_the_handler(people):
    with freeze_time("2026-09-28 10:00"):
        html = Client().get("/complaints/wulong/").content.decode()
        select = re.search(r'<select name="ground"[^>]*>(.*?)</select>', html, re.S).group(1)
        assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == ["请选择", *TEN]

        # an act the rules do not list: the form says so and no complaint is written
        r = Client().post("/complaints/wulong/", complaint_data(people["agency"], ground="bad_weather"))
        assert r.status_code == 200 and Complaint.objects.count() == 0
        assert "bad_weather" in r.content.decode() and "有效" in r.content.decode()

        _, number, _ = submit(Client(), complaint_data(people["agency"], ground="discretion",
                                                       request="请求撤销超出裁量基准的罚款。"))
    assert number == "武隆投〔2026〕1号"
    complaint = Complaint.objects.get()
    assert (complaint.ground, complaint.ground_label) == ("discretion", "行政处罚决定违反行政处罚裁量标准")
    page = login(people["officer"]).get(f"/admin/complaints/{complaint.pk}/").content.decode()
    assert "事由：行政处罚决定违反行政处罚裁量标准（《行政执法投诉举报制度》第四条第（五）项）" in page
