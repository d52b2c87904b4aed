"""The « certificat de réalisation » (the Ministry of Labour's model, distance-training variant):
what it states, computed here, and the PDF.

The certificate itself is an evidence row (elus2.evidence.models.Certificate: a numbered snapshot
of plain values, revocable, verifiable). Evidence knows no other app, so the values are computed
one layer up, here in reporting, which may read everything the document states: the official's
completed course (learning), the steps proved by the ledger and the taux de réalisation
(realisation.py), the provider (settings). certificate_obtain then hands them down to evidence's
certificate_issue, the only writer; reporting still owns no table.

Facts come from the ledger: the duration completed is the planned minutes of the lessons the
ledger proves completed, the taux is realisation_get's, the dates are those of the person's
first fact and last completion for the course (the enrolment's dates only for a course finished
before the ledger existed, which has no fact to date it).
"""

from __future__ import annotations

import segno
from django.conf import settings
from django.db.models import Max, Min, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from elus2.evidence.models import Certificate, Fact, FactKind
from elus2.evidence.services import certificate_issue, certificate_reissue, certificate_valid_get
from elus2.learning.selectors import Attestation, attestation_get

from .realisation import realisation_get

NATURE = "Action de formation"  # Code du travail L6313-1, 1°: the category the model asks for
MODALITY = "Formation à distance"


class CertificateUnavailable(Exception):
    """The person has no name to print (a certificate never falls back to an e-mail)."""


def certificate_values(attestation: Attestation) -> dict:
    """The plain values a certificate states for a completed course, read now."""
    learner = attestation.learner
    name = learner.get_full_name().strip()
    if not name:
        raise CertificateUnavailable
    enrolment = attestation.enrolment
    realisation = realisation_get(person_id=learner.pk, course=enrolment.course)
    dates = Fact.objects.filter(person_id=learner.pk, course_id=enrolment.course_id).aggregate(
        first=Min("occurred_at"),
        last_done=Max("occurred_at", filter=Q(kind=FactKind.LESSON_COMPLETED)),
    )
    started = dates["first"] or attestation.started_at
    ended = dates["last_done"] or enrolment.completed_at
    return {
        "learner_name": name,
        "course_title": attestation.course_title,
        "nature": NATURE,
        "modality": MODALITY,
        "started_on": timezone.localdate(started),
        "ended_on": timezone.localdate(ended),
        "minutes_completed": realisation.completed_minutes,
        "minutes_planned": realisation.planned_minutes,
        "realisation_percent": realisation.percent,
        "provider_name": settings.ELUS2_PROVIDER_NAME,
        "provider_siret": settings.ELUS2_PROVIDER_SIRET,
        "provider_nda": settings.ELUS2_PROVIDER_NDA,
        "provider_address": settings.ELUS2_PROVIDER_ADDRESS,
        "provider_signatory": settings.ELUS2_PROVIDER_SIGNATORY,
    }


def certificate_obtain(*, user_id: int, course_id: int, by_id: int | None) -> Certificate | None:
    """The person's valid certificate for a course they completed, issued on the first request
    (later requests, and concurrent ones, get the same); None when the course is not completed.
    Callers decide who may ask: the official for themself, staff for their cohorts' members."""
    existing = certificate_valid_get(person_id=user_id, course_id=course_id)
    if existing is not None:
        return existing
    attestation = attestation_get(user_id=user_id, course_id=course_id)
    if attestation is None:
        return None
    return certificate_issue(
        person_id=user_id,
        course_id=course_id,
        values=certificate_values(attestation),
        issued_by_id=by_id,
    )


def certificate_renew(*, certificate: Certificate, reason: str, by_id: int | None) -> Certificate:
    """An administrator's re-issue with today's values (the old certificate is revoked with the
    reason and names its successor). The course must still be completed and the person named."""
    attestation = attestation_get(user_id=certificate.person_id, course_id=certificate.course_id)
    if attestation is None:
        raise CertificateUnavailable
    return certificate_reissue(
        certificate=certificate, reason=reason, by_id=by_id, values=certificate_values(attestation)
    )


def verification_url(certificate: Certificate) -> str:
    """The public address printed and encoded on the document."""
    return settings.SITE_URL + reverse("verification:certificate", args=[certificate.code])


QR_SCALE, QR_BORDER = 8, 4  # pixels per module, quiet-zone modules: the tests read it back


def verification_qr(certificate: Certificate) -> segno.QRCode:
    return segno.make_qr(verification_url(certificate), error="m")


def certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate as a PDF (WeasyPrint) from templates/evidence/certificate.html."""
    from weasyprint import HTML  # heavy import, only where a PDF is made

    qr_png = verification_qr(certificate).png_data_uri(scale=QR_SCALE, border=QR_BORDER)
    with translation.override("fr"):  # a document for French funders, whoever downloads it
        html = render_to_string(
            "evidence/certificate.html",
            {
                "certificate": certificate,
                "verification_url": verification_url(certificate),
                "qr_png": qr_png,
            },
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def certificate_filename(certificate: Certificate) -> str:
    return f"certificat-realisation-{certificate.number}.pdf"


def certificate_history(*, person_id: int, course_id: int) -> list[Certificate]:
    """Every certificate issued to the person for the course, newest first (one query)."""
    return list(
        Certificate.objects.filter(person_id=person_id, course_id=course_id).order_by(
            "-year", "-sequence"
        )
    )
