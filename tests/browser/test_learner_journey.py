"""The demo official's journey in Chromium: log in by code, « Mon parcours », « Reprendre »,
complete lessons and watch the bar move, log out and in, and resume at the right lesson; the same
on a 375 px phone, and « J'ai terminé cette leçon » without JavaScript."""

from urllib.parse import urljoin

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from courses.models import CompletionRule
from courses.outline import course_outline
from courses.starter import starter_course_ensure
from elus2.learning.models import Enrolment, LessonProgress
from elus2.ops.demo import demo_accounts_ensure, demo_progress_ensure
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.mailbox import login_code_from_outbox

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

DEMO_EMAIL = "elu@example.org"
DONE_BUTTON = "J'ai terminé cette leçon"
WITHOUT_QUIZ = {CompletionRule.MARKED_DONE, CompletionRule.VIEWED}
MIN_TARGET = 44


@pytest.fixture
def course(catalogue):
    """The starter course, half done by the demo official (what `seed_demo` gives)."""
    course = starter_course_ensure()
    demo_accounts_ensure()
    demo_progress_ensure(course)
    return course


def enrolment_of(course) -> Enrolment:
    return Enrolment.objects.select_related("next_lesson").get(
        user__email=DEMO_EMAIL, course=course
    )


def lessons_to_complete(course, count: int, rules=WITHOUT_QUIZ):
    """The first lessons still to do that complete by these rules (no quiz engine yet)."""
    done = set(
        LessonProgress.objects.filter(
            enrolment=enrolment_of(course), completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    lessons = [
        lesson
        for lesson in course_outline(course_path=course.path).lessons
        if lesson.id not in done and lesson.completion_rule in rules
    ]
    assert len(lessons) >= count, f"the starter course has too few lessons left that are {rules}"
    return lessons[:count]


def absolute(live_server, url: str) -> str:
    return urljoin(live_server.url, url)


def checked(page, phone: bool) -> None:
    if phone:
        assert_no_horizontal_scroll(page)
    assert_accessible(page)


def assert_tall_enough(locator) -> None:
    box = locator.bounding_box()
    assert box and box["height"] >= MIN_TARGET, f"{locator} is {box and box['height']}px tall"


def log_in_by_code(page, live_server, phone: bool = False) -> None:
    page.goto(live_server.url + "/accounts/login/")
    checked(page, phone)
    page.get_by_label("Adresse e-mail").first.fill(DEMO_EMAIL)
    page.get_by_role("button", name="Recevoir un code").click()
    page.wait_for_url("**/accounts/login/code/confirm/")
    checked(page, phone)
    page.get_by_label("Code").fill(login_code_from_outbox(DEMO_EMAIL))
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_url(absolute(live_server, settings.LOGIN_REDIRECT_URL))
    assert page.get_by_role("heading", level=1).inner_text() == "Mon parcours"
    checked(page, phone)


def log_out(page, live_server) -> None:
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Se déconnecter").click()
    if "/accounts/logout/" in page.url:  # allauth's confirmation page, if it shows one
        with page.expect_navigation():
            page.locator("main").get_by_role("button", name="Se déconnecter").click()
    assert page.locator("header").get_by_role("link", name="Se connecter").count()


def outline_of(page):
    return page.get_by_role("navigation", name="Programme de la formation")


def shown_percent(scope) -> int:
    """The course progress shown in this part of a page: the bar's value, which the text repeats."""
    bar = scope.locator("progress")
    value = int(bar.get_attribute("value"))
    assert f"{value}\N{NO-BREAK SPACE}%" in bar.locator("xpath=..").inner_text()
    return value


def resume(page, live_server, course, phone: bool = False) -> int:
    """On « Mon parcours »: the course is in progress; « Reprendre » opens the next lesson to do
    per the database. Returns the percent « Mon parcours » showed."""
    enrolment = enrolment_of(course)
    card = page.locator(".course-card").filter(has_text=course.title)
    percent = shown_percent(card)
    assert percent == enrolment.percent
    assert 0 < percent < 100
    reprendre = card.get_by_role("link", name="Reprendre")
    if phone:
        assert_tall_enough(reprendre)
    reprendre.click()
    page.wait_for_url(absolute(live_server, enrolment.next_lesson.url))
    assert page.url == absolute(live_server, enrolment.next_lesson.url)
    checked(page, phone)
    return percent


def open_from_outline(page, live_server, lesson, phone: bool = False) -> None:
    if page.url == absolute(live_server, lesson.url):
        return
    outline_of(page).get_by_role("link", name=lesson.title, exact=True).click()
    page.wait_for_url(absolute(live_server, lesson.url))
    checked(page, phone)


def complete(page, live_server, course, lesson, before: int, phone: bool = False) -> int:
    """Complete one lesson through the page; the progress shown goes up. Returns the new percent."""
    open_from_outline(page, live_server, lesson, phone)
    if lesson.completion_rule == CompletionRule.MARKED_DONE:
        assert shown_percent(outline_of(page)) == before
        button = page.get_by_role("button", name=DONE_BUTTON)
        if phone:
            assert_tall_enough(button)
        with page.expect_navigation():
            button.click()
        checked(page, phone)
    # A "viewed" lesson completed as it opened: its page already shows the new figures.
    assert LessonProgress.objects.get(
        enrolment=enrolment_of(course), lesson_id=lesson.id
    ).completed_at
    after = shown_percent(outline_of(page))
    assert after > before
    assert after == enrolment_of(course).percent
    state = (
        outline_of(page)
        .locator("li.outline__lesson")
        .filter(has=page.get_by_role("link", name=lesson.title, exact=True))
    )
    assert "terminée" in state.inner_text()
    return after


def test_demo_official_resumes_where_they_left_off(page, live_server, course):
    log_in_by_code(page, live_server)
    percent = resume(page, live_server, course)

    for lesson in lessons_to_complete(course, 2):
        percent = complete(page, live_server, course, lesson, percent)

    log_out(page, live_server)
    log_in_by_code(page, live_server)
    assert resume(page, live_server, course) == percent


def test_demo_official_on_a_phone(phone_page, live_server, course):
    log_in_by_code(phone_page, live_server, phone=True)
    percent = resume(phone_page, live_server, course, phone=True)
    [marked_done] = lessons_to_complete(course, 1, {CompletionRule.MARKED_DONE})
    complete(phone_page, live_server, course, marked_done, percent, phone=True)


def test_done_button_works_without_javascript(chromium, live_server, course):
    context = chromium.new_context(locale="fr-FR", java_script_enabled=False)
    try:
        client = Client()
        client.force_login(get_user_model().objects.get(email=DEMO_EMAIL))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(15_000)
        [lesson] = lessons_to_complete(course, 1, {CompletionRule.MARKED_DONE})
        page.goto(absolute(live_server, lesson.url))
        with page.expect_navigation():
            page.get_by_role("button", name=DONE_BUTTON).click()
        assert LessonProgress.objects.get(
            enrolment=enrolment_of(course), lesson_id=lesson.id
        ).completed_at
        page.goto(absolute(live_server, lesson.url))
        assert page.get_by_role("status").filter(has_text="Leçon terminée").count()
        assert page.get_by_role("button", name=DONE_BUTTON).count() == 0
    finally:
        context.close()
