from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    """Accounts: email login, mandate, collectivité, language; allauth adapters."""

    name = "elus2.users"
    label = "users"
    verbose_name = _("Comptes")

    def ready(self):
        from . import signals  # noqa: F401 - is_staff follows the roles
        from .privacy import declare_all

        declare_all()
