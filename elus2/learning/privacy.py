"""A person's enrolments, lesson progress and active time, for export and erasure."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from elus2.users.personal_data import declare, rows

from .models import DailyActivity, Enrolment, LessonProgress

KEPT = _("Progression : conservée sans nom, pour que les chiffres des promotions restent justes.")


def _enrolments(user) -> list[dict]:
    enrolments = Enrolment.objects.filter(user=user).select_related("course")
    progress = {}
    for row in rows(
        LessonProgress.objects.filter(enrolment__user=user),
        "enrolment_id",
        "lesson__title",
        "first_viewed_at",
        "completed_at",
        "active_seconds",
    ):
        progress.setdefault(row.pop("enrolment_id"), []).append(row)
    return [
        {
            "formation": enrolment.course.title,
            "statut": enrolment.status,
            "pourcentage": enrolment.percent,
            "inscrit_le": enrolment.enrolled_at.isoformat(),
            "commence_le": enrolment.started_at.isoformat() if enrolment.started_at else None,
            "termine_le": enrolment.completed_at.isoformat() if enrolment.completed_at else None,
            "temps_actif_secondes": enrolment.active_seconds,
            "lecons": progress.get(enrolment.pk, []),
        }
        for enrolment in enrolments
    ]


def declare_all() -> None:
    declare("learning.Enrolment.user", section="formations", export=_enrolments, kept_because=KEPT)
    declare(
        "learning.DailyActivity.user",
        section="temps_actif_par_jour",
        export=lambda user: rows(DailyActivity.objects.filter(user=user), "day", "seconds"),
        kept_because=KEPT,
    )
