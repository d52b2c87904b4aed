"""bench_reminders_seed: 100,000 enrolments for the reminder sweep's benchmark (bench/reminders.py).

Rows go straight into the tables with bulk_create, in batches, instead of through the invitation
and learning services (which enrol one person at a time under row locks). Each learner is a member
of one of the bench cohorts and enrolled in a small bench course, at a spread of states: never
opened, active this week, idle for one to five weeks, finished. Reserved to benchmarks: every
account has an unusable password and an address under BENCH_EMAIL_DOMAIN, and running the command
again first removes what it made before (their outbox rows go with them); `--remove` only
removes, which make bench does once the sweep is measured, so that the next run's pages are not
measured beside 100,000 leftover accounts.
"""

from __future__ import annotations

import datetime
import random
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.rich_text import RichText

from courses.cache import content_generation_bump
from courses.models import CompletionRule, CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.outline import course_outline
from elus2.cohorts.models import Cohort, Membership, Organisation
from elus2.learning.models import Enrolment, EnrolmentStatus

BENCH_EMAIL_DOMAIN = "relances.bench.elus2.invalid"
BENCH_ORGANISATION = "Banc d'essai des relances"
BENCH_COURSE_SLUG = "banc-relances"
BATCH = 5000


def bench_course_ensure(*, lessons: int = 6) -> CoursePage:
    course = CoursePage.objects.filter(slug=BENCH_COURSE_SLUG).first()
    if course is not None:
        return course
    catalogue = CourseIndexPage.objects.order_by("path").first()
    if catalogue is None:
        raise CommandError("Aucun catalogue de formations : lancez d'abord les migrations.")
    course = catalogue.add_child(
        instance=CoursePage(
            title="Banc d'essai des relances",
            slug=BENCH_COURSE_SLUG,
            summary="Formation générée pour mesurer les relances.",
            audience="Élus locaux",
            objectives="Mesurer",
        )
    )
    module = course.add_child(instance=ModulePage(title="Module 1", slug="module-1"))
    for number in range(1, lessons + 1):
        module.add_child(
            instance=LessonPage(
                title=f"Leçon {number}",
                slug=f"lecon-{number}",
                estimated_minutes=5,
                completion_rule=CompletionRule.MARKED_DONE,
                body=[("paragraph", RichText("<p>Texte de la leçon.</p>"))],
            )
        )
    content_generation_bump()  # add_child publishes no signal: outlines must see the new pages
    return course


def bench_rows_remove() -> None:
    users = get_user_model().objects.filter(email__endswith=f"@{BENCH_EMAIL_DOMAIN}")
    Enrolment.objects.filter(user__in=users).delete()
    Membership.objects.filter(user__in=users).delete()
    Cohort.objects.filter(organisation__name=BENCH_ORGANISATION).delete()
    users.delete()


def _state(rng: random.Random, now: datetime.datetime, lessons: int) -> tuple[int, object]:
    """(lessons done, last activity): a tenth never opened, a fifth finished, a third active this
    week, the rest idle for one to five weeks (those get a reminder)."""
    draw = rng.random()
    if draw < 0.1:
        return 0, None
    if draw < 0.3:
        return lessons, now - datetime.timedelta(days=rng.randint(0, 30))
    if draw < 0.63:
        return rng.randint(0, lessons - 1), now - datetime.timedelta(hours=rng.randint(1, 150))
    return rng.randint(0, lessons - 1), now - datetime.timedelta(days=rng.randint(8, 35))


def bench_reminders_seed(*, enrolments: int, cohort_size: int, seed: int = 7) -> dict:
    started = time.monotonic()
    bench_rows_remove()
    User = get_user_model()
    course = bench_course_ensure()
    lessons = course_outline(course_path=course.path).lessons
    organisation, _ = Organisation.objects.get_or_create(name=BENCH_ORGANISATION)
    now = timezone.now()
    today = timezone.localdate(now)
    rng = random.Random(seed)  # noqa: S311 - repeatable bench data, no secret
    password = make_password(None)
    invited_at = now - datetime.timedelta(days=40)
    cohorts = 0
    for start in range(0, enrolments, BATCH):
        size = min(BATCH, enrolments - start)
        with transaction.atomic():
            users = User.objects.bulk_create(
                [
                    User(
                        email=f"elu-{number:06d}@{BENCH_EMAIL_DOMAIN}",
                        first_name="Élu",
                        last_name=f"Banc {number:06d}",
                        password=password,
                    )
                    for number in range(start, start + size)
                ],
                batch_size=BATCH,
            )
            if users and users[0].pk is None:  # a backend without RETURNING
                users = list(
                    User.objects.filter(email__in=[user.email for user in users]).order_by("email")
                )
            memberships, rows = [], []
            for offset, user in enumerate(users):
                number = start + offset
                if number % cohort_size == 0:
                    # Deadlines spread over the next month: some fall in the reminder days.
                    cohort = Cohort.objects.create(
                        organisation=organisation,
                        name=f"Promotion {number // cohort_size + 1:04d}",
                        starts_on=today - datetime.timedelta(days=45),
                        deadline=today + datetime.timedelta(days=1 + (cohorts * 3) % 30),
                    )
                    cohort.courses.add(course)
                    cohorts += 1
                memberships.append(Membership(cohort=cohort, user=user))
                done, last = _state(rng, now, len(lessons))
                finished = done == len(lessons)
                rows.append(
                    Enrolment(
                        user=user,
                        course=course,
                        status=EnrolmentStatus.COMPLETED
                        if finished
                        else EnrolmentStatus.STARTED
                        if last
                        else EnrolmentStatus.ENROLLED,
                        started_at=last and invited_at,
                        completed_at=last if finished else None,
                        last_activity_at=last,
                        next_lesson_id=None if finished else lessons[done].id,
                        lessons_total=len(lessons),
                        lessons_completed=done,
                        percent=round(100 * done / len(lessons)),
                        minutes_left=sum(lesson.minutes for lesson in lessons[done:]),
                    )
                )
            Membership.objects.bulk_create(memberships, batch_size=BATCH)
            Enrolment.objects.bulk_create(rows, batch_size=BATCH)
    # auto_now_add stamped "now": the bench cohorts were invited weeks ago.
    Membership.objects.filter(cohort__organisation=organisation).update(invited_at=invited_at)
    return {
        "ENROLMENTS": enrolments,
        "COHORTS": cohorts,
        "COURSE": course.pk,
        "SECONDS": round(time.monotonic() - started, 1),
    }


class Command(BaseCommand):
    help = (
        "Crée 100 000 élus inscrits (par défaut) dans des promotions de banc d'essai, pour mesurer "
        "le balayage des relances. Supprime d'abord ce qu'une exécution précédente avait créé."
    )

    def add_arguments(self, parser):
        parser.add_argument("--enrolments", type=int, default=100_000)
        parser.add_argument("--cohort-size", type=int, default=1000)
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Supprime seulement ce qu'une exécution précédente avait créé.",
        )

    def handle(self, *args, **options):
        if options["remove"]:
            bench_rows_remove()
            return
        result = bench_reminders_seed(
            enrolments=options["enrolments"], cohort_size=options["cohort_size"]
        )
        self.stdout.write(" ".join(f"{key} {value}" for key, value in result.items()))
