import pytest


@pytest.fixture(autouse=True)
def _reminder_settings(settings):
    """The production defaults, whatever the environment running the tests says."""
    settings.ELUS2_REMINDER_WINDOW = "09:00-12:00"
    settings.ELUS2_REMINDER_DAYS = ["mon", "tue", "wed", "thu", "fri"]
    settings.ELUS2_REMINDER_HOLDBACK_PERCENT = 10
    settings.ELUS2_REMINDER_MAX_ATTEMPTS = 5
    settings.ELUS2_REMINDER_LEASE_SECONDS = 600
    settings.SITE_URL = "https://elus.example.org"


@pytest.fixture
def wide_window(settings):
    """For tests that run on the real clock (worker processes): the window is always open and
    nobody is held back, as in worker_settings.py."""
    settings.ELUS2_REMINDER_WINDOW = "00:00-24:00"
    settings.ELUS2_REMINDER_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    settings.ELUS2_REMINDER_HOLDBACK_PERCENT = 0
