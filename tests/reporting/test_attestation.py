"""Staff print a member's attestation from the member's page, within their own cohorts only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.learning import client_for, queries_without_cache

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


def cohort_attestations_url(world) -> str:
    url = reverse("reporting:cohort_attestations", kwargs={"cohort_id": world.cohort.pk})
    return f"{url}?course={world.built.course.pk}"


def test_the_cohort_s_attestations_are_its_finished_members_only(world):
    client = client_for(world.staff)
    dashboard = client.get(
        reverse("reporting:cohort_dashboard", kwargs={"cohort_id": world.cohort.pk})
    ).content.decode()
    assert cohort_attestations_url(world).replace("&", "&amp;") in dashboard
    html = client.get(cohort_attestations_url(world)).content.decode()
    assert "1 membre a terminé cette formation" in html
    assert html.count('class="attestation"') == 1
    assert "Alice Dupont" in html
    assert "Otto" not in html and "Bruno" not in html  # outside the cohort; not finished


def test_the_cohort_s_attestations_take_the_same_queries_for_one_or_many(world):
    from tests.factories.reporting import member_add, progress_set

    client = client_for(world.staff)
    url = cohort_attestations_url(world)
    client.get(url)  # outline and roles warm

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries_without_cache(queries.captured_queries))

    one = count()
    for number in range(5):
        member = member_add(world.cohort, first_name=f"Fin{number}", last_name="Ie")
        progress_set(member, world.built.course, world.built.lessons, done=4, active_seconds=60)
    assert count() == one
    html = client.get(url).content.decode()
    assert html.count('class="attestation"') == 6
    # By name: Dupont before the five « Ie ».
    assert html.index("Alice Dupont") < html.index("Fin0 Ie")


def test_a_cohort_where_no_one_has_finished_says_so(world):
    client = client_for(world.other_staff)
    url = reverse("reporting:cohort_attestations", kwargs={"cohort_id": world.other_cohort.pk})
    html = client.get(url).content.decode()
    # Otto finished, and is the other cohort's only member with an enrolment.
    assert "1 membre a terminé" in html and "Otto" in html
    world.outsider.enrolments.update(status="started")
    html = client.get(url).content.decode()
    assert "Aucun membre n'a encore terminé cette formation." in html
    assert 'class="attestation"' not in html
    assert "data-print" not in html


def test_an_erased_member_has_no_attestation_left(world):
    from elus2.users.personal_data import user_erase

    alice = world.members["alice"]
    user_erase(user=alice)
    client = client_for(world.staff)
    assert client.get(attestation_url(world, alice)).status_code == 404
    html = client.get(cohort_attestations_url(world)).content.decode()
    assert 'class="attestation"' not in html and "anonyme" not in html
