"""bench_cohort_seed: one large cohort for `make bench` (bench/dashboard.py) and the scale tests.

Writes rows in bulk, straight into the tables, instead of going through learning's services: the
services enrol and complete one lesson at a time under row locks, which would take an hour for
200,000 progress rows. The figures on each enrolment are computed here the way
learning.services._refresh_figures computes them, so the dashboard reads what it would read in
production. Reserved to benchmarks and tests: every account it makes has an unusable password and
an address under BENCH_EMAIL_DOMAIN, and running it again first removes what it made before.
"""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.rich_text import RichText

from courses.cache import content_generation_bump
from courses.models import CompletionRule, CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.outline import course_outline
from elus2.cohorts.models import Cohort, Membership, Organisation
from elus2.learning.models import DailyActivity, Enrolment, EnrolmentStatus, LessonProgress
from elus2.quizzes.models import AttemptStatus, QuizAttempt, QuizMode
from elus2.users.roles import Role

BENCH_EMAIL_DOMAIN = "bench.elus2.invalid"
BENCH_ORGANISATION = "Banc d'essai du suivi"
BENCH_COURSE_SLUG = "banc-suivi"
BENCH_STAFF_EMAIL = f"suivi@{BENCH_EMAIL_DOMAIN}"
BATCH = 5000


@dataclass(frozen=True)
class SeedResult:
    cohort: Cohort
    course: CoursePage
    learners: int
    progress_rows: int
    attempts: int
    seconds: float


def bench_course_ensure(*, modules: int, lessons_per_module: int) -> CoursePage:
    """A published course of modules × lessons (last lesson of each module counted as its quiz),
    reused when a course with the bench slug and that many lessons already exists."""
    slug = f"{BENCH_COURSE_SLUG}-{modules}x{lessons_per_module}"
    course = CoursePage.objects.filter(slug=slug).first()
    if course is not None:
        return course
    catalogue = CourseIndexPage.objects.order_by("path").first()
    if catalogue is None:
        raise CommandError("Aucun catalogue de formations : lancez d'abord les migrations.")
    course = catalogue.add_child(
        instance=CoursePage(
            title=f"Banc d'essai : {modules} modules de {lessons_per_module} leçons",
            slug=slug,
            summary="Formation générée pour mesurer le tableau de bord.",
            audience="Élus locaux",
            objectives="Mesurer",
        )
    )
    for module_number in range(1, modules + 1):
        module = course.add_child(
            instance=ModulePage(title=f"Module {module_number}", slug=f"module-{module_number}")
        )
        for lesson_number in range(1, lessons_per_module + 1):
            module.add_child(
                instance=LessonPage(
                    title=f"Leçon {module_number}.{lesson_number}",
                    slug=f"lecon-{module_number}-{lesson_number}",
                    completion_rule=CompletionRule.MARKED_DONE,
                    body=[("paragraph", RichText("<p>Texte de la leçon.</p>"))],
                )
            )
    content_generation_bump()  # add_child publishes no signal: outlines must see the new pages
    return course


def bench_rows_remove(*, email_domain: str = BENCH_EMAIL_DOMAIN) -> None:
    """Everything a previous run made, children first, in set-based deletes."""
    User = get_user_model()
    users = User.objects.filter(email__endswith=f"@{email_domain}")
    LessonProgress.objects.filter(enrolment__user__in=users).delete()
    QuizAttempt.objects.filter(user__in=users).delete()
    Enrolment.objects.filter(user__in=users).delete()
    DailyActivity.objects.filter(user__in=users).delete()
    Membership.objects.filter(user__in=users).delete()
    Cohort.objects.filter(organisation__name=BENCH_ORGANISATION).delete()
    users.delete()


