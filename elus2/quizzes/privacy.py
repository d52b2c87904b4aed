"""A person's quiz attempts (their answers included), for export and erasure."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from elus2.users.personal_data import declare, rows

from .models import QuizAttempt


def declare_all() -> None:
    declare(
        "quizzes.QuizAttempt.user",
        section="quiz",
        export=lambda user: rows(
            QuizAttempt.objects.filter(user=user),
            "lesson__title",
            "number",
            "mode",
            "status",
            "started_at",
            "submitted_at",
            "score",
            "passed",
            "answers",
        ),
        kept_because=_(
            "Tentatives de quiz : conservées sans nom, pour les statistiques des questions."
        ),
    )
