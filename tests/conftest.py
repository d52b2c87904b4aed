import pytest


@pytest.fixture(autouse=True)
def _media_and_mail(settings, tmp_path):
    """Each test writes mail files and uploads in its own folder."""
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    settings.MEDIA_ROOT = tmp_path / "media"
