"""Every staff page under /suivi/ at 375 and 1280 px: the breadcrumb leads back to the cohort and
the cohort list, axe-core passes, nothing scrolls sideways. The cohort list shows progress and
who to follow up; the dashboard leads with them, « Filtrer » comes back to the members table,
and on a phone each member is a card that shows their progress."""

from __future__ import annotations

import datetime
import os

import pytest
from django.utils import timezone

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    page_close,
    page_open,
)
from tests.browser.test_staff_dashboard import log_in
from tests.factories.learning import learning_course_build
from tests.factories.reporting import cohort_create, member_add, progress_set, staff_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("ELUS2_TEST_SCREENSHOTS", "")


@pytest.fixture
def world(_site):
    now = timezone.now()
    built = learning_course_build(modules=2, lessons_per_module=2, fast=True)
    staff = staff_create(first_name="Léa", last_name="Durand")
    cohort = cohort_create(
        courses=[built.course], staff=[staff], name="Conseil de Saint-Aubin", stalled_after_days=7
    )
    people = {}
    for key, first, last, done, days in [
        ("alice", "Alice", "Dupont", 4, 1),
        ("bruno", "Bruno", "Durand", 2, 12),
        ("chloe", "Chloé", "Martin", 1, 2),
        ("david", "David", "Petit", 0, None),
    ]:
        person = member_add(
            cohort,
            first_name=first,
            last_name=last,
            email=f"{key}.{last.lower()}@saint-aubin-sur-loire.example.org",
            invited_at=now - datetime.timedelta(days=30),
        )
        progress_set(
            person,
            built.course,
            built.lessons,
            done=done,
            active_seconds=600 * done,
            last_activity_at=now - datetime.timedelta(days=days) if days else None,
            enrolled_at=now - datetime.timedelta(days=30),
        )
        people[key] = person
    return {"staff": staff, "cohort": cohort, "people": people}


def shot(page, name: str, width: int) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_every_staff_page(chromium, live_server, world, width):
    cohort, alice = world["cohort"], world["people"]["alice"]
    options = {"viewport": {"width": width, "height": 900}}
    if width < 400:
        options.update(is_mobile=True, has_touch=True)
    context, page = page_open(chromium, **options)
    try:
        log_in(page, live_server, world["staff"], "/suivi/")
        row = page.locator("table tbody tr").filter(has_text=cohort.name)
        assert "44\N{NO-BREAK SPACE}%" in row.inner_text()  # (100 + 50 + 25 + 0) / 4 = 43.75
        assert row.get_by_role("link", name="2 à relancer").count() == 1  # Bruno, David
        shot(page, "suivi", width)
        assert_no_horizontal_scroll(page)
        assert_accessible(page)

        base = f"/suivi/promotions/{cohort.pk}/"
        for name, tail in [
            ("dashboard", ""),
            ("membre", f"membres/{alice.pk}/"),
            ("attestation", f"membres/{alice.pk}/attestation/"),
            ("relances", "relances/"),
            ("liens-rapport", "liens-rapport/"),
            ("inviter", "inviter/"),
            ("invitations", "invitations/"),
            ("barometre", "barometre/"),
            ("attestations", "attestations/"),
            ("rapport", "rapport/"),
        ]:
            response = page.goto(f"{live_server.url}{base}{tail}")
            assert response.status == 200, tail
            crumbs = page.get_by_role("navigation", name="Fil d’Ariane")
            assert crumbs.get_by_role("link", name="Suivi des promotions").is_visible(), tail
            if tail:
                assert crumbs.get_by_role("link", name=cohort.name).is_visible(), tail
            shot(page, name, width)
            assert_no_horizontal_scroll(page)
            assert_accessible(page)
    finally:
        page_close(context, page)


@pytest.mark.parametrize("width", [375, 1280])
def test_dashboard_leads_with_who_to_follow_up(chromium, live_server, world, width):
    cohort = world["cohort"]
    options = {"viewport": {"width": width, "height": 900}}
    if width < 400:
        options.update(is_mobile=True, has_touch=True)
    context, page = page_open(chromium, **options)
    try:
        log_in(page, live_server, world["staff"], f"/suivi/promotions/{cohort.pk}/")
        follow_up = page.locator("section.follow-up")
        assert follow_up.get_by_role("heading", level=2).inner_text() == "2 membres à relancer"
        never = follow_up.locator(".follow-up__group").filter(has_text="Pas encore commencé")
        assert never.get_by_role("link").all_inner_texts() == ["David Petit"]
        quiet = follow_up.locator(".follow-up__group").filter(has_text="puis plus rien")
        assert quiet.get_by_role("link").all_inner_texts() == ["Bruno Durand"]
        # What staff act on comes before the charts.
        tops = page.evaluate(
            """() => ['.follow-up', '#membres', '#promotion-modules'].map(
                sel => document.querySelector(sel).getBoundingClientRect().top)"""
        )
        assert tops == sorted(tops), tops

        table = page.locator("table.learner-table")
        progress = table.locator("tbody tr").first.locator("td[data-label='Progression']")
        assert progress.is_visible() and progress.inner_text().endswith("%")
        box = progress.bounding_box()
        assert box["x"] + box["width"] <= width  # in sight, not scrolled away
        # An address wraps at most once, never letter by letter.
        lines = table.locator(".email").first.evaluate(
            """cell => {
                const range = document.createRange();
                range.selectNodeContents(cell);
                return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
            }"""
        )
        assert 1 <= lines <= 2, lines
        shot(page, "dashboard-top", width)

        page.get_by_label("Seulement les membres à relancer").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Filtrer").click()
        assert page.url.endswith("#membres")
        assert page.evaluate("window.scrollY") > 0
        assert page.locator("table.learner-table tbody th a").all_inner_texts() == [
            "Bruno Durand",
            "David Petit",
        ]
        shot(page, "dashboard-filtered", width)
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
    finally:
        page_close(context, page)
