"""Rule profiles: every figure of RULES.md as data with its seed and article; audited changes."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rules.models import RuleFigure, RuleFigureChange
from rules.periods import CALENDAR_DAYS, WORKING_DAYS, YEARS
from rules.profiles import FigureMissing, change_figure, get_profile, profile_for_page, sync_profiles

pytestmark = pytest.mark.django_db


def test_all_five_profiles_exist_and_every_figure_cites_a_seed_article():
    codes = {"wanzhou": "000", "weihai": "001", "wuhan": "002", "enshi": "003", "wulong": "004"}
    for code, seed in codes.items():
        profile = get_profile(code)
        assert profile.figures, code
        for figure in profile.figures.values():
            assert figure.citation.source == seed
            assert figure.citation.article.startswith("第")
            assert str(figure.citation).startswith("《")


@pytest.mark.parametrize("code, n, unit, minimum, specified, article", [
    ("wanzhou", 5, WORKING_DAYS, True, True, "000 第六条第（二）项"),
    ("wuhan", 10, CALENDAR_DAYS, True, True, "002 第七条第（二）项"),
    ("weihai", 5, WORKING_DAYS, True, False, "001 第四条"),
])
def test_publicity_windows(code, n, unit, minimum, specified, article):
    rule = get_profile(code).period("publicity_period")
    assert (rule.n, rule.unit, rule.minimum, rule.specified, rule.citation.code) == (
        n, unit, minimum, specified, article)


@pytest.mark.parametrize("code, years, cap, ages, absence", [
    ("wanzhou", 5, 2, (18, 60), {"n": 2, "mode": "within_year"}),
    ("weihai", 2, 2, (None, None), {"n": 2, "mode": "consecutive"}),
    ("wuhan", 3, None, (25, 65), {"n": 2, "mode": "consecutive"}),
])
def test_supervisor_figures_per_profile(code, years, cap, ages, absence):
    p = get_profile(code)
    term = p.period("term_length")
    assert (term.n, term.unit) == (years, YEARS)
    assert p.count("consecutive_term_cap") == cap
    assert p.range("age_range") == ages
    assert p.value("absence_rule") == absence


def test_excluded_occupations_differ_wanzhou_excludes_auxiliary_staff_too():
    codes = lambda c: [i["code"] for i in get_profile(c).choices("excluded_occupations")]  # noqa: E731
    assert codes("wanzhou") == ["enforcement_staff", "auxiliary_staff"]
    assert codes("weihai") == ["enforcement_staff"]
    assert codes("wuhan") == []


def test_wulong_casework_periods():
    p = get_profile("wulong")
    assert (p.period("complaint_accept_period").n, p.period("complaint_accept_period").unit) == (7, WORKING_DAYS)
    assert p.period("complaint_finish_period").unit == CALENDAR_DAYS
    assert p.period("dispute_extension_max").n == 15
    assert p.period("letter_rectify_period").citation.document == "行政执法监督意见书制度"
    enshi = get_profile("enshi")
    assert (enshi.period("letter_rectify_period").n, enshi.period("letter_rectify_period").unit) == (30, CALENDAR_DAYS)


def test_a_figure_the_rules_do_not_have_is_a_clear_error():
    with pytest.raises(FigureMissing, match="武隆"):
        get_profile("wulong").period("publicity_period")


def test_change_needs_permission_and_reason_and_is_audited(make_user):
    figure = RuleFigure.objects.get(profile__code="wanzhou", key="publicity_period")
    editor = make_user("ed", "编辑")
    with pytest.raises(PermissionDenied):
        change_figure(figure=figure, value={"n": 7, "unit": WORKING_DAYS, "minimum": True}, article="第六条",
                      reason="x", by=editor)
    leader = make_user("boss", "司法局负责人")
    with pytest.raises(ValidationError):
        change_figure(figure=figure, value={"n": 7, "unit": WORKING_DAYS}, article="第六条", reason=" ", by=leader)
    with pytest.raises(ValidationError):
        change_figure(figure=figure, value={"n": -1, "unit": WORKING_DAYS}, article="第六条", reason="r", by=leader)
    assert not RuleFigureChange.objects.exists()
    change_figure(figure=figure, value={"n": 7, "unit": WORKING_DAYS, "minimum": True, "specified": True},
                  article="第六条第（二）项", reason="区司法局决定延长公示期", by=leader)
    change = RuleFigureChange.objects.get()
    assert change.old_value["n"] == 5 and change.new_value["n"] == 7 and change.changed_by == leader
    assert get_profile("wanzhou").period("publicity_period").n == 7
    sync_profiles()  # the defaults never overwrite an audited change
    assert get_profile("wanzhou").period("publicity_period").n == 7


def test_admin_edit_form_requires_a_reason_and_writes_the_audit_record(client, make_user):
    figure = RuleFigure.objects.get(profile__code="wuhan", key="publicity_period")
    client.force_login(make_user("boss", "司法局负责人"))
    url = f"/admin/rule_figures/edit/{figure.pk}/"
    page = client.get(url)
    assert page.status_code == 200 and "修改理由" in page.content.decode()
    value = '{"n": 12, "unit": "calendar_days", "minimum": true, "specified": true}'
    refused = client.post(url, {"article": figure.article, "value": value, "reason": ""})
    assert refused.status_code == 200 and not RuleFigureChange.objects.exists()
    bad_json = client.post(url, {"article": figure.article, "value": "{n: 12", "reason": "r"})
    assert "不是合法的JSON" in bad_json.content.decode()
    done = client.post(url, {"article": figure.article, "value": value, "reason": "市局通知"})
    assert done.status_code == 302
    assert RuleFigureChange.objects.get().reason == "市局通知"


def test_staff_can_read_profiles_in_the_admin_but_editors_cannot_change_figures(client, make_user):
    client.force_login(make_user("ed", "编辑"))
    listing = client.get("/admin/rule_figures/?profile=" + str(get_profile("wanzhou").pk))
    assert listing.status_code == 200 and "拟聘人员公示期" in listing.content.decode()
    figure = RuleFigure.objects.get(profile__code="wanzhou", key="publicity_period")
    assert client.get(f"/admin/rule_figures/edit/{figure.pk}/").status_code in (302, 403)


def test_profile_for_page_uses_the_section_then_the_site_then_the_default(site_tree, settings):
    from wagtail.models import Site

    from rules.models import RuleProfile, SiteRuleProfile

    assert profile_for_page(site_tree["wuhan"]).code == "wuhan"
    assert profile_for_page(site_tree["home"]).code == settings.DEFAULT_JURISDICTION
    setting = SiteRuleProfile.for_site(Site.objects.get(is_default_site=True))
    setting.profile = RuleProfile.objects.get(code="weihai")
    setting.save()
    assert profile_for_page(site_tree["home"]).code == "weihai"
    assert profile_for_page(site_tree["wanzhou"]).code == "wanzhou"
