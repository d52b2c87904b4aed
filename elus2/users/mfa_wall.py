"""People with a staff role reach their pages only from a session that passed the second factor.

Two walls, checked on every request of a signed-in staff member:
- no factor enrolled yet: nothing but MFA enrolment (and logout) until they enrol one;
- a factor enrolled, but this session did not pass it (signed in by password or code alone,
  through any login view): nothing but allauth's MFA re-authentication (and logout).

Passing the factor is read from allauth's record of this session's authentications: the « mfa »
step, written by allauth's MFA login stage and re-authentication, and by signals.py when a TOTP
factor is enrolled (activating it takes a right code). Learners are never walled and cost
nothing: is_staff (which follows the roles) says who is privileged. Whether a factor is enrolled is
remembered in the session for a few minutes; while walled, it is checked on every request, so
the wall lifts as soon as the factor is enrolled.
"""

from __future__ import annotations

import time

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _

SESSION_KEY = "_elus2_mfa_wall"
RECHECK_SECONDS = 300
# Reachable by everyone signed in, walled or not.
ALWAYS_OPEN_URL_NAMES = {"account_logout", "language_switch", "healthz", "readyz"}
# Reachable while enrolling a first factor. Not once a factor exists: a session that has only
# the password must not be able to list, replace or download recovery codes.
ENROLMENT_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_reauthenticate",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "account_reauthenticate",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
}
SECOND_FACTOR_URL_NAMES = {"mfa_reauthenticate"}
OPEN_PATH_PREFIXES = ("/static/",)


def user_needs_second_factor(user) -> bool:
    """A staff role (trainer, approver, follow-up staff, admin: is_staff follows them, see
    signals.py) without an enrolled factor."""
    privileged = user.is_staff or user.is_superuser
    return privileged and not Authenticator.objects.filter(user=user).exists()


def session_passed_second_factor(request) -> bool:
    """True once this session has proved a factor (allauth records it as an « mfa » step)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class MfaWallMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.ELUS2_MFA_REQUIRED or not request.user.is_authenticated:
            return None
        if not (request.user.is_staff or request.user.is_superuser):
            return None
        if request.path.startswith(OPEN_PATH_PREFIXES):
            return None
        url_name = request.resolver_match.url_name if request.resolver_match else None
        if url_name in ALWAYS_OPEN_URL_NAMES:
            return None
        if self._needs_enrolment(request):
            if url_name in ENROLMENT_URL_NAMES:
                return None
            if request.method == "GET":
                messages.warning(
                    request,
                    _(
                        "Votre rôle donne accès à des données de formation : activez d'abord "
                        "la double authentification (application TOTP)."
                    ),
                )
            return redirect("mfa_activate_totp")
        if session_passed_second_factor(request) or url_name in SECOND_FACTOR_URL_NAMES:
            return None
        target = redirect("mfa_reauthenticate")
        if request.method == "GET":
            target["Location"] += "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        return target

    @staticmethod
    def _needs_enrolment(request) -> bool:
        cached = request.session.get(SESSION_KEY)
        now = time.time()
        fresh = cached and cached[0] == request.user.pk and now - cached[2] < RECHECK_SECONDS
        if fresh and not cached[1]:
            return False
        walled = user_needs_second_factor(request.user)
        request.session[SESSION_KEY] = [request.user.pk, walled, now]
        return walled
