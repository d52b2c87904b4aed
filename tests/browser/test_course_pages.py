"""The catalogue, a course and a lesson holding every block pass axe-core and fit a 375 px phone."""

import pytest
from django.conf import settings
from django.test import Client

from courses.blocks import REPLY_TONES, RESULT_TONES, LessonBodyBlock, Network, QuizBlock
from courses.models import CompletionRule, CoursePage, LessonPage, ModulePage
from courses.starter import _stream
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.factories.users import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NETWORKS = [value for value, _label in Network.choices]


def post(network="x", **overrides):
    return {
        "network": network,
        "author": "Mairie de Saint-Aubin",
        "handle": "@MairieStAubin",
        "text": "Conseil municipal ce soir à 19 h, en direct sur notre compte. #StAubin",
        "date": "2026-03-14",
        "likes": 42,
        "shares": 7,
        "comments": 5,
        **overrides,
    }


THREAD = {
    "post": post("facebook"),
    "replies": [
        {
            "author": f"Habitant {tone}",
            "handle": f"@habitant_{tone}",
            "text": f"Une réponse au ton « {label} », assez longue pour passer à la ligne sur un téléphone.",
            "tone": tone,
        }
        for tone, label in REPLY_TONES
    ],
}

BODY = [
    ("heading", "Pourquoi répondre aux habitants en ligne"),
    (
        "paragraph",
        '<p>Un habitant pose une question : <b>répondre vite</b>, <i>poliment</i>, avec un <a href="https://www.example.org/une-adresse-tres-longue-qui-ne-doit-pas-deborder-sur-un-telephone">lien</a>.</p>'
        "<ul><li>Un point</li><li>Un autre point</li></ul><ol><li>Premier</li><li>Second</li></ol>",
    ),
    (
        "key_figure",
        {
            "number": "22 %",
            "label": "des députés français avaient un compte Twitter en 2011",
            "source": "Étude Élus 2.0, septembre 2011",
        },
    ),
    (
        "quote",
        {
            "text": "Répondre le soir même a désamorcé la polémique.",
            "author": "Claire Morel",
            "role": "Maire (personnage fictif)",
        },
    ),
    ("good_practice", "<p>Publiez l'ordre du jour du conseil la veille.</p>"),
    ("avoid", "<p>Supprimer un commentaire critique mais poli.</p>"),
    (
        "checklist",
        {"title": "Avant de publier", "items": ["Relire le texte", "Vérifier les chiffres"]},
    ),
    *[("social_post", post(network)) for network in NETWORKS],
    (
        "social_post",
        post(
            "linkedin",
            author="Communauté de communes du Val-de-Loire-et-des-Coteaux-Réunis",
            handle="@CommunauteDeCommunesDuValDeLoireEtDesCoteaux",
            text="https://www.example.org/" + "une-tres-longue-adresse-sans-espace-" * 4,
            likes=None,
            shares=None,
            comments=None,
        ),
    ),
    ("comment_thread", THREAD),
    (
        "search_results",
        {
            "query": "Claire Morel maire",
            "results": [
                {
                    "title": f"Claire Morel — résultat {tone}",
                    "url": "saint-aubin.example/maire/une/adresse/affichee/assez/longue",
                    "snippet": f"Un extrait de résultat de tonalité « {label} ».",
                    "tone": tone,
                }
                for tone, label in RESULT_TONES
            ],
        },
    ),
]

