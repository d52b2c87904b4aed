import re

import pytest
from django.contrib.staticfiles import finders

from courses.models import HomePage

pytestmark = pytest.mark.django_db


def test_the_site_root_is_our_home_page(client):
    assert HomePage.objects.count() == 1
    response = client.get("/")
    assert response.status_code == 200
    assert response.templates[0].name == "courses/home_page.html"


def test_home_page_in_french_by_default(client):
    html = client.get("/").content.decode()
    assert '<html lang="fr">' in html
    assert "Aller au contenu" in html
    assert "Les élus locaux et le web social" in html


def test_home_page_in_english_on_request(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert "Local elected officials and the social web" in html


def test_language_switcher_works_without_javascript(client):
    response = client.get("/langue/en/?next=/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Skip to content" in client.get("/").content.decode()


def test_skip_link_targets_the_main_content(client):
    html = client.get("/").content.decode()
    assert 'href="#contenu"' in html and 'id="contenu"' in html


def test_page_weight_under_100_kb(client):
    """HTML + CSS + JS of each kind of page, images excluded (the starter course's longest lesson
    and its quiz included)."""
    from courses.models import LessonPage
    from courses.starter import starter_course_ensure
    from tests.factories.users import UserFactory

    starter_course_ensure()
    lessons = sorted(LessonPage.objects.live(), key=lambda lesson: len(str(lesson.body.raw_data)))
    longest = lessons[-1]
    client.force_login(UserFactory())
    urls = [
        "/",
        "/accounts/login/",
        "/formations/",
        "/formations/elus-2-0/",
        "/parcours/",
        longest.url,
    ]
    quiz_lesson = next(lesson for lesson in lessons if lesson.completion_rule == "quiz_passed")
    urls.append(f"/quiz/lecons/{quiz_lesson.pk}/")
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        html = response.content
        total = len(html)
        for asset in re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
            path = finders.find(asset.decode())
            assert path, asset
            with open(path, "rb") as handle:
                total += len(handle.read())
        assert total < 100 * 1024, (url, total)


def test_unknown_page_is_a_french_404(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_language_switch_refuses_other_sites_and_unknown_languages(client):
    assert client.get("/langue/en/?next=https://evil.example/").headers["Location"] == "/"
    assert client.get("/langue/de/?next=/").status_code == 404


def test_the_home_page_title_names_the_site_once(client):
    html = client.get("/").content.decode()
    assert re.search(r"<title>\s*élus 2.0\s*</title>", html), re.search(r"<title>.*</title>", html)


def test_signed_in_visitors_get_back_to_their_learning_from_every_page(client):
    from tests.factories.users import UserFactory

    client.force_login(UserFactory())
    home = client.get("/").content.decode()
    hero = home.split('class="hero__actions"')[1].split("</p>")[0]
    assert hero.index('href="/parcours/"') < hero.index('href="/formations/"')
    assert "Se connecter" not in hero
    # The header's link, on any page, and marked as the current page on the page itself.
    assert '<a href="/parcours/">Mon parcours</a>' in client.get("/formations/").content.decode()
    assert '<a href="/parcours/" aria-current="page">Mon parcours</a>' in (
        client.get("/parcours/").content.decode()
    )


def test_anonymous_visitors_are_offered_the_courses_and_signing_in(client):
    home = client.get("/").content.decode()
    assert "/parcours/" not in home
    hero = home.split('class="hero__actions"')[1].split("</p>")[0]
    assert hero.index('href="/formations/"') < hero.index('href="/accounts/login/"')


def test_the_site_has_an_icon_and_favicon_ico_leads_to_it(client):
    html = client.get("/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    assert finders.find(icon.removeprefix("/static/"))
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == icon
