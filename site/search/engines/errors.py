"""Errors an engine raises that the screens turn into a clear Chinese answer (not a server error)."""
from django.core.exceptions import ImproperlyConfigured

UNAVAILABLE_MESSAGE = "检索服务暂时不可用，请稍后再试。公开信息仍可通过栏目目录浏览。"


class SearchUnavailable(Exception):
    """The search cluster did not answer (down, overloaded, timed out, index not created yet)."""

    def __init__(self, detail: str = ""):
        super().__init__(detail or UNAVAILABLE_MESSAGE)
        self.detail = detail


class AnalyzerMissing(ImproperlyConfigured):
    """SEARCH_ES_ANALYZER names an analysis plugin the cluster does not have."""
