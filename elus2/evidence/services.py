"""The ledger's one writing API (evidence_record), its check (evidence_verify) and the retention
purge (evidence_purge). Apps that own a fact call evidence_record with ids and plain values, inside
their own transaction: the fact is written if and only if what it proves is.

Certificates too: certificate_issue numbers and stores one from plain values its caller computed
(reporting, which reads the ledger, the courses and the people), certificate_revoke withdraws one,
certificate_reissue replaces one keeping the old as revoked."""

from __future__ import annotations

import datetime
import hashlib
import json
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Certificate, CertificateCounter, Chain, Fact

PLAIN = (str, int, bool, type(None))


def _plain(value, where: str = "data"):
    """Only values that survive a JSON round trip in both databases unchanged (no floats, no
    dates): the hash computed now must be the one recomputed in six years."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{where}: clé non textuelle {key!r}")
            _plain(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _plain(item, f"{where}[{index}]")
    elif not isinstance(value, PLAIN):
        raise TypeError(
            f"{where}: valeur {type(value).__name__} non admise (texte, entier, booléen)"
        )
    return value


def _moment(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def fact_hash(fact: Fact) -> str:
    """SHA-256 of the fact's content and its predecessor's hash, in a canonical JSON form."""
    content = {
        "previous": fact.previous_hash,
        "person": fact.person_id,
        "position": fact.position,
        "kind": fact.kind,
        "occurred_at": _moment(fact.occurred_at),
        "recorded_at": _moment(fact.recorded_at),
        "course": fact.course_id,
        "session": fact.session_id,
        "data": fact.data,
        "keep_until": fact.keep_until.isoformat(),
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def retention_end(day: datetime.date) -> datetime.date:
    years = settings.ELUS2_EVIDENCE_RETENTION_YEARS
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def evidence_record(
    *,
    person_id: int,
    kind: str,
    course_id: int | None = None,
    session_id: int | None = None,
    occurred_at: datetime.datetime | None = None,
    data: dict | None = None,
    once_key: str | None = None,
) -> Fact:
    """Appends one fact to the person's chain and returns it. The chain row is locked for the
    append, so concurrent facts of one person line up one after the other. With `once_key`,
    a fact already recorded under that key for the person is returned instead (for writers
    that may run twice). Callers inside their own transaction pay 3 queries (4 with once_key;
    2 more for a person's first fact)."""
    data = _plain(dict(data or {}))
    # Inside the caller's transaction without a savepoint: the fact and what it proves stand or
    # fall together.
    with transaction.atomic(savepoint=False):
        return _append(person_id, kind, course_id, session_id, occurred_at, data, once_key)


def _append(person_id, kind, course_id, session_id, occurred_at, data, once_key) -> Fact:
    chains = Chain.objects.select_for_update().filter(person_id=person_id)
    chain = chains.first()
    if chain is None:
        Chain.objects.bulk_create([Chain(person_id=person_id)], ignore_conflicts=True)
        chain = chains.get()
    if once_key is not None:
        recorded = Fact.objects.filter(person_id=person_id, once_key=once_key).first()
        if recorded is not None:
            return recorded
    now = timezone.now()
    fact = Fact(
        person_id=person_id,
        position=chain.length + 1,
        kind=kind,
        occurred_at=occurred_at or now,
        recorded_at=now,
        course_id=course_id,
        session_id=session_id,
        data=data,
        keep_until=retention_end(timezone.localdate(now)),
        once_key=once_key,
        previous_hash=chain.head_hash,
    )
    fact.hash = fact_hash(fact)
    fact.save()
    Chain.objects.filter(pk=chain.pk).update(head_hash=fact.hash, length=fact.position)
    return fact


@dataclass(frozen=True)
class Break:
    person_id: int
    position: int | None
    fact_id: int | None
    reason: str

    def __str__(self) -> str:
        where = f"personne {self.person_id}"
        if self.position is not None:
            where += f", rang {self.position} (ligne {self.fact_id})"
        return f"{where} : {self.reason}"


@dataclass(frozen=True)
class Verification:
    chains: int
    facts: int
    first_break: Break | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


def evidence_verify(*, person_ids: list[int] | None = None, batch_size: int = 2000) -> Verification:
    """Recomputes every chain (or those of person_ids) from its origin and returns the first
    broken row: a changed row, a removed one (the next row no longer names its predecessor),
    or a removed tail (the chain's head no longer matches)."""
    chains = Chain.objects.order_by("person_id")
    if person_ids is not None:
        chains = chains.filter(person_id__in=person_ids)
    checked_chains = checked_facts = 0
    for chain in chains.iterator(chunk_size=batch_size):
        checked_chains += 1
        expected = chain.origin_hash
        facts = Fact.objects.filter(person_id=chain.person_id).order_by("position")
        for fact in facts.iterator(chunk_size=batch_size):
            checked_facts += 1
            if fact.previous_hash != expected:
                reason = "le fait précédent a été supprimé ou modifié"
                return Verification(checked_chains, checked_facts, _break(fact, reason))
            if fact_hash(fact) != fact.hash:
                reason = "le contenu ne correspond plus à son empreinte"
                return Verification(checked_chains, checked_facts, _break(fact, reason))
            expected = fact.hash
        if expected != chain.head_hash:
            reason = "les derniers faits de la chaîne ont été supprimés"
            return Verification(
                checked_chains, checked_facts, Break(chain.person_id, None, None, reason)
            )
    return Verification(checked_chains, checked_facts, None)


def _break(fact: Fact, reason: str) -> Break:
    return Break(fact.person_id, fact.position, fact.pk, reason)


def evidence_purge(*, today: datetime.date | None = None) -> int:
    """Removes facts past their retention period, oldest first, one chain at a time; the chain
    then starts from the hash of the last fact removed, so it still verifies. Idempotent."""
    today = today or timezone.localdate()
    removed = 0
    people = (
        Fact.objects.filter(keep_until__lt=today)
        .values_list("person_id", flat=True)
        .distinct()
        .order_by("person_id")
    )
    for person_id in list(people):
        with transaction.atomic():
            chain = Chain.objects.select_for_update().get(person_id=person_id)
            expired = []
            for fact in Fact.objects.filter(person_id=person_id).order_by("position"):
                if fact.keep_until >= today:
                    break  # only a prefix goes: the chain stays whole from its new origin
                expired.append(fact)
            if not expired:
                continue
            Chain.objects.filter(pk=chain.pk).update(origin_hash=expired[-1].hash)
            removed += Fact.objects.filter(pk__in=[f.pk for f in expired])._purge()[0]
    return removed


class CertificateRefused(Exception):
    """A revocation without a reason, or of a certificate already revoked."""


CERTIFICATE_VALUES = (
    "learner_name",
    "course_title",
    "nature",
    "modality",
    "started_on",
    "ended_on",
    "minutes_completed",
    "minutes_planned",
    "realisation_percent",
    "provider_name",
    "provider_siret",
    "provider_nda",
    "provider_address",
    "provider_signatory",
)


def certificate_valid_get(*, person_id: int, course_id: int) -> Certificate | None:
    return Certificate.objects.filter(
        person_id=person_id, course_id=course_id, revoked_at__isnull=True
    ).first()


def certificate_issue(
    *,
    person_id: int,
    course_id: int,
    values: dict,
    issued_by_id: int | None = None,
    replaces: Certificate | None = None,
) -> Certificate:
    """The person's valid certificate for the course: the one already issued if there is one
    (asking twice gives the same document), else a new one numbered after the year's last.
    `values` holds the plain values of CERTIFICATE_VALUES. The year's counter row is locked
    until the commit, so concurrent issues take consecutive numbers, and an issue rolled back
    gives its number back: no gap, no duplicate."""
    missing = set(CERTIFICATE_VALUES) - set(values)
    if missing:
        raise TypeError(f"valeurs manquantes : {', '.join(sorted(missing))}")
    now = timezone.now()
    year = timezone.localdate(now).year
    with transaction.atomic():
        CertificateCounter.objects.bulk_create(
            [CertificateCounter(year=year)], ignore_conflicts=True
        )
        counter = CertificateCounter.objects.select_for_update().get(year=year)
        existing = certificate_valid_get(person_id=person_id, course_id=course_id)
        if existing is not None:
            return existing
        sequence = counter.last + 1
        CertificateCounter.objects.filter(year=year).update(last=sequence)
        return Certificate.objects.create(
            year=year,
            sequence=sequence,
            code=secrets.token_urlsafe(18),
            person_id=person_id,
            course_id=course_id,
            issued_at=now,
            issued_by_id=issued_by_id,
            replaces=replaces,
            **{name: values[name] for name in CERTIFICATE_VALUES},
        )


def certificate_revoke(*, certificate: Certificate, reason: str, by_id: int | None) -> Certificate:
    """Withdraws a certificate for good, with the reason shown to whoever verifies it. Only
    once: a second revocation is refused, so the first date and reason stand."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateRefused("Indiquez le motif de la révocation.")
    now = timezone.now()
    with transaction.atomic():
        changed = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
            revoked_at=now, revoked_reason=reason, revoked_by_id=by_id
        )
        if not changed:
            raise CertificateRefused("Ce certificat est déjà révoqué.")
    certificate.refresh_from_db()
    return certificate


def certificate_reissue(
    *, certificate: Certificate, reason: str, by_id: int | None, values: dict
) -> Certificate:
    """Replaces a certificate (a corrected name, a lesson done since): the old one is revoked
    with the reason and stays verifiable as such, the new one takes the next number and names
    the one it replaces. Both in one transaction."""
    with transaction.atomic():
        certificate_revoke(certificate=certificate, reason=reason, by_id=by_id)
        return certificate_issue(
            person_id=certificate.person_id,
            course_id=certificate.course_id,
            values=values,
            issued_by_id=by_id,
            replaces=certificate,
        )
