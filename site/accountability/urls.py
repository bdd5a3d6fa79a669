"""Accountability staff URLs, mounted at /admin/accountability/."""
from django.urls import path

from . import views

urlpatterns = [
    path("intake/", views.intake, name="intake"),
    path("mine/", views.mine, name="mine"),
]
