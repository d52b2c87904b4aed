"""An XSS corpus typed by a trainer into every text field of a lesson, saved through the Wagtail
admin edit form, renders inert on the learner page and in the admin."""

from __future__ import annotations

import datetime
import itertools

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.html import escape

from courses.models import LessonPage, ModulePage
from tests.factories.courses import (
    admin_form_data,
    course_build,
    document_create,
    embed_cache,
    image_create,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

CORPUS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg/onload=alert(1)>",
]
VIDEO_URL = "https://www.youtube.com/watch?v=xss"


class Fields:
    """Hands out payloads, each ending with a code (F01, F02…) that proves where it landed."""

    def __init__(self):
        self._numbers = itertools.count(1)
        self.learner_codes: list[str] = []  # fields a learner sees before answering
        self.all_codes: list[str] = []

    def __call__(self, max_length: int = 10_000, *, learner: bool = True) -> str:
        code = f"F{next(self._numbers):02d}"
        payloads: list[str] = []
        for payload in CORPUS:
            if len(" ".join([*payloads, payload, code])) <= max_length:
                payloads.append(payload)
        self.all_codes.append(code)
        if learner:
            self.learner_codes.append(code)
        return " ".join([*payloads, code])

    def rich(self) -> str:
        """What a trainer can put in the rich text editor: the corpus as text, and a link."""
        text = self()
        return f'<p>{escape(text)} <a href="javascript:alert(1)">lien</a></p>'


def post(f: Fields) -> dict:
    return {
        "network": "x",
        "author": f(100),
        "handle": f(60),
        "text": f(),
        "date": datetime.date(2026, 3, 1).isoformat(),
        "likes": "1",
        "shares": "",
        "comments": "",
    }


def options(f: Fields) -> list[dict]:
    return [
        {"text": f(500), "correct": True, "feedback": f(learner=False)},
        {"text": f(500), "correct": False, "feedback": f(learner=False)},
    ]


def lesson_fields(f: Fields, image_id: int, document_id: int) -> dict:
    body = [
        ("heading", f()),
        ("paragraph", f.rich()),
        ("image", {"image": image_id, "alt": f(250), "decorative": False, "caption": f(250)}),
        ("video", {"video": VIDEO_URL, "title": f(200), "transcript": f()}),
        ("key_figure", {"number": f(30), "label": f(200), "source": f(250)}),
        ("quote", {"text": f(), "author": f(120), "role": f(200)}),
        ("good_practice", f.rich()),
        ("avoid", f.rich()),
        ("checklist", {"title": f(200), "items": [f(300), f(300)]}),
        ("document", {"document": document_id, "title": f(200), "description": f(300)}),
        ("social_post", post(f)),
        (
            "comment_thread",
            {
                "post": post(f),
                "replies": [{"author": f(100), "handle": f(60), "text": f(), "tone": "troll"}],
            },
        ),
        (
            "search_results",
            {
                "query": f(150),
                "results": [{"title": f(200), "url": f(200), "snippet": f(), "tone": "negative"}],
            },
        ),
    ]
    quiz = [
        (
            "single_choice",
            {"question": f(), "options": options(f), "explanation": f(learner=False)},
        ),
        (
            "multiple_choice",
            {"question": f(), "options": options(f), "explanation": f(learner=False)},
        ),
        (
            "true_false",
            {
                "statement": f(),
                "answer": True,
                "feedback_true": f(learner=False),
                "feedback_false": f(learner=False),
                "explanation": f(learner=False),
            },
        ),
        (
            "best_reply",
            {
                "situation": [
                    (
                        "comment_thread",
                        {
                            "post": post(f),
                            "replies": [
                                {"author": f(100), "handle": f(60), "text": f(), "tone": "hostile"}
                            ],
                        },
                    )
                ],
                "question": f(),
                "options": options(f),
                "explanation": f(learner=False),
            },
        ),
        (
            "ordering",
            {
                "question": f(),
                "items": [f(300), f(300), f(300)],
                "explanation": f(learner=False),
            },
        ),
    ]
    return {
        "title": f(255),
        "slug": "lecon-piegee",
        "estimated_minutes": "5",
        "objectives": f"{f()}\n{f()}",
        "completion_rule": "quiz_passed",
        "body": body,
        "quiz": quiz,
    }


