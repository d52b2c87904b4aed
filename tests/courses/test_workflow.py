"""Trainers write and submit; approvers (« Responsable pédagogique ») are told by email and
publish. A trainer's publish button does nothing, whatever they post."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from courses.models import LessonPage, ModulePage
from tests.factories.courses import admin_form_data, course_build, lesson_body_items
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

TRAINER, APPROVER = "Formateur", "Responsable pédagogique"


def _member(group: str, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def course():
    return course_build(modules=1, lessons_per_module=1, quiz_every_module=False)


@pytest.fixture
def module(course):
    return ModulePage.objects.child_of(course).get()


@pytest.fixture
def trainer():
    return _member(TRAINER)


@pytest.fixture
def approver():
    return _member(APPROVER, email="relecture@example.org")


def _lesson_data(title: str, **extra) -> dict:
    return admin_form_data(
        LessonPage,
        title=title,
        slug="lecon-du-formateur",
        estimated_minutes="4",
        objectives="Savoir répondre",
        completion_rule="marked_done",
        body=[
            ("heading", "Répondre à un habitant"),
            ("social_post", dict(lesson_body_items(1))["social_post"]),
        ],
        quiz=[],
        **extra,
    )


def _add_url(module) -> str:
    return reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", module.pk))


def test_permissions_of_trainers_and_approvers(course, module, trainer, approver):
    lesson = LessonPage.objects.child_of(module).get()
    trainer_perms = lesson.permissions_for_user(trainer)
    assert trainer_perms.can_edit()
    assert not trainer_perms.can_publish()
    assert not trainer_perms.can_unpublish()
    assert module.permissions_for_user(trainer).can_add_subpage()
    assert not module.permissions_for_user(trainer).can_publish_subpage()
    approver_perms = lesson.permissions_for_user(approver)
    assert approver_perms.can_edit()
    assert approver_perms.can_publish()
    # Nobody outside the two groups touches the course tree.
    assert not lesson.permissions_for_user(UserFactory()).can_edit()


def test_a_trainer_posting_publish_only_saves_a_draft(client, module, trainer):
    client.force_login(trainer)
    response = client.post(_add_url(module), _lesson_data("Ma leçon", **{"action-publish": "1"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = LessonPage.objects.child_of(module).get(slug="lecon-du-formateur")
    assert not lesson.live
    assert lesson.live_revision is None
    assert lesson.owner == trainer


def test_a_trainer_cannot_publish_changes_to_a_live_lesson(client, module, trainer):
    lesson = LessonPage.objects.child_of(module).get()
    live_title, live_revision = lesson.title, lesson.live_revision_id
    client.force_login(trainer)
    data = _lesson_data("Titre jamais publié", **{"action-publish": "1"})
    data["slug"] = lesson.slug
    response = client.post(reverse("wagtailadmin_pages:edit", args=(lesson.pk,)), data)
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.title == live_title
    assert lesson.live_revision_id == live_revision
    assert lesson.has_unpublished_changes
    assert lesson.get_latest_revision_as_object().title == "Titre jamais publié"


def test_a_trainer_previews_what_a_learner_sees(client, module, trainer):
    client.force_login(trainer)
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("courses", "lessonpage", module.pk)
    )
    response = client.post(preview_url, _lesson_data("Leçon en aperçu"))
    assert response.json()["is_valid"]
    html = client.get(preview_url).content.decode()
    assert "Leçon en aperçu" in html
    assert "Répondre à un habitant" in html
    assert "@testville" in html  # the mock post, rendered as on the learner page


def test_submit_notify_approve_publish(client, course, module, trainer, approver):
    other_approver = _member(APPROVER, email="relecture2@example.org")
    client.force_login(trainer)
    response = client.post(_add_url(module), _lesson_data("Leçon à relire"))
    assert response.status_code == 302
    lesson = LessonPage.objects.child_of(module).get(slug="lecon-du-formateur")
    mail.outbox.clear()

    data = _lesson_data("Leçon à relire", **{"action-submit": "1"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=(lesson.pk,)), data)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Relecture pédagogique"
    lesson.refresh_from_db()
    assert not lesson.live

    recipients = {address for message in mail.outbox for address in message.to}
    assert {approver.email, other_approver.email} <= recipients
    assert trainer.email not in recipients
    assert any("Leçon à relire" in message.subject for message in mail.outbox)

    # Not yet in the public outline (read by a visitor: the trainer's client holds admin messages).
    assert "Leçon à relire" not in Client().get(course.url).content.decode()

    client.force_login(approver)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(lesson.pk, "approve", state.current_task_state.pk),
    )
    response = client.post(url, {})
    assert response.status_code in (200, 302)
    lesson.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert lesson.live
    assert lesson.title == "Leçon à relire"

    html = Client().get(course.url).content.decode()
    assert "Leçon à relire" in html
    assert f'href="{lesson.url}"' in html


def test_a_trainer_cannot_approve_their_own_submission(client, module, trainer):
    lesson = LessonPage.objects.child_of(module).get()
    client.force_login(trainer)
    data = _lesson_data("Auto-validation", **{"action-submit": "1"})
    data["slug"] = lesson.slug
    assert (
        client.post(reverse("wagtailadmin_pages:edit", args=(lesson.pk,)), data).status_code == 302
    )
    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(lesson.pk, "approve", state.current_task_state.pk),
    )
    response = client.post(url, {})
    assert response.status_code in (302, 403)
    lesson.refresh_from_db()
    assert lesson.title != "Auto-validation"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
