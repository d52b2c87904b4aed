"""Staff pages under /suivi/ (namespace "reporting"), the public client report under /rapport/
(`public_urlpatterns`, namespace "reporting_public"), the public verification of certificates
under /verifier/ (`verification_urlpatterns`, namespace "verification") and the official's own
certificate under /parcours/certificats/ (`learner_urlpatterns`, namespace "certificates"), the
administrators' page of a certificate under /suivi/certificats/ (`certificate_admin_urlpatterns`,
namespace "certificate_admin"), all mounted in elus2/urls.py."""

from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.cohort_list, name="cohort_list"),
    path("promotions/<id:cohort_id>/", views.cohort_dashboard, name="cohort_dashboard"),
    path(
        "promotions/<id:cohort_id>/membres/<id:user_id>/",
        views.learner_detail,
        name="learner_detail",
    ),
    path(
        "promotions/<id:cohort_id>/membres/<id:user_id>/attestation/",
        views.learner_attestation,
        name="learner_attestation",
    ),
    path(
        "promotions/<id:cohort_id>/membres/<id:user_id>/certificat/",
        views.learner_certificate,
        name="learner_certificate",
    ),
    path(
        "promotions/<id:cohort_id>/export/apprenants.csv",
        views.learners_export,
        {"file_format": "csv"},
        name="learners_csv",
    ),
    path(
        "promotions/<id:cohort_id>/export/apprenants.xlsx",
        views.learners_export,
        {"file_format": "xlsx"},
        name="learners_xlsx",
    ),
    path(
        "promotions/<id:cohort_id>/export/modules.csv",
        views.modules_export,
        {"file_format": "csv"},
        name="modules_csv",
    ),
    path(
        "promotions/<id:cohort_id>/export/modules.xlsx",
        views.modules_export,
        {"file_format": "xlsx"},
        name="modules_xlsx",
    ),
    path("promotions/<id:cohort_id>/rapport/", views.report_preview, name="report_preview"),
    path("promotions/<id:cohort_id>/barometre/", views.cohort_barometer, name="barometer"),
    path(
        "promotions/<id:cohort_id>/attestations/",
        views.cohort_attestations,
        name="cohort_attestations",
    ),
]

public_urlpatterns = [
    path("<str:token>/", views.report_public, name="report"),
]

verification_urlpatterns = [
    path("<str:code>/", views.certificate_verify, name="certificate"),
]

learner_urlpatterns = [
    path("<id:course_id>/", views.my_certificate, name="mine"),
]

# Agency administrators only, whichever cohort: not a cohort page, so apart from the staff's.
certificate_admin_urlpatterns = [
    path("<id:certificate_id>/", views.certificate_manage, name="manage"),
]
