"""Enrolments and lesson progress: what each official has started, viewed and finished.

A person's progress is theirs, whichever cohort brought them: this app knows nothing of cohorts
(cohorts join to it from above). Rows are written only by services.py; learner history points at
pages with PROTECT, so editing or unpublishing content never erases it (shared/STYLE.md rule 5).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Inscrit")
    STARTED = "started", _("En cours")
    COMPLETED = "completed", _("Terminé")


class Enrolment(models.Model):
    """One person in one course. Progress figures are kept here, updated in the same transaction
    as the progress row that changes them, so pages and dashboards never recount all rows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=16, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    next_lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lessons_total = models.PositiveIntegerField(default=0)
    lessons_completed = models.PositiveIntegerField(default=0)
    percent = models.PositiveSmallIntegerField(default=0)
    minutes_left = models.PositiveIntegerField(default=0)
    active_seconds = models.PositiveIntegerField(default=0)
    # The learner's lesson pages of this course are cached under this token (page_cache.py). The
    # services replace it in the transaction of any write that changes what those pages show.
    page_version = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrolment_unique_user_course")
        ]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.course_id} ({self.percent} %)"


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.PROTECT, related_name="+")
    first_viewed_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    active_seconds = models.PositiveIntegerField(default=0)
    last_heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="lessonprogress_unique_enrolment_lesson"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}/{self.lesson_id}"


class DailyActivity(models.Model):
    """Active seconds per person per day (Europe/Paris), to cap what heartbeats can add."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    seconds = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="dailyactivity_unique_user_day")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day}: {self.seconds} s"
