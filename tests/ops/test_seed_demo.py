import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from elus2.ops.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [
    "elu@example.org",
    "formateur@example.org",
    "responsable@example.org",
    "suivi@example.org",
    "admin@example.org",
]


def snapshot():
    User = get_user_model()
    return (
        list(User.objects.order_by("pk").values_list("pk", "email", "password", "is_staff")),
        list(EmailAddress.objects.order_by("pk").values_list("pk", "email", "verified")),
        list(Group.objects.order_by("pk").values_list("pk", "name")),
    )


def test_seed_demo_creates_one_account_per_role_and_is_idempotent():
    call_command("seed_demo")
    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first
    User = get_user_model()
    for email in DEMO_EMAILS:
        user = User.objects.get(email=email)
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.get(user=user).verified
    assert User.objects.get(email="admin@example.org").is_superuser
    assert not User.objects.get(email="elu@example.org").is_staff


def test_seed_demo_refuses_outside_development(settings):
    settings.ELUS2_DEMO_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_seed_demo_points_the_wagtail_site_at_the_site_url(settings):
    """The approval email's « voir la page » and every page's full URL use the Site record: it
    follows SITE_URL (and so ELUS2_PORT) instead of staying at localhost:80."""
    from wagtail.models import Site

    from courses.models import CoursePage

    settings.SITE_URL = "http://127.0.0.1:8101"
    call_command("seed_demo")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    course = CoursePage.objects.live().first()
    assert course.full_url.startswith("http://127.0.0.1:8101/")


def test_seed_demo_gives_the_finished_officials_their_certificates_one_revoked():
    from elus2.evidence.models import Certificate
    from elus2.learning.models import Enrolment, EnrolmentStatus

    call_command("seed_demo")
    call_command("seed_demo")  # idempotent: nothing issued or revoked twice
    finished = set(
        Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED).values_list("user_id", flat=True)
    )
    valid = Certificate.objects.filter(revoked_at__isnull=True)
    assert finished and set(valid.values_list("person_id", flat=True)) == finished
    assert valid.count() == len(finished)
    (revoked,) = Certificate.objects.filter(revoked_at__isnull=False)
    assert revoked.replaced_by.is_valid
    sequences = sorted(Certificate.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, len(finished) + 2))
