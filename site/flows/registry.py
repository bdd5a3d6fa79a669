"""Every process flow, in one list: flows/urls.py mounts each under /workflow/<prefix>/ and the inbox
("我的待办") collects their human tasks. A flow module registers its class with `@register("prefix")`;
FLOW_MODULES names the modules to import (one per process kind)."""
from __future__ import annotations

from importlib import import_module

FLOW_MODULES = (
    "flows.recruitment",
    "flows.renewal",
    "flows.dismissal",
    "flows.letters",          # 监督建议书 (003) / 监督意见书 (004)
    "flows.complaints",       # 投诉举报 (004)
    "flows.coordination",     # 争议协调 (004)
    "flows.accountability",   # 过错责任追究、错案责任倒查 (004)
)

_REGISTERED: dict[str, type] = {}


def register(prefix: str):
    def wrap(flow_class):
        _REGISTERED[prefix] = flow_class
        return flow_class

    return wrap


def flows() -> dict[str, type]:
    """{url prefix: flow class}, importing every flow module once."""
    for name in FLOW_MODULES:
        import_module(name)
    return dict(_REGISTERED)
