"""The platform's roles, as Django groups. A person can hold several."""

from django.conf import settings
from django.db import models
from django.shortcuts import resolve_url


class Role(models.TextChoices):
    LEARNER = "Élu", "Élu"
    TRAINER = "Formateur", "Formateur"
    APPROVER = "Responsable pédagogique", "Responsable pédagogique"
    STAFF = "Chargé·e de suivi", "Chargé·e de suivi"
    ADMIN = "Administrateur", "Administrateur"


# Roles that work in the Wagtail admin.
ADMIN_ROLES = [Role.TRAINER, Role.APPROVER, Role.STAFF, Role.ADMIN]

_ROLES_CACHE = "_elus2_roles"


def roles_of(user) -> frozenset[str]:
    """The person's role names, read once per request (kept on the user object); empty for an
    anonymous visitor or a deactivated account."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
        setattr(user, _ROLES_CACHE, cached)
    return cached


def is_agency_admin(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or Role.ADMIN in roles_of(user)


def follows_cohorts(user) -> bool:
    """May use the follow-up pages (« Suivi des promotions ») at all: an agency admin or a
    chargé·e de suivi. Which cohorts they see is the cohorts app's business."""
    return is_agency_admin(user) or Role.STAFF in roles_of(user)


def home_url(user) -> str:
    """Where signing in leads when no page was asked for: the follow-up of cohorts for those who
    run them, the admin for trainers and approvers, « Mon parcours » for everyone else."""
    if follows_cohorts(user):
        return resolve_url("reporting:cohort_list")
    if roles_of(user) & {Role.TRAINER, Role.APPROVER}:
        return resolve_url("wagtailadmin_home")
    return resolve_url(settings.LOGIN_REDIRECT_URL)
