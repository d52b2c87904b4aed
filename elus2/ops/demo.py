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
