"""The sign-in link page: /connexion/<token>/.

A GET only shows a button: mail scanners and link previews fetch every URL in a message, and
must not use up a single-use link. The POST claims the link and signs the person in. A used,
expired or unknown link never shows an error page: it leads to the login page, with a message
saying why and the original destination kept in `next`.
"""

from __future__ import annotations

from urllib.parse import urlencode

from allauth.account.utils import perform_login
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .roles import home_url
from .services import (
    SignInLinkExpired,
    SignInLinkInvalid,
    SignInLinkUsed,
    next_url_is_safe,
    sign_in_link_check,
    sign_in_link_claim,
)


def _to_login(request, problem: SignInLinkInvalid):
    # Someone clicking their invitation twice is already signed in: just take them there.
    if problem.next_url and isinstance(problem, SignInLinkUsed) and request.user.is_authenticated:
        return redirect(problem.next_url)
    if isinstance(problem, SignInLinkUsed):
        text = _(
            "Ce lien de connexion a déjà été utilisé. Connectez-vous ci-dessous : "
            "nous pouvons vous envoyer un code par e-mail."
        )
    elif isinstance(problem, SignInLinkExpired):
        text = _(
            "Ce lien de connexion a expiré. Connectez-vous ci-dessous : "
            "nous pouvons vous envoyer un code par e-mail."
        )
    else:
        text = _(
            "Ce lien de connexion n'est pas valide (il a peut-être été coupé par votre "
            "messagerie). Connectez-vous ci-dessous : nous pouvons vous envoyer un code par e-mail."
        )
    messages.error(request, text)
    url = reverse("account_login")
    if problem.next_url:
        url += "?" + urlencode({"next": problem.next_url})
    return redirect(url)


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_link(request, token: str):
    try:
        link = sign_in_link_check(token=token) if request.method == "GET" else None
        if request.method == "POST":
            link = sign_in_link_claim(token=token)
    except SignInLinkInvalid as problem:
        return _to_login(request, problem)
    if request.method == "GET":
        return render(request, "users/sign_in_link.html", {"link": link})
    next_url = link.next_url if next_url_is_safe(link.next_url) else home_url(link.user)
    return perform_login(request, link.user, redirect_url=next_url, email=link.user.email)