def assert_inert(html: str) -> None:
    lowered = html.lower()
    for raw in ("<script>alert(1)", "<img src=x", "<svg/onload", 'href="javascript:'):
        assert raw not in lowered, raw
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("img", src="x")
    assert not soup.find("svg", onload=True)
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            assert not (name.startswith("on") and "alert" in text), (tag.name, name)
            if name in {"href", "src", "action", "formaction", "xlink:href"}:
                assert not text.strip().lower().startswith("javascript:"), (tag.name, text)
        if tag.name == "script" and tag.get("type") != "application/json":
            assert "alert(1)" not in (tag.string or ""), tag


@pytest.fixture
def saved_lesson(client):
    """The corpus posted through the admin edit form by a superuser, and published."""
    course = course_build(modules=1, lessons_per_module=1, quiz_every_module=False)
    lesson = LessonPage.objects.descendant_of(course).get()
    embed_cache(
        VIDEO_URL, '<iframe title="Vidéo" src="https://www.youtube.com/embed/xss"></iframe>'
    )
    fields = Fields()
    data = admin_form_data(
        LessonPage,
        **lesson_fields(fields, image_create().pk, document_create().pk),
        **{"action-publish": "1"},
    )
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(reverse("wagtailadmin_pages:edit", args=(lesson.pk,)), data)
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").find_all(
        class_="error-message"
    )
    lesson.refresh_from_db()
    assert lesson.live and not lesson.has_unpublished_changes
    assert CORPUS[0] in lesson.title
    client.logout()
    return lesson, fields


def test_the_corpus_covers_every_block_type():
    fields = lesson_fields(Fields(), 1, 1)
    blocks = LessonPage._meta.get_field("body").stream_block.child_blocks
    questions = LessonPage._meta.get_field("quiz").stream_block.child_blocks
    assert {kind for kind, _ in fields["body"]} == set(blocks)
    assert {kind for kind, _ in fields["quiz"]} == set(questions)


def test_corpus_is_stored_as_typed(saved_lesson):
    lesson, fields = saved_lesson
    stored = str(lesson.body.raw_data) + str(lesson.quiz.raw_data) + lesson.objectives
    missing = [code for code in fields.all_codes if code not in stored + lesson.title]
    assert not missing
    # The rich text editor keeps the text but drops a javascript: link target on save.
    rich_text = [block.value.source for block in lesson.body if block.block_type == "paragraph"]
    assert "&lt;script&gt;" in rich_text[0]
    assert "<a>lien</a>" in rich_text[0] and 'href="javascript' not in rich_text[0]


def test_corpus_is_inert_on_the_learner_page(client, saved_lesson):
    lesson, fields = saved_lesson
    client.force_login(UserFactory())
    response = client.get(lesson.url)
    assert response.status_code == 200
    quiz = client.get(reverse("quizzes:quiz", args=[lesson.pk]), follow=True)
    assert quiz.status_code == 200
    html = response.content.decode() + quiz.content.decode()
    missing = [code for code in fields.learner_codes if code not in html]
    assert not missing, "fields not rendered for the learner"
    assert escape(CORPUS[0]) in html
    assert_inert(html)


def test_corpus_is_inert_in_the_admin(client, saved_lesson):
    lesson, fields = saved_lesson
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(lesson.pk,)))
    assert edit.status_code == 200
    html = edit.content.decode()
    assert all(code in html for code in fields.all_codes)
    assert_inert(html)
    module = ModulePage.objects.get(pk=lesson.get_parent().pk)
    for url in (
        reverse("wagtailadmin_explore", args=(module.pk,)),
        reverse("wagtailadmin_pages:history", args=(lesson.pk,)),
        reverse("wagtailadmin_home"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())


def test_corpus_is_inert_in_the_admin_preview(client, saved_lesson):
    lesson, fields = saved_lesson
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=(lesson.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    assert fields.learner_codes[0] in html
    assert_inert(html)


@pytest.mark.parametrize(
    "dangerous",
    [
        "<p><script>alert(1)</script></p>",
        '<p title=""><img src=x onerror=alert(1)></p>',
        '<a href="javascript:alert(1)">lien</a>',
        "<svg/onload=alert(1)>",
    ],
)
def test_the_inertness_check_catches_each_payload(dangerous):
    with pytest.raises(AssertionError):
        assert_inert(f"<html><body>{dangerous}</body></html>")
