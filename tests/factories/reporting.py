"""Reporting tests: cohorts with staff, members at chosen progress, and graded attempts.

Progress is written straight into learning's tables with the figures a test chooses (percent,
active time, last activity), so the expected dashboard numbers can be computed by hand; the
figures follow the rules of learning.services._refresh_figures.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Sequence

from django.contrib.auth.models import Group
from django.utils import timezone

from courses.models import CoursePage, LessonPage
from elus2.cohorts.models import Cohort, Membership, Organisation
from elus2.learning.models import Enrolment, EnrolmentStatus, LessonProgress
from elus2.quizzes.models import AttemptStatus, QuizAttempt, QuizMode
from elus2.users.roles import Role

from .users import UserFactory

_sequence = itertools.count(1)


def cohort_create(*, courses: Sequence[CoursePage] = (), staff: Sequence = (), **fields) -> Cohort:
    number = next(_sequence)
    organisation = fields.pop("organisation", None) or Organisation.objects.create(
        name=f"Commune de Test {number}"
    )
    values = {
        "name": f"Conseil municipal {number}",
        "starts_on": datetime.date(2026, 1, 5),
        **fields,
    }
    cohort = Cohort.objects.create(organisation=organisation, **values)
    cohort.courses.add(*courses)
    cohort.staff.add(*staff)
    return cohort


def staff_create(**fields):
    """A chargé·e de suivi (the role the cohorts selectors look for)."""
    user = UserFactory(is_staff=True, **fields)
    group, _ = Group.objects.get_or_create(name=Role.STAFF)
    user.groups.add(group)
    return user


def learner_in_group(**fields):
    user = UserFactory(**fields)
    group, _ = Group.objects.get_or_create(name=Role.LEARNER)
    user.groups.add(group)
    return user


def member_add(cohort: Cohort, user=None, *, invited_at=None, **user_fields):
    user = user or UserFactory(**user_fields)
    membership = Membership.objects.create(cohort=cohort, user=user)
    if invited_at is not None:
        Membership.objects.filter(pk=membership.pk).update(invited_at=invited_at)
    return user


def progress_set(
    user,
    course: CoursePage,
    lessons: Sequence[LessonPage],
    *,
    done: int = 0,
    opened: int = 0,
    active_seconds: int = 0,
    last_activity_at: datetime.datetime | None = None,
    enrolled_at: datetime.datetime | None = None,
    lesson_seconds: int = 0,
) -> Enrolment:
    """Enrol `user` with the first `done` lessons completed and the next `opened` ones viewed."""
    total = len(lessons)
    if done == total and total:
        status = EnrolmentStatus.COMPLETED
    elif done or opened or last_activity_at:
        status = EnrolmentStatus.STARTED
    else:
        status = EnrolmentStatus.ENROLLED
    when = last_activity_at or timezone.now()
    enrolment = Enrolment.objects.create(
        user=user,
        course=course,
        status=status,
        started_at=when if status != EnrolmentStatus.ENROLLED else None,
        completed_at=when if status == EnrolmentStatus.COMPLETED else None,
        last_activity_at=last_activity_at,
        lessons_total=total,
        lessons_completed=done,
        percent=round(100 * done / total) if total else 0,
        active_seconds=active_seconds,
        next_lesson=lessons[done] if done < total else None,
    )
    if enrolled_at is not None:
        Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=enrolled_at)
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                enrolment=enrolment,
                lesson=lesson,
                first_viewed_at=when,
                completed_at=when if index < done else None,
                active_seconds=lesson_seconds,
            )
            for index, lesson in enumerate(lessons[: done + opened])
        ]
    )
    return enrolment


def attempt_add(
    user,
    lesson: LessonPage,
    score: int,
    *,
    mode: str = QuizMode.GRADED,
    status: str = AttemptStatus.SUBMITTED,
    pass_mark: int = 70,
) -> QuizAttempt:
    number = QuizAttempt.objects.filter(user=user, lesson=lesson).count() + 1
    submitted = status == AttemptStatus.SUBMITTED
    return QuizAttempt.objects.create(
        user=user,
        lesson=lesson,
        number=number,
        status=status,
        mode=mode,
        submitted_at=timezone.now() if submitted else None,
        pass_mark=pass_mark,
        questions=[{"id": "q1", "type": "true_false", "statement": "SECRET-QUESTION-TEXT"}],
        answers={"q1": "SECRET-ANSWER-TEXT"},
        score=score if submitted else None,
        passed=(score >= pass_mark if mode == QuizMode.GRADED else None) if submitted else None,
    )
