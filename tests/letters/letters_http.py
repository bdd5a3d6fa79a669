"""Shared steps for the letter tests: role users, an agency with its liaison, doing a task over HTTP from
the matter screen's panel (claim, open, post), recording service (送达回证)."""
from __future__ import annotations

import re

from django.test import Client

from casework.models import Agency, Document, Matter
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def people(make_user, code: str, agency_name: str):
    agency = Agency.objects.create(jurisdiction=code, name=agency_name, head_name="王大明")
    liaison = make_user(f"lx_{code}", LIAISON, first_name="李小红")
    StaffProfile.objects.create(user=liaison, agency=agency, jurisdiction=code)
    other_agency = Agency.objects.create(jurisdiction=code, name=f"{agency_name[:2]}其他局")
    other = make_user(f"lx_other_{code}", LIAISON)
    StaffProfile.objects.create(user=other, agency=other_agency, jurisdiction=code)
    return {"agency": agency, "liaison": liaison, "other": other,
            "officer": make_user(f"officer_{code}", OFFICER, first_name="张经办"),
            "leader": make_user(f"leader_{code}", LEADER, first_name="赵负责")}


def start_letter(officer, code: str, agency, *, ground: str, title: str = "未依法履行检查职责") -> Matter:
    response = login(officer).post(f"/admin/letters/new/?jurisdiction={code}", {
        "agency": agency.pk, "source": "casefile_review", "title": title,
        "facts": "案卷评查发现，当事人王大明（身份证号110105198005010011，电话13812345678）举报的问题未处理。",
        "ground": ground, "findings": "2026年上半年未按计划开展食品安全抽检，投诉件未在期限内办结。",
        "request": "限期完成抽检并办结积压投诉件。"})
    assert response.status_code == 302, response.content.decode()
    return Matter.objects.get(title=title, jurisdiction=code)


def matter_html(client, matter) -> str:
    response = client.get(f"/admin/casework/{matter.pk}/")
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def open_task(client, matter, title: str) -> tuple[str, str]:
    """Claim the task `title` from the matter screen's panel; return (execute url, its screen)."""
    html = matter_html(client, matter)
    assert title in html, html
    # the title's row in a panel (the matter's 当前环节 above names the same step, without a form)
    for at in (m.start() for m in re.finditer(re.escape(title), html)):
        row = html[at:]
        action = re.search(r'action="(/workflow/tasks/\d+/claim/)"', row[:1500])
        if action:
            break
    assert action, row[:1500]
    response = client.post(action.group(1))
    assert response.status_code == 302, response
    page = client.get(response["Location"])
    assert page.status_code == 200
    return response["Location"], page.content.decode()


def do_task(user, matter, title: str, data: dict) -> str:
    client = login(user)
    url, html = open_task(client, matter, title)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == f"/admin/casework/{matter.pk}/"
    return html


def signed_letter(p, *, title: str = "未依法履行检查职责"):
    """A letter drafted by the officer and signed by the leader (its flow waiting at 送达): (matter, document).
    Call within the caller's frozen clock."""
    matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure", title=title)
    do_task(p["officer"], matter, "起草监督建议书（意见书）", {
        "ground": "procedure", "findings": "行政处罚未履行告知程序。", "request": "重新履行告知程序。"})
    do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
    return matter, Document.objects.get(matter=matter, kind="opinion_letter")


def serve(officer, document, received_on: str) -> None:
    response = login(officer).post(f"/admin/casework/documents/{document.pk}/service/", {
        "received_on": received_on, "method": "直接送达", "received_by_name": "李小红"})
    assert response.status_code == 302, response.content.decode()
