"""Forms of the staff pages: they check shapes only; services.py decides."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .parsing import MAX_SOURCE_BYTES
from .services import REPORT_SHARE_MAX_DAYS


class InvitationForm(forms.Form):
    text = forms.CharField(
        label=_("Adresses à inviter"),
        help_text=_(
            "Une personne par ligne : e-mail, prénom, nom, mandat (seul l'e-mail est obligatoire), "
            "séparés par des virgules ou des points-virgules."
        ),
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        required=False,
        strip=False,
    )
    file = forms.FileField(
        label=_("Ou un fichier CSV"),
        help_text=_(
            "Colonnes email, prenom, nom, mandat (en-tête conseillé), séparées par des "
            "virgules ou des points-virgules ; 1 Mo au maximum."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )

    def clean(self):
        cleaned = super().clean()
        text, upload = cleaned.get("text") or "", cleaned.get("file")
        if len(text.encode()) > MAX_SOURCE_BYTES:
            raise forms.ValidationError(
                _("La liste est trop longue (1 Mo au maximum). Découpez-la en plusieurs envois.")
            )
        if upload and text.strip():
            raise forms.ValidationError(
                _("Collez une liste ou envoyez un fichier, pas les deux à la fois.")
            )
        if not upload and not text.strip():
            raise forms.ValidationError(
                _("Collez au moins une adresse ou choisissez un fichier CSV.")
            )
        return cleaned


class ReportShareForm(forms.Form):
    days = forms.IntegerField(
        label=_("Durée de validité (jours)"),
        min_value=1,
        max_value=REPORT_SHARE_MAX_DAYS,
        initial=30,
    )
