"""Security headers beyond Django's own: a Content-Security-Policy (django-csp; Django 5.2 has none
built in) and a Permissions-Policy.

The policy (settings.CONTENT_SECURITY_POLICY) allows only this site's own scripts. Wagtail's page
editor still writes a few inline scripts (inline panels, date widgets), so staff pages under /admin/
and /workflow/ also allow inline scripts; public pages never do."""
from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

STAFF_PREFIXES = ("/admin/", "/workflow/")


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(STAFF_PREFIXES) and parts.update is None:
            parts.update = {"script-src": [UNSAFE_INLINE]}
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
