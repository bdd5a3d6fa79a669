"""Every process flow, in one list: flows/urls.py mounts each under /workflow/<prefix>/ and the inbox
("我的待办") collects their human tasks. Each process app keeps its flow beside its models and views in
`<app>/flows.py` (letters, complaints, coordination, accountability, supervisors) and registers the class
with `@register("prefix")`; the engine finds them by importing every installed app's `flows` module, so
it never names a process app."""
from __future__ import annotations

from django.utils.module_loading import autodiscover_modules

_REGISTERED: dict[str, type] = {}


def register(prefix: str):
    def wrap(flow_class):
        _REGISTERED[prefix] = flow_class
        return flow_class

    return wrap


_discovered = False


def flows() -> dict[str, type]:
    """{url prefix: flow class}, importing every flow module once: autodiscover_modules looks for a `flows` module
    in each of the 56 installed apps every time it is called (a failed import search each: ~10 ms, twice on every
    worklist built, issue 28), so it is called once a process."""
    global _discovered
    if not _discovered:
        autodiscover_modules("flows")
        _discovered = True
    return dict(_REGISTERED)
