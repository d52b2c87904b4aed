from django.urls import path

from . import views

app_name = "users"

urlpatterns = [
    path("connexion/<str:token>/", views.sign_in_link, name="sign_in_link"),
]
