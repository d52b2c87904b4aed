"""« Mon compte »: the profile, the download of all my data, and the erasure of my account."""

from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from .language import language_remember
from .models import User
from .personal_data import personal_data_archive, personal_data_collect, user_erase


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "mandate",
            "collectivite",
            "language",
            "reminders_progress",
            "reminders_deadline",
            "reminders_digest",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.is_staff:  # is_staff follows the staff roles (signals.py)
            del self.fields["reminders_digest"]  # a digest of cohorts is for follow-up staff


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Je comprends que mon compte sera anonymisé définitivement et que je ne pourrai "
            "plus me connecter."
        ),
        error_messages={"required": gettext_lazy("Cochez la case pour confirmer.")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        response = redirect("my_account_profile")
        language_remember(response, user.language)
        messages.success(request, _("Votre profil est enregistré."))
        return response
    return render(request, "users/profile.html", {"form": form})


def _summary(user, data: dict) -> str:
    """The readable part of the archive, in the person's language."""
    lines = [
        _("Vos données sur élus 2.0, au %(date)s") % {"date": timezone.localdate().isoformat()},
        "",
        _("Profil : %(name)s, %(email)s") % {"name": user.get_full_name(), "email": user.email},
    ]
    for enrolment in data.get("formations", []):
        lines.append(
            ngettext(
                "Formation « %(title)s » : %(percent)s %%, %(lessons)s leçon ouverte",
                "Formation « %(title)s » : %(percent)s %%, %(lessons)s leçons ouvertes",
                len(enrolment["lecons"]),
            )
            % {
                "title": enrolment["formation"],
                "percent": enrolment["pourcentage"],
                "lessons": len(enrolment["lecons"]),
            }
        )
    lines.append(_("Tentatives de quiz : %(count)s") % {"count": len(data.get("quiz", []))})
    lines.append(
        _("Promotions : %(names)s")
        % {"names": ", ".join(m["promotion"] for m in data.get("promotions", [])) or "—"}
    )
    lines += ["", _("Le détail complet est dans donnees.json (format JSON).")]
    return "\n".join(lines) + "\n"


@login_required
@require_http_methods(["GET"])
def my_data(request):
    return render(
        request,
        "users/my_data.html",
        {"erase_form": EraseForm(), "retention_months": settings.ELUS2_RETENTION_MONTHS},
    )


@login_required
@require_http_methods(["GET"])
def my_data_download(request):
    data = personal_data_collect(request.user)
    archive = personal_data_archive(request.user, summary=_summary(request.user, data))
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-elus2.zip"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@reauthentication_required
@require_http_methods(["POST"])
def my_account_erase(request):
    form = EraseForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "users/my_data.html",
            {"erase_form": form, "retention_months": settings.ELUS2_RETENTION_MONTHS},
            status=400,
        )
    user_erase(user=request.user)
    logout(request)
    messages.success(request, _("Votre compte est supprimé. Merci d'avoir suivi nos formations."))
    return redirect("/")


urlpatterns = [
    path("", profile, name="my_account_profile"),
    path("donnees/", my_data, name="my_data"),
    path("donnees/telecharger/", my_data_download, name="my_data_download"),
    path("donnees/supprimer/", my_account_erase, name="my_account_erase"),
]
