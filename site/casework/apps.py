"""Casework: the foundation every process against enforcement agencies stands on — the agency register
with its liaisons, the supervision matter (一案一档), its attachments and its served documents (送达),
numbered official documents rendered as PDF, and private files served only to those who may see them."""
from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "casework"
    label = "casework"
    verbose_name = "监督办案"

    def ready(self):
        from . import assessment, checks  # noqa: F401 - checks registers the font check

        assessment.connect()  # the kept 年度监督结果 line: stale when one of its inputs is written
