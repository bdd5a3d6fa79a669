from django.urls import path

from . import views

urlpatterns = [
    path("", views.register, name="register"),
    path("expiring/", views.expiring, name="expiring"),
    path("agencies/<int:agency_pk>/new/", views.officer_new, name="new"),
    path("agencies/<int:agency_pk>/import/", views.register_upload, name="import"),
    path("import-template.xlsx", views.import_template, name="import_template"),
    path("<int:pk>/", views.officer_detail, name="officer"),
]