def cohort_learners_bulk_create(
    *,
    cohort: Cohort,
    course: CoursePage,
    count: int,
    seed: int = 6,
    progress: str = "all",
    email_prefix: str = "elu",
    email_domain: str = BENCH_EMAIL_DOMAIN,
    batch: int = BATCH,
    now: datetime.datetime | None = None,
) -> tuple[int, int]:
    """`count` new members of `cohort`, enrolled in `course` at varied progress.

    progress: "all" gives every learner a row per lesson (not-yet-opened lessons as empty rows,
    as a heartbeat leaves them), "reached" only the lessons they opened, "none" enrolments only
    (the CSV memory bench needs 50,000 rows of table, not two million of progress).
    Returns (progress rows, quiz attempts) written.
    """
    User = get_user_model()
    rng = random.Random(seed)  # noqa: S311 - repeatable bench data, no secret
    now = now or timezone.now()
    outline = course_outline(course_path=course.path)
    lessons = outline.lessons if outline else []
    quiz_ids = {
        module.lessons[-1].id for module in (outline.modules if outline else ()) if module.lessons
    }
    password = make_password(None)
    enrolled_at = now - datetime.timedelta(days=60)
    progress_rows = attempts = 0
    mandates = ["maire", "adjoint", "conseiller_municipal", "conseiller_communautaire"]
    for start in range(0, count, batch):
        size = min(batch, count - start)
        numbers = range(start, start + size)
        with transaction.atomic():
            users = User.objects.bulk_create(
                [
                    User(
                        email=f"{email_prefix}{cohort.pk}-{number:06d}@{email_domain}",
                        first_name=f"Élu {number}",
                        last_name=f"Banc {number:06d}",
                        mandate=mandates[number % len(mandates)],
                        password=password,
                    )
                    for number in numbers
                ],
                batch_size=batch,
            )
            if users and users[0].pk is None:  # a backend without RETURNING
                emails = [user.email for user in users]
                users = list(User.objects.filter(email__in=emails).order_by("email"))
            Membership.objects.bulk_create(
                [Membership(cohort=cohort, user=user) for user in users], batch_size=batch
            )
            enrolments, plans = [], []
            for user in users:
                plan = _plan(rng, len(lessons), now)
                plans.append(plan)
                done, seconds, last = plan
                enrolments.append(
                    Enrolment(
                        user=user,
                        course=course,
                        status=(
                            EnrolmentStatus.COMPLETED
                            if lessons and done == len(lessons)
                            else EnrolmentStatus.STARTED
                            if last
                            else EnrolmentStatus.ENROLLED
                        ),
                        started_at=last and enrolled_at,
                        completed_at=last if lessons and done == len(lessons) else None,
                        last_activity_at=last,
                        last_lesson_id=lessons[max(done - 1, 0)].id if last and lessons else None,
                        next_lesson_id=lessons[done].id if done < len(lessons) else None,
                        lessons_total=len(lessons),
                        lessons_completed=done,
                        percent=round(100 * done / len(lessons)) if lessons else 0,
                        minutes_left=sum(lesson.minutes for lesson in lessons[done:]),
                        active_seconds=seconds,
                    )
                )
            enrolments = Enrolment.objects.bulk_create(enrolments, batch_size=batch)
            if enrolments and enrolments[0].pk is None:
                by_user = dict(
                    Enrolment.objects.filter(user__in=users, course=course).values_list(
                        "user_id", "pk"
                    )
                )
                for enrolment in enrolments:
                    enrolment.pk = by_user[enrolment.user_id]
            rows, quiz_rows = [], []
            for enrolment, (done, seconds, last) in zip(enrolments, plans, strict=True):
                if progress == "none":
                    continue
                per_lesson = seconds // max(done, 1)
                for index, lesson in enumerate(lessons):
                    reached = last is not None and index <= done
                    if not reached and progress == "reached":
                        break
                    when = last - datetime.timedelta(hours=done - index) if reached else None
                    completed = when if index < done else None
                    rows.append(
                        LessonProgress(
                            enrolment_id=enrolment.pk,
                            lesson_id=lesson.id,
                            first_viewed_at=when,
                            completed_at=completed,
                            active_seconds=per_lesson if completed else 0,
                        )
                    )
                    if lesson.id in quiz_ids and reached:
                        quiz_rows += _attempts(rng, enrolment.user_id, lesson.id, when, completed)
                if len(rows) >= batch:
                    LessonProgress.objects.bulk_create(rows, batch_size=batch)
                    progress_rows += len(rows)
                    rows = []
            LessonProgress.objects.bulk_create(rows, batch_size=batch)
            QuizAttempt.objects.bulk_create(quiz_rows, batch_size=batch)
            progress_rows += len(rows)
            attempts += len(quiz_rows)
    # auto_now_add stamped "now" on these: the cohort was invited two months ago.
    Membership.objects.filter(cohort=cohort, user__email__endswith=f"@{email_domain}").update(
        invited_at=enrolled_at
    )
    Enrolment.objects.filter(course=course, user__email__endswith=f"@{email_domain}").update(
        enrolled_at=enrolled_at
    )
    return progress_rows, attempts


