"""Security headers beyond Django's own: a Content-Security-Policy (django-csp; Django 5.2 has none
built in) and a Permissions-Policy.

Scripts (settings.CONTENT_SECURITY_POLICY allows only this site's own files):
- every page, public or staff, allows no eval ('unsafe-eval'): measured in headless Chromium over the
  Wagtail 8.0.1 admin (page editor with its preview and checks panels, image and document screens,
  workflow and task screens, reports, settings, the chooser modals) and viewflow's task screens, nothing
  evaluates a string (tests/test_admin_csp_browser.py keeps it so);
- public pages, /workflow/ task screens and the admin's login and password-reset pages allow one inline
  script by its hash: the display mode set before the first paint (display_mode.py);
- only a signed-in person's Wagtail admin pages (under /admin/) allow 'unsafe-inline', because Wagtail
  8.0.1 itself writes inline <script> elements there: every chooser widget (BaseChooser.render appends
  `<script>new PageChooser(…)</script>`), the date/time widgets of every edit form and listing filter
  (wagtailadmin/widgets/date_input.html, datetime_input.html, time_input.html), InlinePanel and
  MultipleChooserPanel (panels/inline_panel.html), and the image editor's Jcrop sets inline event
  handlers (script-src-attr). Wagtail tracks this as an open issue (wagtail/wagtail#1288, "CSP
  compatibility issues"). No hash is listed there: a hash next to 'unsafe-inline' makes browsers ignore
  'unsafe-inline' (CSP level 2+).

Framing: X-Frame-Options and frame-ancestors say the same thing. Django's XFrameOptionsMiddleware sends
`DENY` (settings.X_FRAME_OPTIONS) except where Wagtail marks a view SAMEORIGIN (its editor's preview
panel shows the page in an iframe of the same origin: PreviewOnEdit/PreviewOnCreate and the block
preview); frame-ancestors follows that header: 'none' for DENY, 'self' for SAMEORIGIN. Wagtail renders a
preview by running the page through the whole middleware chain a second time (make_preview_request, on a
dummy request for the page's public URL), so the preview arrives with the page's own policy already set;
the outer pass keeps that policy (the page's strict scripts) and only brings its frame-ancestors in line
with the X-Frame-Options the preview view set."""
from csp.constants import HEADER, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

from display_mode import early_script_csp_hash

ADMIN_PREFIX = "/admin/"
FRAME_ANCESTORS = {"DENY": [NONE], "SAMEORIGIN": [SELF]}


def wagtail_admin_page(request) -> bool:
    """A signed-in person's page under /admin/ (the login and password-reset pages are not)."""
    user = getattr(request, "user", None)
    return request.path.startswith(ADMIN_PREFIX) and bool(user and user.is_authenticated)


def frame_ancestors(response) -> list[str]:
    return FRAME_ANCESTORS.get(response.headers.get("X-Frame-Options", settings.X_FRAME_OPTIONS).upper(), [NONE])


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.update is None and not report_only:
            parts.update = {"script-src": [UNSAFE_INLINE] if wagtail_admin_page(request) else [early_script_csp_hash()]}
        if parts.replace is None and not report_only:
            parts.replace = {"frame-ancestors": frame_ancestors(response)}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if not getattr(request, "is_dummy", False) and HEADER in response:
            # a policy set by an inner pass (Wagtail's preview): its frame-ancestors as this response frames
            wanted = "frame-ancestors " + " ".join(frame_ancestors(response))
            directives = [d.strip() for d in response[HEADER].split(";") if d.strip()]
            response[HEADER] = "; ".join(wanted if d.split()[0] == "frame-ancestors" else d for d in directives)
        return response


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
