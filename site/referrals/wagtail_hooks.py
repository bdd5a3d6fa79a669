"""Admin URLs of referrals and recovery (reached from the matter screen's panel)."""
from django.urls import include, path
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_urls():
    return [path("referrals/", include((urls.urlpatterns, "referrals"), namespace="referrals"))]
