"""Demo accounts, one per role. Later issues add their own demo data to seed_demo."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

DEMO_PASSWORD = "demo-elus2"  # noqa: S105 - dev-only demo accounts, documented in the README


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    group: str
    mandate: str = ""
    is_staff: bool = False
    is_superuser: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("elu@example.org", "Camille", "Martin", "Élu", mandate="adjoint"),
    DemoAccount("formateur@example.org", "Hugo", "Bernard", "Formateur", is_staff=True),
    DemoAccount(
        "responsable@example.org", "Inès", "Petit", "Responsable pédagogique", is_staff=True
    ),
    DemoAccount("suivi@example.org", "Léa", "Durand", "Chargé·e de suivi", is_staff=True),
    DemoAccount(
        "admin@example.org", "Paul", "Moreau", "Administrateur", is_staff=True, is_superuser=True
    ),
]


def demo_site_ensure() -> tuple[str, int]:
    """Point Wagtail's default site at SITE_URL, so the page links it builds (the « voir la page »
    of a workflow email, a page's full URL) reach the server `make run` started, whatever its
    port. Returns the hostname and port."""
    from django.conf import settings
    from wagtail.models import Site

    address = urlsplit(settings.SITE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()  # Site.save clears Wagtail's cached site root paths
    return hostname, port


@transaction.atomic
def demo_accounts_ensure() -> list:
    """Create or refresh the demo accounts; running it twice leaves the same rows."""
    User = get_user_model()
    users = []
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.update_or_create(
            email=account.email,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "mandate": account.mandate,
                "collectivite": "Saint-Aubin-sur-Loire" if account.mandate else "",
                "is_staff": account.is_staff,
                "is_superuser": account.is_superuser,
                "is_active": True,
            },
        )
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        group, _ = Group.objects.get_or_create(name=account.group)
        user.groups.add(group)
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        users.append(user)
    return users


def demo_progress_ensure(course) -> None:
    """The demo official has the course half done: every lesson of the first half completed
    the way its rule says (quizzes included), so "Reprendre" opens the middle of the course."""
    from courses.models import LessonPage
    from courses.outline import course_outline
    from elus2.learning.services import enrolment_create, lesson_progress_complete

    learner = get_user_model().objects.get(email="elu@example.org")
    enrolment_create(user=learner, course=course, invited=True)
    lessons = course_outline(course_path=course.path).lessons
    for item in lessons[: len(lessons) // 2]:
        lesson = LessonPage.objects.get(pk=item.id)
        lesson_progress_complete(user=learner, lesson=lesson, source=lesson.completion_rule)


# Twelve more officials who take the first module's quiz, so the trainers' statistics show something.
DEMO_OFFICIALS = [
    ("Léo", "Garnier", "maire"),
    ("Chloé", "Faure", "adjoint"),
    ("Nathan", "Rousseau", "conseiller_municipal"),
    ("Manon", "Blanc", "conseiller_municipal"),
    ("Louis", "Guérin", "conseiller_communautaire"),
    ("Jade", "Muller", "adjoint"),
    ("Gabriel", "Henry", "conseiller_municipal"),
    ("Emma", "Roussel", "maire"),
    ("Arthur", "Nicolas", "conseiller_departemental"),
    ("Lina", "Perrin", "conseiller_municipal"),
    ("Jules", "Morin", "adjoint"),
    ("Zoé", "Mathieu", "conseiller_municipal"),
]
DEMO_QUIZ_SEED = 42
DEMO_QUIZ_TRIES = 3  # each official stops at the first pass or after this many attempts
# Added to an official's chance of answering right, by question position: one question almost
# everyone gets, one that trips most people up, so each kind of flag has something to show.
DEMO_QUESTION_EASE = (0.0, 0.05, 0.4, -0.35, 0.0)


def _demo_answer(question: dict, *, right: bool, rng) -> object:
    """A right answer, or a plausible wrong one: the first wrong option is the popular trap."""
    from elus2.quizzes import grading

    kind = question["type"]
    if kind == grading.ORDERING:
        items = [item["id"] for item in question["items"]]
        ranks = list(range(1, len(items) + 1))
        if not right:
            ranks[0], ranks[1] = ranks[1], ranks[0]
        return {item: str(rank) for item, rank in zip(items, ranks, strict=True)}
    options = grading.options_of(question)
    correct = [option["id"] for option in options if option["correct"]]
    # Sorted by id, not in the order shown (which may be shuffled): the trap is the same for all.
    wrong = sorted(option["id"] for option in options if not option["correct"])
    if kind == grading.MULTIPLE_CHOICE:
        if right:
            return correct
        return correct[:-1] + ([wrong[0]] if wrong and rng.random() < 0.6 else [])
    if right or not wrong:
        return correct[0]
    return wrong[0] if rng.random() < 0.6 else rng.choice(wrong)


@transaction.atomic
def demo_quiz_attempts_ensure(course) -> int:
    """Twelve demo officials (elu01@example.org …, verified, group « Élu », the demo password)
    take the quiz of the course's first module through the real services: stronger officials pass
    at once, others fail then pass, some never do. Seeded, so the same answers every time; an
    official who already has attempts is left alone, so running it again adds none. Returns the
    number of attempts made."""
    import random

    from courses.models import LessonPage, ModulePage
    from elus2.learning.services import enrolment_create
    from elus2.quizzes.models import QuizAttempt
    from elus2.quizzes.services import quiz_attempt_start, quiz_attempt_submit

    module = ModulePage.objects.child_of(course).order_by("path").first()
    lesson = next(
        (
            lesson
            for lesson in LessonPage.objects.descendant_of(module).order_by("path")
            if len(lesson.quiz)
        ),
        None,
    )
    if lesson is None:
        return 0
    User = get_user_model()
    group, _ = Group.objects.get_or_create(name="Élu")
    made = 0
    for index, (first_name, last_name, mandate) in enumerate(DEMO_OFFICIALS, start=1):
        email = f"elu{index:02d}@example.org"
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "mandate": mandate,
                "collectivite": "Saint-Aubin-sur-Loire",
                "is_active": True,
            },
        )
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(group)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if QuizAttempt.objects.filter(user=user, lesson=lesson).exists():
            continue
        enrolment_create(user=user, course=course, invited=True)
        # One stream per official, so skipping some changes nothing for the others.
        rng = random.Random(DEMO_QUIZ_SEED + index)  # noqa: S311 - demo answers, not secrets
        ability = 0.35 + 0.6 * index / len(DEMO_OFFICIALS)
        for _try in range(DEMO_QUIZ_TRIES):
            attempt = quiz_attempt_start(user=user, lesson=lesson, rng=rng)
            answers = {
                question["id"]: _demo_answer(
                    question,
                    right=rng.random() < ability + DEMO_QUESTION_EASE[position % 5],
                    rng=rng,
                )
                for position, question in enumerate(attempt.questions)
            }
            outcome = quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=answers)
            made += 1
            if outcome.result.passed:
                break
            ability = min(0.95, ability + 0.2)  # the feedback helped
    return made


# --- Cohorts: one client organisation, two cohorts of 30 officials at varied progress ------------

DEMO_ORGANISATION = "Commune de Saint-Aubin-sur-Loire"
DEMO_COHORTS = [
    # (name, email prefix, days since start, days to deadline, profile shift)
    ("Conseil municipal 2026", "conseil-a", 45, 30, 0),
    ("Élus communautaires 2026", "conseil-b", 20, 60, 3),
]
DEMO_COHORT_SIZE = 30
DEMO_FIRST_NAMES = [
    "Alice", "Bruno", "Claire", "Damien", "Élise", "Fabien", "Gaëlle", "Henri", "Isabelle", "Julien",
    "Karine", "Laurent", "Maëlle", "Nicolas", "Océane", "Pierre", "Quentin", "Rose", "Sébastien",
    "Thérèse", "Ulysse", "Valérie", "William", "Xavier", "Yasmine", "Zacharie", "Agnès", "Bernard",
    "Cécile", "Denis",
]  # fmt: skip
DEMO_LAST_NAMES = [
    "Lefebvre", "Mercier", "Dupuis", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
    "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
    "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier",
    "Robin", "Masson", "Sanchez", "Gérard",
]  # fmt: skip
DEMO_COHORT_MANDATES = ["conseiller_municipal"] * 6 + ["adjoint", "adjoint", "maire"]
# Ten profiles, cycled: 2 not started, 3 under way, 2 finished, 3 stalled (no activity for 10–30
# days), so the dashboard's counts, funnel and « à relancer » filter all have something to show.
NOT_STARTED, UNDER_WAY, FINISHED, STALLED = "not_started", "under_way", "finished", "stalled"
DEMO_PROFILES = [NOT_STARTED] * 2 + [UNDER_WAY] * 3 + [FINISHED] * 2 + [STALLED] * 3


def _demo_progress_apply(
    *, user, course, lessons, profile: str, number: int, now, quiz_attempts: bool
) -> None:
    """Complete the first lessons of `course` through learning's services (with quiz_attempts,
    quizzes through the quiz services, answered like the other demo officials), then move the
    dates into the past with plain updates: services stamp "now", and a dashboard needs history."""
    import random
    from datetime import timedelta

    from courses.models import LessonPage
    from elus2.cohorts.models import Membership
    from elus2.learning.models import Enrolment, LessonProgress
    from elus2.learning.services import lesson_progress_complete
    from elus2.quizzes.models import QuizAttempt
    from elus2.quizzes.services import QuizError, quiz_attempt_start, quiz_attempt_submit

    rng = random.Random(DEMO_QUIZ_SEED * 1000 + number)  # noqa: S311 - demo data, not secrets
    total = len(lessons)
    if profile == NOT_STARTED or not total:
        return
    if profile == FINISHED:
        done = total
        last_days_ago = 1 + number % 8
    elif profile == UNDER_WAY:
        done = max(1, min(total - 1, 3 + number % (total - 3)))
        last_days_ago = number % 6
    else:
        done = max(1, min(total - 1, 2 + number % 7))
        last_days_ago = 10 + (number * 7) % 21
    for item in lessons[:done]:
        lesson = LessonPage.objects.get(pk=item.id)
        if quiz_attempts and len(lesson.quiz) and lesson.completion_rule == "quiz_passed":
            ability = 0.55 + 0.4 * rng.random()
            passed = False
            for _try in range(DEMO_QUIZ_TRIES):
                try:
                    attempt = quiz_attempt_start(user=user, lesson=lesson, rng=rng)
                except QuizError:
                    break
                # The same easy and hard questions as the twelve officials', so the statistics
                # flag them whatever order the options were drawn in.
                answers = {
                    question["id"]: _demo_answer(
                        question,
                        right=rng.random() < ability + DEMO_QUESTION_EASE[position % 5],
                        rng=rng,
                    )
                    for position, question in enumerate(attempt.questions)
                }
                if quiz_attempt_submit(
                    user=user, attempt_id=attempt.pk, answers=answers
                ).result.passed:
                    passed = True
                    break
                ability = min(0.97, ability + 0.25)
            if passed:
                continue
        lesson_progress_complete(user=user, lesson=lesson, source=lesson.completion_rule)
    # Spread the completions between the start and the last activity, in course order.
    last = now - timedelta(days=last_days_ago, hours=rng.randint(1, 8))
    span_days = 3 + done
    start = last - timedelta(days=span_days)
    enrolment = Enrolment.objects.get(user=user, course=course)
    rows = list(LessonProgress.objects.filter(enrolment=enrolment).order_by("completed_at", "pk"))
    active_total = 0
    for index, row in enumerate(rows):
        moment = start + (last - start) * ((index + 1) / max(1, len(rows)))
        seconds = 60 * rng.randint(3, 12)
        active_total += seconds
        LessonProgress.objects.filter(pk=row.pk).update(
            first_viewed_at=moment - timedelta(minutes=seconds // 60 + 2),
            completed_at=moment if row.completed_at else None,
            active_seconds=seconds,
        )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        started_at=start - timedelta(minutes=20),
        last_activity_at=last,
        completed_at=last if profile == FINISHED else None,
        active_seconds=active_total,
    )
    # Someone busy before the cohort's start date (a stalled official of the younger cohort) was
    # invited the day before they began.
    invited_by = start - timedelta(days=1)
    Enrolment.objects.filter(pk=enrolment.pk, enrolled_at__gt=invited_by).update(
        enrolled_at=invited_by
    )
    Membership.objects.filter(user=user, cohort__courses=course, invited_at__gt=invited_by).update(
        invited_at=invited_by
    )
    QuizAttempt.objects.filter(user=user, lesson_id__in=[item.id for item in lessons]).update(
        started_at=last, submitted_at=last
    )


def demo_cohorts_ensure(course, *, quiz_attempts: bool = False) -> dict:
    """One client organisation with two cohorts of 30 officials (conseil-a-01@example.org …,
    conseil-b-01@example.org …), enrolled in `course` through the invitation service (without
    sending mail) at varied progress, and the demo chargée de suivi assigned to the first cohort
    only. Officials already enrolled with progress are left alone, so running it again changes
    nothing. Returns the two cohorts by name.

    Quiz lessons are completed without attempts unless `quiz_attempts`: the trainers' quiz
    statistics of the demo (and tests/quizzes/test_statistics.py) count only elu01…elu12."""
    import datetime

    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from courses.outline import course_outline
    from elus2.cohorts.models import Cohort, Membership, Organisation, OrganisationKind
    from elus2.cohorts.parsing import InvitationRow
    from elus2.cohorts.services import cohort_members_invite
    from elus2.learning.models import Enrolment, EnrolmentStatus

    User = get_user_model()
    now = timezone.now()
    today = timezone.localdate(now)
    lessons = course_outline(course_path=course.path).lessons
    organisation, _ = Organisation.objects.get_or_create(
        name=DEMO_ORGANISATION, defaults={"kind": OrganisationKind.COMMUNE}
    )
    staff = User.objects.get(email="suivi@example.org")
    admin = User.objects.filter(email="admin@example.org").first()
    learners, _ = Group.objects.get_or_create(name="Élu")
    password_hash = None
    cohorts = {}
    for position, (name, prefix, started_days, deadline_days, shift) in enumerate(DEMO_COHORTS):
        with transaction.atomic():
            cohort, _ = Cohort.objects.get_or_create(
                organisation=organisation,
                name=name,
                defaults={
                    "starts_on": today - datetime.timedelta(days=started_days),
                    "deadline": today + datetime.timedelta(days=deadline_days),
                    "ends_on": today + datetime.timedelta(days=deadline_days + 30),
                    "stalled_after_days": 7,
                },
            )
            cohort.courses.add(course)
            if position == 0:
                cohort.staff.add(staff)
            else:
                cohort.staff.remove(staff)
            rows = []
            for index in range(DEMO_COHORT_SIZE):
                number = position * DEMO_COHORT_SIZE + index
                email = f"{prefix}-{index + 1:02d}@example.org"
                user = User.objects.filter(email=email).first()
                if user is None:
                    password_hash = password_hash or make_password(DEMO_PASSWORD)
                    user = User.objects.create(
                        email=email,
                        first_name=DEMO_FIRST_NAMES[index],
                        last_name=DEMO_LAST_NAMES[(index + 7 * position) % len(DEMO_LAST_NAMES)],
                        mandate=DEMO_COHORT_MANDATES[number % len(DEMO_COHORT_MANDATES)],
                        collectivite="Saint-Aubin-sur-Loire",
                        password=password_hash,
                    )
                    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
                user.groups.add(learners)
                rows.append(InvitationRow(line=index + 1, email=email))
            cohort_members_invite(cohort=cohort, rows=rows, invited_by=admin, notify=False)
            invited_at = now - datetime.timedelta(days=started_days)
            for index, row in enumerate(rows):
                user = User.objects.get(email=row.email)
                enrolment = Enrolment.objects.get(user=user, course=course)
                if enrolment.status != EnrolmentStatus.ENROLLED or enrolment.lessons_completed:
                    continue  # progress made on an earlier run (or by hand): leave it
                # Invited when the cohort started, not at seeding time: otherwise the members who
                # never started were invited "today", and neither « à relancer » nor the « pas
                # encore commencé » reminder could ever concern them. Only a fresh invitation is
                # moved, so running the seed again leaves the dates alone.
                Membership.objects.filter(
                    cohort=cohort, user=user, invited_at__gt=invited_at
                ).update(invited_at=invited_at)
                Enrolment.objects.filter(pk=enrolment.pk, enrolled_at__gt=invited_at).update(
                    enrolled_at=invited_at
                )
                number = position * DEMO_COHORT_SIZE + index
                profile = DEMO_PROFILES[(index + shift) % len(DEMO_PROFILES)]
                _demo_progress_apply(
                    user=user,
                    course=course,
                    lessons=lessons,
                    profile=profile,
                    number=number,
                    now=now,
                    quiz_attempts=quiz_attempts,
                )
        cohorts[name] = cohort
    return cohorts


# --- Reminders: the stalled demo officials get theirs as soon as `make run` starts ---------------


def demo_reminders_queue() -> int:
    """Run the reminder sweep now, so the stalled demo officials' reminders (and the weekly
    digest of suivi@example.org) reach var/mail/ as soon as the worker that `make run` starts
    reads its queue, instead of at beat's first sweep 15 minutes later. The dev settings widen the
    sending window to the whole week (ELUS2_REMINDER_WINDOW, ELUS2_REMINDER_DAYS), so the worker
    sends them at any hour; about one official in ten is held back (the control group) and gets
    none, as in production. The outbox rows are unique, so running seed_demo again sends nothing
    twice. Only the demo cohorts are swept (a bench database holds many more). Returns the
    reminders offered to the outbox."""
    from elus2.cohorts.models import Cohort
    from elus2.reminders.services import reminders_sweep
    from elus2.reminders.tasks import reminder_send_task

    demo_cohorts = list(
        Cohort.objects.filter(organisation__name=DEMO_ORGANISATION).values_list("pk", flat=True)
    )
    return reminders_sweep(publish=reminder_send_task.delay, cohort_ids=demo_cohorts).candidates


DEMO_REVOKE_REASON = "Démonstration : nom mal orthographié sur le premier certificat"


def demo_certificates_ensure(course) -> tuple[int, str | None]:
    """Every official who finished the course has their certificat de réalisation, and the first
    of them (by id) had one revoked and replaced, so the verification page shows both states.
    Idempotent: a valid certificate is never issued twice, and the revocation happens once.
    Returns (valid certificates, the revoked one's verification path)."""
    from django.urls import reverse

    from elus2.evidence.models import Certificate
    from elus2.learning.models import Enrolment, EnrolmentStatus
    from elus2.reporting.certificates import (
        CertificateUnavailable,
        certificate_obtain,
        certificate_renew,
    )

    finished = Enrolment.objects.filter(
        course=course, status=EnrolmentStatus.COMPLETED, user__anonymised_at__isnull=True
    ).order_by("user_id")
    issued = []
    for user_id in finished.values_list("user_id", flat=True):
        try:
            certificate = certificate_obtain(user_id=user_id, course_id=course.pk, by_id=None)
        except CertificateUnavailable:  # a demo official without a name: nothing to print
            continue
        if certificate is not None:
            issued.append(certificate)
    revoked = Certificate.objects.filter(course_id=course.pk, revoked_at__isnull=False).first()
    if revoked is None and issued:
        certificate_renew(certificate=issued[0], reason=DEMO_REVOKE_REASON, by_id=None)
        revoked = issued[0]
    path = reverse("verification:certificate", args=[revoked.code]) if revoked else None
    return len(issued), path