def _plan(rng: random.Random, lessons: int, now: datetime.datetime):
    """(lessons done, active seconds, last activity) for one learner: a tenth never started, a
    fifth finished, the rest somewhere between; last seen between today and three weeks ago."""
    draw = rng.random()
    if draw < 0.1 or not lessons:
        return 0, 0, None
    done = lessons if draw > 0.8 else rng.randint(0, lessons - 1)
    seconds = done * rng.randint(120, 480)
    last = now - datetime.timedelta(days=rng.randint(0, 21), minutes=rng.randint(0, 1440))
    return done, seconds, last


def _attempts(rng, user_id: int, lesson_id: int, when, completed) -> list[QuizAttempt]:
    """One or two graded attempts at the module's quiz: passed when the lesson is done."""
    scores = []
    if not completed or rng.random() < 0.3:
        scores.append(rng.randint(10, 69))
    if completed:
        scores.append(rng.randint(70, 100))
    return [
        QuizAttempt(
            user_id=user_id,
            lesson_id=lesson_id,
            number=number,
            status=AttemptStatus.SUBMITTED,
            mode=QuizMode.GRADED,
            submitted_at=when,
            score=score,
            passed=score >= 70,
        )
        for number, score in enumerate(scores, start=1)
    ]


def bench_cohort_seed(
    *,
    learners: int,
    modules: int,
    lessons_per_module: int,
    progress: str = "all",
    name: str = "Promotion de 5 000",
    staff_email: str = BENCH_STAFF_EMAIL,
    replace: bool = True,
) -> SeedResult:
    started = time.monotonic()
    if replace:
        bench_rows_remove()
    course = bench_course_ensure(modules=modules, lessons_per_module=lessons_per_module)
    organisation, _ = Organisation.objects.get_or_create(name=BENCH_ORGANISATION)
    cohort = Cohort.objects.create(
        organisation=organisation,
        name=name,
        starts_on=timezone.localdate() - datetime.timedelta(days=60),
    )
    cohort.courses.add(course)
    User = get_user_model()
    staff = User.objects.filter(email=staff_email).first()
    if staff is None:
        staff = User.objects.create_user(
            email=staff_email, first_name="Banc", last_name="Suivi", is_staff=True
        )
    staff.groups.add(Group.objects.get_or_create(name=Role.STAFF)[0])
    cohort.staff.add(staff)
    rows, attempts = cohort_learners_bulk_create(
        cohort=cohort, course=course, count=learners, progress=progress
    )
    return SeedResult(
        cohort=cohort,
        course=course,
        learners=learners,
        progress_rows=rows,
        attempts=attempts,
        seconds=time.monotonic() - started,
    )


class Command(BaseCommand):
    help = (
        "Crée une promotion de banc d'essai (5 000 élus × 40 leçons par défaut) pour mesurer le "
        "tableau de bord du suivi. Supprime d'abord ce qu'une exécution précédente avait créé."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=5000)
        parser.add_argument("--modules", type=int, default=8)
        parser.add_argument("--lessons-per-module", type=int, default=5)
        parser.add_argument(
            "--progress",
            choices=["all", "reached", "none"],
            default="all",
            help="all: une ligne par leçon et par élu ; reached: les leçons ouvertes ; none: aucune.",
        )
        parser.add_argument("--name", default="Promotion de 5 000")
        parser.add_argument(
            "--keep",
            action="store_true",
            help="Ajoute une promotion sans supprimer celles des exécutions précédentes.",
        )

    def handle(self, *args, **options):
        result = bench_cohort_seed(
            learners=options["learners"],
            modules=options["modules"],
            lessons_per_module=options["lessons_per_module"],
            progress=options["progress"],
            name=options["name"],
            replace=not options["keep"],
        )
        self.stdout.write(
            f"COHORT {result.cohort.pk} COURSE {result.course.pk} LEARNERS {result.learners} "
            f"PROGRESS {result.progress_rows} ATTEMPTS {result.attempts} "
            f"SECONDS {result.seconds:.1f} STAFF {BENCH_STAFF_EMAIL}"
        )
