"""allauth hooks: sign-up is closed unless ELUS2_SIGNUP_OPEN (officials come by invitation), and
signing in without a page asked for leads to the person's daily page (roles.home_url), and
rate limits count per client address even when X-Forwarded-For is short or forged."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .roles import home_url


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return bool(settings.ELUS2_SIGNUP_OPEN)

    def get_login_redirect_url(self, request) -> str:
        return home_url(request.user)

    def get_client_ip(self, request) -> str:
        """allauth reads the client from X-Forwarded-For, trusting ALLAUTH_TRUSTED_PROXY_COUNT
        entries from the right; a header with fewer entries did not come through our proxies
        (allauth would raise a server error): count the connection's address instead."""
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            return request.META["REMOTE_ADDR"]
