"""Quiz settings have one admin (Wagtail's); attempts keep their lesson from being deleted in Wagtail's."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from elus2.quizzes.models import QuizAttempt, QuizMode, QuizSettings
from elus2.quizzes.services import quiz_attempt_start
from tests.factories.learning import client_for, learner_create
from tests.factories.quizzes import quiz_course_build, quiz_settings_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def built():
    return quiz_course_build()


@pytest.fixture
def admin_client():
    return client_for(learner_create(is_staff=True, is_superuser=True))


def test_quiz_settings_have_one_admin_wagtails(built, admin_client):
    assert admin_client.get("/django-admin/quizzes/quizsettings/").status_code == 404
    with pytest.raises(NoReverseMatch):
        reverse("admin:quizzes_quizsettings_changelist")
    assert admin_client.get(reverse("reglages-quiz:index")).status_code == 200


def test_wagtails_quiz_settings_refuse_self_assessment_waiting_for_a_pass(built, admin_client):
    response = admin_client.post(
        reverse("reglages-quiz:add"),
        {
            "lesson": built.lesson.pk,
            "pass_mark": 70,
            "feedback_timing": "once_passed",
            "mode": QuizMode.SELF_ASSESSMENT,
        },
    )
    assert response.status_code == 200
    assert "Une auto-évaluation ne se réussit pas" in response.content.decode()
    assert not QuizSettings.objects.exists()


def test_attempts_are_read_only_in_the_django_admin(built, admin_client):
    attempt = quiz_attempt_start(user=learner_create(), lesson=built.lesson)
    changelist = admin_client.get(reverse("admin:quizzes_quizattempt_changelist"))
    assert changelist.status_code == 200
    assert admin_client.get(reverse("admin:quizzes_quizattempt_add")).status_code == 403
    delete = reverse("admin:quizzes_quizattempt_delete", args=[attempt.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert QuizAttempt.objects.filter(pk=attempt.pk).exists()


def delete_in_wagtail(admin_client, page):
    return admin_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


def test_wagtail_refuses_to_delete_a_lesson_or_module_with_quiz_attempts(built, admin_client):
    quiz_attempt_start(user=learner_create(), lesson=built.lesson)
    module = built.lesson.get_parent()
    for page in (built.lesson, module):
        response = delete_in_wagtail(admin_client, page)
        assert response.status_code == 302
        assert Page.objects.filter(pk=page.pk).exists()
        messages = [str(m) for m in get_messages(response.wsgi_request)]
        assert any("des élus ont déjà répondu à ses quiz" in m for m in messages), messages


def test_wagtail_deletes_a_lesson_with_settings_but_no_attempts(built, admin_client):
    quiz_settings_set(built.lesson, pass_mark=90)
    response = delete_in_wagtail(admin_client, built.lesson)
    assert response.status_code == 302
    assert not Page.objects.filter(pk=built.lesson.pk).exists()
    assert not QuizSettings.objects.exists()
