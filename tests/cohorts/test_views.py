"""Staff pages under /suivi/: scoping on every URL, invitations, report links."""

from __future__ import annotations

import html
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse

from elus2.cohorts import urls as cohort_urls
from elus2.cohorts.models import Membership, ReportShare
from elus2.cohorts.parsing import MAX_SOURCE_BYTES
from elus2.cohorts.selectors import report_share_resolve
from tests.factories.cohorts import (
    CohortFactory,
    agency_admin_create,
    report_share_make,
    staff_create,
)
from tests.factories.learning import client_for, learning_course_build
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


def all_patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from all_patterns(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern):
            yield pattern


@pytest.fixture
def course():
    return learning_course_build(modules=1, lessons_per_module=2, fast=True).course


@pytest.fixture
def cohort(course):
    return CohortFactory(courses=[course])


@pytest.fixture
def other_cohort(course):
    return CohortFactory(courses=[course])


@pytest.fixture
def staff(cohort):
    return staff_create(cohorts=[cohort])


@pytest.fixture
def staff_client(staff):
    return client_for(staff)


def urls_for(cohort) -> list[str]:
    """Every URL of the cohorts app, filled in for `cohort` (a share of it for share ids), so a
    URL added later is covered without touching this test."""
    share = report_share_make(cohort)
    values = {"cohort_id": cohort.pk, "share_id": share.pk, "user_id": UserFactory().pk}
    urls = []
    for pattern in all_patterns(cohort_urls.urlpatterns):
        kwargs = {name: values[name] for name in pattern.pattern.converters}
        urls.append(reverse(f"cohorts:{pattern.name}", kwargs=kwargs))
    assert len(urls) == len(cohort_urls.urlpatterns) >= 3
    return urls


def test_staff_of_another_cohort_gets_404_on_every_url(staff_client, other_cohort):
    for url in urls_for(other_cohort):
        assert staff_client.get(url).status_code in (404, 405), url
        assert staff_client.post(url, {"days": 3, "text": "a@example.org"}).status_code == 404, url
    assert not Membership.objects.exists()
    assert ReportShare.objects.filter(revoked_at__isnull=False).count() == 0
    assert ReportShare.objects.count() == 1


def test_officials_get_404_and_anonymous_visitors_the_login_page(cohort):
    official = client_for(UserFactory())
    anonymous = Client()
    for url in urls_for(cohort):
        assert official.get(url).status_code in (404, 405), url
        assert official.post(url).status_code == 404, url
        response = anonymous.post(url)
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_assigned_staff_and_agency_admins_open_the_pages(staff_client, cohort):
    admin = client_for(agency_admin_create())
    for client in (staff_client, admin):
        for name in ("invite", "invitations", "report_links"):
            response = client.get(reverse(f"cohorts:{name}", args=[cohort.pk]))
            assert response.status_code == 200
            assert cohort.name in text(response)
            assert "<h1>" in response.content.decode()


# --- Invitations ----------------------------------------------------------------------------------


def invite_url(cohort) -> str:
    return reverse("cohorts:invite", args=[cohort.pk])


def test_pasted_list_invites_and_reports_bad_lines_by_number(
    staff_client, cohort, django_capture_on_commit_callbacks
):
    typed = "anne@example.org, Anne, Leroy, maire\nfaux\nanne@example.org\nbob@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(invite_url(cohort), {"text": typed})
    assert response.status_code == 200
    page = text(response)
    assert "2 personnes ajoutées" in page
    assert "0 déjà membre" in page
    assert "2 lignes refusées" in page
    assert re.search(r"<td>2</td><td[^>]*>faux</td>", page)
    assert re.search(r"<td>3</td>.*déjà présente ligne 1", page, re.S)
    # The refused lines come back in the textarea, ready to fix.
    assert re.search(r"<textarea[^>]*>faux\nanne@example.org</textarea>", page)
    assert len(mail.outbox) == 2
    assert Membership.objects.filter(cohort=cohort).count() == 2


