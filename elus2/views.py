"""Wiring views: the health probe (also the bench's bare view) and the dev mail viewer."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from .mail import stored_mail_get, stored_mail_list
from .users.language import language_remember
from .users.services import next_url_is_safe


def healthz(request):
    """No database, no template: the bare Django view every bench ratio is measured against."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request):
    """Readiness for a load balancer: the database, every cache and the Celery broker, each
    checked with a short timeout. 200 when all answer, else 503; the body names each
    dependency and says ok or « injoignable » with the error's class, never an address or a
    secret. /healthz/ stays the cheapest live answer."""
    from .ops.readiness import readiness_checks

    results = readiness_checks()
    ready = all(result == "ok" for result in results.values())
    return JsonResponse(results, status=200 if ready else 503)


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
                "(dans la démonstration : admin@example.org)."
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


def safe_next_url(request, default: str) -> str:
    """The `next` parameter when it is a path on this site, else `default`: a list, a NUL, an
    absolute or protocol-relative URL or a bare word (which redirect() would try to reverse)
    never leaves the site nor raises."""
    candidate = request.GET.get("next", "")
    if candidate.isprintable() and next_url_is_safe(candidate):
        return candidate
    return default


def language_switch(request, code: str):
    """Sets the language cookie and goes back. A plain link (no form, no CSRF token) keeps the
    anonymous pages identical for every visitor, so they can be served from the page cache."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    response = HttpResponseRedirect(safe_next_url(request, "/"))
    language_remember(response, code)
    return response


def admin_login(request):
    """Wagtail's login URL (its setting and its own /admin/login/ route). There is one way in,
    allauth's, where rate limits and the second factor apply: anonymous visitors go there; a
    signed-in person with admin access goes on; anyone else gets a clear refusal, not a loop
    between /admin/ and login. It never reads a password."""
    next_url = safe_next_url(request, "/admin/")
    if request.user.is_authenticated:
        if request.user.has_perm("wagtailadmin.access_admin"):
            return HttpResponseRedirect(next_url)
        return render(
            request,
            "403.html",
            {"exception": _("Votre compte n'a pas accès à l'administration.")},
            status=403,
        )
    return redirect_to_login(next_url, login_url=reverse("account_login"))


def page_login(request):
    """Wagtail's login for private pages (/_util/login/): allauth's login, with the page to
    go back to."""
    return redirect_to_login(safe_next_url(request, "/"), login_url=reverse("account_login"))


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
            "evidence_years": settings.ELUS2_EVIDENCE_RETENTION_YEARS,
            "login_code_minutes": settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT // 60,
            "session_days": settings.SESSION_COOKIE_AGE // 86400,
            "invitation_days": INVITATION_LINK_LIFETIME.days,
            "link_kept_days": SIGN_IN_LINK_KEPT_AFTER_END.days,
            "kept_after_erasure": kept,
        },
    )
