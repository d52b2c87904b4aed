"""Lesson and quiz blocks: each renders for a learner and in the admin block preview, quizzes never
show answers before submission, and the blocks refuse unfair questions in French."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from courses.blocks import (
    ImageBlock,
    LessonBodyBlock,
    MultipleChoiceBlock,
    OrderingBlock,
    QuizBlock,
    SingleChoiceBlock,
)
from courses.models import CompletionRule, LessonPage
from tests.factories.courses import (
    course_build,
    document_create,
    embed_cache,
    image_create,
    lesson_create,
    option,
    stream,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _french():
    """Messages are checked in French, whatever language an earlier test left active."""
    with translation.override("fr"):
        yield


VIDEO_URL = "https://www.youtube.com/watch?v=elus2test"
POST = {
    "network": "x",
    "author": "Mairie de Blocville",
    "handle": "@Blocville",
    "text": "Texte-de-publication : travaux place du marché.",
    "date": datetime.date(2026, 5, 1).isoformat(),
    "likes": 8,
    "shares": 2,
    "comments": 1,
}


def body_items(image_id: int, document_id: int) -> list[tuple[str, dict | str, str]]:
    """(block type, value, text that only this block puts on the page)."""
    return [
        ("heading", "Intertitre-de-test", "Intertitre-de-test"),
        ("paragraph", "<p>Paragraphe-de-test <b>gras</b>.</p>", "Paragraphe-de-test"),
        (
            "image",
            {"image": image_id, "alt": "Alt-image-de-test", "decorative": False, "caption": "Lég"},
            'alt="Alt-image-de-test"',
        ),
        (
            "video",
            {"video": VIDEO_URL, "title": "Titre vidéo", "transcript": "Transcription-de-test"},
            "Transcription-de-test",
        ),
        (
            "key_figure",
            {"number": "42 %", "label": "Libellé-chiffre-de-test", "source": "Source-de-test"},
            "Libellé-chiffre-de-test",
        ),
        (
            "quote",
            {"text": "Citation-de-test", "author": "Claire Morel", "role": "Maire"},
            "Citation-de-test",
        ),
        ("good_practice", "<p>Bonne-pratique-de-test</p>", "Bonne-pratique-de-test"),
        ("avoid", "<p>À-éviter-de-test</p>", "À-éviter-de-test"),
        (
            "checklist",
            {"title": "Avant de publier", "items": ["Point-un-de-test", "Point-deux"]},
            "Point-un-de-test",
        ),
        (
            "document",
            {"document": document_id, "title": "Document-de-test", "description": "2 pages"},
            "Document-de-test",
        ),
        ("social_post", POST, "Texte-de-publication"),
        (
            "comment_thread",
            {
                "post": {**POST, "text": "Publication du fil"},
                "replies": [
                    {"author": "Marc", "handle": "", "text": "Réponse-de-test", "tone": "troll"}
                ],
            },
            "Réponse-de-test",
        ),
        (
            "search_results",
            {
                "query": "Claire Morel",
                "results": [
                    {
                        "title": "Résultat-de-test",
                        "url": "exemple.fr",
                        "snippet": "Extrait-de-test",
                        "tone": "negative",
                    }
                ],
            },
            "Extrait-de-test",
        ),
    ]


def quiz_items() -> list[tuple[str, dict, str]]:
    """Every question type; every feedback and explanation carries the secret marker."""
    secret = "MARQUEUR-SECRET"
    return [
        (
            "single_choice",
            {
                "question": "Question-unique-de-test ?",
                "options": [
                    option("Option-juste", correct=True, feedback=f"{secret} juste"),
                    option("Option-fausse", feedback=f"{secret} fausse"),
                ],
                "explanation": f"{secret} explication",
            },
            "Question-unique-de-test",
        ),
        (
            "multiple_choice",
            {
                "question": "Question-multiple-de-test ?",
                "options": [
                    option("Multiple-a", correct=True, feedback=f"{secret} a"),
                    option("Multiple-b", correct=True, feedback=f"{secret} b"),
                    option("Multiple-c", feedback=f"{secret} c"),
                ],
                "explanation": f"{secret} explication",
            },
            "Multiple-c",
        ),
        (
            "true_false",
            {
                "statement": "Affirmation-de-test.",
                "answer": True,
                "feedback_true": f"{secret} vrai",
                "feedback_false": f"{secret} faux",
                "explanation": f"{secret} explication",
            },
            "Affirmation-de-test",
        ),
        (
            "best_reply",
            {
                "situation": [{"type": "social_post", "value": {**POST, "text": "Situation-test"}}],
                "question": "Quelle-réponse-de-test ?",
                "options": [
                    option("Réponse-a", correct=True, feedback=f"{secret} a"),
                    option("Réponse-b", feedback=f"{secret} b"),
                ],
                "explanation": f"{secret} explication",
            },
            "Situation-test",
        ),
        (
            "ordering",
            {
                "question": "Consigne-de-test",
                "items": ["Étape-une", "Étape-deux", "Étape-trois"],
                "explanation": f"{secret} explication",
            },
            "Étape-deux",
        ),
    ]


@pytest.fixture
def every_block_lesson():
    embed_cache(VIDEO_URL, '<iframe title="Vidéo-embarquée" src="https://example.org/v"></iframe>')
    body = body_items(image_create().pk, document_create().pk)
    questions = quiz_items()
    course = course_build(modules=1, lessons_per_module=0)
    module = course.get_children().specific().get()
    lesson = lesson_create(
        module,
        body=stream(LessonPage, "body", [(kind, value) for kind, value, _ in body]),
        quiz=stream(LessonPage, "quiz", [(kind, value) for kind, value, _ in questions]),
        completion_rule=CompletionRule.QUIZ_PASSED,
    )
    return lesson, [text for *_, text in body + questions]


@pytest.fixture
def learner_client(client):
    client.force_login(UserFactory())
    return client


def test_the_fixture_covers_every_block_type():
    assert {kind for kind, *_ in body_items(1, 1)} == set(LessonBodyBlock().child_blocks)
    assert {kind for kind, *_ in quiz_items()} == set(QuizBlock().child_blocks)


def learner_pages(client, lesson) -> str:
    """What the learner sees of a lesson: the lesson page, and its quiz page (quizzes app)."""
    lesson_page = client.get(lesson.url)
    quiz_page = client.get(reverse("quizzes:quiz", args=[lesson.pk]), follow=True)
    assert lesson_page.status_code == 200 and quiz_page.status_code == 200
    return lesson_page.content.decode() + quiz_page.content.decode()


def test_every_block_renders_on_the_learner_page(every_block_lesson, learner_client):
    lesson, texts = every_block_lesson
    html = learner_pages(learner_client, lesson)
    for text in texts:
        assert text in html, text
    assert "Vidéo-embarquée" in html  # the embed itself, not only the transcript
    assert ".pdf" in html or "PDF" in html


def test_quiz_page_never_shows_answers_or_feedback(every_block_lesson, learner_client):
    lesson, _ = every_block_lesson
    html = learner_pages(learner_client, lesson)
    assert "Question-unique-de-test" in html
    assert "MARQUEUR-SECRET" not in html
    assert "correct" not in html.lower()
    assert "checked" not in html


def test_quiz_inputs_are_keyed_by_stored_option_ids(every_block_lesson, learner_client):
    """The ids stored with the lesson are the ones on the page, so answers can be graded."""
    lesson, _ = every_block_lesson
    stored = LessonPage.objects.get(pk=lesson.pk).quiz.raw_data
    html = learner_pages(learner_client, lesson)
    for question in stored:
        assert f'name="q-{question["id"]}' in html
        items = question["value"].get("options") or question["value"].get("items") or []
        for item in items:
            assert item.get("type") == "item" and item.get("id"), item
            assert item["id"] in html


def _preview_url(block) -> str:
    return f"{reverse('wagtailadmin_block_preview')}?id={block.definition_prefix}"


PREVIEW_TEXT = {
    "heading": "Pourquoi répondre aux habitants en ligne",
    "paragraph": "une réponse rapide et polie",
    "image": "Capture d'écran d'une page Facebook de mairie",
    "video": "Au début, je publiais une fois par mois",
    "key_figure": "des députés français avaient un compte Twitter en 2011",
    "quote": "Répondre le soir même a désamorcé la polémique.",
    "good_practice": "ordre du jour du conseil la veille",
    "avoid": "Supprimer un commentaire critique mais poli.",
    "checklist": "Vérifier les chiffres",
    "document": "Modèle de charte de modération",
    "social_post": "Conseil municipal ce soir à 19 h",
    "comment_thread": "Et les travaux de la rue Haute ?",
    "search_results": "Le mot de la maire, ses permanences et ses délégations.",
    "single_choice": "Un habitant vous interpelle sur X",
    "multiple_choice": "Lesquels de ces éléments figurent dans une charte de modération ?",
    "true_false": "plus de 80 % des membres du Congrès américain",
    "best_reply": "Quelle réponse publiez-vous sous cette annonce ?",
    "ordering": "Vérifier les faits",
}


def _all_blocks():
    return [*LessonBodyBlock().child_blocks.values(), *QuizBlock().child_blocks.values()]


def test_every_block_has_a_preview_and_help_text_for_trainers():
    blocks = _all_blocks()
    assert {block.name for block in blocks} == set(PREVIEW_TEXT)
    for block in blocks:
        assert block.is_previewable, block.name
        assert block.meta.help_text, block.name


@pytest.mark.parametrize("role", ["superuser", "Formateur"])
def test_every_block_renders_in_the_admin_block_preview(client, role):
    if role == "superuser":
        user = UserFactory(is_superuser=True, is_staff=True)
    else:
        user = UserFactory()
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    for block in _all_blocks():
        response = client.get(_preview_url(block))
        assert response.status_code == 200, block.name
        html = response.content.decode()
        assert escape(PREVIEW_TEXT[block.name]) in html, block.name
        assert "css/site.css" in html


def test_block_preview_needs_admin_access(client):
    client.force_login(UserFactory())
    response = client.get(_preview_url(_all_blocks()[0]), follow=True)
    assert response.status_code == 403  # a learner is refused, never shown the preview


# --- French validation messages -------------------------------------------------------------


def _block_error(block, value) -> str:
    with pytest.raises(ValidationError) as raised:
        block.clean(block.to_python(value))
    return str(raised.value.as_json_data())


def _choice(*options) -> dict:
    return {"question": "Q ?", "options": list(options), "explanation": "Parce que."}


def test_single_choice_needs_a_correct_option():
    message = _block_error(SingleChoiceBlock(), _choice(option("A"), option("B")))
    assert "Cochez au moins une bonne réponse." in message


def test_single_choice_refuses_two_correct_options():
    value = _choice(option("A", correct=True), option("B", correct=True))
    message = _block_error(SingleChoiceBlock(), value)
    assert "Une question à choix unique n'a qu'une seule bonne réponse." in message


def test_multiple_choice_accepts_two_correct_options_but_not_none():
    block = MultipleChoiceBlock()
    value = _choice(option("A", correct=True), option("B", correct=True), option("C"))
    assert block.clean(block.to_python(value))
    assert "Cochez au moins une bonne réponse." in _block_error(
        block, _choice(option("A"), option("B"))
    )


def test_duplicate_options_are_refused_whatever_the_case_and_spaces():
    value = _choice(option("Je réponds", correct=True), option("  je  RÉPONDS "))
    message = _block_error(SingleChoiceBlock(), value)
    assert "Deux réponses proposées sont identiques." in message


def test_ordering_refuses_duplicate_steps():
    value = {"question": "Ordre ?", "items": ["Lire", "Répondre", "lire"], "explanation": "."}
    assert "Deux étapes sont identiques." in _block_error(OrderingBlock(), value)


def test_image_needs_alt_text_unless_decorative():
    image = image_create()
    block = ImageBlock()
    value = {"image": image.pk, "alt": "  ", "decorative": False, "caption": ""}
    message = _block_error(block, value)
    assert "Le texte alternatif est obligatoire, sauf pour une image décorative." in message
    assert block.clean(block.to_python({**value, "decorative": True}))
