"""/admin/supervisor-duties/: the supervisors' daily management screens (duty_views.py)."""
from django.urls import path

from . import duty_views as v

app_name = "supervisor_duties"
urlpatterns = [
    path("", v.index, name="index"),
    path("supervisors/<int:pk>/", v.record, name="record"),
    path("evaluations/<str:code>/<int:year>/", v.evaluations, name="evaluations"),
    path("consents/", v.consents, name="consents"),
    path("commend/<str:code>/", v.commend, name="commend"),
    path("referrals/<int:complaint_pk>/", v.referral, name="referral"),
    path("support/activity/<int:activity_pk>/", v.support_activity, name="support_activity"),
    path("support/<str:code>/<int:year>/", v.support_year, name="support_year"),
    path("mine/", v.mine, name="mine"),
]
