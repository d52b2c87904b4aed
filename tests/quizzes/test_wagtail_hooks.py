"""« Questions à revoir » on the Wagtail dashboard: the questions the quiz statistics flag."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elus2.quizzes.selectors import quiz_question_flagged_list, quiz_statistics_get
from elus2.quizzes.services import quiz_attempt_start, quiz_attempt_submit
from tests.factories.learning import learner_create, queries_without_cache
from tests.factories.quizzes import answers_right, quiz_course_build
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def trainer():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Formateur"))
    return user


def all_right(lesson, people: int = 3):
    """Everyone answers everything right: every question is « trop facile »."""
    for _ in range(people):
        attempt = quiz_attempt_start(user=learner_create(), lesson=lesson)
        quiz_attempt_submit(
            user=attempt.user, attempt_id=attempt.pk, answers=answers_right(attempt.questions)
        )


def test_flagged_questions_are_listed_with_a_link_to_their_statistics(client):
    built = quiz_course_build(title="Répondre en ligne")
    quiet = quiz_course_build(title="Sans tentative")  # no attempts: nothing flagged
    all_right(built.lesson)
    flagged = quiz_question_flagged_list()
    stats = quiz_statistics_get(lesson=built.lesson)
    assert [item.question.id for item in flagged] == [
        question.id for question in stats.questions if question.flags
    ]
    assert {item.lesson.pk for item in flagged} == {built.lesson.pk}
    assert quiet.lesson.pk not in {item.lesson.pk for item in flagged}
    client.force_login(trainer())
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Questions à revoir" in page
    detail = reverse("quizzes_statistics_detail", args=[built.lesson.pk])
    assert f'{detail}#question-{flagged[0].question.id}"' in page
    assert "trop facile" in page
    assert f'id="question-{flagged[0].question.id}"' in client.get(detail).content.decode()


def test_people_without_statistics_access_do_not_get_the_panel(client):
    built = quiz_course_build()
    all_right(built.lesson)
    staff = UserFactory()
    staff.groups.add(Group.objects.get(name="Chargé·e de suivi"))
    client.force_login(staff)
    response = client.get(reverse("wagtailadmin_home"))
    assert "Questions à revoir" not in response.content.decode()


def test_the_panel_queries_do_not_grow_with_lessons_and_attempts(client):
    client.force_login(trainer())
    all_right(quiz_course_build().lesson, people=1)
    client.get(reverse("wagtailadmin_home"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("wagtailadmin_home"))
    for _ in range(3):
        all_right(quiz_course_build().lesson, people=3)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("wagtailadmin_home"))
    assert len(quiz_question_flagged_list()) > 3
    assert len(queries_without_cache(many.captured_queries)) == len(
        queries_without_cache(few.captured_queries)
    )
