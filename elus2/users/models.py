"""The person: an email login, their mandate and collectivité, the language they read in.

Every other app points here; this app imports none of them (shared/STYLE.md layers).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .managers import UserManager


class Mandate(models.TextChoices):
    MAIRE = "maire", _("Maire")
    ADJOINT = "adjoint", _("Adjoint·e")
    CONSEILLER_MUNICIPAL = "conseiller_municipal", _("Conseiller·ère municipal·e")
    CONSEILLER_COMMUNAUTAIRE = "conseiller_communautaire", _("Conseiller·ère communautaire")
    CONSEILLER_DEPARTEMENTAL = "conseiller_departemental", _("Conseiller·ère départemental·e")
    CONSEILLER_REGIONAL = "conseiller_regional", _("Conseiller·ère régional·e")
    PARLEMENTAIRE = "parlementaire", _("Parlementaire")
    COLLABORATEUR = "collaborateur", _("Collaborateur·rice d'élu")
    CANDIDAT = "candidat", _("Candidat·e")
    AUTRE = "autre", _("Autre")


class Language(models.TextChoices):
    FR = "fr", _("Français")
    EN = "en", _("English")


class User(AbstractUser):
    """Email is the login; there is no username."""

    username = None
    email = models.EmailField(_("adresse e-mail"), unique=True)
    mandate = models.CharField(_("mandat"), max_length=32, choices=Mandate.choices, blank=True)
    collectivite = models.CharField(_("collectivité"), max_length=200, blank=True)
    language = models.CharField(
        _("langue préférée"), max_length=8, choices=Language.choices, default=Language.FR
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email
