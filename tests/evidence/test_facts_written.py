"""The services that own a fact write it in the evidence ledger, once, in their own transaction:
a lesson opened (first view only), a lesson completed (once, whatever the double clicks), a quiz
submitted (with its score); a refused action writes nothing."""

import pytest
from django.urls import reverse

from elus2.evidence.models import Fact, FactKind
from elus2.evidence.services import evidence_verify
from elus2.learning.services import enrolment_create
from elus2.quizzes.models import QuizAttempt
from tests.factories.learning import client_for, learner_create
from tests.factories.quizzes import answers_right, post_data, quiz_course_build

pytestmark = pytest.mark.django_db


def _facts(user):
    return list(
        Fact.objects.filter(person_id=user.pk)
        .order_by("position")
        .values_list("kind", "data__lesson", "course_id")
    )


@pytest.fixture
def course():
    return quiz_course_build(lessons_before=1)


@pytest.fixture
def learner(course):
    user = learner_create()
    enrolment_create(user=user, course=course.course)
    return user


def test_opening_then_completing_a_lesson_are_two_facts(course, learner):
    client = client_for(learner)
    first = course.lessons[0]
    for _ in range(2):  # the second view is no new fact
        assert client.get(first.url).status_code == 200
    for _ in range(2):  # nor is a double click on « J'ai terminé »
        client.post(reverse("learning:lesson_complete", args=[first.pk]))
    assert _facts(learner) == [
        (FactKind.LESSON_OPENED, first.pk, course.course.pk),
        (FactKind.LESSON_COMPLETED, first.pk, course.course.pk),
    ]
    completed = Fact.objects.get(person_id=learner.pk, kind=FactKind.LESSON_COMPLETED)
    assert completed.data["planned_minutes"] == first.estimated_minutes
    assert completed.data["title"] == first.title
    assert evidence_verify(person_ids=[learner.pk]).ok


def test_a_passed_quiz_is_a_submission_and_a_completion(course, learner):
    client = client_for(learner)
    client.post(reverse("learning:lesson_complete", args=[course.lessons[0].pk]))
    client.get(reverse("quizzes:quiz", args=[course.lesson.pk]))
    attempt = QuizAttempt.objects.get()
    data = post_data(attempt.questions, answers_right(attempt.questions))
    client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]), data)
    client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]), data)  # replayed
    kinds = [kind for kind, _lesson, _course in _facts(learner)]
    assert kinds == [
        FactKind.LESSON_COMPLETED,
        FactKind.LESSON_COMPLETED,
        FactKind.QUIZ_SUBMITTED,
    ]
    submitted = Fact.objects.get(person_id=learner.pk, kind=FactKind.QUIZ_SUBMITTED)
    assert submitted.data["score"] == 100 and submitted.data["passed"] is True
    assert submitted.data["attempt"] == attempt.pk
    assert evidence_verify(person_ids=[learner.pk]).ok


def test_a_refused_quiz_submission_writes_no_fact(course, learner):
    """Unanswered questions: the answers are kept to fill the form again, nothing is graded,
    nothing is proven."""
    client = client_for(learner)
    client.get(reverse("quizzes:quiz", args=[course.lesson.pk]))
    attempt = QuizAttempt.objects.get()
    response = client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]), {})
    assert response.status_code == 200  # the quiz again, with what is missing
    assert not Fact.objects.filter(person_id=learner.pk).exists()


def test_each_finished_day_of_active_time_is_one_fact(learner):
    import datetime

    from elus2.learning.models import DailyActivity
    from elus2.learning.services import active_time_evidence_record

    today = datetime.date(2026, 12, 6)
    DailyActivity.objects.create(user=learner, day=datetime.date(2026, 12, 4), seconds=600)
    DailyActivity.objects.create(user=learner, day=datetime.date(2026, 12, 5), seconds=1200)
    DailyActivity.objects.create(user=learner, day=today, seconds=60)  # not finished yet
    active_time_evidence_record(today=today)
    active_time_evidence_record(today=today)  # the task ran twice
    facts = Fact.objects.filter(person_id=learner.pk, kind=FactKind.ACTIVE_TIME)
    assert sorted((f.data["day"], f.data["seconds"]) for f in facts) == [
        ("2026-12-04", 600),
        ("2026-12-05", 1200),
    ]
    assert evidence_verify(person_ids=[learner.pk]).ok
