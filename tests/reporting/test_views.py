"""The staff pages and the client report: who gets what, and what the pages say."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse
from django.utils import timezone

from elus2.cohorts.models import ReportShare
from elus2.cohorts.services import report_share_create, report_share_revoke
from elus2.reporting import urls as reporting_urls
from elus2.users.roles import Role
from tests.factories.learning import client_for, learning_course_build
from tests.factories.reporting import learner_in_group, staff_create
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def staff_patterns() -> list[tuple[str, URLPattern]]:
    """Every pattern of elus2.reporting.urls as mounted in the site (name, pattern), found through
    the project's resolver: a view added later is walked without touching this test."""
    namespace = get_resolver().namespace_dict["reporting"][1]
    found = []
    for entry in namespace.url_patterns:
        assert isinstance(entry, URLPattern), "nested includes: extend this walk"
        found.append((entry.name, entry))
    assert len(found) == len(reporting_urls.urlpatterns)
    return found


def url_for(name: str, pattern: URLPattern, world, *, user_id=None) -> str:
    """The pattern's URL for the world's cohort, with each argument its signature asks for."""
    arguments = set(pattern.pattern.converters)
    kwargs = {}
    if "cohort_id" in arguments:
        kwargs["cohort_id"] = world.cohort.pk
    if "user_id" in arguments:
        kwargs["user_id"] = user_id or world.members["alice"].pk
    unknown = arguments - set(kwargs)
    assert not unknown, f"{name}: teach this test the argument(s) {unknown}"
    return reverse(f"reporting:{name}", kwargs=kwargs)


def test_the_walk_finds_every_view():
    names = {name for name, _pattern in staff_patterns()}
    assert {
        "cohort_list",
        "cohort_dashboard",
        "learner_detail",
        "learners_csv",
        "learners_xlsx",
        "modules_csv",
        "modules_xlsx",
        "report_preview",
    } <= names


def test_staff_of_another_cohort_gets_404_everywhere(world):
    client = client_for(world.other_staff)
    for name, pattern in staff_patterns():
        url = url_for(name, pattern, world)
        response = client.get(url)
        if "cohort_id" in pattern.pattern.converters:
            assert response.status_code == 404, (url, response.status_code)
        else:  # the list: their own cohorts, not this one
            assert response.status_code == 200, url
            assert world.cohort.name not in response.content.decode()
            assert world.other_cohort.name in response.content.decode()


def test_staff_gets_404_for_someone_outside_their_cohort(world):
    client = client_for(world.staff)
    url = reverse(
        "reporting:learner_detail",
        kwargs={"cohort_id": world.cohort.pk, "user_id": world.outsider.pk},
    )
    assert client.get(url).status_code == 404
    url = reverse(
        "reporting:learner_detail", kwargs={"cohort_id": world.cohort.pk, "user_id": 999_999}
    )
    assert client.get(url).status_code == 404


def test_a_learner_gets_403_or_404_everywhere(world):
    member = world.members["alice"]
    member.groups.add(Group.objects.get_or_create(name=Role.LEARNER)[0])
    for user in (member, learner_in_group()):
        client = client_for(user)
        for name, pattern in staff_patterns():
            url = url_for(name, pattern, world)
            assert client.get(url).status_code in (403, 404), (user, url)


def test_anonymous_visitors_are_sent_to_log_in(world):
    client = Client()
    for name, pattern in staff_patterns():
        url = url_for(name, pattern, world)
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


def test_staff_sees_every_page_of_their_cohort(world):
    client = client_for(world.staff)
    for name, pattern in staff_patterns():
        url = url_for(name, pattern, world)
        assert client.get(url).status_code == 200, url


def test_agency_admin_sees_every_cohort(world):
    admin = UserFactory(is_staff=True)
    admin.groups.add(Group.objects.get_or_create(name=Role.ADMIN)[0])
    client = client_for(admin)
    page = client.get(reverse("reporting:cohort_list")).content.decode()
    assert world.cohort.name in page and world.other_cohort.name in page
    for cohort in (world.cohort, world.other_cohort):
        url = reverse("reporting:cohort_dashboard", kwargs={"cohort_id": cohort.pk})
        assert client.get(url).status_code == 200


