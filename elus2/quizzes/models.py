"""Quizzes: each lesson's quiz settings and every attempt an official makes at its questions.

Rows are written only by services.py; grading.py grades a frozen copy of the questions. An attempt
keeps the questions, options, correct answers, feedback and pass mark it was drawn with, and points
at its lesson with PROTECT: editing or unpublishing a lesson re-grades and erases no one
(shared/STYLE.md rule 5). A passed graded quiz completes its lesson through learning/services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class QuizMode(models.TextChoices):
    GRADED = "graded", _("Noté")
    SELF_ASSESSMENT = "self_assessment", _("Auto-évaluation (avant / après)")


class FeedbackTiming(models.TextChoices):
    AFTER_EACH_ATTEMPT = "after_each_attempt", _("Après chaque tentative")
    ONCE_PASSED = "once_passed", _("Seulement une fois le quiz réussi")
    NEVER = "never", _("Jamais")


class AttemptStatus(models.TextChoices):
    OPEN = "open", _("En cours")
    SUBMITTED = "submitted", _("Envoyée")


class QuizSettings(models.Model):
    """How a lesson's quiz is taken. A lesson without a row uses the defaults below."""

    lesson = models.OneToOneField(
        "courses.LessonPage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("leçon"),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("seuil de réussite (%)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("tentatives autorisées"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Laissez vide pour un nombre illimité de tentatives."),
    )
    shuffle_questions = models.BooleanField(_("mélanger les questions"), default=False)
    # On by default: with the options in the editor's order, "always the first" is a strategy.
    shuffle_options = models.BooleanField(
        _("mélanger les réponses proposées"),
        default=True,
        help_text=_(
            "Chaque tentative présente les réponses dans son propre ordre, gardé jusqu'à son envoi "
            "et enregistré avec elle."
        ),
    )
    questions_drawn = models.PositiveSmallIntegerField(
        _("questions tirées par tentative"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Laissez vide pour poser toutes les questions ; sinon, chaque tentative en tire ce "
            "nombre au hasard."
        ),
    )
    feedback_timing = models.CharField(
        _("corrigé et explications affichés"),
        max_length=20,
        choices=FeedbackTiming.choices,
        default=FeedbackTiming.AFTER_EACH_ATTEMPT,
    )
    mode = models.CharField(
        _("mode"),
        max_length=20,
        choices=QuizMode.choices,
        default=QuizMode.GRADED,
        help_text=_(
            "Auto-évaluation : les mêmes questions avant et après la formation, sans note "
            "éliminatoire ; l'élu voit son évolution."
        ),
    )

    class Meta:
        verbose_name = _("réglages du quiz")
        verbose_name_plural = _("réglages des quiz")

    def __str__(self) -> str:
        # Named in the admin's messages and listing: the lesson, never its id.
        return self.lesson.title

    def clean(self):
        super().clean()
        if (
            self.mode == QuizMode.SELF_ASSESSMENT
            and self.feedback_timing == FeedbackTiming.ONCE_PASSED
        ):
            raise ValidationError(
                {
                    "feedback_timing": _(
                        "Une auto-évaluation ne se réussit pas : choisissez « Après chaque "
                        "tentative » ou « Jamais »."
                    )
                }
            )


class QuizAttempt(models.Model):
    """One try at a lesson's quiz: the questions drawn for it, what was answered, the result."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=16, choices=AttemptStatus.choices, default=AttemptStatus.OPEN
    )
    mode = models.CharField(max_length=20, choices=QuizMode.choices, default=QuizMode.GRADED)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # A plain id, not a foreign key: purging old revisions must not touch learner history.
    page_revision_id = models.BigIntegerField(null=True, blank=True)
    # The frozen snapshot graded by grading.grade: questions in the order shown, their options with
    # correct flags and feedback, explanations (see snapshot.py for the shape).
    questions = models.JSONField(default=list)
    pass_mark = models.PositiveSmallIntegerField(default=70)
    # As typed, keyed by question id; saved also when a submission is refused.
    answers = models.JSONField(default=dict, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)  # percent, once submitted
    passed = models.BooleanField(null=True, blank=True)  # None in self-assessment

    class Meta:
        verbose_name = _("tentative de quiz")
        verbose_name_plural = _("tentatives de quiz")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "number"], name="quizattempt_unique_user_lesson_number"
            ),
            models.UniqueConstraint(
                fields=["user", "lesson"],
                condition=Q(status="open"),
                name="quizattempt_one_open_per_user_lesson",
            ),
        ]
        indexes = [models.Index(fields=["lesson", "status"])]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.lesson_id} #{self.number} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.OPEN

    @property
    def is_graded(self) -> bool:
        return self.mode == QuizMode.GRADED
