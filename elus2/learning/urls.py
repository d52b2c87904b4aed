from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("attestations/<id:course_id>/", views.attestation, name="attestation"),
    path("inscription/<id:course_id>/", views.enrol, name="enrol"),
    path("lecons/<id:lesson_id>/terminer/", views.lesson_complete, name="lesson_complete"),
    path("lecons/<id:lesson_id>/activite/", views.lesson_heartbeat, name="lesson_heartbeat"),
]
