"""Admin URLs (mounted under the Wagtail admin, so they share its login)."""

from django.urls import path

from .views import bureau, own

app_name = "activities_admin"
urlpatterns = [
    path("", bureau.activity_list, name="activities"),
    path("new/", bureau.activity_create, name="activity_create"),
    path("<int:pk>/", bureau.activity_detail, name="activity"),
    path("conflicts/", bureau.conflict_list, name="conflicts"),
    path("findings/", bureau.finding_list, name="findings"),
    path("opinions/", bureau.opinion_list, name="opinions"),
    path("opinions/<int:pk>/", bureau.opinion_detail, name="opinion"),
    path("mine/invitations/", own.my_invitations, name="my_invitations"),
    path("mine/opinions/", own.my_opinions, name="my_opinions"),
    path("agency/", own.agency_opinions, name="agency_opinions"),
    path("agency/<int:pk>/", own.agency_opinion_detail, name="agency_opinion"),
]
