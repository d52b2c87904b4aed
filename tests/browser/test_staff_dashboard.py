"""A chargé·e de suivi in Chromium: logs in with a password, opens the cohort dashboard, keeps
only the learners to chase up, opens one, downloads the CSV; axe-core passes on every page, and
the dashboard fits a 375 px phone. The invitations page, at 375 and 1280 px, shows each member's
invitation and resends a failed one."""

from __future__ import annotations

import csv
import datetime
import io
import os
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.factories.learning import learning_course_build
from tests.factories.reporting import (
    attempt_add,
    cohort_create,
    member_add,
    progress_set,
    staff_create,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "motdepasse-de-test"  # tests/factories/users.py
# A folder for the pages' screenshots, to look at them (unset: none are taken).
SCREENSHOTS = os.environ.get("ELUS2_TEST_SCREENSHOTS", "")


@pytest.fixture
def cohort_world(_site):
    now = timezone.now()
    built = learning_course_build(modules=2, lessons_per_module=2, fast=True)
    staff = staff_create(first_name="Léa", last_name="Durand")
    cohort = cohort_create(
        courses=[built.course], staff=[staff], name="Conseil de Saint-Aubin", stalled_after_days=7
    )
    cohort_create(courses=[built.course], name="Une autre promotion")
    people = {}
    for key, first, last, done, days in [
        ("alice", "Alice", "Dupont", 4, 1),
        ("bruno", "Bruno", "Durand", 2, 12),
        ("chloe", "Chloé", "Martin", 1, 20),
        ("david", "David", "Petit", 3, 2),
    ]:
        person = member_add(cohort, first_name=first, last_name=last, email=f"{key}@example.org")
        progress_set(
            person,
            built.course,
            built.lessons,
            done=done,
            active_seconds=600 * done,
            last_activity_at=now - datetime.timedelta(days=days),
        )
        people[key] = person
    attempt_add(people["alice"], built.lessons[1], 90)
    attempt_add(people["bruno"], built.lessons[1], 60)
    return {"staff": staff, "cohort": cohort, "people": people}


def log_in(page, live_server, user, next_url: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    page.get_by_text("Se connecter avec un mot de passe").click()
    form = page.locator("details.auth-alt form")
    form.get_by_label("Adresse e-mail").fill(user.email)
    form.get_by_label("Mot de passe").fill(password)
    form.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**{next_url}")


def learner_names(page) -> list[str]:
    return page.locator("table.learner-table tbody th a").all_inner_texts()


def test_staff_member_follows_their_cohort(page, live_server, cohort_world):
    cohort = cohort_world["cohort"]
    log_in(page, live_server, cohort_world["staff"], "/suivi/")
    assert page.get_by_role("heading", level=1).inner_text() == "Suivi des promotions"
    assert page.get_by_role("link", name="Une autre promotion").count() == 0
    assert_accessible(page)

    page.get_by_role("link", name=cohort.name).click()
    page.wait_for_url(f"**/suivi/promotions/{cohort.pk}/")
    assert page.get_by_role("img", name="Membres ayant terminé chaque module").count() == 1
    assert learner_names(page) == ["Alice Dupont", "Bruno Durand", "Chloé Martin", "David Petit"]
    assert_accessible(page)

    # Chase up whoever has been silent for ten days or more.
    page.get_by_label("Sans activité depuis (jours)").fill("10")
    page.get_by_label("Seulement les membres à relancer").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    assert learner_names(page) == ["Bruno Durand", "Chloé Martin"]
    assert page.get_by_role("status").filter(has_text="2 membres").count() == 1
    assert_accessible(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV (membres)").click()
    download = info.value
    assert download.suggested_filename.endswith("-apprenants.csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert header[0] == "Nom"
    assert [(row[1], row[0], row[10]) for row in rows] == [
        ("Bruno", "Durand", "oui"),
        ("Chloé", "Martin", "oui"),
    ]

    page.locator("table.learner-table").get_by_role("link", name="Chloé Martin").click()
    page.wait_for_url(f"**/membres/{cohort_world['people']['chloe'].pk}/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Chloé Martin"
    assert page.get_by_text("25\N{NO-BREAK SPACE}% · 1 leçon sur 4").count() == 1
    assert_accessible(page)

    page.get_by_role("link", name=cohort.name).click()
    page.wait_for_url(f"**/suivi/promotions/{cohort.pk}/**")
    page.get_by_role("link", name="Rapport client").click()
    page.wait_for_url(f"**/suivi/promotions/{cohort.pk}/rapport/")
    assert "Alice" not in page.locator("main").inner_text()
    assert_accessible(page)
    page.emulate_media(media="print")
    assert page.locator(".breadcrumb").is_hidden()
    assert page.get_by_role("img", name="Membres ayant terminé chaque module").is_visible()


def test_dashboard_on_a_phone(phone_page, live_server, cohort_world):
    cohort = cohort_world["cohort"]
    log_in(phone_page, live_server, cohort_world["staff"], f"/suivi/promotions/{cohort.pk}/")
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    # Every other staff page of the cohort fits too: wide tables scroll inside their box.
    alice = cohort_world["people"]["alice"]
    for tail in (
        "relances/",
        "inviter/",
        "invitations/",
        "liens-rapport/",
        "rapport/",
        "barometre/",
        "attestations/",
        f"membres/{alice.pk}/",
        f"membres/{alice.pk}/attestation/",
    ):
        response = phone_page.goto(f"{live_server.url}/suivi/promotions/{cohort.pk}/{tail}")
        assert response.status == 200, tail
        assert_no_horizontal_scroll(phone_page)


def test_demo_staff_member_on_the_demo_data(page, live_server, catalogue):
    """What `make run` shows: suivi@example.org sees the first demo cohort only, its stalled
    learners, one learner's page and the CSV of the same rows."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from elus2.cohorts.models import Cohort
    from elus2.ops.demo import DEMO_PASSWORD

    call_command("seed_demo", stdout=io.StringIO())
    staff = get_user_model().objects.get(email="suivi@example.org")
    mine, other = Cohort.objects.order_by("name")
    if not mine.staff.filter(pk=staff.pk).exists():
        mine, other = other, mine
    log_in(page, live_server, staff, "/suivi/", password=DEMO_PASSWORD)
    assert page.get_by_role("link", name=mine.name).count() == 1
    assert page.get_by_role("link", name=other.name).count() == 0
    assert_accessible(page)

    page.get_by_role("link", name=mine.name).click()
    page.wait_for_url(f"**/suivi/promotions/{mine.pk}/")
    assert len(learner_names(page)) == 30
    # On a desktop screen each table beside its chart shows every column, without a scroll bar
    # (the starter course's module titles are long).
    widths = page.locator(".chart-pair .table-box").evaluate_all(
        "boxes => boxes.map(box => [box.scrollWidth, box.clientWidth])"
    )
    assert len(widths) == 2 and all(scroll <= client for scroll, client in widths), widths
    assert_accessible(page)
    page.get_by_label("Seulement les membres à relancer").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    stalled = learner_names(page)
    assert 0 < len(stalled) < 30
    assert_accessible(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV (membres)").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    _header, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [f"{row[1]} {row[0]}" for row in rows] == stalled

    page.locator("table.learner-table").get_by_role("link", name=stalled[0]).click()
    page.wait_for_url("**/membres/**")
    assert page.get_by_role("heading", level=1).inner_text() == stalled[0]
    assert_accessible(page)
    page.goto(f"{live_server.url}/suivi/promotions/{mine.pk}/")
    page.get_by_role("link", name="Baromètre avant / après").click()
    page.wait_for_url("**/barometre/")
    assert "avant / après" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)
    page.goto(f"{live_server.url}/suivi/promotions/{mine.pk}/")
    page.get_by_role("link", name="Attestations").click()
    page.wait_for_url("**/attestations/**")
    assert page.locator(".attestation").count() > 0
    assert page.get_by_role("button", name="Imprimer ou enregistrer en PDF").is_visible()
    assert_accessible(page)
    page.emulate_media(media="print")
    assert page.locator(".attestation").first.is_visible()
    assert page.get_by_role("heading", level=1).is_hidden()
    page.emulate_media(media="screen")
    refused = page.goto(f"{live_server.url}/suivi/promotions/{other.pk}/")
    assert refused.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page introuvable"


def invitations_in_every_state(cohort_world) -> None:
    from elus2.cohorts.models import Invitation
    from elus2.outbox.models import FailureCategory, OutboxStatus

    people, cohort = cohort_world["people"], cohort_world["cohort"]
    now = timezone.now()
    for key, fields in {
        "alice": {"status": OutboxStatus.SENT, "sent_at": now, "attempts": 1},
        "bruno": {
            "status": OutboxStatus.FAILED,
            "failure": FailureCategory.RECIPIENT_REFUSED,
            "attempts": 1,
        },
        "chloe": {
            "status": OutboxStatus.PENDING,
            "failure": FailureCategory.TEMPORARY,
            "send_after": now + datetime.timedelta(minutes=2),
            "attempts": 1,
        },
    }.items():  # david: a member from before invitations were kept
        Invitation.objects.create(cohort=cohort, user=people[key], **fields)


@pytest.mark.parametrize("width", [375, 1280])
def test_invitations_page_fits_and_resends(chromium, live_server, cohort_world, width):
    from tests.browser.conftest import page_close, page_open

    invitations_in_every_state(cohort_world)
    cohort = cohort_world["cohort"]
    options = {"viewport": {"width": width, "height": 900}}
    if width < 400:
        options.update(is_mobile=True, has_touch=True)
    context, page = page_open(chromium, **options)
    try:
        url = f"/suivi/promotions/{cohort.pk}/invitations/"
        log_in(page, live_server, cohort_world["staff"], url)
        if SCREENSHOTS:
            page.screenshot(path=f"{SCREENSHOTS}/invitations-{width}.png", full_page=True)
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
        rows = page.locator("table tbody tr").all_inner_texts()
        assert "Adresse refusée par le serveur de messagerie" in rows[0]  # failures first
        assert "Nouvel essai prévu" in rows[1]
        assert "Aucune invitation enregistrée" in rows[2] and "Envoyée" in rows[3]
        page.get_by_role("button", name="Renvoyer l'invitation à bruno@example.org").click()
        page.wait_for_url(f"**{url}?page=1")
        assert "L'invitation va être renvoyée" in page.locator("body").inner_text()
        assert_no_horizontal_scroll(page)
    finally:
        page_close(context, page)
