"""Wiring views: the health probe (also the bench's bare view) and the dev mail viewer."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .mail import stored_mail_get, stored_mail_list
from .users.language import language_remember


def healthz(request):
    """No database, no template: the bare Django view every bench ratio is measured against."""
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    return redirect(static("img/favicon.svg"))  # not permanent: the file name carries its hash


def _dev_mail_view(view):
    """The dev mail pages: a 404 outside development; anonymous visitors sign in first; a
    signed-in person who is not a superuser gets a 403 (not the login page again, which would
    send them back here: a loop)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not getattr(settings, "ELUS2_DEV_MAIL_VIEW", False):
            raise Http404
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (request.user.is_active and request.user.is_superuser):
            message = _(
                "Les courriels envoyés en développement sont réservés aux superutilisateurs "
                "(dans la démonstration : admin@example.org)."
            )
            return render(request, "403.html", {"exception": message}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


@_dev_mail_view
def dev_mail_list(request):
    return render(request, "dev/mail_list.html", {"messages_sent": stored_mail_list()})


@_dev_mail_view
def dev_mail_detail(request, name: str):
    message = stored_mail_get(name)
    if message is None:
        raise Http404
    return render(request, "dev/mail_detail.html", {"mail": message})


def language_switch(request, code: str):
    """Sets the language cookie and goes back. A plain link (no form, no CSRF token) keeps the
    anonymous pages identical for every visitor, so they can be served from the page cache."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(next_url)
    language_remember(response, code)
    return response


def admin_login(request):
    """The Wagtail admin's login URL. Anonymous visitors go to allauth's login; a signed-in
    person without admin access gets a clear refusal, not a loop between /admin/ and login."""
    if request.user.is_authenticated:
        return render(
            request,
            "403.html",
            {"exception": _("Votre compte n'a pas accès à l'administration.")},
            status=403,
        )
    return redirect_to_login(
        request.GET.get("next") or "/admin/", login_url=reverse("account_login")
    )


def privacy(request):
    """« Confidentialité »: what is kept, why and how long, read from the settings and from the
    erasure declarations themselves, so the page cannot drift from what the code does."""
    from elus2.users.personal_data import holdings
    from elus2.users.services import INVITATION_LINK_LIFETIME, SIGN_IN_LINK_KEPT_AFTER_END

    kept = sorted({str(h.kept_because) for h in holdings().values() if h.kept_because})
    return render(
        request,
        "privacy.html",
        {
            "retention_months": settings.ELUS2_RETENTION_MONTHS,
            "login_code_minutes": settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT // 60,
            "session_days": settings.SESSION_COOKIE_AGE // 86400,
            "invitation_days": INVITATION_LINK_LIFETIME.days,
            "link_kept_days": SIGN_IN_LINK_KEPT_AFTER_END.days,
            "kept_after_erasure": kept,
        },
    )
