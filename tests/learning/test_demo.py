"""seed_demo leaves the demo official half way through the starter course, and running it again
changes nothing."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from courses.models import CoursePage, LessonPage
from elus2.learning.models import Enrolment, EnrolmentStatus, LessonProgress
from tests.factories.learning import client_for, figures_of, figures_recount

pytestmark = pytest.mark.django_db

DEMO_OFFICIAL = "elu@example.org"


def learner_rows():
    return (
        list(Enrolment.objects.order_by("pk").values()),
        list(LessonProgress.objects.order_by("pk").values()),
    )


@pytest.fixture
def seeded(capsys):
    call_command("seed_demo")
    capsys.readouterr()
    return get_user_model().objects.get(email=DEMO_OFFICIAL)


def test_the_demo_official_has_the_starter_course_half_done_and_can_resume(seeded):
    course = CoursePage.objects.get()
    enrolment = Enrolment.objects.get(user=seeded)
    assert enrolment.course_id == course.pk
    assert 40 <= enrolment.percent <= 60
    assert enrolment.status == EnrolmentStatus.STARTED
    assert figures_of(enrolment) == figures_recount(enrolment)
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    half = len(lessons) // 2
    assert enrolment.lessons_completed == half
    done = set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )
    assert done == {lesson.pk for lesson in lessons[:half]}
    assert enrolment.next_lesson_id == lessons[half].pk

    # « Reprendre » opens that lesson, not a lock page.
    client = client_for(seeded)
    page = html.unescape(client.get(reverse("learning:my_learning")).content.decode())
    resume = re.search(r'<a class="button" href="([^"]+)">Reprendre', page)
    assert resume is not None
    assert resume.group(1) == lessons[half].url
    response = client.get(resume.group(1))
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert "s'ouvrent dans l'ordre" not in body
    assert f"<h1>{lessons[half].title}</h1>" in body


def test_seed_demo_twice_changes_no_learner_row(seeded, capsys):
    before = learner_rows()
    call_command("seed_demo")
    capsys.readouterr()
    assert learner_rows() == before
    assert Enrolment.objects.filter(user=seeded).count() == 1
