"""One Elasticsearch client per process (its connection pool is shared by every request and thread),
configured from settings: URL, API key, CA certificate or fingerprint, certificate verification.

Timeouts: searches wait SEARCH_ES_TIMEOUT seconds (a person is waiting; a hung cluster must not tie up
the web server's threads), index writes SEARCH_ES_WRITE_TIMEOUT, bulk loads SEARCH_ES_BULK_TIMEOUT."""
from __future__ import annotations

import threading

from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch, NotFoundError

from .errors import SearchUnavailable

_CLIENTS: dict = {}
_LOCK = threading.Lock()


def client_options() -> dict:
    opts = {"request_timeout": float(getattr(settings, "SEARCH_ES_WRITE_TIMEOUT", 10)),
            "max_retries": int(getattr(settings, "SEARCH_ES_MAX_RETRIES", 1)), "retry_on_timeout": False}
    if getattr(settings, "SEARCH_ES_API_KEY", ""):
        opts["api_key"] = settings.SEARCH_ES_API_KEY
    if getattr(settings, "SEARCH_ES_CA_CERTS", ""):
        opts["ca_certs"] = settings.SEARCH_ES_CA_CERTS
    if getattr(settings, "SEARCH_ES_FINGERPRINT", ""):
        opts["ssl_assert_fingerprint"] = settings.SEARCH_ES_FINGERPRINT
    if not getattr(settings, "SEARCH_ES_VERIFY_CERTS", True):
        opts["verify_certs"] = False
        opts["ssl_show_warn"] = False
    return opts


def get_client() -> Elasticsearch:
    """The process's client for the configured cluster (a new one only when the settings change)."""
    opts = client_options()
    key = (settings.ELASTICSEARCH_URL, tuple(sorted((k, str(v)) for k, v in opts.items())))
    client = _CLIENTS.get(key)
    if client is None:
        with _LOCK:
            client = _CLIENTS.get(key)
            if client is None:
                client = _CLIENTS[key] = Elasticsearch(settings.ELASTICSEARCH_URL, **opts)
    return client


def search_timeout() -> float:
    return float(getattr(settings, "SEARCH_ES_TIMEOUT", 3))


def is_unavailable(exc: BaseException) -> bool:
    """Down, unreachable, timed out, overloaded (429/5xx), or the alias not created yet."""
    if isinstance(exc, SearchUnavailable | TransportConnectionError | ConnectionTimeout):  # also TlsError
        return True
    if isinstance(exc, NotFoundError):
        return "index_not_found" in str(exc.error) or "index_not_found" in str(exc.body)
    if isinstance(exc, ApiError):
        return exc.meta.status in (429, 502, 503, 504)
    return False
