"""Letter screens, mounted at /admin/letters/ (the admin login guards them)."""
from django.urls import path

from . import views

urlpatterns = [
    path("new/", views.letter_new, name="new"),
    path("<int:pk>/objection/", views.objection_new, name="objection"),
    path("<int:pk>/typical-case/", views.typical_case, name="typical_case"),
    path("<int:pk>/interview/", views.interview, name="interview"),
    path("<int:pk>/accountability/", views.to_accountability, name="to_accountability"),
    path("matter/<int:pk>/interview/", views.matter_interview, name="matter_interview"),
    path("matter/<int:pk>/cooperation/", views.cooperation, name="cooperation"),
    path("matter/<int:pk>/measures/", views.measure, name="measure"),
]
