"""Staff print a member's attestation from the member's page, within their own cohorts only."""

import pytest
from django.urls import reverse

from tests.factories.learning import client_for

pytestmark = pytest.mark.django_db


def attestation_url(world, user) -> str:
    return (
        reverse(
            "reporting:learner_attestation",
            kwargs={"cohort_id": world.cohort.pk, "user_id": user.pk},
        )
        + f"?course={world.built.course.pk}"
    )


def detail_url(world, user) -> str:
    return reverse(
        "reporting:learner_detail", kwargs={"cohort_id": world.cohort.pk, "user_id": user.pk}
    )


def test_staff_open_a_member_s_attestation_from_the_member_s_page(world):
    client = client_for(world.staff)
    alice = world.members["alice"]
    detail = client.get(detail_url(world, alice)).content.decode()
    assert attestation_url(world, alice).replace("&", "&amp;") in detail
    html = client.get(attestation_url(world, alice)).content.decode()
    assert "Attestation de formation" in html
    assert "Alice Dupont" in html and world.built.course.title in html
    assert "1 h 00" in html  # 3,600 s of active time
    assert detail_url(world, alice) in html  # back to her page, not to the staff's own learning


def test_no_link_and_no_attestation_while_the_member_has_not_finished(world):
    client = client_for(world.staff)
    bruno = world.members["bruno"]
    assert "/attestation/" not in client.get(detail_url(world, bruno)).content.decode()
    assert client.get(attestation_url(world, bruno)).status_code == 404


def test_someone_outside_the_cohort_has_no_attestation_here_even_when_finished(world):
    response = client_for(world.staff).get(attestation_url(world, world.outsider))
    assert response.status_code == 404
    assert "Otto" not in response.content.decode()


def test_staff_of_another_cohort_get_404(world):
    alice = world.members["alice"]
    assert client_for(world.other_staff).get(attestation_url(world, alice)).status_code == 404
