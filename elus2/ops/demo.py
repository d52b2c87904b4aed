"""Demo accounts, one per role. Later issues add their own demo data to seed_demo."""

from __future__ import annotations

from dataclasses import dataclass

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
