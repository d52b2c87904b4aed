"""Staff pages under /suivi/: invite members, follow and resend their invitations, share the client
report.

Every view takes the cohort through selectors.cohort_get_visible, so a cohort outside the
viewer's scope answers 404 like one that does not exist. Views check shapes and call services.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .forms import InvitationForm, ReportShareForm
from .models import ReportShare
from .parsing import InvitationSourceRefused, invitation_rows_parse
from .selectors import (
    cohort_get_visible,
    cohort_invitation_list,
    cohort_invitation_summary,
    invitation_lines,
    report_share_list,
)
from .services import (
    cohort_members_invite,
    invitation_resend,
    report_share_create,
    report_share_revoke,
)

INVITATIONS_PER_PAGE = 50

# The client report itself is served by `reporting` (/rapport/<token>/). Reversing its URL by name
# is not an import, so the layers hold; the fixed path covers a project without that app.
REPORT_PATH = "/rapport/{token}/"


def report_url(token: str) -> str:
    try:
        path = reverse("reporting_public:report", args=[token])
    except NoReverseMatch:
        path = REPORT_PATH.format(token=token)
    return settings.SITE_URL + path


@login_required
@require_http_methods(["GET", "POST"])
def cohort_invite(request, cohort_id: int):
    cohort = cohort_get_visible(viewer=request.user, cohort_id=cohort_id)
    if request.method == "GET":
        return render(
            request, "cohorts/cohort_invite.html", {"cohort": cohort, "form": InvitationForm()}
        )
    form = InvitationForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            rows, errors = invitation_rows_parse(
                form.cleaned_data["file"] or form.cleaned_data["text"]
            )
        except InvitationSourceRefused as refused:
            form.add_error("file" if form.cleaned_data["file"] else "text", refused.message)
        else:
            report = cohort_members_invite(cohort=cohort, rows=rows, invited_by=request.user)
            retry = InvitationForm(initial={"text": "\n".join(error.text for error in errors)})
            return render(
                request,
                "cohorts/cohort_invite_result.html",
                {"cohort": cohort, "report": report, "errors": errors, "form": retry},
            )
    messages.error(request, _("Rien n'a été importé : corrigez les points signalés ci-dessous."))
    return render(
        request, "cohorts/cohort_invite.html", {"cohort": cohort, "form": form}, status=400
    )


@login_required
def cohort_invitations(request, cohort_id: int):
    """Each member's invitation: sent, on its way, failed (with a category), and « Renvoyer »."""
    cohort = cohort_get_visible(viewer=request.user, cohort_id=cohort_id)  # scope first: 404
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    page = Paginator(cohort_invitation_list(cohort=cohort), INVITATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "cohorts/cohort_invitations.html",
        {
            "cohort": cohort,
            "page_obj": page,
            "lines": invitation_lines(page.object_list),
            "summary": cohort_invitation_summary(cohort=cohort),
        },
    )


@login_required
@require_POST
def invitation_resend_view(request, cohort_id: int, user_id: int):
    cohort = cohort_get_visible(viewer=request.user, cohort_id=cohort_id)
    if invitation_resend(cohort=cohort, user_id=user_id):
        messages.success(request, _("L'invitation va être renvoyée, avec un nouveau lien."))
    else:
        messages.info(request, _("Cette invitation est déjà en cours d'envoi."))
    url = reverse("cohorts:invitations", args=[cohort.pk])
    page = request.POST.get("page", "")
    return redirect(f"{url}?page={page}" if page.isdigit() else url)


@login_required
@require_http_methods(["GET", "POST"])
def cohort_report_links(request, cohort_id: int):
    cohort = cohort_get_visible(viewer=request.user, cohort_id=cohort_id)
    form = ReportShareForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            token = report_share_create(
                cohort=cohort, created_by=request.user, days=form.cleaned_data["days"]
            )
            messages.success(
                request,
                _("Lien créé. Copiez-le et envoyez-le à votre client : %(url)s")
                % {"url": report_url(token)},
            )
            return redirect("cohorts:report_links", cohort_id=cohort.pk)
        messages.error(request, _("Le lien n'a pas été créé : corrigez la durée de validité."))
    shares = report_share_list(cohort=cohort)
    for share in shares:
        share.url = report_url(share.token)
    return render(
        request,
        "cohorts/cohort_report_links.html",
        {"cohort": cohort, "form": form, "shares": shares},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def report_link_revoke(request, cohort_id: int, share_id: int):
    cohort = cohort_get_visible(viewer=request.user, cohort_id=cohort_id)
    share = get_object_or_404(ReportShare, pk=share_id, cohort=cohort)
    if report_share_revoke(share=share, by=request.user):
        messages.success(request, _("Le lien est révoqué : il n'ouvre plus le rapport."))
    else:
        messages.info(request, _("Ce lien était déjà révoqué."))
    return redirect("cohorts:report_links", cohort_id=cohort.pk)
