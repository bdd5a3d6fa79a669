"""Yearly programme staff URLs, mounted at /admin/programme/."""
from django.urls import path

from . import duty_views, handoff_views, views

J = "<str:jurisdiction>/<int:year>/"
urlpatterns = [
    # fixed prefixes first: "returns/2/" would otherwise read as jurisdiction "returns", year 2
    path("", views.index, name="index"),
    path("returns/", views.returns, name="returns"),
    path("returns/<int:pk>/", views.return_detail, name="return"),
    path("returns/<int:pk>/template.xlsx", views.return_template, name="return_template"),
    path("returns/<int:pk>/upload/", views.return_upload, name="return_upload"),
    path("returns/<int:pk>/duties/", duty_views.own_duties, name="duties"),
    path("returns/<int:pk>/duties/<slug:step>/", duty_views.own_duty_step, name="duty_step"),
    path("returns/<int:pk>/accountability/", handoff_views.statistics_accountability, name="return_accountability"),
    path("followups/<int:pk>/accountability/", handoff_views.followup_accountability, name="followup_accountability"),
    path("tasks/<int:pk>/report/", views.task_report, name="task_report"),
    path("tasks/<int:pk>/review/", views.task_review, name="task_review"),
    path("tasks/<int:pk>/ineffective/", views.task_ineffective, name="task_ineffective"),
    path("activities/<int:pk>/", views.activity_detail, name="activity"),
    path("activities/<int:pk>/matter/", views.activity_matter, name="activity_matter"),
    path("activities/<int:pk>/followup/", views.activity_followup, name="activity_followup"),
    path("activities/<int:pk>/casefiles/", views.activity_casefile, name="activity_casefile"),
    path("findings/<int:pk>/letter/", views.finding_letter, name="finding_letter"),
    path(J, views.year_detail, name="year"),
    path(J + "plan/", views.plan, name="plan"),
    path(J + "activities/new/", views.activity_new, name="activity_new"),
    path(J + "statistics/open/", views.statistics_open, name="statistics_open"),
    path(J + "report/", views.report_detail, name="report"),
    path(J + "report/chart-<str:name>.png", views.report_chart, name="chart"),
    path(J + "report.xlsx", views.report_xlsx, name="report_xlsx"),
    path(J + "report/draft/", views.report_draft, name="report_draft"),
    path(J + "report/response/<str:step>/", duty_views.district_response_step, name="district_response"),
    path(J + "notification/", views.notification_new, name="notification"),
    path(J + "notification/special/", views.notification_special, name="notification_special"),
    path(J + "checklist/", views.checklist_statistics, name="checklist_statistics"),
    path(J + "duties/", duty_views.year_duties, name="year_duties"),
    path(J + "checklist.xlsx", views.checklist_statistics_xlsx, name="checklist_statistics_xlsx"),
]
