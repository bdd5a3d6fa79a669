"""Supervision letters (Enshi 监督建议书/决定书, Wulong 监督意见书) on the casework foundation."""
from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "letters"
    label = "letters"
    verbose_name = "监督建议书与意见书"

    def ready(self):
        from . import jobs, panels, receivers, texts  # noqa: F401  (scheduler job, matter panel, wording)

        receivers.connect()
        from .flows import connect

        connect()  # Letter.state mirrors the flow's step, written there only
        from casework.services import OPEN_WORK

        from .services import open_letters

        if open_letters not in OPEN_WORK:
            OPEN_WORK.append(open_letters)
