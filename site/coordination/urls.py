"""Coordination staff URLs, mounted at /admin/coordination/ (the admin login guards them)."""
from django.urls import path

from . import handoff_views, views

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("open/", views.bureau_open, name="open"),
    path("mine/", views.mine, name="mine"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/answer-online/", views.answer_online, name="answer_online"),
    path("<int:pk>/pause/", views.pause, name="pause"),
    path("<int:pk>/resume/", views.resume, name="resume"),
    path("<int:pk>/extend/", views.extend, name="extend"),
    path("<int:pk>/statutory-limit/", views.statutory_limit, name="statutory_limit"),
    path("<int:pk>/proceeding/", views.proceeding, name="proceeding"),
    path("<int:pk>/emergency/", views.emergency, name="emergency"),
    path("emergency/<int:pk>/decision/", views.emergency_decision, name="emergency_decision"),
    path("<int:pk>/government-decision/", handoff_views.decision, name="government_decision"),
    path("<int:pk>/correction-order/", handoff_views.order, name="correction_order"),
    path("<int:pk>/decision-executed/", handoff_views.executed, name="decision_executed"),
]
