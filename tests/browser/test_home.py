import pytest

from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.factories.users import UserFactory
from tests.mailbox import login_code_from_outbox

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_home_page_in_french(page, live_server):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Les élus locaux et le web social"
    assert_accessible(page)


def test_home_page_in_english_through_the_switcher(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Local elected officials and the social web"
    )
    assert_accessible(page)


def test_home_page_on_a_phone(phone_page, live_server):
    phone_page.goto(live_server.url + "/")
    assert_no_horizontal_scroll(phone_page)
    box = phone_page.get_by_role("link", name="Se connecter").first.bounding_box()
    assert box["height"] >= 44
    assert_accessible(phone_page)


def test_skip_link_is_visible_on_focus(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0


def test_login_by_code_end_to_end(page, live_server):
    UserFactory(email="navigateur@example.org", first_name="Nadia", last_name="Lefèvre")
    page.goto(live_server.url + "/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Adresse e-mail").first.fill("navigateur@example.org")
    page.get_by_role("button", name="Recevoir un code").click()
    page.wait_for_url("**/accounts/login/code/confirm/")
    assert_accessible(page)
    page.get_by_label("Code").fill(login_code_from_outbox("navigateur@example.org"))
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_load_state()
    assert "Nadia Lefèvre" in page.locator("header").inner_text()
    assert_accessible(page)
