"""Public lesson search at /recherche/: Wagtail search (the database backend on SQLite, PostgreSQL
full text in production), readable without login, with plain French messages for bad queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import LessonPage, ModulePage
from tests.factories.courses import course_build, lesson_create, stream
from tests.factories.learning import queries_without_cache

pytestmark = pytest.mark.django_db

URL = "/recherche/"


def _lesson_with_word(module, word: str, **fields) -> LessonPage:
    body = stream(
        LessonPage,
        "body",
        [("paragraph", f"<p>Le maire répond à la {word} du quartier.</p>")],
    )
    return lesson_create(module, body=body, **fields)


@pytest.fixture
def course():
    return course_build(
        modules=2, lessons_per_module=2, title="Dialoguer en ligne", summary="Une formation."
    )


@pytest.fixture
def module(course):
    return ModulePage.objects.child_of(course).order_by("path").last()


def test_the_search_url_is_named():
    assert reverse("lesson_search") == URL


def test_finds_a_lesson_by_a_word_of_its_body_without_login(client, course, module):
    lesson = _lesson_with_word(
        module, "girouette", title="Les pétitions de quartier", estimated_minutes=6
    )
    response = client.get(URL, {"q": "girouette"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Les pétitions de quartier" in html
    assert f'href="{lesson.url}"' in html
    assert module.title in html
    assert "Dialoguer en ligne" in html
    assert "6 min" in html
    assert html.count('class="search-results__item"') == 1


def test_unpublished_lessons_are_not_found(client, module):
    lesson = _lesson_with_word(module, "girouette", title="Leçon retirée")
    lesson.unpublish()
    html = client.get(URL, {"q": "girouette"}).content.decode()
    assert "Leçon retirée" not in html
    assert "Aucune leçon ne correspond à « girouette »." in html


def test_finds_courses_too(client, course):
    response = client.get(URL, {"q": "Dialoguer"})
    assert response.status_code == 200
    assert f'href="{course.url}"' in response.content.decode()


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_gets_a_french_message(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert "Saisissez un ou plusieurs mots pour rechercher une leçon." in response.content.decode()


def test_no_query_at_all_shows_the_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'action="{URL}"' in html and 'method="get"' in html and 'name="q"' in html


def test_too_long_query_gets_a_french_message(client, course):
    response = client.get(URL, {"q": "mot " * 60})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Votre recherche est trop longue : 200 caractères au maximum." in html
    assert 'class="search-results"' not in html


def test_odd_characters_do_not_break_the_search(client, course):
    odd = ['"', 'a"b', "a:b", "\x00", "AND OR NOT", "*", "(", "<script>alert(1)</script>", "l'é -x"]
    for query in odd:
        response = client.get(URL, {"q": query})
        assert response.status_code == 200, query
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_queries_do_not_grow_with_the_results(client, module):
    _lesson_with_word(module, "girouette")
    client.get(URL, {"q": "girouette"})  # per-process caches (content types)
    with CaptureQueriesContext(connection) as one:
        client.get(URL, {"q": "girouette"})
    for _ in range(5):
        _lesson_with_word(module, "girouette")
    with CaptureQueriesContext(connection) as six:
        html = client.get(URL, {"q": "girouette"}).content.decode()
    assert html.count('class="search-results__item"') == 6
    assert len(queries_without_cache(six.captured_queries)) == len(
        queries_without_cache(one.captured_queries)
    )


def test_quoted_words_search_a_phrase(client, module):
    _lesson_with_word(module, "girouette", title="La girouette")
    found = client.get(URL, {"q": '"la girouette du quartier"'}).content.decode()
    assert "La girouette" in found
    missed = client.get(URL, {"q": '"quartier du girouette"'}).content.decode()
    assert "La girouette" not in missed
