"""Staff URLs (mounted at /admin/complaints/ by wagtail_hooks) and public URLs (/complaints/, site/urls.py).
There is no URL that edits or removes an interference record: only list, new (incl. corrections), summary,
and appended follow-ups (lapses 第十条, 通报 第八条, handling 第九条)."""
from django.urls import path

from . import contact_point_views, handoff_views, hotline_views, interference_views, public_views, views

staff = [
    path("", views.complaint_list, name="list"),
    path("new/", views.complaint_new, name="new"),
    path("hotline/", hotline_views.order_list, name="hotline"),
    path("contact-points/", contact_point_views.point_list, name="contact_points"),
    path("contact-points/new/", contact_point_views.point_new, name="contact_point_new"),
    path("contact-points/<int:pk>/", contact_point_views.point_detail, name="contact_point"),
    path("contact-points/<int:pk>/edit/", contact_point_views.point_edit, name="contact_point_edit"),
    path("hotline/new/", hotline_views.order_new, name="hotline_new"),
    path("hotline/import/", hotline_views.order_import, name="hotline_import"),
    path("hotline/import-template.xlsx", hotline_views.import_template, name="hotline_template"),
    path("hotline/export.xlsx", hotline_views.order_export, name="hotline_export"),
    path("hotline/<int:pk>/", hotline_views.order_detail, name="hotline_detail"),
    path("hotline/<int:pk>/reply/", hotline_views.order_reply, name="hotline_reply"),
    path("<int:pk>/", views.complaint_detail, name="detail"),
    path("<int:pk>/handoff/letter/", handoff_views.to_letter, name="to_letter"),
    path("<int:pk>/handoff/accountability/", handoff_views.to_accountability, name="to_accountability"),
    path("<int:pk>/handoff/obstruction/", handoff_views.obstruction, name="obstruction"),
    path("<int:pk>/handoff/referral/", handoff_views.referral, name="referral"),
    path("<int:pk>/handoff/misconduct/", handoff_views.misconduct, name="misconduct"),
    path("<int:pk>/appeals/<int:appeal_pk>/decide/", views.appeal_decide, name="appeal_decide"),
    path("<int:pk>/take-over/", views.complaint_take_over, name="take_over"),
    path("<int:pk>/<slug:step>/", views.complaint_step, name="step"),
    path("notices/<int:pk>.pdf", views.notice_pdf, name="notice"),
    path("notices/<int:pk>.docx", views.notice_docx, name="notice_docx"),
    path("notices/<int:pk>/scan/", views.notice_scan, name="notice_scan"),
    path("interference/", views.interference_list, name="interference"),
    path("interference/new/", views.interference_new, name="interference_new"),
    path("interference/summary/", views.interference_summary, name="interference_summary"),
    path("interference/lapses/", interference_views.lapses, name="interference_lapses"),
    path("interference/lapses/new/", interference_views.lapse_new, name="interference_lapse_new"),
    path("interference/<int:pk>/followups/", interference_views.record_detail, name="interference_detail"),
]

app_name = "complaints_public"
urlpatterns = [
    path("notice/<str:token>/", public_views.notice_pdf, name="notice"),
    path("calendar/<str:token>/", public_views.clock_calendar, name="calendar"),
    path("<slug:jurisdiction>/", public_views.complaint_form, name="form"),
    path("<slug:jurisdiction>/receipt/", public_views.receipt, name="receipt"),
    path("<slug:jurisdiction>/status/", public_views.status, name="status"),
]
