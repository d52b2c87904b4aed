"""The « certificat de réalisation »: the PDF states every field of the Ministry of Labour's model
(read back with pypdf), its QR code is the verification URL's, the public page shows the
essential facts and the state (valid, revoked, unknown), and only the official and the staff of
their cohorts can fetch it."""

from __future__ import annotations

import datetime
import io
import re

import pytest
import segno
import time_machine
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from elus2.evidence.models import Certificate
from elus2.evidence.services import certificate_revoke
from elus2.learning.models import Enrolment, EnrolmentStatus
from elus2.learning.services import enrolment_create, lesson_progress_complete
from elus2.reporting.certificates import (
    QR_BORDER,
    QR_SCALE,
    certificate_obtain,
    certificate_pdf,
    verification_url,
)
from tests.factories.learning import client_for, learner_create, learning_course_build
from tests.factories.reporting import cohort_create, member_add, staff_create
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

PARIS_NOON = datetime.timezone(datetime.timedelta(hours=1))


@pytest.fixture(autouse=True)
def provider(settings):
    settings.ELUS2_PROVIDER_NAME = "Agence Élus Connectés"
    settings.ELUS2_PROVIDER_SIRET = "12345678900012"
    settings.ELUS2_PROVIDER_NDA = "11 75 54321 75"
    settings.ELUS2_PROVIDER_ADDRESS = "3 place de la Mairie, 45000 Orléans"
    settings.ELUS2_PROVIDER_SIGNATORY = "Dominique Durand, gérante"
    settings.SITE_URL = "https://formation.example.org"


@pytest.fixture
def built():
    # Planned minutes 30, 40 | 20, 15: 105 in all.
    return learning_course_build(modules=2, lessons_per_module=2, minutes=[30, 40, 20, 15])


def complete(user, built, lessons=None):
    """Lessons done on 2 March (the first) and 20 March 2026 (the others)."""
    lessons = built.lessons if lessons is None else lessons
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, tzinfo=PARIS_NOON)):
        enrolment_create(user=user, course=built.course)
        first = lessons[0]
        lesson_progress_complete(user=user, lesson=first, source=first.completion_rule)
    with time_machine.travel(datetime.datetime(2026, 3, 20, 15, tzinfo=PARIS_NOON)):
        for lesson in lessons[1:]:
            lesson_progress_complete(user=user, lesson=lesson, source=lesson.completion_rule)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_pdf_states_every_field_of_the_model(built):
    official = learner_create(first_name="Camille", last_name="Martin")
    # Three lessons proved by the ledger; the last marked done behind the services' back (a
    # completion from before the ledger): it counts for the attestation, not for the taux.
    complete(official, built, built.lessons[:3])
    Enrolment.objects.filter(user=official).update(
        status=EnrolmentStatus.COMPLETED,
        completed_at=datetime.datetime(2026, 3, 21, 9, tzinfo=PARIS_NOON),
        lessons_completed=4,
        percent=100,
    )
    certificate = certificate_obtain(user_id=official.pk, course_id=built.course.pk, by_id=None)
    content = certificate_pdf(certificate)
    assert len(PdfReader(io.BytesIO(content)).pages) == 1
    text = flat(pdf_text(content))
    assert "CERTIFICAT DE RÉALISATION" in text
    assert f"n° {certificate.number}" in text and re.fullmatch(r"\d{4}-00001", certificate.number)
    for provider_fact in (
        "Agence Élus Connectés",
        "SIRET : 12345678900012",
        "11 75 54321 75",
        "3 place de la Mairie, 45000 Orléans",
        "Dominique Durand, gérante",
    ):
        assert provider_fact in text
    assert "Camille Martin" in text
    assert built.course.title in text
    assert "Nature de l'action X Action de formation" in text
    assert "Formation à distance" in text
    # Dates of the ledger: first fact, last completion proved (not the enrolment's 21 March).
    assert "du 2 mars 2026 au 20 mars 2026" in text
    # 30 + 40 + 20 = 90 min proved of 105: 1 h 30, and 85.71… → 86 %.
    assert "Durée réalisée 1 h 30 (sur une durée prévue de 105 minutes)" in text
    assert "Taux de réalisation 86 %" in text
    assert "Cachet et signature" in text
    assert verification_url(certificate) in re.sub(r"\s+", "", text)
    assert official.email not in text


def test_the_qr_code_is_the_verification_urls(built):
    official = learner_create(first_name="Camille", last_name="Martin")
    complete(official, built)
    certificate = certificate_obtain(user_id=official.pk, course_id=built.course.pk, by_id=None)
    url = verification_url(certificate)
    assert url == f"https://formation.example.org/verifier/{certificate.code}/"
    page = PdfReader(io.BytesIO(certificate_pdf(certificate))).pages[0]
    assert url in re.sub(r"\s+", "", page.extract_text())
    (image,) = page.images
    picture = image.image.convert("L")
    expected = segno.make_qr(url, error="m").matrix
    side = (len(expected) + 2 * QR_BORDER) * QR_SCALE
    assert picture.size == (side, side)

    def dark(row: int, column: int) -> bool:
        x = (column + QR_BORDER) * QR_SCALE + QR_SCALE // 2
        y = (row + QR_BORDER) * QR_SCALE + QR_SCALE // 2
        return picture.getpixel((x, y)) < 128

    read = [[dark(r, c) for c in range(len(expected))] for r in range(len(expected))]
    assert read == [[bool(module) for module in row] for row in expected]
    assert not any(dark(-1, c) or dark(c, -1) for c in range(len(expected)))  # quiet zone


