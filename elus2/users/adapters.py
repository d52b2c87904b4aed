"""allauth hooks: sign-up is closed unless ELUS2_SIGNUP_OPEN (officials come by invitation)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return bool(settings.ELUS2_SIGNUP_OPEN)
