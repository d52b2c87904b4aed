"""An anonymous visitor opens a certificate's verification link (the QR code's) on a phone and
on a desktop: the facts and the state read clearly, axe clean, no sideways scroll. Screenshots
under var/screens/ to look at."""

import pytest

from elus2.evidence.services import certificate_revoke
from elus2.learning.services import enrolment_create, lesson_progress_complete
from elus2.reporting.certificates import certificate_obtain
from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    page_close,
    page_open_at,
    screenshot,
)
from tests.factories.learning import learner_create, learning_course_build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_an_anonymous_visitor_checks_a_certificate(chromium, live_server, width):
    built = learning_course_build(modules=2, lessons_per_module=2, minutes=[30, 40, 20, 15])
    official = learner_create(first_name="Marie-Hélène", last_name="Delacroix-Fontaine")
    enrolment_create(user=official, course=built.course)
    for lesson in built.lessons:
        lesson_progress_complete(user=official, lesson=lesson, source=lesson.completion_rule)
    certificate = certificate_obtain(user_id=official.pk, course_id=built.course.pk, by_id=None)
    context, page = page_open_at(chromium, width)

    page.goto(f"{live_server.url}/verifier/{certificate.code}/")
    assert page.locator("[data-status=valid]").inner_text() == "Ce certificat est valable."
    assert "Marie-Hélène Delacroix-Fontaine" in page.content()
    assert official.email not in page.content()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    screenshot(page, f"certificate-valid-{width}")

    certificate_revoke(certificate=certificate, reason="Erreur sur les dates", by_id=None)
    page.reload()
    assert "a été révoqué le" in page.locator("[data-status=revoked]").inner_text()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    screenshot(page, f"certificate-revoked-{width}")

    response = page.goto(f"{live_server.url}/verifier/inconnu/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Aucun certificat ne correspond à ce lien"
    )
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    screenshot(page, f"certificate-unknown-{width}")
    page_close(context, page)
