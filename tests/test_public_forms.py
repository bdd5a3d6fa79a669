"""issue 18: the forms the public fills in, one way of showing them (public_forms.py, includes/form_field.html).
Grouped questions are fieldsets with a legend; every aria-describedby names an id on the page; required
fields are marked and the mark explained once; selects start at 请选择; after an empty submit an error
summary counts what to fix and links to each field, in Chinese, never Django's bare "必需字段"."""
import datetime as dt
import re

import pytest
from django.test import Client
from freezegun import freeze_time

pytestmark = pytest.mark.django_db
REQUIRED_NOTE = '<p class="required-note">带 <span class="required-mark">*</span> 号的为必填项'


def described_ids_exist(html: str) -> None:
    """Every id an aria-describedby or a label's for names is on the page; no label points nowhere."""
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    for value in re.findall(r'aria-describedby="([^"]*)"', html):
        for ref in value.split():
            assert ref in ids, f"aria-describedby names #{ref}, which is not on the page"
    for ref in re.findall(r'<label[^>]*\sfor="([^"]*)"', html):
        assert ref and ref in ids, f'<label for="{ref}"> names no control'


def empty_submit(client: Client, url: str):
    """What a browser sends for the untouched form: its hidden inputs only."""
    html = client.get(url).content.decode()
    return client.post(url, dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)))


def first_option(html: str, name: str) -> str:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.search(r"<option[^>]*>([^<]*)</option>", select).group(1)


@pytest.fixture
def apply_url(site_tree, make_user):
    from roles.definitions import OFFICER
    from supervisors import processes as supervisor_processes

    with freeze_time("2026-06-01 09:00"):
        campaign = supervisor_processes.campaign_start(by=make_user("officer", OFFICER), jurisdiction="wanzhou",
                                                title="2026年度万州区行政执法监督员选聘", places=3,
                                                deadline=dt.date(2026, 6, 20))
    return f"/supervisors/wanzhou/campaigns/{campaign.pk}/apply/"


@freeze_time("2026-06-02 10:00")
def test_application_form_groups_questions_marks_required_fields_and_starts_selects_blank(apply_url):
    html = Client().get(apply_url).content.decode()
    for legend in ("报名方式", "本人是否属于以下人员", "本人是否有以下记录"):
        assert re.search(rf'<fieldset class="form-row form-group">\s*<legend>{legend}', html), legend
    assert 'for=""' not in html
    assert '<label class="choice" for="id_intake_0"><input type="radio" name="intake" value="self"' in html
    assert '<span>个人自荐</span></label>' in html
    assert html.count(REQUIRED_NOTE) == 1
    assert '<label for="id_name">姓名<span class="required-mark" aria-hidden="true">*</span></label>' in html
    assert '<label for="id_post">职务</label>' in html  # optional: no mark
    assert re.search(r'<input type="text" name="name" maxlength="32" required', html)
    for name in ("gender", "education", "source"):
        assert first_option(html, name) == "请选择"
    assert re.search(r'<option value="" selected>请选择</option>\s*<option value="male">男</option>', html)
    assert "error-summary" not in html
    described_ids_exist(html)


