"""Referral and recovery screens, mounted at /admin/referrals/."""
from django.urls import path

from . import views

urlpatterns = [
    path("matter/<int:pk>/recovery/", views.recovery, name="recovery"),
    path("matter/<int:pk>/recovery/collect/", views.collect, name="collect"),
    path("refusal/<int:pk>/", views.refer_subject, {"kind": "refusal"}, name="refer_refusal"),
    path("letter/<int:pk>/", views.refer_subject, {"kind": "letter"}, name="refer_letter"),
    path("rectification/<int:pk>/", views.refer_subject, {"kind": "rectification"}, name="refer_rectification"),
    path("matter/<int:pk>/<slug:source>/", views.refer, name="refer"),
]
