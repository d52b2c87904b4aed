"""Reads of the learning app for screens: an official's own courses and lesson states.

Each selector takes the person whose data it shows; nothing here lets one learner read another's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from courses.models import LessonPage
from courses.outline import Outline, OutlineLesson, course_outline, course_path_of

from .models import Enrolment, EnrolmentStatus, LessonProgress

NOT_STARTED, IN_PROGRESS, DONE = "not_started", "in_progress", "done"


@dataclass
class LessonState:
    """Everything a lesson page shows about its learner, from two queries on top of the cached
    outline: the enrolment and its progress rows."""

    outline: Outline
    lesson_id: int
    enrolment: Enrolment | None
    states: dict[int, str] = field(default_factory=dict)

    @property
    def lessons(self) -> list[OutlineLesson]:
        return self.outline.lessons

    def state_of(self, lesson_id: int) -> str:
        return self.states.get(lesson_id, NOT_STARTED)

    @property
    def current_state(self) -> str:
        return self.state_of(self.lesson_id)

    @property
    def locked_by(self) -> OutlineLesson | None:
        """In an ordered course, the earlier lesson still to finish before this one opens."""
        if not self.outline.unlock_in_order:
            return None
        for lesson in self.lessons:
            if lesson.id == self.lesson_id:
                return None
            if self.state_of(lesson.id) != DONE:
                return lesson
        return None

    def neighbours(self) -> tuple[OutlineLesson | None, OutlineLesson | None]:
        lessons = self.lessons
        index = self.outline.position(self.lesson_id)
        if index is None:
            return None, None
        previous = lessons[index - 1] if index > 0 else None
        following = lessons[index + 1] if index + 1 < len(lessons) else None
        return previous, following

    def module_rows(self) -> list[dict]:
        rows = []
        for module in self.outline.modules:
            done = sum(1 for lesson in module.lessons if self.state_of(lesson.id) == DONE)
            total = len(module.lessons)
            rows.append(
                {
                    "module": module,
                    "done": done,
                    "total": total,
                    "percent": round(100 * done / total) if total else 0,
                    "lessons": [(lesson, self.state_of(lesson.id)) for lesson in module.lessons],
                }
            )
        return rows


def lesson_state_get(*, user, lesson: LessonPage) -> LessonState | None:
    outline = course_outline(course_path=course_path_of(lesson))
    if outline is None:
        return None
    enrolment = Enrolment.objects.filter(user=user, course_id=outline.course_id).first()
    states: dict[int, str] = {}
    if enrolment is not None:
        for lesson_id, viewed, completed in LessonProgress.objects.filter(
            enrolment=enrolment
        ).values_list("lesson_id", "first_viewed_at", "completed_at"):
            states[lesson_id] = DONE if completed else (IN_PROGRESS if viewed else NOT_STARTED)
    return LessonState(outline=outline, lesson_id=lesson.pk, enrolment=enrolment, states=states)


def enrolment_list_for_user(*, user) -> dict[str, list[Enrolment]]:
    """ "Mon parcours": courses in progress (most recent first) and completed ones, in one query.
    Each enrolment gets `course_url` and `resume_url` from the cached outline (Wagtail's pageurl
    would look the site up for every link)."""
    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("course", "next_lesson")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    grouped: dict[str, list[Enrolment]] = {"in_progress": [], "completed": []}
    for enrolment in enrolments:
        outline = course_outline(course_path=enrolment.course.path)
        urls = {lesson.id: lesson.url for lesson in outline.lessons} if outline else {}
        enrolment.course_url = outline.course_url if outline else enrolment.course.url
        enrolment.resume_url = urls.get(enrolment.next_lesson_id)
        key = "completed" if enrolment.status == EnrolmentStatus.COMPLETED else "in_progress"
        grouped[key].append(enrolment)
    return grouped


def enrolment_get(*, user, course) -> Enrolment | None:
    return Enrolment.objects.filter(user=user, course=course).select_related("next_lesson").first()


@dataclass(frozen=True)
class Attestation:
    """What the attestation of a completed course states: who, which course and its modules as
    published, when it was started and completed, the active time measured."""

    enrolment: Enrolment
    outline: Outline | None

    @property
    def learner(self):
        return self.enrolment.user

    @property
    def course_title(self) -> str:
        return self.outline.course_title if self.outline else self.enrolment.course.title

    @property
    def started_at(self):
        return self.enrolment.started_at or self.enrolment.enrolled_at

    @property
    def active_time(self) -> tuple[int, int]:
        """(hours, minutes) of active time, rounded to the minute."""
        return divmod(round(self.enrolment.active_seconds / 60), 60)

    @property
    def reference(self) -> str:
        """Quoted when a funder or the client asks: the enrolment and the day of completion."""
        return (
            f"E2-{self.enrolment.pk:06d}-{timezone.localdate(self.enrolment.completed_at):%Y%m%d}"
        )


def _completed(course_id: int):
    """Completed enrolments in the course, of people not anonymised (an erased person's
    enrolment stays for the figures, without anyone to name on an attestation)."""
    return Enrolment.objects.filter(
        course_id=course_id, status=EnrolmentStatus.COMPLETED, user__anonymised_at__isnull=True
    ).select_related("user", "course")


def attestation_list(*, user_ids, course_id: int) -> list[Attestation]:
    """The attestations of those among `user_ids` (ids or a values_list/values query) who have
    completed the course, by name: one query whatever their number, on top of the cached outline."""
    enrolments = list(
        _completed(course_id)
        .filter(user_id__in=user_ids)
        .order_by("user__last_name", "user__first_name", "user_id")
    )
    outline = course_outline(course_path=enrolments[0].course.path) if enrolments else None
    return [Attestation(enrolment, outline) for enrolment in enrolments]


def attestation_get(*, user_id: int, course_id: int) -> Attestation | None:
    """The attestation of `user_id` for a course they have completed; None otherwise (not
    enrolled, not finished, or a lesson added since that they have not done). Callers decide who
    may ask for whose: the learner for themself, staff for the members of their cohorts."""
    enrolment = _completed(course_id).filter(user_id=user_id).first()
    if enrolment is None:
        return None
    return Attestation(enrolment, course_outline(course_path=enrolment.course.path))
