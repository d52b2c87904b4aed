"""« Confidentialité » says what is kept, why and how long, from the settings and from the
erasure declarations, so it follows the code."""

import pytest

from elus2.users.personal_data import holdings

pytestmark = pytest.mark.django_db


def test_privacy_page_follows_the_settings(client, settings):
    settings.ELUS2_RETENTION_MONTHS = 18
    settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 600
    page = client.get("/confidentialite/").content.decode()
    assert "anonymisées 18 mois après la fin de votre dernière promotion" in page
    assert "valable 10 minutes" in page
    settings.ELUS2_RETENTION_MONTHS = 36
    assert "36 mois" in client.get("/confidentialite/").content.decode()


def test_privacy_page_lists_what_erasure_keeps(client):
    page = client.get("/confidentialite/").content.decode()
    kept = {str(h.kept_because) for h in holdings().values() if h.kept_because}
    assert kept
    for reason in kept:
        assert reason.replace("'", "&#x27;") in page


def test_privacy_page_is_linked_from_every_page(client):
    assert 'href="/confidentialite/"' in client.get("/").content.decode()


def test_privacy_page_says_how_long_evidence_is_kept(client, settings):
    settings.ELUS2_EVIDENCE_RETENTION_YEARS = 10
    page = client.get("/confidentialite/").content.decode()
    assert "sont gardées 10 ans, même si vous supprimez votre compte" in page
