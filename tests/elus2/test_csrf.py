"""Every URL of the site refuses a POST without a CSRF token, signed in or not.

The test walks the whole URL list (ours, allauth's, Wagtail's admin) so a view added later is
covered without anyone remembering to add it here."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

# Views that must accept a POST from outside, each with the reason it is safe.
_READ_ONLY_ADMIN_API = (
    "Wagtail's admin API: read-only (GET), for signed-in editors; Django REST framework's "
    "session authentication checks the CSRF token itself on any unsafe method."
)
REVIEWED_CSRF_EXEMPT: dict[str, str] = {
    "wagtail.admin.api.views.PagesAdminAPIViewSet": _READ_ONLY_ADMIN_API,
    "wagtail.images.api.admin.views.ImagesAdminAPIViewSet": _READ_ONLY_ADMIN_API,
    "wagtail.documents.api.admin.views.DocumentsAdminAPIViewSet": _READ_ONLY_ADMIN_API,
    "elus2.outbox.views.unsubscribe": (
        "RFC 8058 one-click unsubscribe: mail providers POST without cookie or CSRF token. The "
        "signed token in the URL is the credential (a bad one gets 403), and all a POST can do "
        "is turn one reminder category off for that one person."
    ),
}


def test_no_view_is_csrf_exempt_outside_the_reviewed_list():
    exempt = {route.label for route in routes() if getattr(route.callback, "csrf_exempt", False)}
    assert exempt <= set(REVIEWED_CSRF_EXEMPT), exempt - set(REVIEWED_CSRF_EXEMPT)


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_url_refuses_a_post_without_token(signed_in):
    client = Client(enforce_csrf_checks=True)
    if signed_in:
        client.force_login(
            get_user_model().objects.create_superuser(email="root@example.org", password="x")
        )
    checked, refused, unreachable = 0, [], []
    for route in routes():
        if not route.path:
            unreachable.append((route.name, route.route))
            continue
        checked += 1
        response = client.post(route.path, {"field": "value"})
        # A reviewed exempt view may also send an anonymous visitor to the login page, or not
        # know the signed token in the path (404).
        allowed = {302, 403, 404, 405} if route.label in REVIEWED_CSRF_EXEMPT else {403}
        if response.status_code not in allowed:
            refused.append((route.name, route.path, response.status_code))
    assert refused == []
    # Nearly every route gets a concrete path; the rest resolve to the page-tree catch-all,
    # which is itself checked.
    assert checked > 300
    assert len(unreachable) < checked / 20, unreachable
