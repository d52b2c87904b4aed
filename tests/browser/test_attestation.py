"""An official who finished a course opens its attestation from « Mon parcours » in Chromium,
on a phone: the print button works with the site's scripts, the printed page is the attestation
alone, and axe-core passes."""

from __future__ import annotations

import pytest

from courses.models import CompletionRule
from elus2.learning.services import enrolment_create, lesson_progress_complete
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.browser.test_staff_dashboard import log_in
from tests.factories.learning import learning_course_build
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_official_prints_the_attestation_of_a_finished_course(phone_page, live_server, _site):
    built = learning_course_build(modules=2, lessons_per_module=2, fast=True)
    official = UserFactory(first_name="Camille", last_name="Martin", collectivite="Saint-Aubin")
    enrolment_create(user=official, course=built.course)
    for lesson in built.lessons:
        lesson_progress_complete(user=official, lesson=lesson, source=CompletionRule.MARKED_DONE)

    page = phone_page
    log_in(page, live_server, official, "/parcours/")
    page.get_by_role("link", name=f"Attestation de formation : {built.course.title}").click()
    page.wait_for_url(f"**/parcours/attestations/{built.course.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Attestation de formation"
    button = page.get_by_role("button", name="Imprimer ou enregistrer en PDF")
    assert button.is_visible()  # shown by static/js/print-button.js, under the site's CSP
    page.evaluate("window.print = () => { window.printed = true; }")
    button.click()
    assert page.evaluate("window.printed") is True
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    page.emulate_media(media="print")
    assert page.locator(".attestation__name").inner_text() == "Camille Martin"
    assert page.locator(".attestation__name").is_visible()
    for hidden in (".site-header", ".site-footer", ".breadcrumb", "[data-print]"):
        assert page.locator(hidden).first.is_hidden(), hidden
