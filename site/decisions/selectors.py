"""Which decision records a user may open: one rule, `decision_scope`, used as a database filter here
(`visible_records`, every list and the embedded search) and as index filters by the Elasticsearch engine
(search/permissions.py re-exports it). tests/search/test_search_permissions.py proves both agree."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from roles.access import agency_name_of, bureau_jurisdiction, groups_of, is_bureau
from roles.definitions import LIAISON

from .models import DecisionRecord


@dataclass(frozen=True)
class DecisionScope:
    everything: bool = False  # bureau staff: every record (of `jurisdiction` where the account is bound to one)
    jurisdiction: str = ""
    agency: str = ""  # non-confidential records of this agency (liaison)
    party_user_id: int | None = None  # records about this user (a supervisor, a person held accountable)
    # every record, confidential ones too, of the accountability cases its agency runs itself and it handles as
    # the agency's legal unit (过错 第五条、错案 第四条): what their matter screen shows it (casework.selectors)
    record_ids: tuple[int, ...] = ()


def decision_scope(user) -> DecisionScope:
    if user is None or not user.is_authenticated or not user.is_active:
        return DecisionScope()
    if is_bureau(user):
        return DecisionScope(everything=True, jurisdiction=bureau_jurisdiction(user))
    agency = agency_name_of(user) if LIAISON in groups_of(user) else ""
    # anyone sees the records about themselves (a supervisor's, an officer held accountable)
    return DecisionScope(agency=agency, party_user_id=user.pk, record_ids=_own_case_records(user))


def _own_case_records(user) -> tuple[int, ...]:
    """The records of the cases `user` runs for its agency (casework.visibility.own_cases), by their keys."""
    from casework.visibility import OWN_CASE_PERM

    if not user.has_perm(OWN_CASE_PERM):  # no query for anyone else
        return ()
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField
    from django.db.models.functions import Cast

    from casework.models import Matter
    from casework.visibility import own_cases

    matters = own_cases(user).annotate(key=Cast("pk", CharField())).values("key")
    return tuple(DecisionRecord.objects.filter(subject_type=ContentType.objects.get_for_model(Matter),
                                               subject_id__in=matters).order_by("pk").values_list("pk", flat=True))


def scope_q(spec: DecisionScope, key: str = "pk") -> Q:
    """The scope over columns named like DecisionRecord's (agency, confidential, party_user_id), the record's
    own key in `key` (a search index entry's "object_id")."""
    if spec.everything:
        return Q(jurisdiction=spec.jurisdiction) if spec.jurisdiction else Q()
    allowed = Q(pk__in=[])
    if spec.agency:
        allowed |= Q(agency=spec.agency, confidential=False)
    if spec.party_user_id:
        allowed |= Q(party_user_id=spec.party_user_id)
    if spec.record_ids:
        allowed |= Q(**{f"{key}__in": spec.record_ids})
    return allowed


def visible_records(user) -> QuerySet[DecisionRecord]:
    return DecisionRecord.objects.filter(scope_q(decision_scope(user)))
