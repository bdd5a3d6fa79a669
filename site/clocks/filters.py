"""The clock list's filters: a window (due within 7 / 30 days, overdue, all running) beside status,
jurisdiction and rule."""
import datetime as dt

import django_filters
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet

from .models import RUNNING, Clock

WINDOWS = [("7", "7日内到期"), ("30", "30日内到期"), ("overdue", "已逾期"), ("running", "全部计时中")]


class ClockFilterSet(WagtailFilterSet):
    window = django_filters.ChoiceFilter(label="时间窗口", choices=WINDOWS, method="filter_window",
                                         empty_label="不限")

    class Meta:
        model = Clock
        fields = ["window", "status", "profile_code", "rule_key"]

    def filter_window(self, queryset, name, value):
        today = timezone.localdate()
        running = queryset.filter(status=RUNNING)
        if value == "overdue":
            return running.filter(due_on__lt=today)
        if value in ("7", "30"):
            return running.filter(due_on__gte=today, due_on__lte=today + dt.timedelta(days=int(value)))
        if value == "running":
            return running
        return queryset
