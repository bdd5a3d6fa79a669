"""Helpers that drive the public complaint form and the staff screens over HTTP."""
import re

from django.test import Client
from stdnum.cn import ric


def valid_id(body: str = "50023219850312001") -> str:
    return body + ric.calc_check_digit(body + "0")


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def complaint_data(agency, **extra) -> dict:
    data = {"category": "enforcement", "name": "陈建国", "id_number": valid_id(), "address": "重庆市武隆区芙蓉路8号",
            "contact": "13812345678", "agency": str(agency.pk), "officer_named": "执法证号500001",
            "ground": "rough", "request": "请求依法查处执法人员粗暴执法的行为。",
            "facts": "2026年9月20日，执法人员在检查我的店铺时推搡并辱骂我，有视频为证。"}
    data.update(extra)
    return data


def submit(client: Client, data: dict, jurisdiction: str = "wulong"):
    """Post the public form; on success follow to the receipt and return (response, receipt number, code)."""
    response = client.post(f"/complaints/{jurisdiction}/", data)
    if response.status_code != 302:
        return response, None, None
    page = client.get(response["Location"])
    html = page.content.decode()
    number = re.search(r"受理编号：<span class=\"cp-code\">([^<]+)</span>", html).group(1)
    code = re.search(r"查询码：<span class=\"cp-code\">([^<]+)</span>", html).group(1)
    return page, number, code


def complaint_reviewed(people, *, opinion: str, outcome: str, decision: str):
    """A Wulong complaint submitted on 2026-09-28, accepted on 09-30, two investigators named on 10-09, the opinion
    and the leaders' collective review on 10-20 (`outcome`): where appeals and referrals start from."""
    from freezegun import freeze_time

    from complaints.models import Complaint

    officer, leader = people["officer"], people["leader"]
    with freeze_time("2026-09-28 10:00"):
        submit(Client(), complaint_data(people["agency"]))
    complaint = Complaint.objects.get()
    with freeze_time("2026-09-30 09:00"):
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/accept/").status_code == 302
    with freeze_time("2026-10-09 09:00"):
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/investigators/", {
            "users": [officer.pk, people["officer2"].pk], "no_interest": "on"}).status_code == 302
    with freeze_time("2026-10-20 10:00"):
        assert login(officer).post(f"/admin/complaints/{complaint.pk}/opinion/", {"text": opinion}).status_code == 302
        assert login(leader).post(f"/admin/complaints/{complaint.pk}/review/", {
            "participants": "李局长、周副局长、吴副局长", "outcome": outcome, "decision": decision}).status_code == 302
    return complaint
