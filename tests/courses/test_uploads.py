"""Trainers' uploads: no SVG (it can carry script), and bounded sizes, with a French message."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def editor(client):
    client.force_login(
        get_user_model().objects.create_superuser(email="ed@example.org", password="x")
    )
    return client


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    return buffer.getvalue()


def test_svg_image_is_refused(editor):
    response = editor.post(
        "/admin/images/add/",
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", SVG, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert Image.objects.count() == 0
    assert "svg" in response.content.decode().lower()


def test_svg_document_is_refused(editor):
    response = editor.post(
        "/admin/documents/add/",
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", SVG, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert Document.objects.count() == 0


def test_a_png_goes_in(editor):
    response = editor.post(
        "/admin/images/add/",
        {"title": "Capture", "file": SimpleUploadedFile("capture.png", _png(), "image/png")},
    )
    assert response.status_code == 302
    assert Image.objects.count() == 1


def test_oversized_image_is_refused(editor, settings):
    """The limit as configured (10 Mo by default), read by Wagtail's image field."""
    padded = _png() + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = editor.post(
        "/admin/images/add/",
        {"title": "Capture", "file": SimpleUploadedFile("capture.png", padded, "image/png")},
    )
    assert response.status_code == 200
    assert Image.objects.count() == 0
    assert "10" in response.content.decode()


def test_oversized_document_is_refused_in_french(editor, settings):
    settings.ELUS2_DOCUMENT_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile(
        "charte.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1), "application/pdf"
    )
    response = editor.post("/admin/documents/add/", {"title": "Charte", "file": big})
    assert response.status_code == 200
    assert Document.objects.count() == 0
    assert "dépasse 1 Mo" in response.content.decode()
    small = SimpleUploadedFile("charte.pdf", b"%PDF-1.4\n", "application/pdf")
    assert (
        editor.post("/admin/documents/add/", {"title": "Charte", "file": small}).status_code == 302
    )
    assert Document.objects.count() == 1
