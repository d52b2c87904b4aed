"""Reads behind the staff dashboards, their exports and the client report: one cohort, one course.

Every function takes a cohort the caller got from cohorts.selectors.cohort_get_visible, which is
where visibility is decided; nothing here widens it. Figures come from learning.Enrolment (kept
up to date by learning's services) and are aggregated in SQL, so a page costs the same number of
queries for 30 members or 5,000. The learner table is lazy: the screen slices one page of it, the
exports iterate over all of it in chunks, and both read the same rows (shared/STYLE.md rule 2).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from courses.outline import Outline, OutlineLesson, OutlineModule, course_outline
from elus2.cohorts.models import Cohort, Membership
from elus2.cohorts.selectors import cohort_list_visible_to
from elus2.learning.models import Enrolment, EnrolmentStatus, LessonProgress
from elus2.learning.selectors import Attestation, attestation_list
from elus2.quizzes.models import AttemptStatus, QuizAttempt, QuizMode
from elus2.quizzes.selectors import attempt_result
from elus2.quizzes.statistics import BUCKET_COUNT, Bucket
from elus2.users.models import Mandate

NOT_ENROLLED = "not_enrolled"
STATUS_LABELS = {NOT_ENROLLED: _("Non inscrit"), **dict(EnrolmentStatus.choices)}
NOT_STARTED, IN_PROGRESS, DONE = "not_started", "in_progress", "done"
LESSON_STATE_LABELS = {
    NOT_STARTED: _("Pas commencée"),
    IN_PROGRESS: _("Commencée"),
    DONE: _("Terminée"),
}
EXPORT_CHUNK = 2000


def percent_of(count: int, total: int) -> int:
    """Whole percent, rounded like learning's progress figures; 0 of nothing is 0 %."""
    return round(100 * count / total) if total else 0


# --- Which course ---------------------------------------------------------------------------------


def cohort_course_list(*, cohort: Cohort) -> list[CoursePage]:
    """The cohort's courses in the catalogue's order (one query): the first is the default."""
    return list(cohort.courses.order_by("path"))


def cohort_has_member(*, cohort: Cohort, user_id: int) -> bool:
    return Membership.objects.filter(cohort=cohort, user_id=user_id).exists()


def cohort_attestation_list(*, cohort: Cohort, course: CoursePage) -> list[Attestation]:
    """The attestations of the members who have completed `course` (one query)."""
    return attestation_list(user_ids=_members(cohort).values("user_id"), course_id=course.pk)


def _outline(course: CoursePage) -> Outline | None:
    return course_outline(course_path=course.path)


def _members(cohort: Cohort) -> QuerySet:
    """The cohort's memberships, each joined (left) to its member's enrolment in `course`."""
    return Membership.objects.filter(cohort=cohort)


