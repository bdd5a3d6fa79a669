"""gzip for responses that hold no secret (BREACH, CVE-2013-3587).

BREACH reads a secret out of a compressed HTTPS response when the same response also reflects what an
attacker sends (a search query, a form value): the compressed length leaks the secret byte by byte. So
this middleware compresses only what carries nothing worth stealing:

- GET or HEAD, without a session cookie (no logged-in user, no private page's password, no flash message)
  and without an authenticated user;
- the response used no CSRF token (the objection, application and complaint forms are sent uncompressed:
  Django masks the token per response, but those pages also echo personal data after a failed submit),
  sets no cookie and is not marked Cache-Control private / no-store.

Everything else passes through untouched. That is the anonymous public site, i.e. nearly all traffic
(and exactly what pages.cache stores; a cached page is compressed again for each request that accepts
gzip). Static files: whitenoise serves them (precompressed with CompressedManifestStaticFilesStorage in
production). An nginx in front may do the same job with `gzip on` — but it cannot tell which responses
carry a token, so leave gzip off for proxied HTML there and let this middleware decide."""
from django.conf import settings
from django.middleware.gzip import GZipMiddleware

# pages, feeds, the sitemap, robots.txt and the API; never files (PDF documents, downloads)
TEXT_TYPES = ("text/html", "text/plain", "text/xml", "application/xml", "application/rss+xml",
              "application/atom+xml", "application/json")


def may_compress(request, response) -> bool:
    if response.get("Content-Type", "").split(";")[0].strip().lower() not in TEXT_TYPES:
        return False
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store"))


class PublicGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, for responses `may_compress` allows. Put it just below WhiteNoise."""

    def process_response(self, request, response):
        if not may_compress(request, response):
            return response
        return super().process_response(request, response)
