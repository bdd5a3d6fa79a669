"""The public form (004 第六条): required particulars with clear Chinese messages and what was typed kept;
the ID number's birth date and check digit validated but an unknown area code accepted; CSRF; a flood of
identical submissions from one client is one complaint and a clear message; anonymous reports become leads
(平台解读 of 第六条); the status lookup needs the right code and shows state and dates only."""
import pytest
from django.test import Client, override_settings
from freezegun import freeze_time

from complaints.models import LEAD, Complaint
from tests.complaints.helpers import complaint_data, submit, valid_id


@pytest.mark.django_db
def test_flood_of_50_identical_submissions_from_one_client_is_one_complaint(people):
    client = Client(REMOTE_ADDR="203.0.113.7")
    data = complaint_data(people["agency"])
    with freeze_time("2026-09-28 10:00"):
        responses = [client.post("/complaints/wulong/", data) for _ in range(50)]
        assert Complaint.objects.count() == 1
        assert responses[0].status_code == 302
        last = responses[-1].content.decode()
        assert "您已提交过内容相同的投诉举报（受理编号：武隆投〔2026〕1号），本次未重复登记" in last
        # whitespace does not make a submission new
        again = client.post("/complaints/wulong/", {**data, "facts": " ".join(data["facts"]) + "  \n"})
        assert "本次未重复登记" in again.content.decode() and Complaint.objects.count() == 1


@pytest.mark.django_db
@override_settings(THROTTLE_RATES={"complaint": (3, 600), "complaint_status": (3, 600)})
def test_rate_limit_per_client_on_different_content(people):
    client = Client(REMOTE_ADDR="203.0.113.8")
    with freeze_time("2026-09-28 10:00"):
        codes = [client.post("/complaints/wulong/", complaint_data(people["agency"], request=f"请求{i}")).status_code
                 for i in range(5)]
        assert codes == [302, 302, 302, 429, 429]
        assert Complaint.objects.count() == 3
        r = client.post("/complaints/wulong/", complaint_data(people["agency"], request="请求9"))
        assert "提交过于频繁" in r.content.decode()
        # another client is not affected
        other = Client(REMOTE_ADDR="198.51.100.1").post("/complaints/wulong/",
                                                        complaint_data(people["agency"], request="请求X"))
        assert other.status_code == 302


@pytest.mark.django_db
def test_csrf_is_enforced_on_the_public_form(people):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/complaints/wulong/", complaint_data(people["agency"])).status_code == 403
    page = client.get("/complaints/wulong/")
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    assert Complaint.objects.count() == 0


@pytest.mark.django_db
def test_required_particulars_of_article_6_with_messages_and_typed_values_kept(people):
    good = valid_id()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    data = complaint_data(people["agency"], name="", contact="12345", id_number=bad)
    r = Client().post("/complaints/wulong/", data)
    html = r.content.decode()
    assert r.status_code == 200 and Complaint.objects.count() == 0
    assert "请填写真实姓名" in html and "身份证号校验位不正确" in html and "请填写有效的手机号码" in html
    assert "执法人员在检查我的店铺时推搡并辱骂我" in html and "重庆市武隆区芙蓉路8号" in html
    r = Client().post("/complaints/wulong/", {**complaint_data(people["agency"]), "id_number": "50023219851332001X",
                                              "agency": "", "ground": ""})
    html = r.content.decode()
    assert "出生日期不存在" in html and "请从名录中选择被投诉举报的行政执法机关" in html and "请选择投诉举报事由" in html


@pytest.mark.django_db
def test_unknown_area_code_with_a_good_check_digit_is_accepted(people):
    # 999999 is no area code; birth date and check digit are right (issue 12: never refuse on the area code)
    with freeze_time("2026-09-28 10:00"):
        _, number, _ = submit(Client(), complaint_data(people["agency"], id_number=valid_id("99999919850312001")))
    assert number and Complaint.objects.get().id_number == valid_id("99999919850312001")


@pytest.mark.django_db
def test_anonymous_report_is_recorded_as_a_lead_without_a_clock(people):
    with freeze_time("2026-09-28 10:00"):
        page, number, code = submit(Client(), complaint_data(people["agency"], anonymous="on", name="", id_number="",
                                                             address="", contact=""))
    complaint = Complaint.objects.get()
    assert complaint.status == LEAD and complaint.anonymous and complaint.name == ""
    assert "匿名反映不作为投诉举报受理，已登记为线索" in page.content.decode()
    from clocks.models import Clock

    assert Clock.objects.count() == 0


@pytest.mark.django_db
def test_status_lookup_needs_the_right_code_and_shows_no_personal_data(people):
    with freeze_time("2026-09-28 10:00"):
        _, number, code = submit(Client(), complaint_data(people["agency"]))
        wrong = Client().post("/complaints/wulong/status/", {"receipt_number": number, "code": "AAAAAAAA"})
        assert "受理编号或查询码不正确" in wrong.content.decode() and "已收到" not in wrong.content.decode()
        unknown = Client().post("/complaints/wulong/status/", {"receipt_number": "武隆投〔2026〕99号", "code": code})
        assert "受理编号或查询码不正确" in unknown.content.decode()
        right = Client().post("/complaints/wulong/status/", {"receipt_number": number, "code": code.lower()})
        html = right.content.decode()
        assert "已收到，待审核" in html and "2026-09-28" in html
        for private in ("陈建国", "13812345678", valid_id(), "芙蓉路"):
            assert private not in html


@pytest.mark.django_db
def test_enshi_takes_complaints_and_names_the_hotline_beside_the_form(people):
    r = Client().get("/complaints/enshi/")
    html = r.content.decode()
    assert r.status_code == 200 and "提交投诉举报" in html
    assert "也可以拨打12345政务服务便民热线反映（《恩施土家族苗族自治州行政执法监督办法》第十条）" in html
    assert Client().get("/complaints/nowhere/").status_code == 404
