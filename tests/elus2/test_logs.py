"""Logs carry no email, login code or token: records are cleaned as they are made."""

import logging

import pytest
from django.core import signing

from elus2.logscrub import scrub


def test_scrub_masks_addresses_codes_and_tokens():
    token = signing.dumps({"share": 12}, salt="test")
    line = (
        f"invitation to camille.martin+elus@mairie-saint-aubin.fr code K7PQ-2XMA "
        f"link /connexion/abcDEF123-xyz/ report /rapport/{token}/ key 9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    )
    cleaned = scrub(line)
    assert "camille" not in cleaned and "[email]" in cleaned
    assert "K7PQ-2XMA" not in cleaned and "[code]" in cleaned
    assert "abcDEF123" not in cleaned and token not in cleaned
    assert "9f8e7d6c5b4a39281706f5e4d3c2b1a0" not in cleaned
    # What logs are for stays readable: paths, slugs, ids.
    assert scrub("GET /formations/e-reputation-des-elus/ u42 200") == (
        "GET /formations/e-reputation-des-elus/ u42 200"
    )


def test_task_ids_stay_whole():
    """A UUID whose middle groups are all digits has a code's shape; logs must keep it whole to
    follow a task from "received" to "succeeded"."""
    line = "Task reminders.send[7595c525-447d-4062-9035-226bf6dab9be] succeeded"
    assert scrub(line) == line
    assert scrub("code 4062-9035.") == "code [code]."


def test_every_logger_gets_clean_records(caplog):
    caplog.set_level(logging.INFO)
    logging.getLogger("elus2.anything").info(
        "sent to %s with code %s", "lea@example.org", "AB12-CD34"
    )
    try:
        raise ValueError("bad address lea@example.org")
    except ValueError:
        logging.getLogger("celery.worker").exception("task failed for %s", "lea@example.org")
    text = caplog.text
    assert "lea@example.org" not in text and "AB12-CD34" not in text
    assert "sent to [email] with code [code]" in text
    assert "ValueError: bad address [email]" in text


@pytest.mark.django_db
def test_a_login_run_logs_no_address_or_code(client, caplog):
    """The whole flow of the most sensitive page, with its warnings (wrong code, 429)."""
    from django.urls import reverse

    from tests.factories.users import UserFactory

    caplog.set_level(logging.DEBUG)
    UserFactory(email="journal@example.org")
    client.post(reverse("account_request_login_code"), {"email": "journal@example.org"})
    for _ in range(7):
        client.post(reverse("account_confirm_login_code"), {"code": "ZZ99-ZZ99"})
    assert "journal@example.org" not in caplog.text
    assert "ZZ99-ZZ99" not in caplog.text


def test_the_run_wide_audit_would_catch_a_leak():
    """tests/conftest.py scans every test's log records with this pattern."""
    from tests.conftest import PERSONAL_DATA_IN_LOGS

    assert PERSONAL_DATA_IN_LOGS.search("sent to lea.durand@mairie.fr")
    assert PERSONAL_DATA_IN_LOGS.search("code K7PQ-2XMA")
    assert not PERSONAL_DATA_IN_LOGS.search("sent to [email] with code [code] for u42")
    assert not PERSONAL_DATA_IN_LOGS.search("Task x[7595c525-447d-4062-9035-226bf6dab9be] received")
