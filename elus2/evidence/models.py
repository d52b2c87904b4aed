"""The evidence ledger: dated facts per official (lesson opened, active time, lesson completed, quiz
submitted, half-day signed, exchange with a trainer, survey answered), written by the service that
owns each fact through services.evidence_record, never updated, deleted only by the retention purge
once past their period.

Each official's facts form a hash chain: a row's hash covers its content and the previous row's
hash, so a row edited in the database breaks the chain from there (services.evidence_verify). The
app knows no other app: it stores ids and plain values, so erasing an account or unpublishing a
lesson never touches the evidence.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS = "0" * 64  # the hash a chain starts from before its first fact


class FactKind(models.TextChoices):
    LESSON_OPENED = "lesson_opened", _("Leçon ouverte")
    ACTIVE_TIME = "active_time", _("Temps actif")
    LESSON_COMPLETED = "lesson_completed", _("Leçon terminée")
    QUIZ_SUBMITTED = "quiz_submitted", _("Quiz envoyé")
    HALF_DAY_SIGNED = "half_day_signed", _("Demi-journée signée")
    TRAINER_EXCHANGE = "trainer_exchange", _("Échange avec un formateur")
    SURVEY_ANSWERED = "survey_answered", _("Questionnaire rempli")


class AppendOnly(Exception):
    """Raised on any attempt to change or remove a fact outside the retention purge."""


class FactQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Les preuves ne se modifient pas.")

    def delete(self):
        raise AppendOnly("Les preuves ne se suppriment que par la purge de conservation.")

    def _purge(self):
        """Only services.evidence_purge calls this, on rows past their period."""
        return super().delete()


class Fact(models.Model):
    person_id = models.BigIntegerField(_("personne"), db_index=False)
    position = models.PositiveBigIntegerField(_("rang dans la chaîne"))
    kind = models.CharField(_("nature"), max_length=32, choices=FactKind.choices)
    occurred_at = models.DateTimeField(_("date du fait"))
    recorded_at = models.DateTimeField(_("date d'enregistrement"))
    course_id = models.BigIntegerField(_("formation"), null=True, blank=True)
    session_id = models.BigIntegerField(_("session"), null=True, blank=True)
    data = models.JSONField(_("détails"), default=dict)
    # Set by writers that may run twice (a daily task): one fact per person and key. NULL, not
    # "", for the facts without one, so that they never collide in the unique constraint.
    once_key = models.CharField(max_length=100, null=True, blank=True)  # noqa: DJ001
    keep_until = models.DateField(_("conservé jusqu'au"))
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = FactQuerySet.as_manager()

    class Meta:
        verbose_name = _("preuve")
        verbose_name_plural = _("preuves")
        constraints = [
            models.UniqueConstraint(fields=["person_id", "position"], name="fact_unique_position"),
            models.UniqueConstraint(fields=["person_id", "once_key"], name="fact_unique_once_key"),
        ]
        indexes = [
            models.Index(fields=["person_id", "course_id"], name="fact_person_course_idx"),
            models.Index(fields=["keep_until"], name="fact_keep_until_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id}#{self.position} {self.kind}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("Les preuves ne se modifient pas.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Les preuves ne se suppriment que par la purge de conservation.")


class Chain(models.Model):
    """One per official: where the chain starts (GENESIS, or the hash of the last purged fact)
    and where it ends. Appending locks this row, so facts of one person get consecutive
    positions and each names its true predecessor."""

    person_id = models.BigIntegerField(primary_key=True)
    origin_hash = models.CharField(max_length=64, default=GENESIS)
    head_hash = models.CharField(max_length=64, default=GENESIS)
    length = models.PositiveBigIntegerField(default=0)  # positions given so far

    class Meta:
        verbose_name = _("chaîne de preuves")
        verbose_name_plural = _("chaînes de preuves")

    def __str__(self) -> str:
        return f"{self.person_id}: {self.length}"


class CertificateCounter(models.Model):
    """The last number given in a year. Issuing locks this row, so numbers of one year follow
    each other without gap or duplicate (a rolled-back issue gives its number back)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("compteur de certificats")
        verbose_name_plural = _("compteurs de certificats")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Certificate(models.Model):
    """A « certificat de réalisation » as issued: a snapshot of plain values (who, which course,
    when, how long, the taux de réalisation, the provider), never recomputed, so the document
    verified in three years is the one handed over today. Only the revocation fields change,
    once. A re-issue revokes the previous certificate and points back to it (`replaces`)."""

    year = models.PositiveSmallIntegerField(_("année"))
    sequence = models.PositiveIntegerField(_("numéro d'ordre"))
    # The public verification URL's key: random, never the number (numbers can be guessed).
    code = models.CharField(max_length=40, unique=True)
    person_id = models.BigIntegerField(_("personne"))
    course_id = models.BigIntegerField(_("formation"))
    learner_name = models.CharField(_("stagiaire"), max_length=300)
    course_title = models.CharField(_("intitulé"), max_length=300)
    nature = models.CharField(_("nature de l'action"), max_length=100)
    modality = models.CharField(_("modalité"), max_length=100)
    started_on = models.DateField(_("début"))
    ended_on = models.DateField(_("fin"))
    minutes_completed = models.PositiveIntegerField(_("durée réalisée (minutes)"))
    minutes_planned = models.PositiveIntegerField(_("durée prévue (minutes)"))
    realisation_percent = models.PositiveSmallIntegerField(_("taux de réalisation"))
    provider_name = models.CharField(_("organisme"), max_length=300)
    provider_siret = models.CharField(_("SIRET"), max_length=20, blank=True)
    provider_nda = models.CharField(_("numéro de déclaration"), max_length=50, blank=True)
    provider_address = models.CharField(_("adresse"), max_length=500, blank=True)
    provider_signatory = models.CharField(_("signataire"), max_length=300, blank=True)
    issued_at = models.DateTimeField(_("émis le"))
    issued_by_id = models.BigIntegerField(_("émis à la demande de"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    revoked_reason = models.TextField(_("motif de révocation"), blank=True)
    revoked_by_id = models.BigIntegerField(_("révoqué par"), null=True, blank=True)
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("remplace"),
    )

    class Meta:
        verbose_name = _("certificat de réalisation")
        verbose_name_plural = _("certificats de réalisation")
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="certificate_unique_number"),
            # At most one valid certificate per person and course: asking twice gives the same.
            models.UniqueConstraint(
                fields=["person_id", "course_id"],
                condition=models.Q(revoked_at__isnull=True),
                name="certificate_one_valid_per_course",
            ),
        ]
        indexes = [
            models.Index(fields=["person_id", "course_id"], name="certificate_person_course_idx")
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        return f"{self.year}-{self.sequence:05d}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def hours_completed(self) -> tuple[int, int]:
        """(hours, minutes) of the duration completed."""
        return divmod(self.minutes_completed, 60)
