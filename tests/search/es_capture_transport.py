"""Request capture for the Elasticsearch engine tests: a transport node that records what the client
sends (method, path, query string, body) and answers with canned responses of the documented
Elasticsearch 8 shapes. Not a server: nothing is searched; tests assert the requests."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse

SHARDS = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object
    headers: dict
    timeout: object


@dataclass
class Recorder:
    requests: list = field(default_factory=list)
    routes: list = field(default_factory=list)  # (method, compiled path, responder)

    def on(self, method: str, pattern: str, status: int = 200, body=None, responder=None):
        """Answer METHOD PATH (regex, whole path) with status/body, or responder(request) -> (status, body).
        Later routes win over earlier ones."""
        self.routes.insert(0, (method, re.compile(pattern + "$"), responder or (lambda r: (status, body))))

    def find(self, method: str, pattern: str) -> list[Request]:
        rx = re.compile(pattern + "$")
        return [r for r in self.requests if r.method == method and rx.match(r.path)]

    def answer(self, req: Request):
        for method, rx, responder in self.routes:
            if method == req.method and rx.match(req.path):
                return responder(req)
        return default_answer(req)


def default_answer(req: Request):
    path, method = req.path, req.method
    if path.endswith("/_search"):
        return 200, {"took": 1, "timed_out": False, "_shards": SHARDS,
                     "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []}}
    if path == "/_bulk" or path.endswith("/_bulk"):
        items = [{next(iter(a)): {"_index": a[next(iter(a))].get("_index", ""), "_id": a[next(iter(a))].get("_id"),
                                  "_version": 1, "result": "created", "status": 201, "_shards": SHARDS}}
                 for a in req.body[::2]]
        return 200, {"took": 1, "errors": False, "items": items}
    if path.startswith("/_alias/"):
        if method == "HEAD":
            return 404, None
        return 404, {"error": f"alias [{path[8:]}] missing", "status": 404}
    if path == "/_analyze":
        return 200, {"tokens": [{"token": "行政", "start_offset": 0, "end_offset": 2, "type": "word", "position": 0}]}
    if "/_doc/" in path:
        index, _, doc_id = path[1:].partition("/_doc/")
        result = "deleted" if method == "DELETE" else "created"
        return 200 if method == "DELETE" else 201, {"_index": index, "_id": doc_id, "_version": 1, "result": result,
                                                     "_shards": SHARDS, "_seq_no": 0, "_primary_term": 1}
    if path == "/_aliases" or path.endswith("/_settings"):
        return 200, {"acknowledged": True}
    if path.endswith("/_refresh"):
        return 200, {"_shards": SHARDS}
    if method == "PUT" and path.count("/") == 1:
        return 200, {"acknowledged": True, "shards_acknowledged": True, "index": path[1:]}
    if method == "DELETE" and path.count("/") == 1:
        return 200, {"acknowledged": True}
    return 200, {}


def _parse(body: bytes | None):
    if not body:
        return None
    text = body.decode()
    try:
        return json.loads(text)
    except ValueError:  # ndjson (bulk)
        return [json.loads(line) for line in text.splitlines() if line.strip()]


class CaptureNode(BaseNode):
    recorder: Recorder | None = None

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        path, _, query = target.partition("?")
        req = Request(method, path, {k: v[0] for k, v in parse_qs(query).items()}, _parse(body),
                      {**dict(self.headers), **dict(headers or {})}, request_timeout)
        CaptureNode.recorder.requests.append(req)
        status, payload = CaptureNode.recorder.answer(req)
        meta = ApiResponseMeta(status=status, http_version="1.1", duration=0.0, node=self.config,
                               headers=HttpHeaders({"content-type": "application/json",
                                                    "x-elastic-product": "Elasticsearch"}))
        return NodeApiResponse(meta, b"" if payload is None else json.dumps(payload).encode())

    def close(self):
        pass


def install(monkeypatch) -> Recorder:
    """Route every Elasticsearch client's default (urllib3) node through the capture, for this test."""
    from elastic_transport import Urllib3HttpNode

    recorder = Recorder()
    monkeypatch.setattr(CaptureNode, "recorder", recorder)
    monkeypatch.setattr(Urllib3HttpNode, "__init__", BaseNode.__init__)  # no sockets, no TLS files opened
    monkeypatch.setattr(Urllib3HttpNode, "perform_request", CaptureNode.perform_request)
    monkeypatch.setattr(Urllib3HttpNode, "close", CaptureNode.close)
    try:  # one client per process: start each test with a fresh one
        from search.engines import es_client

        monkeypatch.setattr(es_client, "_CLIENTS", {})
    except ImportError:
        pass
    return recorder
