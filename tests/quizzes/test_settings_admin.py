"""Trainers set each quiz up in the Wagtail admin; learners cannot."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from elus2.quizzes.models import QuizMode, QuizSettings
from tests.factories.courses import course_build
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    from courses.models import LessonPage

    course = course_build(modules=1, lessons_per_module=1)
    return LessonPage.objects.descendant_of(course).get()


def trainer(group: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize("group", ["Formateur", "Responsable pédagogique"])
def test_trainers_create_and_edit_quiz_settings(client, lesson, group):
    client.force_login(trainer(group))
    assert client.get(reverse("reglages-quiz:index")).status_code == 200
    response = client.post(
        reverse("reglages-quiz:add"),
        {
            "lesson": lesson.pk,
            "mode": QuizMode.GRADED,
            "pass_mark": 80,
            "attempts_allowed": 3,
            "questions_drawn": "",
            "feedback_timing": "after_each_attempt",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    settings = QuizSettings.objects.get(lesson=lesson)
    assert (settings.pass_mark, settings.attempts_allowed) == (80, 3)


def test_bad_values_get_french_errors_and_nothing_is_saved(client, lesson):
    client.force_login(trainer("Formateur"))
    response = client.post(
        reverse("reglages-quiz:add"),
        {
            "lesson": lesson.pk,
            "mode": QuizMode.GRADED,
            "pass_mark": 150,
            "feedback_timing": "after_each_attempt",
        },
    )
    assert response.status_code == 200
    assert "inférieure ou égale à 100" in response.content.decode()
    assert not QuizSettings.objects.exists()


def test_learners_cannot_reach_quiz_settings(client):
    client.force_login(UserFactory())
    response = client.get(reverse("reglages-quiz:index"), follow=True)
    assert response.status_code == 403
