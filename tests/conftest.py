import pytest


@pytest.fixture(autouse=True)
def _media_and_mail(settings, tmp_path):
    """Each test writes mail files and uploads in its own folder."""
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    settings.MEDIA_ROOT = tmp_path / "media"


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Every test with database access starts with an empty cache (Redis in CI is not emptied by
    database rollbacks; the database cache needs the database)."""
    from courses.cache import local_caches_clear

    local_caches_clear()
    if request.node.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
        request.fixturenames
    ):
        from django.core.cache import cache

        request.getfixturevalue("_django_db_helper")
        cache.clear()
    yield
    local_caches_clear()
