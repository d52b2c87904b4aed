"""The attestation of a completed course: the official's own, printed from « Mon parcours »."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from courses.models import CompletionRule
from elus2.learning.models import Enrolment
from elus2.learning.services import enrolment_create, lesson_progress_complete
from tests.factories.learning import (
    client_for,
    learner_create,
    learning_course_build,
    queries_without_cache,
)

pytestmark = pytest.mark.django_db

MARKED = CompletionRule.MARKED_DONE


@pytest.fixture
def built():
    return learning_course_build(modules=2, lessons_per_module=2, fast=True)


def complete(user, built, *, lessons=None, active_seconds=0):
    enrolment_create(user=user, course=built.course)
    for lesson in lessons if lessons is not None else built.lessons:
        lesson_progress_complete(user=user, lesson=lesson, source=MARKED)
    Enrolment.objects.filter(user=user).update(active_seconds=active_seconds)


def url_of(course) -> str:
    return reverse("learning:attestation", args=[course.pk])


def test_a_completed_course_has_an_attestation_that_says_who_what_when_and_how_long(built):
    official = learner_create(
        first_name="Camille",
        last_name="Martin",
        mandate="maire",
        collectivite="Saint-Aubin-sur-Loire",
    )
    complete(official, built, active_seconds=2 * 3600 + 5 * 60 + 20)
    enrolment = Enrolment.objects.get(user=official)
    html = client_for(official).get(url_of(built.course)).content.decode()
    assert "Attestation de formation" in html
    assert "Camille Martin" in html and "Saint-Aubin-sur-Loire" in html
    assert official.get_mandate_display() in html
    assert built.course.title in html
    assert "4 sur 4" in html
    assert "2 h 05" in html
    for module in built.modules:
        assert module.title in html
    done_on = timezone.localdate(enrolment.completed_at)
    assert f"E2-{enrolment.pk:06d}-{done_on:%Y%m%d}" in html
    assert date_format(done_on, "j F Y") in html
    assert "data-print" in html  # the print button, shown by print-button.js


def test_short_active_time_reads_in_minutes(built):
    official = learner_create()
    complete(official, built, active_seconds=14 * 60 + 40)
    assert "15 min" in client_for(official).get(url_of(built.course)).content.decode()


def test_no_attestation_before_the_course_is_completed_nor_for_a_course_not_followed(built):
    official = learner_create()
    assert client_for(official).get(url_of(built.course)).status_code == 404
    complete(official, built, lessons=built.lessons[:3])
    assert client_for(official).get(url_of(built.course)).status_code == 404
    assert client_for(official).get(reverse("learning:attestation", args=[999999])).status_code == (
        404
    )


def test_the_url_shows_only_one_s_own_attestation(built):
    finished, other = learner_create(first_name="Fini"), learner_create(first_name="Autre")
    complete(finished, built)
    complete(other, built, lessons=built.lessons[:1])
    response = client_for(other).get(url_of(built.course))
    assert response.status_code == 404
    assert "Fini" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, built):
    response = client.get(url_of(built.course))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_mon_parcours_links_completed_courses_to_their_attestation(built):
    other_course = learning_course_build(modules=1, lessons_per_module=2, fast=True)
    official = learner_create()
    complete(official, built)
    complete(official, other_course, lessons=other_course.lessons[:1])
    html = client_for(official).get(reverse("learning:my_learning")).content.decode()
    assert url_of(built.course) in html
    assert url_of(other_course.course) not in html


def test_the_attestation_reads_the_same_queries_for_small_and_large_courses(built):
    large = learning_course_build(modules=6, lessons_per_module=8, fast=True)
    counts = []
    for course in (built, large):
        official = learner_create()
        complete(official, course)
        client = client_for(official)
        client.get(url_of(course.course))  # the outline is cached by the first view
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url_of(course.course)).status_code == 200
        counts.append(len(queries_without_cache(queries.captured_queries)))
    assert counts[0] == counts[1] <= 3, counts


def test_the_attestation_in_english(built):
    official = learner_create()
    complete(official, built)
    client = client_for(official)
    html = client.get(url_of(built.course), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Training certificate" in html
