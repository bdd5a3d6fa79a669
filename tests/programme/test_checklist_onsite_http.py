"""On-site supervision by at least two staff showing their credentials (Enshi 003 第二十四条第（一）项), and the
inspection / case-file review checklist (003 第十一条至第十四条): each finding ticks an item, opens a supervision
letter in the activity's file with the ground pre-filled, and is counted per item and agency. Over HTTP as role
users (issue 24 items 4 and 6)."""
import io

import pytest
from django.test import Client
from freezegun import freeze_time
from openpyxl import load_workbook

from casework.models import Agency, Matter
from letters.models import Letter
from programme.models import Activity, ActivityParticipant, ChecklistItem, Finding
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile

pytestmark = pytest.mark.django_db
ENSHI_24 = "《恩施土家族苗族自治州行政执法监督办法》第二十四条第（一）项"


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people(make_user, site_tree):
    agencies = {}
    for key, name, code in (("market", "恩施州市场监督管理局", "enshi"), ("env", "恩施州生态环境局", "enshi"),
                            ("wl", "武隆区城市管理局", "wulong")):
        agencies[key] = Agency.objects.create(jurisdiction=code, name=name)
        liaison = make_user(f"lx_{key}", LIAISON, first_name=f"联络{key}")
        StaffProfile.objects.create(user=liaison, agency=agencies[key], jurisdiction=code)
    return {"agencies": agencies, "officer": make_user("officer_es", OFFICER, first_name="王经办"),
            "leader": make_user("leader_es", LEADER, first_name="李负责"),
            "liaison": Agency.objects.get(name="恩施州市场监督管理局").liaisons.first()}


def activity_post(client, agency, *, mode, people=(), kind="inspection", held_on="2026-06-10", title="年度执法检查",
                  jurisdiction="enshi", year=2026):
    data = {"kind": kind, "agency": agency.pk, "held_on": held_on, "title": title, "mode": mode}
    if jurisdiction == "wulong":
        data["forms"] = "enforcement_check"  # 004 检查 第六条: the form it took
        data["schedule"] = "periodic"  # 004 检查 第六条: a Wulong inspection says whether it is periodic
    for i, (user, credential) in enumerate(people, start=1):
        data[f"p{i}_user"] = user.pk
        data[f"p{i}_credential"] = credential
    return client.post(f"/admin/programme/{jurisdiction}/{year}/activities/new/", data)


def test_onsite_supervision_needs_two_staff_with_credentials_in_enshi(people):
    A, officer_user, leader_user = people["agencies"], people["officer"], people["leader"]
    officer = login(officer_user)
    with freeze_time("2026-06-12 10:00"):
        form = officer.get("/admin/programme/enshi/2026/activities/new/").content.decode()
        assert f"现场监督：监督人员不得少于2人，并应出示行政执法监督证件（{ENSHI_24}）。" in form
        assert "参加人员1出示的行政执法监督证件号" in form

        # one person on site: refused with the article, nothing stored
        response = activity_post(officer, A["market"], mode="onsite", people=[(officer_user, "鄂恩监字第0107号")])
        assert response.status_code == 200
        assert f"开展现场监督，监督人员不得少于2人（{ENSHI_24}），本次只登记了1人。" in response.content.decode()
        # two people, one without the credential shown: refused, nothing stored
        response = activity_post(officer, A["market"], mode="onsite",
                                 people=[(officer_user, "鄂恩监字第0107号"), (leader_user, "")])
        assert f"开展现场监督应出示行政执法监督证件（{ENSHI_24}），请填写李负责的证件号。" in response.content.decode()
        # the same person twice
        response = activity_post(officer, A["market"], mode="onsite",
                                 people=[(officer_user, "鄂恩监字第0107号"), (officer_user, "鄂恩监字第0107号")])
        assert "参加人员“王经办”重复登记。" in response.content.decode()
        # no way given
        response = activity_post(officer, A["market"], mode="")
        assert "请选择开展方式：现场监督或非现场。" in response.content.decode()
        assert Activity.objects.count() == 0 and ActivityParticipant.objects.count() == 0

        # two staff with their credentials: recorded, and the activity screen shows them
        response = activity_post(officer, A["market"], mode="onsite",
                                 people=[(officer_user, "鄂恩监字第0107号"), (leader_user, "鄂恩监字第0021号")])
        activity = Activity.objects.get()
        assert response.status_code == 302 and response["Location"] == f"/admin/programme/activities/{activity.pk}/"
        assert activity.onsite is True
        assert list(activity.participants.values_list("user__first_name", "credential_number")) == [
            ("王经办", "鄂恩监字第0107号"), ("李负责", "鄂恩监字第0021号")]
        html = officer.get(f"/admin/programme/activities/{activity.pk}/").content.decode()
        assert "鄂恩监字第0107号" in html and "鄂恩监字第0021号" in html and "现场监督" in html
        assert f"现场监督：不少于2人，出示行政执法监督证件（{ENSHI_24}）" in html

        # a case-file review held at the bureau (非现场) needs no minimum
        response = activity_post(officer, A["env"], mode="desk", kind="casefile_review", title="年度案卷评查",
                                 people=[(officer_user, "")])
        assert response.status_code == 302
        assert Activity.objects.get(kind="casefile_review").onsite is False

        # Wulong's rules set no minimum: its profile says so, one person on site is recorded
        form = officer.get("/admin/programme/wulong/2026/activities/new/").content.decode()
        assert "现场监督：办法未规定最少人数，平台不作限制（《行政执法监督检查制度》第六条）。" in form
        response = activity_post(officer, A["wl"], mode="onsite", people=[(officer_user, "")], jurisdiction="wulong")
        assert response.status_code == 302
        # a liaison may not record activities
        liaison = login(people["liaison"])
        response = activity_post(liaison, A["market"], mode="onsite",
                                 people=[(officer_user, "鄂恩监字第0107号"), (leader_user, "鄂恩监字第0021号")])
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert Activity.objects.count() == 3


