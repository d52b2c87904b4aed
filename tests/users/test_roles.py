"""The five roles are groups created by migrations, with their permissions; one person can hold
several and gets the union."""

import pytest
from django.contrib.auth.models import Group

from elus2.users.roles import ADMIN_ROLES, Role
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def _codenames(group_name: str) -> set[str]:
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_the_five_roles_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}


def test_admin_roles_enter_the_admin_and_learners_do_not():
    for role in ADMIN_ROLES:
        assert "access_admin" in _codenames(role), role
    assert "access_admin" not in _codenames(Role.LEARNER)


def test_each_role_has_its_own_rights():
    assert "add_quizsettings" in _codenames(Role.TRAINER)
    assert {"add_organisation", "change_cohort"} <= _codenames(Role.ADMIN)
    assert "change_cohort" not in _codenames(Role.STAFF)  # staff follow cohorts, admins set them up


def test_a_person_can_hold_several_roles():
    person = UserFactory()
    person.groups.add(Group.objects.get(name=Role.TRAINER), Group.objects.get(name=Role.ADMIN))
    assert person.has_perm("quizzes.add_quizsettings")
    assert person.has_perm("cohorts.change_cohort")
    assert person.has_perm("wagtailadmin.access_admin")


def test_is_staff_follows_the_staff_roles():
    person = UserFactory()
    trainer, learner = Group.objects.get(name=Role.TRAINER), Group.objects.get(name=Role.LEARNER)
    person.groups.add(learner)
    person.refresh_from_db()
    assert not person.is_staff
    person.groups.add(trainer)
    assert person.is_staff  # the instance in hand follows too
    person.refresh_from_db()
    assert person.is_staff
    person.groups.remove(trainer)
    person.refresh_from_db()
    assert not person.is_staff
    trainer.user_set.add(person)  # from the group's side
    person.refresh_from_db()
    assert person.is_staff
    trainer.user_set.clear()
    person.refresh_from_db()
    assert not person.is_staff


def test_a_superuser_stays_staff_without_roles():
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser(email="root@example.org", password="x")
    root.groups.add(Group.objects.get(name=Role.ADMIN))
    root.groups.clear()
    root.refresh_from_db()
    assert root.is_staff
