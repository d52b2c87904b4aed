import pytest


@pytest.fixture(autouse=True)
def _media_and_mail(settings, tmp_path):
    """Each test writes mail files and uploads in its own folder."""
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache (Redis in CI is not emptied by database rollbacks)."""
    from django.core.cache import cache

    from courses.cache import _memo

    cache.clear()
    _memo.clear()
    yield
    _memo.clear()
