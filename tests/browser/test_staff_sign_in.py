"""A trainer with a second factor signs in as a person would, from Wagtail's own login address:
allauth's login, then the TOTP code, then the admin; a session that skipped the factor is asked
for it. Both widths, axe-checked, with screenshots kept under var/screens/ to look at."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    page_close,
    page_open_at,
    screenshot,
)
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECRET = "JBSWY3DPEHPK3PXP"


def _password_login(page, email: str, password: str) -> None:
    page.get_by_text("Se connecter avec un mot de passe").click()
    form = page.locator("details.auth-alt")
    form.get_by_label("Adresse e-mail").fill(email)
    form.get_by_label("Mot de passe").fill(password)
    form.get_by_role("button", name="Se connecter").click()


def _check(page, name: str) -> None:
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    screenshot(page, name)


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_a_trainer_signs_in_through_wagtails_address_with_the_second_factor(
    chromium, live_server, width, settings
):
    settings.ELUS2_MFA_REQUIRED = True
    trainer = UserFactory(email="formatrice@example.org", first_name="Claire")
    trainer.groups.add(Group.objects.get_or_create(name="Formateur")[0])
    TOTP.activate(trainer, SECRET)
    context, page = page_open_at(chromium, width)
    page.goto(live_server.url + "/admin/login/?next=/admin/pages/")
    page.wait_for_url("**/accounts/login/**")
    _check(page, f"staff-login-{width}")
    _password_login(page, "formatrice@example.org", "motdepasse-de-test")
    page.wait_for_url("**/accounts/2fa/authenticate/")
    _check(page, f"staff-second-factor-{width}")
    page.get_by_label("Code").fill(format_hotp_value(hotp_value(SECRET, int(time.time()) // 30)))
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    screenshot(page, f"staff-after-code-{width}")
    assert "/admin/pages/" in page.url, page.url
    page_close(context, page)


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_bad_address_page(chromium, live_server, width):
    from wagtail.models import Workflow

    UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    workflow = Workflow.objects.create(name="Validation des formations")
    page_url = f"/admin/workflows/edit/{workflow.pk}/"
    context, page = page_open_at(chromium, width)
    page.goto(live_server.url + "/accounts/login/")
    _password_login(page, "root@example.org", "motdepasse-de-test")
    page.wait_for_load_state()
    # Wagtail reads ?p= as a page number without checking it (ValueError) on both databases.
    response = page.goto(live_server.url + page_url + "?p=deux")
    assert response.status == 400
    assert page.get_by_role("heading", level=1).inner_text() == "Adresse incorrecte"
    _check(page, f"bad-address-{width}")
    page.get_by_role("link", name="Ouvrir la page sans ces paramètres").click()
    page.wait_for_url(f"**{page_url}")
    page_close(context, page)


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_a_session_without_the_factor_is_asked_for_it(chromium, live_server, width, settings):
    """A session made without the factor (here by Django's test login, standing for any way
    in that skipped it) is asked for the code before any staff page, then goes on."""
    from django.test import Client

    settings.ELUS2_MFA_REQUIRED = True
    trainer = UserFactory(email="formateur@example.org")
    trainer.groups.add(Group.objects.get_or_create(name="Formateur")[0])
    TOTP.activate(trainer, SECRET)
    client = Client()
    client.force_login(trainer)
    context, page = page_open_at(chromium, width)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(live_server.url + "/admin/")
    page.wait_for_url("**/accounts/2fa/reauthenticate/**")
    _check(page, f"staff-reauthenticate-{width}")
    page.get_by_label("Code").fill(format_hotp_value(hotp_value(SECRET, int(time.time()) // 30)))
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith("/admin"), page.url
    page_close(context, page)
