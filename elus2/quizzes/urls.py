from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("lecons/<int:lesson_id>/", views.quiz, name="quiz"),
    path("lecons/<int:lesson_id>/nouvelle-tentative/", views.attempt_start, name="attempt_start"),
    path("tentatives/<int:attempt_id>/envoyer/", views.attempt_submit, name="attempt_submit"),
    path("tentatives/<int:attempt_id>/", views.review, name="review"),
]
