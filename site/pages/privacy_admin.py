"""Wagtail's 隐私 screen (页面 → 隐私, `/admin/pages/<id>/privacy/`) with the project's checks (issue 31).

Wagtail lets each page viewset name its privacy view (`PageViewSet.set_privacy_view_class`); the page
viewset registered here for every page type (pages.wagtail_hooks) keeps Wagtail's screen and swaps in:

- a form that refuses, in Chinese, what would break the public site or protect nothing: a restriction on
  the tree's root or on a site's home page (the whole website would be closed; restrict a section
  instead), a password of spaces only, a group restriction with no group;
- a save in one transaction: the restriction and its groups are written together or not at all.

The tree's root has no privacy screen in Wagtail (nobody may publish it); asked for anyway, it answers
with the same refusal instead of an unexplained 403."""
from __future__ import annotations

from django import forms
from django.db import transaction
from django.http import Http404
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, PageViewRestriction, Site

ROOT_REFUSED = ("网站根页面不能设置访问限制：这会使整个网站的公开内容都无法访问。"
                "如需限制部分内容，请在相应的栏目或页面上设置。")
HOME_REFUSED = ("“{title}”是网站首页，不能设置访问限制：这会使整个网站的公开内容都无法访问。"
                "如需限制部分内容，请在相应的栏目或页面上设置。")
PASSWORD_BLANK = "请填写访问密码：密码不能为空，也不能只含空格。"
GROUPS_EMPTY = "请至少选择一个可以查看此页面的用户组。"
# Wagtail's zh-hans catalogue leaves some of the screen's words in English
CHOICE_LABELS = {
    PageViewRestriction.NONE: "公开",
    PageViewRestriction.PASSWORD: "不公开：凭共享密码访问",
    PageViewRestriction.LOGIN: "不公开：登录用户可访问",
    PageViewRestriction.GROUPS: "不公开：指定用户组的用户可访问",
}


def refusal_for(page) -> str:
    """Why `page` may not carry a view restriction at all ("" when it may)."""
    if page.is_root():
        return ROOT_REFUSED
    if Site.objects.filter(root_page_id=page.pk).exists():
        return HOME_REFUSED.format(title=page.title)
    return ""


class ProjectPageViewRestrictionForm(PageViewRestrictionForm):
    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        field = self.fields["restriction_type"]
        field.label = "访问权限"
        field.choices = [(value, CHOICE_LABELS.get(value, label)) for value, label in field.choices]
        if "password" in self.fields:
            password = self.fields["password"]
            password.strip = False  # judged below: spaces only is refused, not silently emptied
            password.label = "共享密码"
            password.help_text = "共享密码不宜用于保护敏感内容：知道密码的任何人都能查看本页及其下级页面。"
        self.fields["groups"].label = "可访问的用户组"

    def clean_password(self):
        password = self.cleaned_data.get("password") or ""
        if self.cleaned_data.get("restriction_type") == PageViewRestriction.PASSWORD:
            if not password.strip():
                raise forms.ValidationError(PASSWORD_BLANK, code="blank")
            return password.strip()
        return ""

    def clean_groups(self):
        groups = self.cleaned_data.get("groups")
        if self.cleaned_data.get("restriction_type") == PageViewRestriction.GROUPS and not groups:
            raise forms.ValidationError(GROUPS_EMPTY, code="required")
        return groups

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("restriction_type")
        if self.page is not None and kind and kind != PageViewRestriction.NONE:
            why = refusal_for(self.page)
            if why:
                self.add_error("restriction_type", why)
        return cleaned


class ProjectSetPrivacyView(SetPrivacyView):
    form_class = ProjectPageViewRestrictionForm

    def dispatch(self, request, page_id, *args, **kwargs):
        page = Page.objects.filter(pk=page_id).only("depth", "path").first()
        if page is None:
            raise Http404
        if page.is_root():  # Wagtail would answer 403 without a word; say why (nothing is written)
            response = render_modal_workflow(request, "pages/admin/privacy_refused.html", None,
                                             {"message": ROOT_REFUSED})
            response.status_code = 200 if request.method == "GET" else 400
            return response
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["page"] = self.page
        return kwargs

    def form_valid(self, form):
        with transaction.atomic():  # the restriction and its groups together, or nothing
            return super().form_valid(form)


class ProjectPageViewSet(PageViewSet):
    """Wagtail's page viewset with the project's privacy screen (every page type falls back to it)."""

    set_privacy_view_class = ProjectSetPrivacyView
