import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError

from elus2.users.models import Mandate

pytestmark = pytest.mark.django_db


def test_email_is_the_login_and_is_normalised():
    user = get_user_model().objects.create_user("Camille.Martin@Example.ORG", "x-secret-1")
    assert user.email == "camille.martin@example.org"
    assert get_user_model().USERNAME_FIELD == "email"
    assert not hasattr(user, "username") or user.username is None
    assert user.check_password("x-secret-1")


def test_one_account_per_address():
    User = get_user_model()
    User.objects.create_user("a@example.org")
    with pytest.raises(IntegrityError):
        User.objects.create_user("A@example.org")


def test_user_without_password_cannot_log_in_by_password():
    user = get_user_model().objects.create_user("nopass@example.org")
    assert not user.has_usable_password()


def test_profile_fields_and_mandates():
    user = get_user_model().objects.create_user(
        "maire@example.org",
        first_name="Anne",
        last_name="Roux",
        mandate=Mandate.MAIRE,
        collectivite="Saint-Aubin-sur-Loire",
        language="en",
    )
    assert str(user) == "Anne Roux"
    assert user.get_mandate_display() == "Maire"
    assert {choice.value for choice in Mandate} >= {
        "maire",
        "adjoint",
        "conseiller_municipal",
        "conseiller_communautaire",
        "conseiller_departemental",
        "conseiller_regional",
        "parlementaire",
        "collaborateur",
        "candidat",
        "autre",
    }


def test_superuser():
    admin = get_user_model().objects.create_superuser("root@example.org", "x-secret-2")
    assert admin.is_staff and admin.is_superuser
