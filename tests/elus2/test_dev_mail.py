import pytest
from django.core.mail import EmailMultiAlternatives

from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def file_mail(settings):
    settings.EMAIL_BACKEND = "elus2.mail.FileEmailBackend"


def send_one():
    message = EmailMultiAlternatives(
        "Votre code", "Le texte du message", "f@example.org", ["elu@example.org"]
    )
    message.attach_alternative("<p>Le <b>HTML</b> du message</p>", "text/html")
    message.send()


def test_mail_is_written_as_files(file_mail, settings):
    send_one()
    files = list(settings.EMAIL_FILE_PATH.glob("*.eml"))
    assert len(files) == 1
    assert b"Votre code" in files[0].read_bytes()


def test_superuser_reads_sent_mail(file_mail, client):
    send_one()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get("/dev/mail/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Votre code" in body and "elu@example.org" in body
    name = listing.context["messages_sent"][0].name
    detail = client.get(f"/dev/mail/{name}/").content.decode()
    assert "Le texte du message" in detail
    assert "&lt;b&gt;HTML&lt;/b&gt;" in detail  # the HTML part is shown sandboxed, never inline


def test_mail_view_is_for_superusers_only(file_mail, client):
    """A signed-in non-superuser gets a 403 page that says why, not the login page (which sent
    them back here: a loop); an anonymous visitor is asked to sign in and comes back."""
    send_one()
    name = client.get("/dev/mail/")  # anonymous
    assert name.status_code == 302
    assert name.url == "/accounts/login/?next=/dev/mail/"
    client.force_login(UserFactory(is_staff=True))
    for url in ("/dev/mail/", "/dev/mail/whatever.eml/"):
        response = client.get(url)
        assert response.status_code == 403
        body = response.content.decode()
        assert "réservés aux superutilisateurs" in body
        assert "Votre code" not in body


def test_mail_view_does_not_exist_outside_dev(file_mail, client, settings):
    settings.ELUS2_DEV_MAIL_VIEW = False
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/dev/mail/").status_code == 404


def test_path_tricks_are_404(file_mail, client):
    send_one()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/dev/mail/..%2Fdb.sqlite3/").status_code == 404
    assert client.get("/dev/mail/absent.eml/").status_code == 404
