"""Public supervisor pages, mounted under /supervisors/ by flows/urls.py."""
from django.urls import path

from . import views

app_name = "supervisors"
urlpatterns = [
    path("<slug:jurisdiction>/", views.campaigns, name="campaigns"),
    path("<slug:jurisdiction>/roster/", views.roster, name="roster"),
    path("<slug:jurisdiction>/campaigns/<int:pk>/apply/", views.apply, name="apply"),
    path("<slug:jurisdiction>/campaigns/<int:pk>/applied/", views.applied, name="applied"),
]
