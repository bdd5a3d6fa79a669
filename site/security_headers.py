"""Security headers beyond Django's own: a Content-Security-Policy (django-csp; Django 5.2 has none
built in) and a Permissions-Policy.

The policy (settings.CONTENT_SECURITY_POLICY) allows only this site's own scripts. Wagtail's admin
still writes a few inline scripts (inline panels, date widgets) and its core.js compiles templates with
`new Function`, so staff pages under /admin/ and /workflow/ — and public pages seen by a logged-in staff
member, who gets Wagtail's userbar — also allow inline scripts and eval; the public never does. Public pages
allow one inline script by its hash: the display mode set before the first paint (display_mode.py); staff
pages do not list the hash, since a hash in script-src would make browsers ignore 'unsafe-inline'."""
from csp.constants import UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

from display_mode import early_script_csp_hash

STAFF_PREFIXES = ("/admin/", "/workflow/")


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        user = getattr(request, "user", None)
        staff = request.path.startswith(STAFF_PREFIXES) or bool(user and user.is_authenticated and user.is_staff)
        if parts.update is None and not report_only:
            parts.update = {"script-src": [UNSAFE_INLINE, UNSAFE_EVAL] if staff else [early_script_csp_hash()]}
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
