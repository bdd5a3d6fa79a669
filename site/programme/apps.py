"""The yearly programme: plan, inspections, case-file reviews, evaluations, statistics, notifications."""
from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _fill_checklists(sender, **kwargs):
    from .checklist import fill

    fill()


class ProgrammeConfig(AppConfig):
    name = "programme"
    label = "programme"
    verbose_name = "年度监督"

    def ready(self):
        # each jurisdiction's default checklist (检查清单), once; staff keep it in the admin afterwards
        post_migrate.connect(_fill_checklists, sender=self, dispatch_uid="programme-fill-checklists")
        from casework.dispatch import on_served

        from . import jobs, panels, texts  # noqa: F401  (scheduler job, matter-screen panel, wording)
        from .services import start_rectification_clock

        on_served(process="programme", kinds=("rectification_notice",), handler=start_rectification_clock)

        from wagtail.signals import page_published

        from .services import report_published

        page_published.connect(report_published, dispatch_uid="programme_report_published")
