"""Officials' time: when a reminder may go out (settings ELUS2_REMINDER_WINDOW and _DAYS).

Pure functions of a moment: the window is read in Europe/Paris (TIME_ZONE), whatever the server's
clock zone. "Weeks" are ISO weeks starting on Monday, in the same zone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Window:
    start_minute: int  # minutes after midnight, local time
    end_minute: int  # exclusive; 1440 means midnight at the end of the day
    weekdays: frozenset[int]  # 0 = Monday

    def is_open(self, moment: datetime.datetime) -> bool:
        local = timezone.localtime(moment)
        minute = local.hour * 60 + local.minute
        return local.weekday() in self.weekdays and self.start_minute <= minute < self.end_minute

    def next_opening(self, moment: datetime.datetime) -> datetime.datetime:
        """`moment` itself when the window is open, else the next time it opens."""
        if self.is_open(moment):
            return moment
        local = timezone.localtime(moment)
        zone = local.tzinfo
        for days_ahead in range(8):
            day = local.date() + datetime.timedelta(days=days_ahead)
            if day.weekday() not in self.weekdays:
                continue
            opening = datetime.datetime.combine(
                day, datetime.time(self.start_minute // 60, self.start_minute % 60), tzinfo=zone
            )
            if opening > local:
                return opening
        raise ImproperlyConfigured("ELUS2_REMINDER_DAYS : aucun jour d'envoi.")


def _minute(text: str) -> int:
    hours, _, minutes = text.strip().partition(":")
    value = int(hours) * 60 + int(minutes or 0)
    if not 0 <= value <= 1440:
        raise ValueError(text)
    return value


def window_get() -> Window:
    """The configured window; a malformed setting is one clear error."""
    raw = settings.ELUS2_REMINDER_WINDOW
    try:
        start, end = (_minute(part) for part in raw.split("-"))
    except ValueError:
        raise ImproperlyConfigured(
            f"ELUS2_REMINDER_WINDOW={raw!r} : attendu HH:MM-HH:MM, par exemple 09:00-12:00."
        ) from None
    if start >= end:
        raise ImproperlyConfigured(f"ELUS2_REMINDER_WINDOW={raw!r} : la fin précède le début.")
    names = [name.lower()[:3] for name in settings.ELUS2_REMINDER_DAYS]
    unknown = set(names) - set(DAY_NAMES)
    if unknown or not names:
        raise ImproperlyConfigured(
            f"ELUS2_REMINDER_DAYS : jours attendus parmi {','.join(DAY_NAMES)}."
        )
    return Window(start, end, frozenset(DAY_NAMES.index(name) for name in names))


def week_start(moment: datetime.datetime) -> datetime.date:
    """Monday of the moment's week, local time: the key of the weekly cap and of digests."""
    day = timezone.localdate(moment)
    return day - datetime.timedelta(days=day.weekday())
