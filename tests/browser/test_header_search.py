"""The header at 375 and 1280 px, signed in: one line on a phone (the account folded under
« Compte »), the lesson search linked from it, and the search page styled: axe-core passes and
nothing scrolls sideways."""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    page_close,
    page_open,
)
from tests.browser.test_staff_dashboard import log_in
from tests.factories.reporting import staff_create
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("ELUS2_TEST_SCREENSHOTS", "")


def header_lines(page) -> int:
    """How many rows the header's items sit on (the brand and every visible nav item, by their
    vertical middle)."""
    return page.evaluate(
        """() => new Set([...document.querySelectorAll('.brand, .site-nav > ul > li')]
            .filter(item => item.offsetParent !== null)
            .map(item => {
                const box = item.getBoundingClientRect();
                return Math.round((box.top + box.bottom) / 20);
            })).size"""
    )


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("who", ["official", "staff"])
def test_header_fits_and_leads_to_the_search(chromium, live_server, catalogue, width, who):
    person = (
        staff_create(first_name="Marie-Claire", last_name="Delacroix-Fontaine")
        if who == "staff"
        else UserFactory(first_name="Marie-Claire", last_name="Delacroix-Fontaine")
    )
    options = {"viewport": {"width": width, "height": 800}}
    if width < 400:
        options.update(is_mobile=True, has_touch=True)
    context, page = page_open(chromium, **options)
    try:
        log_in(page, live_server, person, "/")
        if SCREENSHOTS:
            page.screenshot(path=f"{SCREENSHOTS}/header-{who}-{width}.png")
        # On a desktop a staff member's longer header may take two lines; a phone keeps to one.
        assert header_lines(page) == 1 or (who == "staff" and width > 400)
        header = page.locator("header")
        if width < 400:
            assert header.get_by_role("button", name="Se déconnecter").count() == 0
            header.get_by_text("Compte", exact=True).click()
            assert header.get_by_role("button", name="Se déconnecter").is_visible()
            assert header.get_by_role("link", name="Marie-Claire Delacroix-Fontaine").is_visible()
            if SCREENSHOTS:
                page.screenshot(path=f"{SCREENSHOTS}/header-menu-{who}-{width}.png")
            assert_no_horizontal_scroll(page)
            assert_accessible(page)
        else:
            assert header.get_by_role("button", name="Se déconnecter").is_visible()
        header.get_by_role("link", name="Rechercher").click()
        page.wait_for_url("**/recherche/")
        assert page.get_by_role("heading", level=1).inner_text() == "Rechercher une leçon"
        assert page.get_by_role("alert").count() == 0  # no error before a search
        page.get_by_label("Mots à rechercher").fill("élus")
        page.get_by_role("button", name="Rechercher", exact=True).click()
        page.wait_for_url("**/recherche/?q=*")
        if SCREENSHOTS:
            page.screenshot(path=f"{SCREENSHOTS}/search-{who}-{width}.png", full_page=True)
        assert header_lines(page) == 1 or (who == "staff" and width > 400)
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
    finally:
        page_close(context, page)
