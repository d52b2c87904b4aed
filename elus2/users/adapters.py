"""allauth hooks: sign-up is closed unless ELUS2_SIGNUP_OPEN (officials come by invitation), and
signing in without a page asked for leads to the person's daily page (roles.home_url)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from .roles import home_url


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return bool(settings.ELUS2_SIGNUP_OPEN)

    def get_login_redirect_url(self, request) -> str:
        return home_url(request.user)