def test_checklist_findings_open_letters_in_the_same_file_and_are_counted(people):
    A, officer_user, leader_user = people["agencies"], people["officer"], people["leader"]
    officer = login(officer_user)
    with freeze_time("2026-06-12 10:00"):
        assert ChecklistItem.objects.filter(jurisdiction="enshi").count() == 24
        activity_post(officer, A["market"], mode="onsite",
                      people=[(officer_user, "鄂恩监字第0107号"), (leader_user, "鄂恩监字第0021号")])
        activity = Activity.objects.get()
        url = f"/admin/programme/activities/{activity.pk}/"
        html = officer.get(url).content.decode()
        assert "行政执法重要制度落实情况" in html and "行政执法责任制落实情况" in html
        assert "严格规范公正文明执法情况" in html
        assert "执法证件的管理和使用是否规范（第十四条第（七）项）" in html
        assert "重大执法决定是否经法制审核并报送备案（第十二条第（一）项）" in html

        # a finding with no item is refused in Chinese; nothing stored
        response = officer.post(url, {"text": "3件行政处罚案卷证据不完整。"})
        assert response.status_code == 400
        assert "请在检查清单中勾选该问题对应的项目：每个发现的问题都须对应清单中的一项。" in response.content.decode()
        # an item of another jurisdiction's checklist is refused too
        wulong_item = ChecklistItem.objects.get(jurisdiction="wulong", code="procedure")
        response = officer.post(url, {"item": wulong_item.pk, "text": "程序问题。"})
        assert "所选检查项目不属于本辖区现行的检查清单。" in response.content.decode()
        assert Finding.objects.count() == 0

        facts = ChecklistItem.objects.get(jurisdiction="enshi", code="facts")
        certs = ChecklistItem.objects.get(jurisdiction="enshi", code="certificates")
        assert officer.post(url, {"item": facts.pk, "text": "3件行政处罚案卷证据不完整。"}).status_code == 302
        assert officer.post(url, {"item": certs.pk, "text": "2名执法人员持过期执法证件执法。"}).status_code == 302
        first, second = Finding.objects.order_by("pk")
        activity.refresh_from_db()
        assert activity.has_problems and activity.findings == (
            "【认定事实是否清楚，证据是否确实、充分】3件行政处罚案卷证据不完整。\n"
            "【执法证件的管理和使用是否规范】2名执法人员持过期执法证件执法。")

        # the letter form: ground pre-selected from the item, facts pre-filled with the item and its article
        form = officer.get(f"/admin/programme/findings/{first.pk}/letter/").content.decode()
        assert '<option value="illegal_decision" selected>' in form
        assert ("2026年06月10日监督检查（年度执法检查）中发现：3件行政处罚案卷证据不完整。（检查项目：认定事实是否清楚，"
                "证据是否确实、充分，《恩施土家族苗族自治州行政执法监督办法》第十四条第（二）项）") in form
        response = officer.post(f"/admin/programme/findings/{first.pk}/letter/", {
            "ground": "illegal_decision", "findings": "3件行政处罚案卷证据不完整。", "request": "补充证据或依法撤销。"})
        matter = Matter.objects.get()
        assert response.status_code == 302 and response["Location"] == f"/admin/casework/{matter.pk}/"
        assert (matter.source, matter.process, matter.agency_id) == ("inspection", "letter", A["market"].pk)
        assert matter.title == "监督检查发现问题：年度执法检查"

        # the second finding: a letter in the SAME file, its ground pre-selected as 证件管理
        form = officer.get(f"/admin/programme/findings/{second.pk}/letter/").content.decode()
        assert '<option value="staff_certificates" selected>' in form
        assert f"同一案卷：{matter.number}" in form
        response = officer.post(f"/admin/programme/findings/{second.pk}/letter/", {
            "ground": "staff_certificates", "findings": "2名执法人员持过期执法证件执法。", "request": "清理执法证件。"})
        assert response.status_code == 302
        assert Matter.objects.count() == 1
        assert sorted(Letter.objects.filter(matter=matter).values_list("ground", flat=True)) == [
            "illegal_decision", "staff_certificates"]
        first.refresh_from_db()
        second.refresh_from_db()
        assert first.letter.matter_id == second.letter.matter_id == matter.pk
        # not twice
        response = officer.get(f"/admin/programme/findings/{first.pk}/letter/")
        assert response.status_code == 302 and response["Location"] == f"/admin/programme/activities/{activity.pk}/"

        # the existing path (转立监督事项) first, then a finding's letter goes into that file
        activity_post(officer, A["env"], mode="desk", kind="casefile_review", title="年度案卷评查",
                      people=[(officer_user, "")])
        review = Activity.objects.get(kind="casefile_review")
        officer.post(f"/admin/programme/activities/{review.pk}/",
                     {"item": certs.pk, "text": "1名执法人员未取得执法证件。"})
        officer.post(f"/admin/programme/activities/{review.pk}/matter/")
        review.refresh_from_db()
        third = Finding.objects.get(activity=review)
        response = officer.post(f"/admin/programme/findings/{third.pk}/letter/", {
            "ground": "staff_certificates", "findings": "1名执法人员未取得执法证件。", "request": "停止其执法。"})
        assert response.status_code == 302 and response["Location"] == f"/admin/casework/{review.matter_id}/"
        assert Letter.objects.get(matter=review.matter).ground == "staff_certificates"
        assert Matter.objects.count() == 2

        # a liaison can neither record findings nor open letters, nor see the statistics
        liaison = login(people["liaison"])
        assert liaison.post(url, {"item": facts.pk, "text": "x"})["Location"] == "/admin/"
        assert liaison.get("/admin/programme/enshi/2026/checklist/")["Location"] == "/admin/"
        assert Finding.objects.count() == 3

        # statistics per item and agency, on screen and in Excel
        html = officer.get("/admin/programme/enshi/2026/checklist/").content.decode()
        assert "湖北省恩施土家族苗族自治州 2026年度检查发现问题统计（按检查项目、执法机关）" in html
        assert "<th>恩施州市场监督管理局</th><th>恩施州生态环境局</th>" in html
        assert ("<td>执法证件的管理和使用是否规范</td><td>《恩施土家族苗族自治州行政执法监督办法》第十四条第（七）项</td>"
                "<td>1</td><td>1</td><td>2</td>") in html
        assert "<tr><th>合计</th><td></td><td>2</td><td>1</td><td>3</td></tr>" in html
        response = officer.get("/admin/programme/enshi/2026/checklist.xlsx")
        ws = load_workbook(io.BytesIO(response.content))["检查发现问题统计"]
        assert ws["A1"].value == "恩施州司法局2026年度检查发现问题统计"
        assert [c.value for c in ws[2]] == ["监督内容", "检查项目", "依据", "恩施州市场监督管理局", "恩施州生态环境局", "合计"]
        rows = {r[1]: r[3:] for r in ws.iter_rows(min_row=3, values_only=True)}
        assert rows["认定事实是否清楚，证据是否确实、充分"] == (1, 0, 1)
        assert rows["执法证件的管理和使用是否规范"] == (1, 1, 2)
        assert rows["执法程序是否合法"] == (0, 0, 0)
        assert rows[None] == (2, 1, 3)  # the totals row (合计 in column A)


