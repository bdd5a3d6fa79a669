from django.urls import path

from . import views

urlpatterns = [
    path("", views.roster, name="roster"),
    path("agencies/<int:agency_pk>/new/", views.staff_new, name="new"),
    path("agencies/<int:agency_pk>/import/", views.roster_import, name="import"),
    path("import-template.xlsx", views.import_template, name="import_template"),
    path("<int:pk>/", views.staff_detail, name="staff"),
    path("<int:pk>/status/", views.staff_status, name="status"),
    path("<int:pk>/assess/", views.staff_assess, name="assess"),
    path("<int:pk>/sanction/", views.staff_sanction, name="sanction"),
    path("<int:pk>/record/", views.staff_record, name="record"),
    path("records/<int:pk>/file/", views.record_file, name="record_file"),
    path("agencies/<int:agency_pk>/checks/", views.agency_checks, name="checks"),
    path("checks/<int:pk>/accountability/", views.check_accountability, name="check_accountability"),
    path("checklist/<str:jurisdiction>/", views.checklist, name="checklist"),
]
