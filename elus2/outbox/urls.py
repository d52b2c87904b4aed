"""The public one-click unsubscribe, at the address the e-mails already sent carry."""

from django.urls import path

from . import views

app_name = "outbox"

urlpatterns = [
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
