"""Accountability staff URLs, mounted at /admin/accountability/."""
from django.urls import path

from . import views

urlpatterns = [
    path("intake/", views.intake, name="intake"),
    path("mine/", views.mine, name="mine"),
    path("agency-cases/", views.agency_cases, name="agency_cases"),
    path("<int:pk>/take-over/", views.take_over, name="take_over"),
]
