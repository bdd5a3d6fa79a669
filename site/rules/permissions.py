"""Permission policies: profiles and figures are never added or deleted by hand, audit records never edited."""
from wagtail.permission_policies import ModelPermissionPolicy


class RestrictedPolicy(ModelPermissionPolicy):
    denied: tuple[str, ...] = ()

    def user_has_permission(self, user, action):
        return action not in self.denied and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)


def policy(model, *denied: str) -> RestrictedPolicy:
    p = RestrictedPolicy(model)
    p.denied = denied
    return p
