"""Organisations, cohorts and the people around them: agency admins, chargé·es de suivi."""

from __future__ import annotations

import datetime
import itertools

import factory
from django.contrib.auth.models import Group

from elus2.cohorts.models import Cohort, Membership, Organisation, ReportShare
from elus2.users.roles import Role

from .users import UserFactory

_sequence = itertools.count(1)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Commune de Testville-{n}")


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Promotion {n}")
    starts_on = datetime.date(2026, 9, 1)
    deadline = datetime.date(2026, 12, 15)

    @factory.post_generation
    def courses(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.courses.add(*extracted)

    @factory.post_generation
    def staff(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.staff.add(*extracted)


def user_with_role(role: str, **fields):
    user = UserFactory(is_staff=role != Role.LEARNER, **fields)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def staff_create(*, cohorts=(), **fields):
    """A chargé·e de suivi assigned to `cohorts`."""
    user = user_with_role(Role.STAFF, **fields)
    for cohort in cohorts:
        cohort.staff.add(user)
    return user


def agency_admin_create(**fields):
    return user_with_role(Role.ADMIN, **fields)


def member_add(cohort: Cohort, user=None) -> Membership:
    return Membership.objects.create(cohort=cohort, user=user or UserFactory())


def report_share_make(cohort: Cohort, *, days: int = 30, by=None) -> ReportShare:
    from elus2.cohorts.services import report_share_create

    report_share_create(cohort=cohort, created_by=by, days=days)
    return ReportShare.objects.filter(cohort=cohort).order_by("-pk").first()
