from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("lecons/<id:lesson_id>/", views.quiz, name="quiz"),
    path("lecons/<id:lesson_id>/nouvelle-tentative/", views.attempt_start, name="attempt_start"),
    path("tentatives/<id:attempt_id>/envoyer/", views.attempt_submit, name="attempt_submit"),
    path("tentatives/<id:attempt_id>/", views.review, name="review"),
]
