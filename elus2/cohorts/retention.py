"""Retention: a learner is anonymised ELUS2_RETENTION_MONTHS after the end of their last cohort.

Staff accounts are never touched here (they are the agency's people, not learners), nor is anyone
still in a cohort that has not ended or has no end date. Anonymised people are skipped, so a
second run changes nothing."""

from __future__ import annotations

import calendar
import logging
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from elus2.users.personal_data import user_erase
from elus2.users.roles import ADMIN_ROLES

from .models import Membership

logger = logging.getLogger(__name__)


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def retention_due(*, today: date):
    """The learners whose every cohort ended before the retention cut-off."""
    cutoff = months_before(today, settings.ELUS2_RETENTION_MONTHS)
    ended = Membership.objects.filter(user=OuterRef("pk"), cohort__ends_on__lt=cutoff)
    still_open = Membership.objects.filter(user=OuterRef("pk")).filter(
        Q(cohort__ends_on__isnull=True) | Q(cohort__ends_on__gte=cutoff)
    )
    return (
        get_user_model()
        .objects.filter(anonymised_at__isnull=True, is_staff=False, is_superuser=False)
        .filter(Exists(ended))
        .exclude(Exists(still_open))
        .exclude(groups__name__in=[role.value for role in ADMIN_ROLES])
    )


def retention_apply(*, today: date | None = None, batch_size: int = 200) -> int:
    """Anonymises every learner past the cut-off; returns how many were anonymised."""
    today = today or timezone.localdate()
    done = 0
    while True:
        batch = list(retention_due(today=today).order_by("pk")[:batch_size])
        if not batch:
            break
        for user in batch:
            done += int(user_erase(user=user))
    logger.info("retention: %s learner(s) anonymised", done)
    return done
