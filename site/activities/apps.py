"""Around the supervisor processes: supervision activities and attendance (with the absence rule),
recusal (回避), and supervisors' written opinions and leads (意见建议/违法线索)."""

from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "activities"
    label = "activities"
    verbose_name = "监督活动与意见建议"

    def ready(self):
        from . import jobs  # noqa: F401  (registers the scheduler's absence-rule sweep)