def test_same_file_twice_gives_the_same_result_and_one_email_each(
    staff_client, cohort, django_capture_on_commit_callbacks
):
    data = "\ufeffemail;prenom;nom;mandat\r\na@example.org;A;A;Maire\r\nb@example.org;B;B;Astronaute\r\n"
    for attempt in range(2):
        upload = SimpleUploadedFile("liste.csv", data.encode(), content_type="text/csv")
        with django_capture_on_commit_callbacks(execute=True):
            response = staff_client.post(invite_url(cohort), {"file": upload})
        page = text(response)
        assert "1 ligne refusée" in page and "Mandat inconnu : « Astronaute »" in page
        if attempt == 0:
            assert "1 personne ajoutée" in page
        else:
            assert re.search(r"\b0 personnes? ajoutées?", page) and "1 déjà membre" in page
    assert [message.to for message in mail.outbox] == [["a@example.org"]]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "vide"),
        (b"PK\x03\x04\x00\x00\x00xlsx", "pas un fichier texte"),
        (b"x@example.org\n" * (MAX_SOURCE_BYTES // 14 + 10), "trop volumineux"),
    ],
)
def test_bad_files_are_refused_with_a_message_and_nothing_imported(
    staff_client, cohort, data, expected
):
    upload = SimpleUploadedFile("liste.csv", data, content_type="text/csv")
    response = staff_client.post(invite_url(cohort), {"file": upload})
    assert response.status_code == 400
    page = text(response)
    assert expected in page or (expected == "vide" and "est vide" in page)
    assert "Rien n'a été importé" in page
    assert not Membership.objects.exists()


def test_typed_text_is_kept_when_the_form_is_refused(staff_client, cohort):
    typed = "anne@example.org, Anne\nbob@example.org"
    upload = SimpleUploadedFile("liste.csv", b"c@example.org", content_type="text/csv")
    response = staff_client.post(invite_url(cohort), {"text": typed, "file": upload})
    assert response.status_code == 400
    assert "pas les deux à la fois" in text(response)
    assert typed in text(response)
    response = staff_client.post(invite_url(cohort), {"text": "   "})
    assert response.status_code == 400 and "au moins une adresse" in text(response)
    assert not Membership.objects.exists()


def test_posting_without_csrf_token_is_refused(staff, cohort):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(invite_url(cohort), {"text": "a@example.org"}).status_code == 403
    assert not Membership.objects.exists()


# --- Report links ---------------------------------------------------------------------------------


def test_create_list_and_revoke_a_report_link(staff_client, staff, cohort):
    url = reverse("cohorts:report_links", args=[cohort.pk])
    response = staff_client.post(url, {"days": "10"}, follow=True)
    share = ReportShare.objects.get(cohort=cohort)
    assert share.created_by == staff
    page = text(response)
    assert "Lien créé" in page and "/rapport/" in page
    token = re.search(r"/rapport/([^/\s<]+)/", page).group(1)
    assert report_share_resolve(token=token) == share
    assert "actif" in page
    response = staff_client.post(
        reverse("cohorts:report_link_revoke", args=[cohort.pk, share.pk]), follow=True
    )
    assert "révoqué" in text(response)
    share.refresh_from_db()
    assert share.revoked_at is not None and share.revoked_by == staff
    response = staff_client.post(
        reverse("cohorts:report_link_revoke", args=[cohort.pk, share.pk]), follow=True
    )
    assert "déjà révoqué" in text(response)


def test_a_share_of_another_cohort_cannot_be_revoked_through_ones_own(
    staff_client, cohort, other_cohort
):
    share = report_share_make(other_cohort)
    response = staff_client.post(reverse("cohorts:report_link_revoke", args=[cohort.pk, share.pk]))
    assert response.status_code == 404
    share.refresh_from_db()
    assert share.revoked_at is None


@pytest.mark.parametrize("days", ["", "0", "400", "abc"])
def test_invalid_validity_is_refused_with_a_message(staff_client, cohort, days):
    response = staff_client.post(reverse("cohorts:report_links", args=[cohort.pk]), {"days": days})
    assert response.status_code == 400
    assert "n'a pas été créé" in text(response)
    assert not ReportShare.objects.exists()


def test_revoke_needs_a_post(staff_client, cohort):
    share = report_share_make(cohort)
    response = staff_client.get(reverse("cohorts:report_link_revoke", args=[cohort.pk, share.pk]))
    assert response.status_code == 405
