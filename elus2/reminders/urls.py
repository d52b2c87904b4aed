"""Staff's reminder page (under /suivi/, like the other follow-up pages). The one-click
unsubscribe is the outbox's (elus2/outbox/urls.py)."""

from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path(
        "suivi/promotions/<id:cohort_id>/relances/",
        views.cohort_reminders,
        name="cohort_reminders",
    ),
]
