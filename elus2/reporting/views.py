"""Staff dashboards under /suivi/, their exports, and the client report (staff preview and the
public page a shared link opens).

Every staff view is login_required and takes its cohort through cohorts' cohort_get_visible: a
cohort outside the viewer's scope answers 404 like one that does not exist. Views read through
selectors.py only; the exports iterate over the very rows the dashboard pages through.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from elus2.cohorts.models import Cohort
from elus2.cohorts.selectors import (
    ReportShareExpired,
    ReportShareInvalid,
    ReportShareRevoked,
    cohort_get_visible,
    report_share_resolve,
)
from elus2.evidence.models import Certificate
from elus2.evidence.services import CertificateRefused, certificate_revoke
from elus2.learning.selectors import attestation_get
from elus2.users.roles import follows_cohorts, is_agency_admin

from . import exports
from .certificates import (
    CertificateUnavailable,
    certificate_filename,
    certificate_history,
    certificate_obtain,
    certificate_pdf,
    certificate_renew,
    verification_url,
)
from .charts import distribution_chart, funnel_chart
from .forms import CertificateRevokeForm, LearnerFilterForm
from .realisation import realisation_get
from .selectors import (
    cohort_attestation_list,
    cohort_barometer_list,
    cohort_course_list,
    cohort_has_member,
    cohort_learner_detail,
    cohort_learner_list,
    cohort_module_funnel,
    cohort_overview_list,
    cohort_summary,
)

LEARNERS_PER_PAGE = 100
FOLLOW_UP_SHOWN = 20


def _filters(request, cohort: Cohort):
    """The course shown (the one asked for, else the cohort's first) and the learner filters."""
    courses = cohort_course_list(cohort=cohort)
    form = LearnerFilterForm(request.GET, courses=courses, default_days=cohort.stalled_after_days)
    chosen = next((course for course in courses if course.pk == form.course_id), None)
    return courses, chosen or (courses[0] if courses else None), form


def _cohort_course(request, cohort_id: int):
    """(cohort, its courses, the course shown, the learner filters) for a page about one course:
    a 404 for a cohort outside the viewer's scope or one that follows no course yet."""
    cohort = cohort_get_visible(viewer=request.user, cohort_id=cohort_id)
    courses, course, form = _filters(request, cohort)
    if course is None:
        raise Http404
    return cohort, courses, course, form


def _learner_rows(cohort: Cohort, course, form: LearnerFilterForm):
    return cohort_learner_list(
        cohort=cohort,
        course=course,
        stalled_days=form.stalled_days_value,
        stalled_only=form.stalled_only,
    )


def _figures(cohort: Cohort, course, *, stalled_days: int | None = None) -> dict:
    """The cohort's figures for one course, with their charts: what the dashboard and the client
    report share."""
    summary = cohort_summary(cohort=cohort, course=course, stalled_days=stalled_days)
    funnel = cohort_module_funnel(cohort=cohort, course=course)
    return {
        "course": course,
        "summary": summary,
        "funnel": funnel,
        "funnel_chart": funnel_chart(funnel),
        "score_chart": distribution_chart(summary.scores.distribution),
    }


@login_required
def cohort_list(request):
    if not follows_cohorts(request.user):
        raise PermissionDenied
    return render(
        request,
        "reporting/cohort_list.html",
        {"cohorts": cohort_overview_list(viewer=request.user)},
    )


@login_required
def cohort_dashboard(request, cohort_id: int):
    cohort = cohort_get_visible(viewer=request.user, cohort_id=cohort_id)
    courses, course, form = _filters(request, cohort)
    context = {"cohort": cohort, "courses": courses, "course": course, "form": form}
    if course is not None:
        rows = _learner_rows(cohort, course, form)
        context.update(_figures(cohort, course, stalled_days=form.stalled_days_value))
        context["page_obj"] = Paginator(rows, LEARNERS_PER_PAGE).get_page(request.GET.get("page"))
        context["stalled_days"] = form.stalled_days_value
        # What staff act on, above the charts: the first members to follow up (one query), those
        # who never started apart from those who stopped.
        follow_up = cohort_learner_list(
            cohort=cohort, course=course, stalled_days=form.stalled_days_value, stalled_only=True
        )[:FOLLOW_UP_SHOWN]
        context["never_started"] = [row for row in follow_up if row.never_started]
        context["gone_quiet"] = [row for row in follow_up if not row.never_started]
    return render(request, "reporting/cohort_dashboard.html", context)


@login_required
def learner_detail(request, cohort_id: int, user_id: int):
    cohort, courses, course, form = _cohort_course(request, cohort_id)
    detail = cohort_learner_detail(
        cohort=cohort, course=course, user_id=user_id, stalled_days=form.stalled_days_value
    )
    if detail is None:
        raise Http404
    return render(
        request,
        "reporting/learner_detail.html",
        {
            "cohort": cohort,
            "courses": courses,
            "course": course,
            "detail": detail,
            "realisation": realisation_get(person_id=user_id, course=course),
            "certificates": certificate_history(person_id=user_id, course_id=course.pk),
            "may_revoke": is_agency_admin(request.user),
        },
    )


@login_required
def learner_attestation(request, cohort_id: int, user_id: int):
    """A member's attestation of one of the cohort's courses, for the staff who follow the cohort
    (the same page the official prints from « Mon parcours »)."""
    cohort, _courses, course, _form = _cohort_course(request, cohort_id)
    if not cohort_has_member(cohort=cohort, user_id=user_id):
        raise Http404
    found = attestation_get(user_id=user_id, course_id=course.pk)
    if found is None:
        raise Http404
    back = reverse("reporting:learner_detail", args=[cohort.pk, user_id])
    return render(
        request,
        "learning/attestation.html",
        {
            "attestation": found,
            "cohort": cohort,
            "course": course,
            "back_url": f"{back}?course={course.pk}",
            "back_label": found.learner.get_full_name() or found.learner.email,
        },
    )


@login_required
def cohort_attestations(request, cohort_id: int):
    """Every finished member's attestation for one course, one per printed page: what the agency
    hands to the client or a funder."""
    cohort, courses, course, _form = _cohort_course(request, cohort_id)
    return render(
        request,
        "reporting/cohort_attestations.html",
        {
            "cohort": cohort,
            "courses": courses,
            "course": course,
            "attestations": cohort_attestation_list(cohort=cohort, course=course),
        },
    )


@login_required
def cohort_barometer(request, cohort_id: int):
    """The « baromètre élu 2.0 »: the cohort's self-assessment before and after the course."""
    cohort, courses, course, _form = _cohort_course(request, cohort_id)
    return render(
        request,
        "reporting/cohort_barometer.html",
        {
            "cohort": cohort,
            "courses": courses,
            "course": course,
            "barometers": cohort_barometer_list(cohort=cohort, course=course),
        },
    )


def _export_name(cohort: Cohort, course, what: str, extension: str) -> str:
    return f"{slugify(cohort.name) or 'promotion'}-{slugify(course.title)}-{what}.{extension}"


@login_required
def learners_export(request, cohort_id: int, file_format: str):
    cohort, _courses, course, form = _cohort_course(request, cohort_id)
    records = map(exports.learner_record, _learner_rows(cohort, course, form))
    name = _export_name(cohort, course, _("apprenants"), file_format)
    if file_format == "xlsx":
        return exports.xlsx_response(name, _("Apprenants"), exports.learner_headers(), records)
    return exports.csv_response(name, exports.learner_headers(), records)


@login_required
def modules_export(request, cohort_id: int, file_format: str):
    cohort, _courses, course, _form = _cohort_course(request, cohort_id)
    records = map(exports.module_record, cohort_module_funnel(cohort=cohort, course=course))
    name = _export_name(cohort, course, _("modules"), file_format)
    if file_format == "xlsx":
        return exports.xlsx_response(name, _("Modules"), exports.module_headers(), records)
    return exports.csv_response(name, exports.module_headers(), records)


def _report_context(cohort: Cohort) -> dict:
    return {
        "cohort": cohort,
        "sections": [_figures(cohort, course) for course in cohort_course_list(cohort=cohort)],
    }


@login_required
def report_preview(request, cohort_id: int):
    """The client report as the client will see it, for staff to check before sharing."""
    cohort = cohort_get_visible(viewer=request.user, cohort_id=cohort_id)
    return render(request, "reporting/report.html", {**_report_context(cohort), "preview": True})


@never_cache
def report_public(request, token: str):
    """The report a shared link opens, without an account. A link that no longer works gets a
    page saying why, in French, with 410 (gone) when it expired or was revoked."""
    try:
        share = report_share_resolve(token=token)
    except ReportShareInvalid as refused:
        reason = {ReportShareExpired: "expired", ReportShareRevoked: "revoked"}.get(
            type(refused), "invalid"
        )
        response = render(
            request,
            "reporting/report_unavailable.html",
            {"reason": reason},
            status=404 if reason == "invalid" else 410,
        )
    else:
        response = render(request, "reporting/report.html", _report_context(share.cohort))
    # The token is the key: keep it out of other sites' logs and search engines.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _pdf_response(certificate: Certificate) -> HttpResponse:
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{certificate_filename(certificate)}"'
    return response


@login_required
def my_certificate(request, course_id: int):
    """The official's own « certificat de réalisation » for a course they completed, issued on
    the first request. Only their own: the URL names a course, never a person."""
    try:
        certificate = certificate_obtain(
            user_id=request.user.pk, course_id=course_id, by_id=request.user.pk
        )
    except CertificateUnavailable:
        messages.error(
            request,
            _("Indiquez votre prénom et votre nom : le certificat de réalisation les mentionne."),
        )
        return redirect("my_account_profile")
    if certificate is None:
        raise Http404
    return _pdf_response(certificate)


@login_required
def learner_certificate(request, cohort_id: int, user_id: int):
    """A member's certificate for one of the cohort's courses, for the staff who follow the
    cohort (issued on the first request, like the official's own)."""
    cohort, _courses, course, _form = _cohort_course(request, cohort_id)
    if not cohort_has_member(cohort=cohort, user_id=user_id):
        raise Http404
    try:
        certificate = certificate_obtain(
            user_id=user_id, course_id=course.pk, by_id=request.user.pk
        )
    except CertificateUnavailable:
        messages.error(
            request,
            _("Ce membre n'a pas de nom enregistré : le certificat ne peut pas être établi."),
        )
        back = reverse("reporting:learner_detail", args=[cohort.pk, user_id])
        return redirect(f"{back}?course={course.pk}")
    if certificate is None:
        raise Http404
    return _pdf_response(certificate)


@login_required
def certificate_manage(request, certificate_id: int):
    """An agency administrator revokes a certificate with a reason, and may issue its
    replacement in the same step; the old one stays, marked revoked, and names its successor."""
    if not is_agency_admin(request.user):
        raise Http404
    certificate = get_object_or_404(Certificate, pk=certificate_id)
    form = CertificateRevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and certificate.is_valid:
        reason = form.cleaned_data["reason"]
        try:
            if form.cleaned_data["reissue"]:
                new = certificate_renew(
                    certificate=certificate, reason=reason, by_id=request.user.pk
                )
                messages.success(
                    request,
                    _("Certificat %(old)s révoqué, remplacé par le certificat %(new)s.")
                    % {"old": certificate.number, "new": new.number},
                )
                return redirect("certificate_admin:manage", new.pk)
            certificate_revoke(certificate=certificate, reason=reason, by_id=request.user.pk)
        except CertificateUnavailable:
            messages.error(
                request,
                _(
                    "Le nouveau certificat ne peut pas être établi : formation non terminée ou nom manquant."
                ),
            )
        except CertificateRefused:
            messages.error(request, _("Ce certificat est déjà révoqué."))
        else:
            messages.success(
                request, _("Certificat %(number)s révoqué.") % {"number": certificate.number}
            )
        return redirect("certificate_admin:manage", certificate.pk)
    return render(
        request,
        "reporting/certificate_manage.html",
        {
            "certificate": certificate,
            "form": form,
            "verification_url": verification_url(certificate),
        },
    )


@never_cache
def certificate_verify(request, code: str):
    """The public page a certificate's QR code opens: its essential facts and whether it is
    valid, revoked or replaced, without an account. Nothing else about the person (no e-mail,
    no mandate). An unknown code gets a French 404 page."""
    certificate = (
        Certificate.objects.select_related("replaced_by").filter(code=code).first()
        if len(code) <= 40
        else None
    )
    if certificate is None:
        response = render(request, "reporting/certificate_unknown.html", status=404)
    else:
        successor = getattr(certificate, "replaced_by", None)
        response = render(
            request,
            "reporting/certificate_verify.html",
            {"certificate": certificate, "successor": successor},
        )
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
