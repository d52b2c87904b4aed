from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

STALLED_DAYS_MAX = 365


class LearnerFilterForm(forms.Form):
    """The dashboard's GET filters; the exports read the same ones, so a file matches the screen
    it was downloaded from. Invalid values fall back to the defaults (and say so)."""

    course = forms.TypedChoiceField(label=_("Formation"), coerce=int, required=False)
    stalled_days = forms.IntegerField(
        label=_("Sans activité depuis (jours)"),
        min_value=1,
        max_value=STALLED_DAYS_MAX,
        required=False,
    )
    stalled = forms.BooleanField(label=_("Seulement les membres à relancer"), required=False)

    def __init__(self, data, *, courses, default_days: int):
        super().__init__(data)
        self.fields["course"].choices = [(course.pk, course.title) for course in courses]
        self.default_days = default_days

    def value(self, name: str, default=None):
        self.is_valid()  # cleaned_data then holds every field that is valid
        found = self.cleaned_data.get(name)
        return default if found in (None, "") else found

    @property
    def stalled_days_value(self) -> int:
        return self.value("stalled_days", self.default_days)

    @property
    def stalled_only(self) -> bool:
        return bool(self.value("stalled", False))

    @property
    def course_id(self) -> int | None:
        return self.value("course")


class CertificateRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de la révocation"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Affiché à quiconque vérifie le certificat."),
    )
    reissue = forms.BooleanField(
        label=_("Émettre un nouveau certificat à la place (avec les données d'aujourd'hui)"),
        required=False,
    )
