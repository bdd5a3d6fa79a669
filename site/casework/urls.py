"""Casework staff URLs, mounted at /casework/ (login via the Wagtail admin)."""
from django.urls import path

from . import liaison_views, recusal_views, template_views, views

urlpatterns = [
    path("", views.matter_list, name="list"),
    path("new/", views.matter_new, name="new"),
    path("<int:pk>/", views.matter_detail, name="matter"),
    path("<int:pk>/attachments/", views.attachment_upload, name="upload"),
    path("<int:pk>/party-summary/", views.party_summary, name="party_summary"),
    path("<int:pk>/recusal/", recusal_views.recusal_add, name="recusal"),
    path("documents/<int:pk>/service/", views.document_service, name="service"),
    path("files/attachment/<int:pk>/", views.attachment_download, name="attachment"),
    path("files/document/<int:pk>.pdf", views.document_pdf, name="pdf"),
    path("files/document/<int:pk>/original.pdf", views.document_original_pdf, name="original_pdf"),
    path("files/document/<int:pk>.docx", views.document_docx, name="docx"),
    path("documents/<int:pk>/scan/", views.document_scan, name="scan"),
    path("agencies/<int:pk>/liaisons/", liaison_views.agency_liaisons, name="agency_liaisons"),
    path("templates/", template_views.template_list, name="templates"),
    path("templates/<str:jurisdiction>/<str:kind>/", template_views.template_edit, name="template"),
]
