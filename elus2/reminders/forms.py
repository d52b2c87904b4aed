"""The cohort's reminder rules, as staff edit them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CohortReminderPolicy


class CohortReminderPolicyForm(forms.ModelForm):
    class Meta:
        model = CohortReminderPolicy
        fields = [
            "stalled_enabled",
            "stalled_days",
            "not_started_enabled",
            "not_started_days",
            "deadline_enabled",
            "deadline_first_days",
            "deadline_last_days",
            "digest_enabled",
        ]

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("deadline_first_days"), cleaned.get("deadline_last_days")
        if first is not None and last is not None and last >= first:
            self.add_error(
                "deadline_last_days",
                _("Le dernier rappel doit venir après le premier (moins de jours avant)."),
            )
        return cleaned
