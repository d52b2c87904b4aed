"""« Guide de rédaction »: our French editor guide replaces Wagtail's English one, and lists every
lesson and quiz block as the editor defines it."""

from __future__ import annotations

import html

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from courses.blocks import LessonBodyBlock, QuizBlock
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

WAGTAIL_GUIDE = "guide.wagtail.org"


@pytest.fixture
def trainer_client(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Formateur"))
    client.force_login(user)
    return client


def test_the_guide_lists_every_block_with_its_label_help_text_and_fields(trainer_client):
    response = trainer_client.get(reverse("courses_editor_guide"))
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    for stream in (LessonBodyBlock(), QuizBlock()):
        for block in stream.child_blocks.values():
            assert str(block.label) in page
            assert str(block.meta.help_text) in page
    choice = QuizBlock().child_blocks["single_choice"]
    feedback = choice.child_blocks["options"].child_block.child_blocks["feedback"]
    assert str(feedback.label) in page and str(feedback.field.help_text) in page
    assert "au moins 2" in page  # the options' minimum
    for words in ("Objectifs", "Durée", "Quiz réussi", "Réglages du quiz"):
        assert words in page


def test_the_help_menu_and_dashboard_lead_to_our_guide_not_wagtails(trainer_client):
    guide = reverse("courses_editor_guide")
    for url in (reverse("wagtailadmin_home"), reverse("reglages-quiz:index")):
        page = trainer_client.get(url).content.decode()
        assert guide in page, url
        assert WAGTAIL_GUIDE not in page, url


def test_people_without_admin_access_do_not_read_it(client):
    client.force_login(UserFactory())
    assert client.get(reverse("courses_editor_guide"), follow=True).status_code == 403
