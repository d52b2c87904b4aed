"""A trainer's Wagtail admin at 375 and 1280 px: the dashboard (« Mes formations », « Questions à
revoir »), the quiz settings form and our editor guide; axe clean, no sideways scroll."""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.test import Client

from elus2.quizzes.services import quiz_attempt_start, quiz_attempt_submit
from tests.browser.conftest import (
    PHONE,
    TRAINER,
    assert_accessible,
    assert_no_horizontal_scroll,
    page_close,
    page_open,
)
from tests.factories.learning import learner_create
from tests.factories.quizzes import answers_right, quiz_course_build
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": PHONE, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def trainer(catalogue):
    built = quiz_course_build(title="Répondre aux habitants en ligne")
    for _ in range(3):
        attempt = quiz_attempt_start(user=learner_create(), lesson=built.lesson)
        quiz_attempt_submit(
            user=attempt.user, attempt_id=attempt.pk, answers=answers_right(attempt.questions)
        )
    group = Group.objects.get(name=TRAINER)
    # catalogue_ensure rebuilds page permissions after a flush; the quiz settings' are ours to add.
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="quizzes",
            codename__in=["add_quizsettings", "change_quizsettings"],
        )
    )
    user = UserFactory(first_name="Fanny", last_name="Formatrice")
    user.groups.add(group)
    return user


def opened(chromium, live_server, user, width):
    context, page = page_open(
        chromium, viewport=WIDTHS[width], is_mobile=width == "phone", has_touch=width == "phone"
    )
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context, page


def check(page, name: str) -> None:
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    folder = os.environ.get("ELUS2_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_trainer_dashboard(chromium, live_server, trainer, width):
    context, page = opened(chromium, live_server, trainer, width)
    page.goto(live_server.url + "/admin/")
    assert page.get_by_role("heading", name="Mes formations").is_visible()
    assert page.get_by_role("heading", name="Questions à revoir").is_visible()
    assert page.get_by_role("link", name="Répondre aux habitants en ligne").is_visible()
    check(page, f"dashboard-{width}")
    page_close(context, page)


@pytest.mark.parametrize("width", WIDTHS)
def test_quiz_settings_form(chromium, live_server, trainer, width):
    context, page = opened(chromium, live_server, trainer, width)
    page.goto(live_server.url + "/admin/reglages-quiz/")
    assert page.locator('a[href$="/reglages-quiz/new/"]').first.is_visible()
    check(page, f"quiz-settings-index-{width}")
    page.goto(live_server.url + "/admin/reglages-quiz/new/")
    assert page.get_by_role("heading", name="Nouveaux réglages de quiz").is_visible()
    check(page, f"quiz-settings-{width}")
    page_close(context, page)


@pytest.mark.parametrize("width", WIDTHS)
def test_editor_guide(chromium, live_server, trainer, width):
    context, page = opened(chromium, live_server, trainer, width)
    page.goto(live_server.url + "/admin/guide-redaction/")
    assert page.get_by_role("heading", name="Les blocs de la leçon").is_visible()
    assert page.get_by_role("heading", name="Quelle réponse publiez-vous ?").is_visible()
    check(page, f"editor-guide-{width}")
    page.locator("#quiz-blocks").scroll_into_view_if_needed()
    if folder := os.environ.get("ELUS2_SCREENSHOTS"):
        page.screenshot(path=f"{folder}/editor-guide-quiz-{width}.png")
    page_close(context, page)
