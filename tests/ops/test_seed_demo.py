import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from elus2.ops.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [
    "elu@example.org",
    "formateur@example.org",
    "responsable@example.org",
    "suivi@example.org",
    "admin@example.org",
]


def snapshot():
    User = get_user_model()
    return (
        list(User.objects.order_by("pk").values_list("pk", "email", "password", "is_staff")),
        list(EmailAddress.objects.order_by("pk").values_list("pk", "email", "verified")),
        list(Group.objects.order_by("pk").values_list("pk", "name")),
    )


def test_seed_demo_creates_one_account_per_role_and_is_idempotent():
    call_command("seed_demo")
    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first
    User = get_user_model()
    for email in DEMO_EMAILS:
        user = User.objects.get(email=email)
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.get(user=user).verified
    assert User.objects.get(email="admin@example.org").is_superuser
    assert not User.objects.get(email="elu@example.org").is_staff


def test_seed_demo_refuses_outside_development(settings):
    settings.ELUS2_DEMO_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
