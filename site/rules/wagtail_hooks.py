"""Admin screens: profiles and figures (read; change only with a reason, audited), holiday years."""
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .forms import FigureChangeForm
from .models import HolidayYear, RuleFigure, RuleFigureChange, RuleProfile
from .permissions import policy

# profiles/figures are never added or deleted by hand; audit records and clocks never edited
register_permission_policy(RuleProfile, policy(RuleProfile, "add", "delete"))
register_permission_policy(RuleFigure, policy(RuleFigure, "add", "delete"))
register_permission_policy(RuleFigureChange, policy(RuleFigureChange, "add", "change", "delete"))


class RuleProfileViewSet(ModelViewSet):
    model = RuleProfile
    icon = "doc-full"
    menu_label = "规则配置"
    list_display = ["name", "code", "authority", "org_code"]
    form_fields = ["name", "authority", "org_code"]
    inspect_view_enabled = True


class RuleFigureViewSet(ModelViewSet):
    model = RuleFigure
    icon = "list-ul"
    menu_label = "规则数值"
    list_display = ["label", "profile", "display_value", "article", "source", "changed"]
    list_filter = ["profile", "kind", "source", "changed"]
    search_fields = ["label", "key", "article", "note"]
    form_fields = ["article"]
    inspect_view_enabled = True
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return FigureChangeForm


class RuleFigureChangeViewSet(ModelViewSet):
    model = RuleFigureChange
    icon = "history"
    menu_label = "规则修改记录"
    list_display = ["figure", "changed_by", "changed_at", "old_article", "new_article", "reason"]
    form_fields = ["reason"]
    inspect_view_enabled = True


class HolidayYearViewSet(ModelViewSet):
    model = HolidayYear
    icon = "date"
    menu_label = "节假日安排"
    list_display = ["year", "notice_number", "entered_at"]
    form_fields = ["year", "notice_number", "notice_title", "holidays", "workdays"]


class RulesGroup(ViewSetGroup):
    menu_label = "规则与日历"
    menu_icon = "doc-full"
    menu_order = 300
    items = (RuleProfileViewSet("rule_profiles"), RuleFigureViewSet("rule_figures"),
             RuleFigureChangeViewSet("rule_changes"), HolidayYearViewSet("holiday_years"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RulesGroup()