def _with_enrolment(queryset: QuerySet, *, course: CoursePage, cutoff: datetime.datetime):
    """Adds the member's enrolment in the course (a LEFT JOIN, so members not enrolled stay) and
    the stalled flag: no activity since `cutoff` and not finished. Someone who never opened a
    lesson counts from their enrolment (or invitation): invited last week and silent since is
    stalled, invited this morning is not."""
    return queryset.annotate(
        course_enrolment=FilteredRelation(
            "user__enrolments", condition=Q(user__enrolments__course=course)
        ),
        activity_reference=Coalesce(
            "course_enrolment__last_activity_at", "course_enrolment__enrolled_at", "invited_at"
        ),
    ).annotate(
        is_stalled=Case(
            When(
                Q(activity_reference__lt=cutoff)
                & (
                    Q(course_enrolment__pk__isnull=True)
                    | ~Q(course_enrolment__status=EnrolmentStatus.COMPLETED)
                ),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def stalled_cutoff(*, days: int, now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=days)


# --- Summary --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    count: int
    percent: int  # of the cohort's members


@dataclass(frozen=True)
class ScoreSummary:
    """Over each member's latest submitted graded attempt at each quiz of the course."""

    attempts: int
    learners: int
    average: float | None
    distribution: tuple[Bucket, ...]


@dataclass(frozen=True)
class CohortSummary:
    members: int
    enrolled: Figure
    started: Figure
    completed: Figure
    stalled: Figure
    stalled_days: int
    active_seconds_average: int  # per enrolled member
    scores: ScoreSummary

    @property
    def active_minutes_average(self) -> int:
        return round(self.active_seconds_average / 60)


def cohort_summary(
    *,
    cohort: Cohort,
    course: CoursePage,
    stalled_days: int | None = None,
    now: datetime.datetime | None = None,
) -> CohortSummary:
    """The dashboard's headline figures: two queries, whatever the cohort's size."""
    days = stalled_days or cohort.stalled_after_days
    started = [EnrolmentStatus.STARTED, EnrolmentStatus.COMPLETED]
    figures = _with_enrolment(
        _members(cohort), course=course, cutoff=stalled_cutoff(days=days, now=now)
    ).aggregate(
        members=Count("pk"),
        enrolled=Count("course_enrolment__pk"),
        started=Count("pk", filter=Q(course_enrolment__status__in=started)),
        completed=Count("pk", filter=Q(course_enrolment__status=EnrolmentStatus.COMPLETED)),
        stalled=Count("pk", filter=Q(is_stalled=True)),
        active=Avg("course_enrolment__active_seconds"),
    )
    members = figures["members"]

    def figure(name: str) -> Figure:
        return Figure(count=figures[name], percent=percent_of(figures[name], members))

    return CohortSummary(
        members=members,
        enrolled=figure("enrolled"),
        started=figure("started"),
        completed=figure("completed"),
        stalled=figure("stalled"),
        stalled_days=days,
        active_seconds_average=round(figures["active"] or 0),
        scores=cohort_score_summary(cohort=cohort, course=course),
    )


def _bucket_filter(index: int) -> Q:
    low = 10 * index
    if index == BUCKET_COUNT - 1:
        return Q(score__gte=low)
    return Q(score__gte=low, score__lt=low + 10)


def cohort_score_summary(*, cohort: Cohort, course: CoursePage) -> ScoreSummary:
    """Average and 10-point distribution of the members' latest submitted graded attempts at the
    course's quizzes (one per member and quiz: a retry replaces the earlier score). One query."""
    outline = _outline(course)
    lesson_ids = [lesson.id for lesson in outline.lessons] if outline else []
    graded = {"status": AttemptStatus.SUBMITTED, "mode": QuizMode.GRADED}
    later = QuizAttempt.objects.filter(
        user_id=OuterRef("user_id"),
        lesson_id=OuterRef("lesson_id"),
        number__gt=OuterRef("number"),
        **graded,
    )
    figures = (
        QuizAttempt.objects.filter(
            user_id__in=_members(cohort).values("user_id"),
            lesson_id__in=lesson_ids,
            score__isnull=False,
            **graded,
        )
        .exclude(Exists(later))
        .aggregate(
            attempts=Count("pk"),
            learners=Count("user_id", distinct=True),
            average=Avg("score"),
            **{
                f"bucket{index}": Count("pk", filter=_bucket_filter(index))
                for index in range(BUCKET_COUNT)
            },
        )
    )
    distribution = tuple(
        Bucket(
            low=10 * index,
            high=100 if index == BUCKET_COUNT - 1 else 10 * index + 9,
            count=figures[f"bucket{index}"],
        )
        for index in range(BUCKET_COUNT)
    )
    average = figures["average"]
    return ScoreSummary(
        attempts=figures["attempts"],
        learners=figures["learners"],
        average=round(float(average), 1) if average is not None else None,
        distribution=distribution,
    )


# --- Module funnel --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleStep:
    position: int  # 1, 2… in the outline's order
    module_id: int
    title: str
    lessons: int
    completed: int  # members who completed every lesson of the module
    percent: int  # of the cohort's members


def cohort_module_funnel(*, cohort: Cohort, course: CoursePage) -> list[ModuleStep]:
    """Per module in outline order, how many members completed all of its (live) lessons.

    One grouped query over the members' completed progress rows: per enrolment, how many lessons
    of each module are done; then, per module, how many enrolments have them all. Modules without
    a live lesson are left out (there is nothing to complete)."""
    outline = _outline(course)
    modules = [module for module in (outline.modules if outline else ()) if module.lessons]
    members = _members(cohort).count()
    if not modules:
        return []
    per_enrolment = (
        LessonProgress.objects.filter(
            enrolment__course=course,
            enrolment__user_id__in=_members(cohort).values("user_id"),
            completed_at__isnull=False,
            lesson_id__in=[lesson.id for module in modules for lesson in module.lessons],
        )
        .values("enrolment_id")
        .annotate(
            **{
                f"done{index}": Count(
                    "pk", filter=Q(lesson_id__in=[lesson.id for lesson in module.lessons])
                )
                for index, module in enumerate(modules)
            }
        )
    )
    counts = per_enrolment.aggregate(
        **{
            f"module{index}": Count(
                "enrolment_id", filter=Q(**{f"done{index}__gte": len(module.lessons)})
            )
            for index, module in enumerate(modules)
        }
    )
    return [
        ModuleStep(
            position=index + 1,
            module_id=module.id,
            title=module.title,
            lessons=len(module.lessons),
            completed=counts[f"module{index}"] or 0,
            percent=percent_of(counts[f"module{index}"] or 0, members),
        )
        for index, module in enumerate(modules)
    ]


# --- Learner table --------------------------------------------------------------------------------

_ROW_FIELDS = (
    "user_id",
    "user__first_name",
    "user__last_name",
    "user__email",
    "user__mandate",
    "course_enrolment__pk",
    "course_enrolment__status",
    "course_enrolment__percent",
    "course_enrolment__lessons_completed",
    "course_enrolment__lessons_total",
    "course_enrolment__active_seconds",
    "course_enrolment__last_activity_at",
    "is_stalled",
)


@dataclass(frozen=True)
class LearnerRow:
    user_id: int
    first_name: str
    last_name: str
    email: str
    mandate: str
    enrolment_id: int | None
    status: str
    percent: int
    lessons_completed: int
    lessons_total: int
    active_seconds: int
    last_activity_at: datetime.datetime | None
    stalled: bool

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    @property
    def mandate_label(self) -> str:
        return str(Mandate(self.mandate).label) if self.mandate in Mandate.values else self.mandate

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def active_minutes(self) -> int:
        return round(self.active_seconds / 60)

    @property
    def never_started(self) -> bool:
        return self.status in (NOT_ENROLLED, EnrolmentStatus.ENROLLED)


def _learner_row(values: tuple) -> LearnerRow:
    (
        user_id,
        first_name,
        last_name,
        email,
        mandate,
        enrolment_id,
        status,
        percent,
        done,
        total,
        seconds,
        last_activity,
        stalled,
    ) = values
    return LearnerRow(
        user_id=user_id,
        first_name=first_name,
        last_name=last_name,
        email=email,
        mandate=mandate,
        enrolment_id=enrolment_id,
        status=status or NOT_ENROLLED,
        percent=percent or 0,
        lessons_completed=done or 0,
        lessons_total=total or 0,
        active_seconds=seconds or 0,
        last_activity_at=last_activity,
        stalled=bool(stalled),
    )


class LearnerRows:
    """The learner table, lazily: `count()` and slices for the screen's paginator (one query
    each), plain iteration in chunks for the exports, so memory stays flat at 50,000 rows."""

    def __init__(self, queryset: QuerySet):
        self._queryset = queryset

    def count(self) -> int:
        return self._queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[LearnerRow]:
        if not isinstance(key, slice):
            raise TypeError("LearnerRows takes slices")
        return [_learner_row(values) for values in self._queryset[key]]

    def __iter__(self) -> Iterator[LearnerRow]:
        for values in self._queryset.iterator(chunk_size=EXPORT_CHUNK):
            yield _learner_row(values)

    def get(self, *, user_id: int) -> LearnerRow | None:
        values = self._queryset.filter(user_id=user_id).first()
        return _learner_row(values) if values is not None else None


def cohort_learner_list(
    *,
    cohort: Cohort,
    course: CoursePage,
    stalled_days: int | None = None,
    stalled_only: bool = False,
    now: datetime.datetime | None = None,
) -> LearnerRows:
    """One row per member, by name: their figures in `course` and whether they are stalled (no
    activity for `stalled_days`, the cohort's setting by default). Built lazily; see LearnerRows."""
    days = stalled_days or cohort.stalled_after_days
    queryset = _with_enrolment(
        _members(cohort), course=course, cutoff=stalled_cutoff(days=days, now=now)
    )
    if stalled_only:
        queryset = queryset.filter(is_stalled=True)
    queryset = queryset.order_by(
        "user__last_name", "user__first_name", "user__email", "user_id"
    ).values_list(*_ROW_FIELDS)
    return LearnerRows(queryset)


# --- One learner ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LessonLine:
    lesson: OutlineLesson
    state: str
    completed_at: datetime.datetime | None
    active_seconds: int

    @property
    def state_label(self) -> str:
        return str(LESSON_STATE_LABELS[self.state])

    @property
    def active_minutes(self) -> int:
        return round(self.active_seconds / 60)


@dataclass(frozen=True)
class ModuleLines:
    module: OutlineModule
    lessons: tuple[LessonLine, ...]

    @property
    def done(self) -> int:
        return sum(1 for line in self.lessons if line.state == DONE)


@dataclass(frozen=True)
class AttemptLine:
    """An attempt as staff see it: which quiz, when, the score. Never the questions or answers."""

    lesson_title: str
    number: int
    mode: str
    submitted_at: datetime.datetime | None
    score: int | None
    passed: bool | None

    @property
    def mode_label(self) -> str:
        return str(QuizMode(self.mode).label) if self.mode in QuizMode.values else self.mode


@dataclass(frozen=True)
class LearnerDetail:
    row: LearnerRow
    modules: tuple[ModuleLines, ...]
    attempts: tuple[AttemptLine, ...]


def cohort_learner_detail(
    *,
    cohort: Cohort,
    course: CoursePage,
    user_id: int,
    stalled_days: int | None = None,
    now: datetime.datetime | None = None,
) -> LearnerDetail | None:
    """A member's page: the table's row, each lesson's state and active time, and their submitted
    attempts at the course's quizzes with scores only. None when `user_id` is not a member.
    Three queries."""
    row = cohort_learner_list(cohort=cohort, course=course, stalled_days=stalled_days, now=now).get(
        user_id=user_id
    )
    if row is None:
        return None
    outline = _outline(course)
    lessons = outline.lessons if outline else []
    progress: dict[int, tuple] = {}
    if row.enrolment_id is not None:
        progress = {
            lesson_id: (viewed, completed, seconds)
            for lesson_id, viewed, completed, seconds in LessonProgress.objects.filter(
                enrolment_id=row.enrolment_id
            ).values_list("lesson_id", "first_viewed_at", "completed_at", "active_seconds")
        }

    def line(lesson: OutlineLesson) -> LessonLine:
        viewed, completed, seconds = progress.get(lesson.id, (None, None, 0))
        state = DONE if completed else (IN_PROGRESS if viewed or seconds else NOT_STARTED)
        return LessonLine(
            lesson=lesson, state=state, completed_at=completed, active_seconds=seconds
        )

    modules = tuple(
        ModuleLines(module=module, lessons=tuple(line(lesson) for lesson in module.lessons))
        for module in (outline.modules if outline else ())
    )
    titles = {lesson.id: lesson.title for lesson in lessons}
    attempts = tuple(
        AttemptLine(
            lesson_title=titles[lesson_id],
            number=number,
            mode=mode,
            submitted_at=submitted_at,
            score=score,
            passed=passed,
        )
        for lesson_id, number, mode, submitted_at, score, passed in QuizAttempt.objects.filter(
            user_id=user_id, lesson_id__in=list(titles), status=AttemptStatus.SUBMITTED
        )
        .order_by("submitted_at", "pk")
        .values_list("lesson_id", "number", "mode", "submitted_at", "score", "passed")
    )
    return LearnerDetail(row=row, modules=modules, attempts=attempts)


# --- Cohort list ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CohortOverview:
    """One line of the cohort list: the cohort (with its courses prefetched) and its figures over
    all its courses."""

    cohort: Cohort
    members: int
    progress: int  # average percent over members × courses; not enrolled counts as 0
    to_follow_up: int  # « à relancer »: stalled in at least one course, as on the dashboard

    @property
    def courses(self) -> list[CoursePage]:
        return list(self.cohort.courses.all())


def _stalled_before(field: str, cohorts: list[Cohort], now: datetime.datetime, prefix: str) -> Q:
    """`field` older than its cohort's stalled cutoff: one branch per distinct setting, so the
    whole list is one query whatever each cohort chose."""
    condition = Q(pk__in=[])
    for days in {cohort.stalled_after_days for cohort in cohorts}:
        condition |= Q(**{f"{prefix}stalled_after_days": days}) & Q(
            **{f"{field}__lt": stalled_cutoff(days=days, now=now)}
        )
    return condition


def cohort_overview_list(*, viewer, now: datetime.datetime | None = None) -> list[CohortOverview]:
    """The cohorts the viewer may follow, each with its member count, average progress, finished
    « à relancer » count: four queries whatever the number of cohorts and members (the
    cohorts, their courses, one aggregate over the enrolments in the cohorts' courses, one over
    the members enrolled in none of them). The « à relancer » rule is the dashboard's
    (_with_enrolment): unfinished and silent since the cohort's cutoff, counted from the last
    activity, else the enrolment, else the invitation."""
    now = now or timezone.now()
    cohorts = list(
        cohort_list_visible_to(viewer=viewer)
        .annotate(member_count=Count("memberships"))
        .prefetch_related(Prefetch("courses", queryset=CoursePage.objects.order_by("path")))
    )
    if not cohorts:
        return []
    ids = [cohort.pk for cohort in cohorts]
    # One row per (enrolment, cohort) when the course is one of the cohort's and the person one of
    # its members: both joins in one filter() call, so they are the same membership and course.
    enrolments = (
        Enrolment.objects.filter(
            user__cohort_memberships__cohort__in=ids,
            user__cohort_memberships__cohort__courses=F("course"),
        )
        .annotate(
            cohort_id=F("user__cohort_memberships__cohort"),
            reference=Coalesce("last_activity_at", "enrolled_at"),
        )
        .values("cohort_id")
        .annotate(
            percent_sum=Sum("percent"),
            stalled_members=Count(
                "user",
                distinct=True,
                filter=~Q(status=EnrolmentStatus.COMPLETED)
                & _stalled_before("reference", cohorts, now, "user__cohort_memberships__cohort__"),
            ),
        )
    )
    figures = {row["cohort_id"]: row for row in enrolments}
    in_a_course = Enrolment.objects.filter(
        user=OuterRef("user"),
        course_id__in=Cohort.courses.through.objects.filter(
            cohort_id=OuterRef(OuterRef("cohort_id"))
        ).values("coursepage_id"),
    )
    never_enrolled = dict(
        Membership.objects.filter(cohort__in=ids)
        .filter(~Exists(in_a_course), _stalled_before("invited_at", cohorts, now, "cohort__"))
        .values("cohort")
        .annotate(count=Count("pk"))
        .values_list("cohort", "count")
    )
    overviews = []
    for cohort in cohorts:
        row = figures.get(cohort.pk, {})
        course_count = len(cohort.courses.all())
        slots = cohort.member_count * course_count
        overviews.append(
            CohortOverview(
                cohort=cohort,
                members=cohort.member_count,
                progress=round((row.get("percent_sum") or 0) / slots) if slots else 0,
                to_follow_up=(row.get("stalled_members") or 0) + never_enrolled.get(cohort.pk, 0),
            )
        )
    return overviews


# --- Self-assessment: the cohort before and after -------------------------------------------------


@dataclass(frozen=True)
class BarometerQuestion:
    text: str
    right_before: int  # percent of the people measured
    right_after: int

    @property
    def change(self) -> int:
        return self.right_after - self.right_before


@dataclass(frozen=True)
class Barometer:
    """One self-assessment quiz taken before and after the course by the cohort's members: only
    people who took it twice count, each with their first and latest submitted attempts (the
    same pairing the official sees on their own review page)."""

    lesson_id: int
    title: str
    people: int
    score_before: int  # average percent
    score_after: int
    questions: list[BarometerQuestion]

    @property
    def change(self) -> int:
        return self.score_after - self.score_before


def cohort_barometer_list(*, cohort: Cohort, course: CoursePage) -> list[Barometer]:
    """Every self-assessment quiz of the course, in outline order: two queries, whatever the size
    of the cohort (grading the snapshots is pure Python)."""
    outline = _outline(course)
    if outline is None:
        return []
    order = {lesson.id: index for index, lesson in enumerate(outline.lessons)}
    titles = {lesson.id: lesson.title for lesson in outline.lessons}
    attempts = (
        QuizAttempt.objects.filter(
            mode=QuizMode.SELF_ASSESSMENT,
            status=AttemptStatus.SUBMITTED,
            lesson_id__in=list(order),
            user__cohort_memberships__cohort=cohort,
        )
        .order_by("lesson_id", "user_id", "number")
        .only("pk", "user_id", "lesson_id", "number", "score", "questions", "answers", "pass_mark")
    )
    pairs: dict[int, dict[int, list]] = {}
    for attempt in attempts.iterator(chunk_size=500):
        pairs.setdefault(attempt.lesson_id, {}).setdefault(attempt.user_id, []).append(attempt)
    barometers = []
    for lesson_id in sorted(pairs, key=order.get):
        measured = [(runs[0], runs[-1]) for runs in pairs[lesson_id].values() if len(runs) > 1]
        if not measured:
            continue
        texts: dict[str, str] = {}
        right: dict[str, list[int]] = {}
        for before, after in measured:
            for column, attempt in ((0, before), (1, after)):
                for question in attempt_result(attempt).questions:
                    texts.setdefault(question.id, question.text)
                    right.setdefault(question.id, [0, 0])[column] += int(question.correct)
        people = len(measured)
        barometers.append(
            Barometer(
                lesson_id=lesson_id,
                title=titles[lesson_id],
                people=people,
                score_before=round(sum(b.score or 0 for b, _a in measured) / people),
                score_after=round(sum(a.score or 0 for _b, a in measured) / people),
                questions=[
                    BarometerQuestion(
                        text=texts[qid],
                        right_before=percent_of(counts[0], people),
                        right_after=percent_of(counts[1], people),
                    )
                    for qid, counts in right.items()
                ],
            )
        )
    return barometers
