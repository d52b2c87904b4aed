"""Staff pages, mounted under /suivi/ (reporting mounts its dashboards on the same prefix)."""

from django.urls import path

from . import views

app_name = "cohorts"

urlpatterns = [
    path("promotions/<id:cohort_id>/inviter/", views.cohort_invite, name="invite"),
    path("promotions/<id:cohort_id>/invitations/", views.cohort_invitations, name="invitations"),
    path(
        "promotions/<id:cohort_id>/invitations/<id:user_id>/renvoyer/",
        views.invitation_resend_view,
        name="invitation_resend",
    ),
    path(
        "promotions/<id:cohort_id>/liens-rapport/",
        views.cohort_report_links,
        name="report_links",
    ),
    path(
        "promotions/<id:cohort_id>/liens-rapport/<id:share_id>/revoquer/",
        views.report_link_revoke,
        name="report_link_revoke",
    ),
]
