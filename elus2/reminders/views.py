"""Staff's reminder page for a cohort (the one-click unsubscribe is the outbox's).

The staff view takes the cohort through cohorts.selectors.cohort_get_visible: a cohort outside
the viewer's scope answers 404. Views check shapes and call a service or a selector.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from elus2.cohorts.selectors import cohort_get_visible

from .forms import CohortReminderPolicyForm
from .selectors import cohort_reminder_effect, cohort_reminder_failures, cohort_reminder_policy_get
from .services import cohort_reminder_policy_update


@login_required
@require_http_methods(["GET", "POST"])
def cohort_reminders(request, cohort_id: int):
    """The cohort's rules (editable), the measured effect beside the control group, failures."""
    cohort = cohort_get_visible(viewer=request.user, cohort_id=cohort_id)
    policy = cohort_reminder_policy_get(cohort=cohort)
    form = CohortReminderPolicyForm(request.POST or None, instance=policy)
    if request.method == "POST":
        if form.is_valid():
            cohort_reminder_policy_update(cohort=cohort, values=form.cleaned_data)
            messages.success(request, _("Les règles de relance de la promotion sont enregistrées."))
            return redirect("reminders:cohort_reminders", cohort_id=cohort.pk)
        messages.error(request, _("Rien n'a été enregistré : corrigez les points signalés."))
    return render(
        request,
        "reminders/cohort_reminders.html",
        {
            "cohort": cohort,
            "form": form,
            "effect": cohort_reminder_effect(cohort=cohort, now=timezone.now()),
            "failures": cohort_reminder_failures(cohort=cohort),
        },
        status=400 if form.errors else 200,
    )