OPTIONS = [
    {"text": "La bonne réponse", "correct": True, "feedback": "Oui, c'est juste."},
    {"text": "Une mauvaise réponse", "correct": False, "feedback": "Non, et voici pourquoi."},
]
QUIZ = [
    (
        "single_choice",
        {"question": "Que faites-vous ?", "options": OPTIONS, "explanation": "Parce que."},
    ),
    (
        "multiple_choice",
        {
            "question": "Lesquelles sont justes ?",
            "options": [*OPTIONS, {**OPTIONS[0], "text": "Une autre bonne réponse"}],
            "explanation": "Parce que.",
        },
    ),
    (
        "true_false",
        {
            "statement": "Plus de 80 % des membres du Congrès américain étaient sur Twitter en 2011.",
            "answer": True,
            "feedback_true": "Exact.",
            "feedback_false": "Si.",
            "explanation": "En France, 22 % des députés.",
        },
    ),
    (
        "best_reply",
        {
            "situation_type": "social_post",
            "situation": post("x"),
            "question": "Quelle réponse publiez-vous ?",
            "options": OPTIONS,
            "explanation": "Parce que.",
        },
    ),
    (
        "best_reply",
        {
            "situation_type": "comment_thread",
            "situation": THREAD,
            "question": "Quelle réponse publiez-vous au fil ?",
            "options": OPTIONS,
            "explanation": "Parce que.",
        },
    ),
    (
        "ordering",
        {
            "question": "Remettez dans l'ordre.",
            "items": ["Lire jusqu'au bout", "Vérifier les faits", "Répondre publiquement"],
            "explanation": "On comprend avant de répondre.",
        },
    ),
]


NEEDS_UPLOAD = {"image", "video", "document"}


def test_the_lesson_holds_every_block_that_needs_no_upload():
    assert {name for name, _ in BODY} == set(LessonBodyBlock.base_blocks) - NEEDS_UPLOAD
    assert {name for name, _ in QUIZ} == set(QuizBlock.base_blocks)


@pytest.fixture
def course(catalogue):
    """A published course with one module and one lesson holding every block and question."""
    course = catalogue.add_child(
        instance=CoursePage(
            title="Élus 2.0 : réseaux sociaux et e-réputation",
            slug="elus-2-0",
            summary="Comprendre les réseaux sociaux et y parler avec les habitants.",
            audience="Élus municipaux et intercommunaux",
            objectives="Ouvrir un compte\nRépondre à une critique\nSuivre sa réputation",
        )
    )
    course.save_revision().publish()
    module = course.add_child(
        instance=ModulePage(title="Répondre aux habitants", slug="repondre", intro="Un module.")
    )
    module.save_revision().publish()
    lesson = module.add_child(
        instance=LessonPage(
            title="Tous les blocs d'une leçon",
            slug="tous-les-blocs",
            estimated_minutes=6,
            objectives="Reconnaître une publication\nChoisir une réponse",
            completion_rule=CompletionRule.QUIZ_PASSED,
            body=_stream(LessonPage, "body", BODY),
            quiz=_stream(LessonPage, "quiz", QUIZ),
        )
    )
    lesson.save_revision().publish()
    return course


def log_in(page, live_server):
    """A signed-in session cookie, without going through the login form."""
    client = Client()
    client.force_login(UserFactory())
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def pages_to_check(course):
    lesson = LessonPage.objects.descendant_of(course).get()
    return [course.get_parent().url, course.url, lesson.url]


def visit(page, url):
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    assert page.url == url, f"{url} went to {page.url}"


def test_catalogue_course_and_lesson_pages_are_accessible(page, live_server, course):
    log_in(page, live_server)
    catalogue_url, course_url, lesson_url = [
        live_server.url + url for url in pages_to_check(course)
    ]

    visit(page, catalogue_url)
    assert page.get_by_role("link", name=course.title).count()
    assert_accessible(page)

    visit(page, course_url)
    assert page.get_by_role("link", name="Tous les blocs d'une leçon").count()
    assert_accessible(page)

    visit(page, lesson_url)
    assert page.locator(".social-post").count() >= len(NETWORKS)
    assert_accessible(page)

    # The questions live on the lesson's quiz page (quizzes app), one tap away.
    page.get_by_role("link", name="Faire le quiz").click()
    page.wait_for_url("**/quiz/**")
    assert page.locator(".quiz__question").count() == len(QUIZ)
    assert_accessible(page)


def test_catalogue_course_and_lesson_pages_fit_a_phone(phone_page, live_server, course):
    log_in(phone_page, live_server)
    for url in pages_to_check(course):
        visit(phone_page, live_server.url + url)
        assert_no_horizontal_scroll(phone_page)
