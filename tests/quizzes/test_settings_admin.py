"""Trainers set each quiz up in the Wagtail admin; learners cannot."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from elus2.quizzes.models import QuizMode, QuizSettings
from elus2.quizzes.wagtail_hooks import quiz_header_buttons, quiz_listing_buttons
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


def test_the_lesson_editor_opens_its_quiz_settings_new_then_existing(client, lesson):
    client.force_login(trainer("Formateur"))
    for_lesson = reverse("quizzes_settings_for_lesson", args=[lesson.pk])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
    assert editor.status_code == 200
    assert for_lesson in editor.content.decode()  # the « Réglages du quiz » header button

    response = client.get(for_lesson)
    assert response.status_code == 302
    assert response.url == f"{reverse('reglages-quiz:add')}?lesson={lesson.pk}"
    form = client.get(response.url).content.decode()
    assert f'<option value="{lesson.pk}" selected>' in form

    made = QuizSettings.objects.create(lesson=lesson, pass_mark=60)
    response = client.get(for_lesson)
    assert (response.status_code, response.url) == (
        302,
        reverse("reglages-quiz:edit", args=[made.pk]),
    )


def test_only_people_who_may_edit_quiz_settings_get_the_button_and_the_link(client, lesson):
    for_lesson = reverse("quizzes_settings_for_lesson", args=[lesson.pk])
    client.force_login(trainer("Chargé·e de suivi"))  # admin access, no quiz settings rights
    refused = client.get(for_lesson)  # Wagtail's answer to a refusal: back to the dashboard
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    staff = trainer("Chargé·e de suivi")
    for buttons in (quiz_listing_buttons, quiz_header_buttons):
        assert for_lesson not in [button.url for button in buttons(lesson, staff)]
        assert for_lesson in [button.url for button in buttons(lesson, trainer("Formateur"))]
    client.force_login(UserFactory())  # a learner: no admin at all
    assert for_lesson not in client.get(for_lesson, follow=True).content.decode()
    assert client.get(for_lesson, follow=True).status_code == 403
    client.logout()
    assert client.get(for_lesson).url.startswith(reverse("admin_login"))


def test_an_unknown_lesson_is_a_404(client):
    client.force_login(trainer("Formateur"))
    assert client.get(reverse("quizzes_settings_for_lesson", args=[999999])).status_code == 404


def test_the_lesson_choice_offers_lessons_with_a_quiz_not_yet_set_up(client):
    from courses.models import LessonPage

    course = course_build(modules=2, lessons_per_module=2)  # each module's 2nd lesson has a quiz
    without, with_quiz, _, other_quiz = LessonPage.objects.descendant_of(course).order_by("path")
    assert not len(without.quiz) and len(with_quiz.quiz) and len(other_quiz.quiz)
    client.force_login(trainer("Formateur"))

    def offered(url):
        form = client.get(url).content.decode()
        return {
            lesson.pk
            for lesson in (without, with_quiz, other_quiz)
            if f'value="{lesson.pk}"' in form
        }

    assert offered(reverse("reglages-quiz:add")) == {with_quiz.pk, other_quiz.pk}
    made = QuizSettings.objects.create(lesson=with_quiz)
    assert offered(reverse("reglages-quiz:add")) == {other_quiz.pk}
    assert offered(reverse("reglages-quiz:edit", args=[made.pk])) == {with_quiz.pk, other_quiz.pk}
    # A lesson whose questions were removed since keeps its settings editable.
    LessonPage.objects.filter(pk=with_quiz.pk).update(quiz=[])
    assert offered(reverse("reglages-quiz:edit", args=[made.pk])) == {with_quiz.pk, other_quiz.pk}
    refused = client.post(
        reverse("reglages-quiz:add"),
        {
            "lesson": without.pk,
            "mode": QuizMode.GRADED,
            "pass_mark": 70,
            "feedback_timing": "after_each_attempt",
        },
    )
    assert refused.status_code == 200
    assert not QuizSettings.objects.filter(lesson=without).exists()


def test_labels_and_messages_are_french_and_name_the_lesson(client, lesson):
    client.force_login(trainer("Formateur"))
    index = client.get(reverse("reglages-quiz:index")).content.decode()
    assert "Ajouter des réglages de quiz" in index
    assert "un(e)" not in index
    add = client.get(reverse("reglages-quiz:add")).content.decode()
    assert "Nouveaux réglages de quiz" in add
    assert "un(e)" not in add and "Nouveau(elle)" not in add
    response = client.post(
        reverse("reglages-quiz:add"),
        {
            "lesson": lesson.pk,
            "mode": QuizMode.GRADED,
            "pass_mark": 70,
            "feedback_timing": "after_each_attempt",
            "shuffle_options": "on",
        },
        follow=True,
    )
    page = response.content.decode()
    assert f"Réglages du quiz de « {lesson.title} » enregistrés." in page
    assert f"{lesson.pk}: 70" not in page
    made = QuizSettings.objects.get(lesson=lesson)
    assert str(made) == lesson.title
    listing = client.get(reverse("reglages-quiz:index")).content.decode()
    assert lesson.title in listing
    edited = client.post(
        reverse("reglages-quiz:edit", args=[made.pk]),
        {
            "lesson": lesson.pk,
            "mode": QuizMode.GRADED,
            "pass_mark": 60,
            "feedback_timing": "after_each_attempt",
        },
        follow=True,
    ).content.decode()
    assert f"Réglages du quiz de « {lesson.title} » enregistrés." in edited
    client.force_login(UserFactory(is_superuser=True))  # trainers may not delete settings
    delete = client.get(reverse("reglages-quiz:delete", args=[made.pk])).content.decode()
    assert f"Supprimer les réglages du quiz de « {lesson.title} »" in delete
