"""Staff's reminder page (under /suivi/, like the other follow-up pages) and the public
one-click unsubscribe (/desinscription/<token>/: elus2/logscrub.py masks the token)."""

from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path(
        "suivi/promotions/<id:cohort_id>/relances/",
        views.cohort_reminders,
        name="cohort_reminders",
    ),
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
