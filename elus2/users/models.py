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


class ReminderCategory(models.TextChoices):
    """What a person can switch off, one category at a time (reminders read these fields)."""

    PROGRESS = "progress", _("Relances de progression")
    DEADLINE = "deadline", _("Rappels d'échéance")
    DIGEST = "digest", _("Synthèse hebdomadaire (équipe de suivi)")

    @property
    def field_name(self) -> str:
        """The User field that says whether the person accepts this category."""
        return f"reminders_{self.value}"


class User(AbstractUser):
    """Email is the login; there is no username."""

    username = None
    email = models.EmailField(_("adresse e-mail"), unique=True)
    mandate = models.CharField(_("mandat"), max_length=32, choices=Mandate.choices, blank=True)
    collectivite = models.CharField(_("collectivité"), max_length=200, blank=True)
    language = models.CharField(
        _("langue préférée"), max_length=8, choices=Language.choices, default=Language.FR
    )

    reminders_progress = models.BooleanField(
        _("relances de progression"),
        default=True,
        help_text=_("La leçon suivante quand vous n'avez pas avancé depuis une semaine."),
    )
    reminders_deadline = models.BooleanField(
        _("rappels d'échéance"),
        default=True,
        help_text=_("Une semaine puis un jour avant la date limite de votre promotion."),
    )
    reminders_digest = models.BooleanField(
        _("synthèse hebdomadaire"),
        default=True,
        help_text=_("Pour l'équipe de suivi : l'avancement de ses promotions, chaque lundi."),
    )
    # Set when the person is erased (on request or by retention): the row stays, without them.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def accepts_reminders(self, category: str) -> bool:
        return getattr(self, ReminderCategory(category).field_name)


class SignInLink(models.Model):
    """A single-use link that signs someone in and lands them on a page (invitations, reminders).

    Only a hash of the token is kept: a leaked database or backup holds no working link. The row
    is claimed with a conditional update, so two clicks racing each other sign in at most once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_in_links")
    token_hash = models.CharField(max_length=64, unique=True)
    next_url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lien de connexion")
        verbose_name_plural = _("liens de connexion")
        indexes = [models.Index(fields=["expires_at"], name="signinlink_expires_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.next_url}"
