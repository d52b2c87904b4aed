"""The platform's roles, as Django groups. A person can hold several."""

from django.db import models


class Role(models.TextChoices):
    LEARNER = "Élu", "Élu"
    TRAINER = "Formateur", "Formateur"
    APPROVER = "Responsable pédagogique", "Responsable pédagogique"
    STAFF = "Chargé·e de suivi", "Chargé·e de suivi"
    ADMIN = "Administrateur", "Administrateur"


# Roles that work in the Wagtail admin.
ADMIN_ROLES = [Role.TRAINER, Role.APPROVER, Role.STAFF, Role.ADMIN]
