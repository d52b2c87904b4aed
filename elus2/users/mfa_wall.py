"""People with a staff role reach nothing but MFA enrolment and logout until they have a factor.

Learners are never walled and cost nothing: is_staff (which follows the roles) says who is
privileged. For staff, having a factor is remembered in the session for a few minutes; while
walled, it is checked on every request, so the wall lifts as soon as the factor is enrolled.
"""

from __future__ import annotations

import time

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

SESSION_KEY = "_elus2_mfa_wall"
RECHECK_SECONDS = 300
OPEN_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_reauthenticate",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "account_reauthenticate",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "account_logout",
    "language_switch",
    "healthz",
}
OPEN_PATH_PREFIXES = ("/static/",)


def user_needs_second_factor(user) -> bool:
    """A staff role (trainer, approver, follow-up staff, admin: is_staff follows them, see
    signals.py) without an enrolled factor."""
    privileged = user.is_staff or user.is_superuser
    return privileged and not Authenticator.objects.filter(user=user).exists()


class MfaWallMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.ELUS2_MFA_REQUIRED or not request.user.is_authenticated:
            return None
        if request.path.startswith(OPEN_PATH_PREFIXES):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_URL_NAMES:
            return None
        if not self._walled(request):
            return None
        if request.method == "GET":
            messages.warning(
                request,
                _(
                    "Votre rôle donne accès à des données de formation : activez d'abord "
                    "la double authentification (application TOTP)."
                ),
            )
        return redirect("mfa_activate_totp")

    @staticmethod
    def _walled(request) -> bool:
        if not (request.user.is_staff or request.user.is_superuser):
            return False
        cached = request.session.get(SESSION_KEY)
        now = time.time()
        fresh = cached and cached[0] == request.user.pk and now - cached[2] < RECHECK_SECONDS
        if fresh and not cached[1]:
            return False
        walled = user_needs_second_factor(request.user)
        request.session[SESSION_KEY] = [request.user.pk, walled, now]
        return walled
