"""Admin model viewsets whose rows belong to a jurisdiction: a bureau account bound to one sees only its own
jurisdiction's rows in the list, and another jurisdiction's row is a 404 on every screen of one row (inspect,
edit, delete, history, usage), so nothing of it is shown or written."""
from __future__ import annotations

from django.http import Http404
from django.utils.functional import cached_property

from .access import bureau_jurisdiction, own_jurisdiction_only

OTHER = "没有这条记录，或该记录属于其他辖区。"


class _OwnJurisdictionView:
    narrow = None  # staticmethod(qs, user) -> qs, set by the viewset
    jurisdiction_field = "jurisdiction"  # the list filter naming the rows' 辖区, set by the viewset

    def get_base_queryset(self):
        return self.narrow(super().get_base_queryset(), self.request.user)

    @cached_property
    def filters(self):
        """The list's filters; a bound account's rows are its own 辖区's only, so it is offered no 辖区 filter (no
        全部, no other jurisdiction to pick)."""
        filters = super().filters
        if filters is not None and bureau_jurisdiction(self.request.user):
            filters.form.fields.pop(self.jurisdiction_field, None)
        return filters

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if bureau_jurisdiction(self.request.user) and not self.narrow(
                type(obj)._default_manager.filter(pk=obj.pk), self.request.user).exists():
            raise Http404(OTHER)
        return obj


class OwnJurisdictionViewSet:
    """Mixed in before ModelViewSet; `jurisdiction_field` names the rows' jurisdiction code ("jurisdiction",
    "campaign__jurisdiction" …), or `narrow` is overridden where the rows say it otherwise."""

    jurisdiction_field = "jurisdiction"

    def narrow(self, qs, user):
        return own_jurisdiction_only(qs, user, self.jurisdiction_field)

    def construct_view(self, view_class, **kwargs):
        scoped = type(f"OwnJurisdiction{view_class.__name__}", (_OwnJurisdictionView, view_class),
                      {"narrow": staticmethod(self.narrow), "jurisdiction_field": self.jurisdiction_field})
        return super().construct_view(scoped, **kwargs)