def test_the_checklist_is_kept_in_the_admin_with_chinese_refusals(people):
    officer = login(people["officer"])
    item = ChecklistItem.objects.get(jurisdiction="enshi", code="training")
    listing = officer.get("/admin/checklist_items/?section=conduct").content.decode()
    assert "执法人员是否接受教育培训" in listing
    data = {"jurisdiction": "enshi", "section": "conduct", "code": "training", "label": "执法人员年度培训是否达标",
            "source": "003", "document": "", "article": "第十四条第（八）项", "letter_ground": "qualification",
            "sort_order": 200, "active": "on"}
    response = officer.post(f"/admin/checklist_items/edit/{item.pk}/", data)
    assert "所选情形不是湖北省恩施土家族苗族自治州的制发情形，请从本辖区的情形中选择：" in response.content.decode()
    assert "湖北省恩施土家族苗族自治州" in listing and "行政执法队伍管理、证件管理不规范" in listing
    data["letter_ground"] = "staff_certificates"
    assert officer.post(f"/admin/checklist_items/edit/{item.pk}/", data).status_code == 302
    item.refresh_from_db()
    assert item.label == "执法人员年度培训是否达标"
    # items are retired, never deleted (findings cite them); a liaison may not open the checklist
    assert officer.get(f"/admin/checklist_items/delete/{item.pk}/").status_code in (302, 403)
    assert ChecklistItem.objects.filter(pk=item.pk).exists()
    assert login(people["liaison"]).get("/admin/checklist_items/").status_code == 302