def test_an_official_downloads_their_own_once_issued(built):
    official = learner_create(first_name="Camille", last_name="Martin")
    complete(official, built)
    client = client_for(official)
    url = reverse("certificates:mine", args=[built.course.pk])
    assert url in client.get(reverse("learning:my_learning")).content.decode()
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert first.content.startswith(b"%PDF")
    number = Certificate.objects.get().number
    assert f"certificat-realisation-{number}.pdf" in first["Content-Disposition"]
    assert "private" in first["Cache-Control"]
    again = client.get(url)
    assert again.status_code == 200 and Certificate.objects.count() == 1
    assert number in flat(pdf_text(again.content))


def test_no_certificate_for_a_course_not_completed_nor_for_anyone_else(built):
    official = learner_create(first_name="Camille", last_name="Martin")
    complete(official, built)
    other = learner_create(first_name="Bruno", last_name="Durand")
    complete(other, built, built.lessons[:2])
    url = reverse("certificates:mine", args=[built.course.pk])
    assert client_for(other).get(url).status_code == 404
    assert Certificate.objects.count() == 0
    assert client_for(official).get(url).status_code == 200
    # Once the official's exists, the other one still gets nothing (the URL names no person).
    assert client_for(other).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page


def test_an_official_without_a_name_is_asked_for_it(built):
    official = learner_create(first_name="", last_name="")
    complete(official, built)
    response = client_for(official).get(reverse("certificates:mine", args=[built.course.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("my_account_profile")
    assert Certificate.objects.count() == 0


def test_staff_download_a_members_only_in_their_cohorts(built):
    staff, outsider_staff = staff_create(), staff_create()
    cohort = cohort_create(courses=[built.course], staff=[staff])
    cohort_create(courses=[built.course], staff=[outsider_staff])
    member = member_add(cohort, first_name="Alice", last_name="Dupont")
    complete(member, built)
    stranger = learner_create(first_name="Zoé", last_name="Hors")
    complete(stranger, built)
    url = reverse("reporting:learner_certificate", args=[cohort.pk, member.pk])
    assert client_for(outsider_staff).get(url, {"course": built.course.pk}).status_code == 404
    assert Certificate.objects.count() == 0
    stranger_url = reverse("reporting:learner_certificate", args=[cohort.pk, stranger.pk])
    assert client_for(staff).get(stranger_url, {"course": built.course.pk}).status_code == 404
    detail = client_for(staff).get(
        reverse("reporting:learner_detail", args=[cohort.pk, member.pk]),
        {"course": built.course.pk},
    )
    assert url in detail.content.decode()
    response = client_for(staff).get(url, {"course": built.course.pk})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    certificate = Certificate.objects.get()
    assert (certificate.person_id, certificate.issued_by_id) == (member.pk, staff.pk)
    assert "Alice Dupont" in flat(pdf_text(response.content))


def test_the_public_page_shows_the_facts_and_nothing_else(built):
    official = learner_create(
        first_name="Camille", last_name="Martin", mandate="maire", collectivite="Saint-Aubin"
    )
    complete(official, built)
    certificate = certificate_obtain(user_id=official.pk, course_id=built.course.pk, by_id=None)
    response = Client().get(reverse("verification:certificate", args=[certificate.code]))
    html = response.content.decode()
    assert response.status_code == 200
    for fact in (
        certificate.number,
        "Camille Martin",
        built.course.title,
        "du 2 mars 2026 au 20 mars 2026",
        "1 h 45",
        "100&nbsp;%",
        "Ce certificat est valable.",
        "Agence Élus Connectés",
    ):
        assert fact in html
    assert official.email not in html and "Saint-Aubin" not in html
    assert official.get_mandate_display() not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_revoked_certificate_says_so_and_names_its_successor(built):
    official = learner_create(first_name="Camille", last_name="Martin")
    complete(official, built)
    admin = UserFactory(is_staff=True, is_superuser=True)
    certificate = certificate_obtain(user_id=official.pk, course_id=built.course.pk, by_id=None)
    manage = reverse("certificate_admin:manage", args=[certificate.pk])
    assert client_for(staff_create()).get(manage).status_code == 404  # not an administrator
    assert client_for(admin).get(manage).status_code == 200
    response = client_for(admin).post(manage, {"reason": "Nom mal orthographié", "reissue": "on"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    successor = Certificate.objects.get(replaces=certificate)
    assert not certificate.is_valid and successor.is_valid
    html = Client().get(reverse("verification:certificate", args=[certificate.code])).content
    html = html.decode()
    assert "a été révoqué le" in html and "Nom mal orthographié" in html
    assert f"remplacé par le certificat n° {successor.number}" in html
    assert "Ce certificat est valable." not in html
    # The official now downloads the successor.
    pdf = client_for(official).get(reverse("certificates:mine", args=[built.course.pk]))
    assert successor.number in flat(pdf_text(pdf.content))
    # Revoked without replacement: the official's next request issues a new one.
    certificate_revoke(certificate=successor, reason="Retrait", by_id=admin.pk)
    assert (
        client_for(official).get(reverse("certificates:mine", args=[built.course.pk])).status_code
        == 200
    )
    assert Certificate.objects.count() == 3


@pytest.mark.parametrize("code", ["inconnu", "x" * 41, "2026-00001"])
def test_an_unknown_code_gets_a_french_404(built, code):
    response = Client().get(reverse("verification:certificate", args=[code]))
    assert response.status_code == 404
    assert "Aucun certificat ne correspond à ce lien" in response.content.decode()


def test_the_public_page_reads_the_certificate_in_one_query(built, django_assert_num_queries):
    official = learner_create(first_name="Camille", last_name="Martin")
    complete(official, built)
    certificate = certificate_obtain(user_id=official.pk, course_id=built.course.pk, by_id=None)
    client = Client()
    url = reverse("verification:certificate", args=[certificate.code])
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200
