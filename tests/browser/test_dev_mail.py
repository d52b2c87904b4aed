"""/dev/mail/ for a signed-in person who is not a superuser: a 403 page that says why, at phone
and desktop widths, instead of a loop through the login page."""

import os

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.factories.users import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_dev_mail_refuses_a_signed_in_non_superuser(width, page, phone_page, live_server):
    tab = phone_page if width == "phone" else page
    sign_in(tab, live_server, UserFactory(first_name="Sam", last_name="Suivi"))
    response = tab.goto(live_server.url + "/dev/mail/")
    assert response.status == 403
    assert tab.url == live_server.url + "/dev/mail/"  # no trip through the login page
    assert tab.get_by_role("heading", level=1).inner_text() == "Accès refusé"
    assert "réservés aux superutilisateurs" in tab.locator("main").inner_text()
    if shots := os.environ.get("ELUS2_SCREENSHOTS"):
        tab.screenshot(path=f"{shots}/dev-mail-403-{width}.png", full_page=True)
    assert_no_horizontal_scroll(tab)
    assert_accessible(tab)
