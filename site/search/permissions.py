"""decisions.selectors.visible_records as index filters, for an engine that cannot run a SQL subquery
(Elasticsearch). tests/search/test_search_permissions.py proves both give the same records per role."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from roles.access import agency_name_of
from roles.definitions import LEADER, LIAISON, OFFICER, SUPERVISOR


@dataclass(frozen=True)
class DecisionScope:
    everything: bool = False
    agency: str = ""  # non-confidential records of this agency (liaison)
    party_user_id: int | None = None  # records about this user (supervisor)


def decision_scope(user) -> DecisionScope:
    if user is None or not user.is_authenticated or not user.is_active:
        return DecisionScope()
    if user.is_superuser:
        return DecisionScope(everything=True)
    groups = set(user.groups.values_list("name", flat=True))
    if groups & {OFFICER, LEADER}:
        return DecisionScope(everything=True)
    agency = ""
    if LIAISON in groups:
        agency = agency_name_of(user)
    return DecisionScope(agency=agency, party_user_id=user.pk if SUPERVISOR in groups else None)


def scope_q(spec: DecisionScope) -> Q:
    """The same scope over SearchEntry columns."""
    if spec.everything:
        return Q()
    allowed = Q(pk__in=[])
    if spec.agency:
        allowed |= Q(agency=spec.agency, confidential=False)
    if spec.party_user_id:
        allowed |= Q(party_user_id=spec.party_user_id)
    return allowed
