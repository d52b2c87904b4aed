"""Signing in without a page asked for leads each person to their daily page, and the header
offers a staff page only to those it lets in."""

import pytest
from django.urls import reverse

from elus2.users.roles import Role
from tests.factories.cohorts import agency_admin_create, staff_create
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-tres-long-42"


def user_with(role=None, **fields):
    from django.contrib.auth.models import Group

    user = UserFactory(**fields)
    user.set_password(PASSWORD)
    user.save()
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def sign_in(client, user, next_url=""):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": user.email, "password": PASSWORD})


@pytest.mark.parametrize(
    "role, landing",
    [
        (None, "/parcours/"),
        (Role.LEARNER, "/parcours/"),
        (Role.TRAINER, "/admin/"),
        (Role.APPROVER, "/admin/"),
        (Role.STAFF, "/suivi/"),
        (Role.ADMIN, "/suivi/"),
    ],
)
def test_each_role_lands_on_its_daily_page(client, role, landing):
    response = sign_in(client, user_with(role))
    assert response.status_code == 302 and response["Location"] == landing


def test_a_superuser_lands_on_the_follow_up_and_a_page_asked_for_wins(client):
    assert sign_in(client, user_with(is_superuser=True, is_staff=True))["Location"] == "/suivi/"
    client.logout()
    asked = "/formations/"
    assert sign_in(client, user_with(Role.STAFF), next_url=asked)["Location"] == asked


@pytest.mark.parametrize(
    "make, sees_follow_up",
    [
        (staff_create, True),
        (agency_admin_create, True),
        (lambda: user_with(Role.TRAINER), False),
        (lambda: user_with(Role.APPROVER), False),
        (lambda: user_with(Role.LEARNER), False),
    ],
)
def test_the_header_links_to_the_follow_up_only_for_those_it_lets_in(client, make, sees_follow_up):
    person = make()
    client.force_login(person)
    header = client.get("/parcours/").content.decode().split("</header>")[0]
    assert ('href="/suivi/"' in header) is sees_follow_up
    assert ('href="/admin/"' in header) is person.is_staff
    assert client.get("/suivi/").status_code == (200 if sees_follow_up else 403)
