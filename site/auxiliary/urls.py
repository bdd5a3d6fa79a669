from django.urls import path

from . import views

urlpatterns = [
    path("", views.roster, name="roster"),
    path("agencies/<int:agency_pk>/new/", views.staff_new, name="new"),
    path("agencies/<int:agency_pk>/import/", views.roster_import, name="import"),
    path("import-template.xlsx", views.import_template, name="import_template"),
    path("<int:pk>/", views.staff_detail, name="staff"),
    path("checklist/<str:jurisdiction>/", views.checklist, name="checklist"),
]