def test_dashboard_shows_the_figures(world):
    client = client_for(world.staff)
    url = reverse("reporting:cohort_dashboard", kwargs={"cohort_id": world.cohort.pk})
    page = client.get(url).content.decode()
    assert "inscrits (83 %)" in page
    assert "ont commencé (50 %)" in page
    assert "ont terminé (17 %)" in page
    assert "à relancer (sans activité depuis 7 jours)" in page
    assert "66,0 %" in page
    assert 'role="img"' in page and "<title id=" in page and "<desc id=" in page
    assert "Alice Dupont" in page and "Fanny Simon" in page
    assert "Otto" not in page  # the other cohort's member
    assert "SECRET" not in page


def test_stalled_filter_and_its_days(world):
    client = client_for(world.staff)
    url = reverse("reporting:cohort_dashboard", kwargs={"cohort_id": world.cohort.pk})
    page = client.get(url, {"stalled": "1"}).content.decode()
    assert "Chloé Martin" in page and "David Petit" in page and "Fanny Simon" in page
    assert "Alice Dupont" not in page and "Emma Roux" not in page
    page = client.get(url, {"stalled": "1", "stalled_days": "25"}).content.decode()
    assert "David Petit" in page
    assert "Chloé Martin" not in page and "Fanny Simon" not in page
    # A value out of range falls back to the cohort's setting and says so.
    response = client.get(url, {"stalled": "1", "stalled_days": "0"})
    assert response.status_code == 200
    assert "Chloé Martin" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_learner_page(world):
    client = client_for(world.staff)
    url = reverse(
        "reporting:learner_detail",
        kwargs={"cohort_id": world.cohort.pk, "user_id": world.members["chloe"].pk},
    )
    page = client.get(url).content.decode()
    assert "Chloé Martin" in page
    assert "25 % · 1 leçon sur 4" in page
    assert world.built.lessons[1].title in page
    assert "9 %" in page  # her quiz score
    assert "SECRET" not in page  # never the questions or her answers


def test_second_course_is_chosen_by_its_id(world):
    second = learning_course_build(modules=1, lessons_per_module=1, fast=True).course
    world.cohort.courses.add(second)
    client = client_for(world.staff)
    url = reverse("reporting:cohort_dashboard", kwargs={"cohort_id": world.cohort.pk})
    page = client.get(url, {"course": second.pk}).content.decode()
    assert f'<option value="{second.pk}" selected>' in page
    assert "inscrits (0 %)" in page  # no one is enrolled in the second course


# --- The client report ----------------------------------------------------------------------------


def report_url(token: str) -> str:
    return reverse("reporting_public:report", kwargs={"token": token})


def test_shared_report_shows_the_cohort_figures_only(world):
    token = report_share_create(cohort=world.cohort, created_by=world.staff, days=30)
    response = Client().get(report_url(token))
    assert response.status_code == 200
    page = response.content.decode()
    assert world.cohort.name in page
    assert "inscrits (83 %)" in page and "66,0 %" in page
    assert "Membres ayant terminé chaque module" in page
    for member in world.members.values():
        assert member.email not in page and member.last_name not in page
    assert "SECRET" not in page
    assert "à relancer" not in page
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_staff_preview_is_the_same_report(world):
    page = (
        client_for(world.staff)
        .get(reverse("reporting:report_preview", kwargs={"cohort_id": world.cohort.pk}))
        .content.decode()
    )
    assert "Aperçu" in page and "inscrits (83 %)" in page
    assert "Alice" not in page


def test_expired_link_shows_a_clear_page(world):
    token = report_share_create(cohort=world.cohort, created_by=world.staff, days=1)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        response = Client().get(report_url(token))
    assert response.status_code == 410
    page = response.content.decode()
    assert "Ce lien de rapport a expiré" in page
    assert world.cohort.name not in page