@freeze_time("2026-06-02 10:00")
def test_application_form_empty_submit_lists_eleven_places_to_fix_in_chinese(apply_url):
    response = empty_submit(Client(), apply_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="error-summary-title">提交未成功，有 11 处需要修改</h2>' in html
    assert html.index('id="error-summary"') < html.index("<h2>报名条件</h2>")  # at the top
    assert '<a href="#id_gender">请选择性别。</a>' in html
    assert '<a href="#id_intake_0">请选择报名方式。</a>' in html  # a group's link leads to its first choice
    assert '<a href="#id_statement">请填写个人简历及履职意愿。</a>' in html
    assert '<a href="#id_materials_true">请勾选“材料真实”承诺后再提交。</a>' in html
    assert '<script src="/static/js/forms.js" defer></script>' in html  # moves focus to the summary
    assert "必需字段" not in html and "This field is required" not in html
    assert ('<div class="field-error" id="id_name_error"><p><span class="visually-hidden">错误：</span>'
            "请填写姓名。</p></div>") in html
    assert 'aria-invalid="true" aria-describedby="id_name_error" id="id_name"' in html
    assert '<fieldset class="form-row form-group has-error" aria-describedby="id_intake_error">' in html
    assert 'role="alert"' not in html.split('id="main"')[1]
    described_ids_exist(html)


def test_objection_form_help_and_errors_are_where_aria_describedby_points(site_tree):
    from public_notices.services import publicity_list_publish

    with freeze_time("2026-09-29 08:00:00"):
        page = publicity_list_publish(
            jurisdiction="wanzhou", title="拟聘行政执法监督员公示", body="现将拟聘人员名单予以公示。",
            start=dt.date(2026, 9, 29),
            candidates=[{"name": "刘明", "gender": "男", "birth_month": "1978-04", "workplace": "万州区某律师事务所",
                         "post": "律师", "recommended_by": "单位推荐"}])
    url = page.url + "objection/"
    with freeze_time("2026-09-30 10:00:00"):
        blank = Client().get(url).content.decode()
        assert '<p class="helptext" id="id_contact_helptext">手机、固定电话或电子邮箱，仅用于核实，不会公开</p>' in blank
        assert 'aria-describedby="id_contact_helptext" id="id_contact"' in blank
        assert first_option(blank, "candidate") == "请选择（如不在名单中可在下方填写）"
        described_ids_exist(blank)
        html = empty_submit(Client(), url).content.decode()
    assert '<h2 id="error-summary-title">提交未成功，有 4 处需要修改</h2>' in html
    assert '<a href="#id_objector_name">异议人姓名：请填写您的姓名。</a>' in html
    assert '<a href="#id_person_concerned">所涉人员姓名：请选择或填写异议所涉人员。</a>' in html
    assert 'aria-describedby="id_contact_helptext id_contact_error" id="id_contact"' in html
    assert '<ul class="errorlist" role="alert">' not in html
    described_ids_exist(html)


def test_complaint_forms_mark_the_particulars_004_requires_and_summarise_an_empty_submit(site_tree):
    supervisor_report = Client().get("/complaints/wanzhou/").content.decode()
    assert supervisor_report.count(REQUIRED_NOTE) == 1
    assert '<label for="id_name">真实姓名<span class="required-mark" aria-hidden="true">*</span></label>' \
        in supervisor_report
    assert 'name="name" maxlength="50" aria-required="true" id="id_name"' in supervisor_report
    assert first_option(supervisor_report, "supervisor") == "请选择"
    html = empty_submit(Client(), "/complaints/wanzhou/").content.decode()
    assert '<h2 id="error-summary-title">提交未成功，有 7 处需要修改</h2>' in html
    assert '<a href="#id_supervisor">请选择被举报的监督员。</a>' in html
    described_ids_exist(html)

    enforcement = empty_submit(Client(), "/complaints/wulong/").content.decode()
    assert '<h2 id="error-summary-title">提交未成功，有 8 处需要修改</h2>' in enforcement
    assert '<a href="#id_ground">请选择投诉举报事由。</a>' in enforcement
    assert first_option(enforcement, "ground") == "请选择"
    described_ids_exist(enforcement)


def test_status_lookup_empty_submit_names_both_fields(site_tree):
    html = empty_submit(Client(), "/complaints/wanzhou/status/").content.decode()
    assert '<h2 id="error-summary-title">提交未成功，有 2 处需要修改</h2>' in html
    assert '<a href="#id_receipt_number">请填写受理编号。</a>' in html
    assert '<a href="#id_code">请填写查询码。</a>' in html
    described_ids_exist(html)
