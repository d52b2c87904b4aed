"""Certificates as evidence rows: numbered per year without gap or duplicate (also under 20
concurrent issues on PostgreSQL), one valid per person and course, revoked once with a reason,
re-issued with the history kept."""

import datetime
import threading

import pytest
import time_machine
from django.db import IntegrityError, connection, transaction

from elus2.evidence.models import Certificate, CertificateCounter
from elus2.evidence.services import (
    CertificateRefused,
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
    certificate_valid_get,
)
from tests.services import need_postgres

pytestmark = pytest.mark.django_db

VALUES = {
    "learner_name": "Camille Martin",
    "course_title": "Réseaux sociaux",
    "nature": "Action de formation",
    "modality": "Formation à distance",
    "started_on": datetime.date(2026, 3, 2),
    "ended_on": datetime.date(2026, 3, 20),
    "minutes_completed": 95,
    "minutes_planned": 100,
    "realisation_percent": 95,
    "provider_name": "élus 2.0",
    "provider_siret": "12345678900012",
    "provider_nda": "11 75 00000 75",
    "provider_address": "1 rue de la Mairie, 75001 Paris",
    "provider_signatory": "Dominique Durand, directrice",
}


def issue(person_id=1, course_id=10, **changes):
    return certificate_issue(
        person_id=person_id, course_id=course_id, values={**VALUES, **changes}, issued_by_id=None
    )


def test_numbers_follow_each_other_within_a_year_and_restart_the_next():
    with time_machine.travel(datetime.datetime(2026, 12, 31, 12, tzinfo=datetime.UTC)):
        first, second = issue(person_id=1), issue(person_id=2)
    with time_machine.travel(datetime.datetime(2027, 1, 2, 12, tzinfo=datetime.UTC)):
        third = issue(person_id=3)
    assert [c.number for c in (first, second, third)] == ["2026-00001", "2026-00002", "2027-00001"]
    assert {c.code for c in (first, second, third)}.isdisjoint({"1", "2", "2026-00001"})
    assert len({c.code for c in (first, second, third)}) == 3
    assert all(len(c.code) >= 24 for c in (first, second, third))


def test_asking_twice_gives_the_same_certificate():
    first = issue()
    again = issue(learner_name="Un autre nom")
    assert again.pk == first.pk and again.learner_name == "Camille Martin"
    assert CertificateCounter.objects.get().last == 1


def test_an_issue_rolled_back_gives_its_number_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        issue(person_id=1)
        raise RuntimeError
    assert issue(person_id=2).number.endswith("-00001")


def test_incomplete_values_are_refused():
    values = dict(VALUES)
    del values["realisation_percent"]
    with pytest.raises(TypeError):
        certificate_issue(person_id=1, course_id=10, values=values)


def test_revocation_needs_a_reason_and_happens_once():
    certificate = issue()
    with pytest.raises(CertificateRefused):
        certificate_revoke(certificate=certificate, reason="  ", by_id=5)
    certificate_revoke(certificate=certificate, reason="Erreur de nom", by_id=5)
    assert not certificate.is_valid
    assert (certificate.revoked_reason, certificate.revoked_by_id) == ("Erreur de nom", 5)
    revoked_at = certificate.revoked_at
    with pytest.raises(CertificateRefused):
        certificate_revoke(certificate=certificate, reason="Encore", by_id=6)
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoked_reason) == (revoked_at, "Erreur de nom")
    assert certificate_valid_get(person_id=1, course_id=10) is None


def test_reissue_keeps_the_old_one_revoked_and_linked():
    old = issue()
    new = certificate_reissue(
        certificate=old, reason="Nom corrigé", by_id=5, values={**VALUES, "learner_name": "C. M."}
    )
    old.refresh_from_db()
    assert not old.is_valid and old.revoked_reason == "Nom corrigé"
    assert new.is_valid and new.replaces == old and old.replaced_by == new
    assert (old.number, new.number) == (f"{old.year}-00001", f"{old.year}-00002")
    assert certificate_valid_get(person_id=1, course_id=10) == new
    assert Certificate.objects.count() == 2


def test_the_database_allows_one_valid_certificate_per_person_and_course():
    issue()
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            year=2026, sequence=99, code="x" * 24, person_id=1, course_id=10,
            issued_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), **VALUES,
        )  # fmt: skip


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_issues_get_twenty_consecutive_numbers():
    need_postgres()
    count = 20
    barrier = threading.Barrier(count)
    errors = []

    def run(person_id):
        try:
            barrier.wait(timeout=30)
            issue(person_id=person_id)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(1, count + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    assert errors == []
    sequences = sorted(Certificate.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, count + 1))
    assert CertificateCounter.objects.get().last == count


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_for_one_person_give_one_certificate():
    need_postgres()
    barrier = threading.Barrier(6)
    errors, got = [], []

    def run():
        try:
            barrier.wait(timeout=30)
            got.append(issue(person_id=7).pk)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    assert errors == []
    assert len(set(got)) == 1 and Certificate.objects.count() == 1
