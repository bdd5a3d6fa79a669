"""Staff URLs (mounted at /admin/complaints/ by wagtail_hooks) and public URLs (/complaints/, site/urls.py).
There is no URL that edits or removes an interference record: only list, new (incl. corrections), summary."""
from django.urls import path

from . import handoff_views, public_views, views

staff = [
    path("", views.complaint_list, name="list"),
    path("new/", views.complaint_new, name="new"),
    path("<int:pk>/", views.complaint_detail, name="detail"),
    path("<int:pk>/handoff/letter/", handoff_views.to_letter, name="to_letter"),
    path("<int:pk>/handoff/accountability/", handoff_views.to_accountability, name="to_accountability"),
    path("<int:pk>/handoff/obstruction/", handoff_views.obstruction, name="obstruction"),
    path("<int:pk>/handoff/referral/", handoff_views.referral, name="referral"),
    path("<int:pk>/take-over/", views.complaint_take_over, name="take_over"),
    path("<int:pk>/<slug:step>/", views.complaint_step, name="step"),
    path("notices/<int:pk>.pdf", views.notice_pdf, name="notice"),
    path("notices/<int:pk>.docx", views.notice_docx, name="notice_docx"),
    path("notices/<int:pk>/scan/", views.notice_scan, name="notice_scan"),
    path("interference/", views.interference_list, name="interference"),
    path("interference/new/", views.interference_new, name="interference_new"),
    path("interference/summary/", views.interference_summary, name="interference_summary"),
]

app_name = "complaints_public"
urlpatterns = [
    path("notice/<str:token>/", public_views.notice_pdf, name="notice"),
    path("calendar/<str:token>/", public_views.clock_calendar, name="calendar"),
    path("<slug:jurisdiction>/", public_views.complaint_form, name="form"),
    path("<slug:jurisdiction>/receipt/", public_views.receipt, name="receipt"),
    path("<slug:jurisdiction>/status/", public_views.status, name="status"),
]
