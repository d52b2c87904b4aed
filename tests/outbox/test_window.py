"""The sending window: 9:00–12:00 Europe/Paris on weekdays by default, read in Paris time."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from elus2.outbox.window import week_start, window_get
from tests.factories.reminders import paris


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (paris(2026, 10, 6, 8, 59), False),  # Tuesday, before
        (paris(2026, 10, 6, 9, 0), True),
        (paris(2026, 10, 6, 11, 59), True),
        (paris(2026, 10, 6, 12, 0), False),  # the end is excluded
        (paris(2026, 10, 10, 10, 0), False),  # Saturday
        (paris(2026, 10, 11, 10, 0), False),  # Sunday
    ],
)
def test_window_is_read_in_paris_time(moment, is_open):
    assert window_get().is_open(moment) is is_open
    # The same instant written in UTC gives the same answer.
    assert window_get().is_open(moment.astimezone(datetime.UTC)) is is_open


def test_next_opening():
    window = window_get()
    assert window.next_opening(paris(2026, 10, 6, 10)) == paris(2026, 10, 6, 10)
    assert window.next_opening(paris(2026, 10, 6, 7)) == paris(2026, 10, 6, 9)
    assert window.next_opening(paris(2026, 10, 6, 13)) == paris(2026, 10, 7, 9)
    # Friday afternoon → Monday morning.
    assert window.next_opening(paris(2026, 10, 9, 12, 30)) == paris(2026, 10, 12, 9)
    # Across the switch to winter time (25 October 2026) the opening stays 9:00 local.
    assert window.next_opening(paris(2026, 10, 23, 15)) == paris(2026, 10, 26, 9)


def test_dev_can_widen_the_window(settings):
    settings.ELUS2_REMINDER_WINDOW = "00:00-24:00"
    settings.ELUS2_REMINDER_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert window_get().is_open(paris(2026, 10, 11, 23, 59))


@pytest.mark.parametrize(
    ("window", "days"),
    [("9h-12h", ["mon"]), ("12:00-09:00", ["mon"]), ("09:00-12:00", ["lundi"])],
)
def test_a_malformed_window_is_one_clear_error(settings, window, days):
    settings.ELUS2_REMINDER_WINDOW = window
    settings.ELUS2_REMINDER_DAYS = days
    with pytest.raises(ImproperlyConfigured):
        window_get()


def test_weeks_start_on_monday_in_paris():
    assert week_start(paris(2026, 10, 11, 23, 30)) == datetime.date(2026, 10, 5)
    # Monday 00:30 in Paris is still Sunday in UTC: the Paris week counts.
    assert week_start(paris(2026, 10, 12, 0, 30)) == datetime.date(2026, 10, 12)