def test_revoked_link_shows_a_clear_page(world):
    token = report_share_create(cohort=world.cohort, created_by=world.staff, days=30)
    report_share_revoke(share=ReportShare.objects.get(cohort=world.cohort), by=world.staff)
    response = Client().get(report_url(token))
    assert response.status_code == 410
    assert "Ce lien de rapport a été désactivé" in response.content.decode()


@pytest.mark.parametrize("token", ["nimportequoi", "1:abc", "W1sxLDE3MDBdXQ:xxxxxxxx"])
def test_bad_link_shows_a_clear_page(world, token):
    response = Client().get(report_url(token))
    assert response.status_code == 404
    assert "Ce lien de rapport n'est pas valide" in response.content.decode()


def test_report_has_a_print_stylesheet():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/reporting.css")).read_text(encoding="utf-8")
    assert "@media print" in css


def test_cohort_list_is_for_staff_only(world):
    assert client_for(learner_in_group()).get(reverse("reporting:cohort_list")).status_code == 403
    page = client_for(staff_create()).get(reverse("reporting:cohort_list")).content.decode()
    assert "Aucune promotion ne vous est confiée" in page


def cohort_pages(world) -> list[str]:
    """Every staff page about one cohort, in reporting, cohorts and reminders, that answers a GET
    with HTML (exports and POST-only actions left out)."""
    client = client_for(world.staff)
    resolver = get_resolver()
    urls = []
    for namespace in ("reporting", "cohorts", "reminders"):
        for entry in resolver.namespace_dict[namespace][1].url_patterns:
            arguments = set(entry.pattern.converters)
            if "cohort_id" not in arguments or arguments - {"cohort_id", "user_id"}:
                continue
            kwargs = {"cohort_id": world.cohort.pk}
            if "user_id" in arguments:
                kwargs["user_id"] = world.members["alice"].pk
            url = reverse(f"{namespace}:{entry.name}", kwargs=kwargs)
            response = client.get(url)
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                urls.append(url)
    return urls


def test_every_cohort_page_has_the_way_back(world):
    """The breadcrumb leads back to the cohort list and, below the dashboard, to the cohort."""
    client = client_for(world.staff)
    cohort_list = reverse("reporting:cohort_list")
    dashboard = reverse("reporting:cohort_dashboard", kwargs={"cohort_id": world.cohort.pk})
    urls = cohort_pages(world)
    assert len(urls) >= 9, urls  # dashboard, member, attestation(s), baromètre, rapport, …
    for url in urls:
        tree = BeautifulSoup(client.get(url).content, "html.parser")
        crumbs = tree.select("nav.staff-breadcrumb")
        assert len(crumbs) == 1, url
        links = [link["href"].split("?")[0] for link in crumbs[0].select("a")]
        assert links[0] == cohort_list, url
        if url != dashboard:
            assert links[1] == dashboard, url
        assert crumbs[0].select("[aria-current=page]"), url


def test_the_members_table_pages_and_comes_back_to_itself(monkeypatch):
    """Past a page of members, « Page suivante » keeps the filters and returns to the table."""
    from elus2.reporting import views as reporting_views
    from tests.factories.learning import client_for, learning_course_build
    from tests.factories.reporting import cohort_create, member_add, staff_create

    monkeypatch.setattr(reporting_views, "LEARNERS_PER_PAGE", 2)
    staff = staff_create()
    built = learning_course_build(modules=1, lessons_per_module=1, fast=True)
    cohort = cohort_create(staff=[staff], courses=[built.course])
    for _ in range(3):
        member_add(cohort)
    client = client_for(staff)
    first = client.get(f"/suivi/promotions/{cohort.pk}/").content.decode()
    assert "Page 1 sur 2" in first
    assert '?page=2#membres" rel="next"' in first
    second = client.get(f"/suivi/promotions/{cohort.pk}/", {"page": 2}).content.decode()
    assert "Page 2 sur 2" in second and 'rel="prev"' in second and 'rel="next"' not in second
