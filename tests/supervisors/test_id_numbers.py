"""ID numbers (issue 12): format, birth date and check digit are validated; an area code unknown to
stdnum's current table (a Wanzhou 500101… number of someone born in 1985) is a warning, never a
refusal. The public form refuses bad numbers with a clear Chinese message and keeps what the
applicant typed when another field fails."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from freezegun import freeze_time

from roles.definitions import OFFICER
from rules.profiles import get_profile
from supervisors import processes as supervisor_processes
from supervisors.eligibility import check_application, parse_id_number
from supervisors.models import Application, Campaign
from tests.supervisors.helpers import application_data, form_post

WANZHOU_1985 = "500101198503150016"  # genuine format and check digit; 500101 unknown to stdnum's table


def test_old_wanzhou_area_code_passes_with_a_warning():
    parsed = parse_id_number(WANZHOU_1985)
    assert parsed.birth == dt.date(1985, 3, 15)
    assert "500101" in parsed.warning and "人工核对" in parsed.warning


@pytest.mark.django_db
def test_eligibility_passes_the_wanzhou_1985_number():
    app = Application(name="谭华", gender="male", birth_date=dt.date(1985, 3, 15), id_number=WANZHOU_1985,
                      education="bachelor", applied_on=dt.date(2026, 6, 1), occupations=[], records=[])
    (result, *_rest) = check_application(app, get_profile("wanzhou"))
    assert result.check == "id_number" and result.passed
    assert "提示" in result.reason


@pytest.mark.parametrize("raw, words", [
    ("123456789012345678", "出生日期"),  # 18 digits, but no such birth date (9012-34-56)
    ("11010519800501001X", "校验位"),
    ("110105198013010010", "出生日期"),
    ("11010519800501001😀", "半角数字"),
    ("１１０１０５１９８００５０１００１Ｘ", "半角数字"),
    ("1101051980050100", "18位"),
    ("11010519800501001A", "格式不正确"),
])
def test_bad_numbers_are_refused_in_chinese(raw, words):
    with pytest.raises(ValidationError) as exc:
        parse_id_number(raw)
    assert words in exc.value.messages[0]


@pytest.fixture
def open_campaign(site_tree, make_user):
    officer = make_user("officer", OFFICER)
    with freeze_time("2026-06-01 09:00"):
        return supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="选聘", places=1,
                                            deadline=dt.date(2026, 6, 10))


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["123456789012345678", "11010519800501001😀", "１１０１０５１９８００５０１００１Ｘ"])
def test_public_form_refuses_bad_id_numbers_with_a_chinese_message(open_campaign, raw):
    url = f"/supervisors/wanzhou/campaigns/{open_campaign.pk}/apply/"
    with freeze_time("2026-06-02 09:00"):
        response = Client().post(url, {**form_post(application_data("wanzhou")), "id_number": raw})
    html = response.content.decode()
    assert response.status_code == 200
    assert ("身份证号码中的出生日期不存在" in html or "半角数字" in html)
    assert raw not in html  # a refused number is never written back
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_public_form_keeps_what_was_typed_when_another_field_fails(open_campaign):
    url = f"/supervisors/wanzhou/campaigns/{open_campaign.pk}/apply/"
    data = form_post(application_data("wanzhou", birth=dt.date(1985, 3, 15), id_number=WANZHOU_1985,
                                      intake="unit", recommending_unit="", name="谭华"))
    with freeze_time("2026-06-02 09:00"):
        html = Client().post(url, data).content.decode()
        assert "单位推荐须填写推荐单位名称" in html
        assert f'value="{WANZHOU_1985}"' in html and 'value="13800138000"' in html and 'value="谭华"' in html
        response = Client().post(url, {**data, "recommending_unit": "某协会"})
    assert response.status_code == 302
    app = Application.objects.get()
    assert app.id_number == WANZHOU_1985 and app.auto_passed
    assert Campaign.objects.get().applications.count() == 1


@pytest.mark.django_db
def test_public_form_says_when_birth_date_and_id_number_disagree(open_campaign):
    url = f"/supervisors/wanzhou/campaigns/{open_campaign.pk}/apply/"
    data = form_post(application_data("wanzhou", birth=dt.date(1985, 3, 16), id_number=WANZHOU_1985))
    with freeze_time("2026-06-02 09:00"):
        html = Client().post(url, data).content.decode()
    assert "出生日期与身份证号码中的出生日期不一致" in html
    assert not Application.objects.exists()
