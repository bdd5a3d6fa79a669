"""The supervisors' staff screens under /workflow/ (names in the "flows" namespace, e.g. flows:campaign_new)."""
from django.urls import path

from flows.staff_urls import add

from . import staff_views

add([
    path("campaigns/new/", staff_views.campaign_new, name="campaign_new"),
    path("campaigns/<int:campaign_pk>/applications/new/", staff_views.application_new, name="application_new"),
    path("renewals/new/", staff_views.renewal_new, name="renewal_new"),
    path("dismissals/new/", staff_views.dismissal_new, name="dismissal_new"),
    path("terms/<int:term_pk>/decide/", staff_views.term_decide, name="term_decide"),
    path("my-record/", staff_views.my_record, name="my_record"),
])
