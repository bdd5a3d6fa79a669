"""The index-filter form of the decision permission rule (used by Elasticsearch) selects exactly the
records decisions.selectors.visible_records lets each role open."""
from decisions.selectors import visible_records
from roles.definitions import LEADER, LIAISON, OFFICER, SUPERVISOR
from search.models import SearchEntry
from search.permissions import decision_scope, scope_q


def test_index_filters_match_visible_records_for_every_role(decision, make_user, settings):
    from django.contrib.auth.models import AnonymousUser

    from casework.models import Agency
    from roles.models import StaffProfile

    settings.ELASTICSEARCH_URL = ""
    liaison = make_user("l1", LIAISON)
    StaffProfile.objects.update_or_create(user=liaison, defaults={"jurisdiction": "wanzhou", "agency": Agency.objects.get_or_create(
        jurisdiction="wanzhou", name="甲局")[0]})
    bare_liaison = make_user("l2", LIAISON)  # no agency on file: sees nothing
    supervisor = make_user("s1", SUPERVISOR)
    both = make_user("ls", LIAISON)
    both.groups.add(*supervisor.groups.all())
    StaffProfile.objects.update_or_create(user=both, defaults={"jurisdiction": "wanzhou", "agency": Agency.objects.get_or_create(
        jurisdiction="wanzhou", name="乙局")[0]})
    users = [make_user("o1", OFFICER), make_user("d1", LEADER), make_user("root"), liaison, bare_liaison,
             supervisor, both, AnonymousUser()]
    decision(title="甲", agency="甲局")
    decision(title="甲密", agency="甲局", confidential=True)
    decision(title="乙", agency="乙局", party_user=supervisor)
    decision(title="乙密", agency="乙局", confidential=True, party_user=both)
    decision(title="丙", agency="丙局")
    for user in users:
        expected = set(visible_records(user).values_list("pk", flat=True))
        got = set(SearchEntry.objects.filter(scope="decision").filter(scope_q(decision_scope(user), "object_id"))
                  .values_list("object_id", flat=True))
        assert got == expected, getattr(user, "username", "anonymous")
