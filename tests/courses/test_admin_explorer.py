"""What trainers see in the Wagtail admin: a module's lessons in the order learners follow them,
and no request to Wagtail's servers from the dashboard."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories.courses import course_create, lesson_create, module_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(
        get_user_model().objects.create_superuser(email="root@example.org", password="x")
    )
    return client


def test_the_explorer_lists_lessons_in_course_order(admin_client):
    module = module_create(course_create())
    lessons = [lesson_create(module, title=f"Étape {n}") for n in (1, 2, 3)]
    lessons[0].save_revision().publish()  # edited last: Wagtail's default would list it first
    listing = admin_client.get(f"/admin/pages/{module.pk}/").content.decode()
    first_seen = [listing.index(f"Étape {n}") for n in (1, 2, 3)]
    assert first_seen == sorted(first_seen)


def test_the_dashboard_does_not_check_for_wagtail_updates(admin_client):
    dashboard = admin_client.get("/admin/").content.decode()
    assert "w-upgrade" not in dashboard
