"""Quiz statistics for trainers: figures checked against an independent recount, bounded queries,
who may read them, the accessible score chart, and the demo data that feeds them.

The expected figures are computed here from the raw answers stored on the attempts, with a small
implementation of its own (correctness, thirds, wrong options, flags); it does not call
statistics.py or grading.py. The thresholds are restated on purpose: changing one in the code
without meaning to breaks these tests.
"""

from __future__ import annotations

import copy
import random
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import LessonPage
from elus2.quizzes import statistics
from elus2.quizzes.models import AttemptStatus, QuizAttempt, QuizMode
from elus2.quizzes.selectors import (
    quiz_statistics_attempt_list,
    quiz_statistics_get,
    quiz_statistics_summary,
)
from elus2.quizzes.services import quiz_attempt_start, quiz_attempt_submit
from elus2.quizzes.snapshot import quiz_snapshot
from elus2.quizzes.statistics import AttemptRecord, quiz_statistics
from tests.factories.learning import client_for, learner_create, queries_without_cache
from tests.factories.quizzes import answers_right, quiz_course_build

pytestmark = pytest.mark.django_db

TRAINER, APPROVER, STAFF, LEARNER = (
    "Formateur",
    "Responsable pédagogique",
    "Chargé·e de suivi",
    "Élu",
)

# --- An independent recount -----------------------------------------------------------------------


def _ids(value) -> list[str]:
    if value in (None, ""):
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def is_right(question: dict, answer) -> bool:
    kind = question["type"]
    if kind == "ordering":
        answer = answer if isinstance(answer, dict) else {}
        return all(
            str(answer.get(item["id"], "")) == str(position)
            for position, item in enumerate(question["items"], start=1)
        )
    if kind == "true_false":
        return _ids(answer) == ["true" if question["answer"] else "false"]
    correct = {option["id"] for option in question["options"] if option["correct"]}
    if kind == "multiple_choice":
        return set(_ids(answer)) == correct
    return len(_ids(answer)) == 1 and _ids(answer)[0] in correct


def wrong_picks(question: dict, answer) -> list[str]:
    kind = question["type"]
    if kind == "ordering":
        return []
    if kind == "true_false":
        right = "true" if question["answer"] else "false"
        return [pick for pick in _ids(answer) if pick != right]
    correct = {option["id"] for option in question["options"] if option["correct"]}
    return [pick for pick in _ids(answer) if pick not in correct]


def expected_figures(attempts: list[QuizAttempt], current: list[dict]) -> dict:
    """The figures the statistics page should show, recounted from the stored attempts."""
    n = len(attempts)
    scores = [attempt.score for attempt in attempts]
    k = n // 3
    ranked = sorted(scores)
    # The documented tie rule: everyone scoring at least the k-th best is "top", everyone scoring
    # at most the k-th worst is "bottom".
    top = [a for a in attempts if k and a.score >= ranked[-k]]
    bottom = [a for a in attempts if k and a.score <= ranked[k - 1]]

    questions: dict[str, dict] = {}
    for attempt in attempts:
        for question in attempt.questions:
            entry = questions.setdefault(
                question["id"], {"asked": 0, "right": 0, "wrong": Counter()}
            )
            answer = attempt.answers.get(question["id"])
            entry["asked"] += 1
            entry["right"] += is_right(question, answer)
            entry["wrong"].update(wrong_picks(question, answer))

    def facility_in(group, qid):
        asked = [
            is_right(question, a.answers.get(qid))
            for a in group
            for question in a.questions
            if question["id"] == qid
        ]
        return sum(asked) / len(asked) if asked else None

    lesson_rank = {
        question["id"]: [o["id"] for o in question.get("options", [])] or ["true", "false"]
        for question in current
    }
    for qid, entry in questions.items():
        asked = entry["asked"]
        entry["facility"] = 100 * entry["right"] / asked
        high, low = facility_in(top, qid), facility_in(bottom, qid)
        entry["discrimination"] = None if high is None or low is None else high - low
        entry["top_wrong"] = None
        if entry["wrong"]:
            order = lesson_rank.get(qid, [])
            best = sorted(
                entry["wrong"].items(),
                key=lambda item, order=order: (
                    -item[1],
                    order.index(item[0]) if item[0] in order else len(order),
                    item[0],
                ),
            )[0]
            entry["top_wrong"] = best
        flags = []
        if entry["facility"] > 90:
            flags.append("too_easy")
        if entry["facility"] < 30:
            flags.append("too_hard")
        if entry["discrimination"] is not None and asked >= 9 and entry["discrimination"] < 0.2:
            flags.append("low_discrimination")
        if entry["top_wrong"] and entry["top_wrong"][1] / asked >= 0.30:
            flags.append("trap_option")
        entry["flags"] = tuple(flags)

    buckets = Counter(min(score // 10, 9) for score in scores)
    return {
        "attempts": n,
        "learners": len({a.user_id for a in attempts}),
        "pass_rate": 100 * sum(1 for a in attempts if a.passed) / n,
        "mean": sum(scores) / n,
        "distribution": [buckets.get(index, 0) for index in range(10)],
        "questions": questions,
    }


# --- A seeded set of attempts, made through the services -------------------------------------------


def edit_keeping_ids(lesson: LessonPage, *, first_text: str) -> LessonPage:
    """Reword the first question and drop the last one, keeping every other id: a new revision."""
    lesson = LessonPage.objects.get(pk=lesson.pk)
    raw = copy.deepcopy(list(lesson.quiz.raw_data))
    raw[0]["value"]["question"] = first_text
    lesson.quiz = raw[:-1]
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def seeded_answer(question: dict, position: int, ability: float, rng: random.Random):
    """Question 1 (single choice) has a trap option, 2 (multiple) is hard, 3 (true/false) is easy,
    4 (best reply) is a coin toss, 5 (ordering) separates the able from the rest."""
    right = answers_right([question])[question["id"]]
    chance = [ability, 0.15, 0.97, 0.5, 1.0 if ability > 0.55 else 0.1][position]
    if rng.random() < chance:
        return right
    kind = question["type"]
    if kind == "ordering":
        ids = [item["id"] for item in question["items"]]
        return {item: str(len(ids) - index) for index, item in enumerate(ids)}
    if kind == "true_false":
        return "false" if question["answer"] else "true"
    wrong = sorted(option["id"] for option in question["options"] if not option["correct"])
    if kind == "multiple_choice":
        return [*right[:1], rng.choice(wrong)]
    if position == 0:  # the trap: nearly every wrong answer picks the same option
        return wrong[0] if rng.random() < 0.85 else wrong[-1]
    return rng.choice(wrong)


@pytest.fixture
def seeded():
    """Some 45 graded attempts by 30 officials at a quiz drawing 4 of 5 questions (options
    shuffled), across two revisions of the lesson; plus an open attempt and an attempt at another
    lesson, which must not count."""
    built = quiz_course_build(settings={"questions_drawn": 4, "shuffle_options": True})
    lesson = built.lesson
    position = {q["id"]: i for i, q in enumerate(quiz_snapshot(lesson.quiz))}
    rng = random.Random(20240518)
    learners = [learner_create() for _ in range(30)]
    for index, learner in enumerate(learners):
        if index == 15:
            lesson = edit_keeping_ids(lesson, first_text="Un nid-de-poule signalé : que faire ?")
        ability = rng.random()
        for _try in range(3):
            attempt = quiz_attempt_start(user=learner, lesson=lesson, rng=rng)
            answers = {
                q["id"]: seeded_answer(q, position[q["id"]], ability, rng)
                for q in attempt.questions
            }
            outcome = quiz_attempt_submit(user=learner, attempt_id=attempt.pk, answers=answers)
            if outcome.result.passed or rng.random() < 0.5:
                break
            ability = min(1.0, ability + 0.25)
    quiz_attempt_start(user=learner_create(), lesson=lesson)  # open: not counted
    other = quiz_course_build()
    done = quiz_attempt_start(user=learners[0], lesson=other.lesson)
    quiz_attempt_submit(user=learners[0], attempt_id=done.pk, answers=answers_right(done.questions))
    return LessonPage.objects.get(pk=lesson.pk)


def test_statistics_match_an_independent_recount(seeded):
    attempts = list(
        QuizAttempt.objects.filter(
            lesson=seeded, status=AttemptStatus.SUBMITTED, mode=QuizMode.GRADED
        ).order_by("submitted_at", "pk")
    )
    current = quiz_snapshot(seeded.quiz)
    expected = expected_figures(attempts, current)
    stats = quiz_statistics_get(lesson=seeded)

    assert stats.attempts == expected["attempts"] > 30
    assert stats.learners == expected["learners"] == 30
    assert stats.pass_rate == pytest.approx(expected["pass_rate"])
    assert 0 < stats.pass_rate < 100
    assert stats.mean_score == pytest.approx(expected["mean"])
    assert [bucket.count for bucket in stats.distribution] == expected["distribution"]
    assert [bucket.label for bucket in stats.distribution][::9] == ["0–9", "90–100"]

    by_id = {question.id: question for question in stats.questions}
    assert set(by_id) == set(expected["questions"])
    for qid, want in expected["questions"].items():
        got = by_id[qid]
        assert (got.asked, got.right) == (want["asked"], want["right"]), qid
        assert got.facility == pytest.approx(want["facility"]), qid
        if want["discrimination"] is None:
            assert got.discrimination is None
        else:
            assert got.discrimination == pytest.approx(want["discrimination"]), qid
        if want["top_wrong"] is None:
            assert got.top_wrong_option is None, qid
        else:
            assert (got.top_wrong_option.id, got.top_wrong_option.count) == want["top_wrong"]
        assert got.flags == want["flags"], (qid, got, want)

    # The seeded set exercises every flag, and the ids survived the revision.
    flags = {flag for want in expected["questions"].values() for flag in want["flags"]}
    assert flags == {"too_easy", "too_hard", "low_discrimination", "trap_option"}
    first, *_rest, last = stats.questions
    assert first.text == "Un nid-de-poule signalé : que faire ?"  # the current wording
    texts = {q["text"] for a in attempts for q in a.questions if q["id"] == first.id}
    assert len(texts) == 2  # one row for a question answered in two revisions
    assert last.type == "ordering" and not last.in_current_quiz
    assert [q.in_current_quiz for q in stats.questions] == [True] * 4 + [False]
    ordering = by_id[last.id]
    assert ordering.discrimination >= 0.4 and "low_discrimination" not in ordering.flags


def test_statistics_do_not_depend_on_the_order_of_attempts(seeded):
    records = quiz_statistics_attempt_list(lesson=seeded)
    current = quiz_snapshot(seeded.quiz)
    shuffled = list(records)
    random.Random(3).shuffle(shuffled)
    a, b = (
        quiz_statistics(records, current_questions=current),
        quiz_statistics(shuffled, current_questions=current),
    )
    assert [
        (q.id, q.right, q.discrimination, q.top_wrong_option, q.flags) for q in a.questions
    ] == [(q.id, q.right, q.discrimination, q.top_wrong_option, q.flags) for q in b.questions]


# --- The pure module's edges ----------------------------------------------------------------------

SINGLE = {
    "id": "q1",
    "type": "single_choice",
    "text": "Q1",
    "options": [
        {"id": "a", "text": "Bonne", "correct": True, "feedback": ""},
        {"id": "b", "text": "Piège", "correct": False, "feedback": ""},
        {"id": "c", "text": "Autre", "correct": False, "feedback": ""},
    ],
    "explanation": "",
}


def record(answer, score=None, user_id=1):
    right = answer == "a"
    score = (100 if right else 0) if score is None else score
    return AttemptRecord(
        user_id=user_id, questions=[SINGLE], answers={"q1": answer}, score=score, passed=score >= 70
    )


def test_no_attempts_give_empty_figures():
    stats = quiz_statistics([], current_questions=[SINGLE])
    assert (stats.attempts, stats.learners, stats.pass_rate, stats.mean_score) == (0, 0, None, None)
    assert [bucket.count for bucket in stats.distribution] == [0] * 10
    (question,) = stats.questions
    assert (question.asked, question.facility, question.discrimination) == (0, None, None)
    assert question.flags == () and question.top_wrong_option is None


@pytest.mark.parametrize(
    ("score", "bucket"), [(0, 0), (9, 0), (10, 1), (69, 6), (70, 7), (89, 8), (90, 9), (100, 9)]
)
def test_score_buckets(score, bucket):
    counts = [b.count for b in statistics.distribution_of([score])]
    assert counts.index(1) == bucket


def test_thresholds_at_their_edges():
    assert statistics.TOO_EASY_ABOVE == 90 and statistics.TOO_HARD_BELOW == 30
    assert statistics.LOW_DISCRIMINATION_BELOW == 0.2
    assert statistics.LOW_DISCRIMINATION_MIN_ATTEMPTS == 9 and statistics.TRAP_OPTION_SHARE == 30
    # 9 right of 10 is exactly 90 %: not "more than 90 %"; 3 of 10 is not "under 30 %".
    nine = [record("a")] * 9 + [record("c")]
    assert statistics.TOO_EASY not in quiz_statistics(nine).questions[0].flags
    three = [record("a")] * 3 + [record("c")] * 7
    assert statistics.TOO_HARD not in quiz_statistics(three).questions[0].flags
    two = [record("a")] * 2 + [record("c")] * 8
    assert statistics.TOO_HARD in quiz_statistics(two).questions[0].flags
    # The trap: the same wrong option in 3 of 10 attempts (30 %) is flagged, 2 of 10 is not.
    trap = [record("a")] * 7 + [record("b")] * 3
    question = quiz_statistics(trap).questions[0]
    assert question.top_wrong_option == statistics.WrongOption("b", "Piège", 3, 30.0)
    assert statistics.TRAP_OPTION in question.flags
    spread = [record("a")] * 6 + [record("b")] * 2 + [record("c")] * 2
    question = quiz_statistics(spread, current_questions=[SINGLE]).questions[0]
    assert question.top_wrong_option.id == "b"  # a tie: the lesson lists "b" first
    assert statistics.TRAP_OPTION not in question.flags


def test_discrimination_needs_three_attempts_and_nine_to_flag():
    assert quiz_statistics([record("a"), record("c")]).questions[0].discrimination is None
    # Everyone scores the same: both groups are everyone, the index is 0 (the tie rule).
    same = [record("a", score=80)] * 3 + [record("c", score=80)] * 3
    question = quiz_statistics(same).questions[0]
    assert question.discrimination == 0
    assert statistics.LOW_DISCRIMINATION not in question.flags  # only 6 attempts
    same_nine = same + [record("a", score=80)] * 3
    assert statistics.LOW_DISCRIMINATION in quiz_statistics(same_nine).questions[0].flags
    # Perfectly separating: right in the top third, wrong in the bottom third.
    split = [record("a", score=100)] * 3 + [record("a", score=60)] * 3 + [record("c", score=0)] * 3
    assert quiz_statistics(split).questions[0].discrimination == 1


def test_tied_boundary_attempts_all_join_their_group():
    scores = [100, 50, 50, 50, 0, 0]  # k = 2: the 2nd best is 50, so four attempts are "top"
    top, bottom = statistics.upper_lower_groups(scores)
    assert top == {0, 1, 2, 3} and bottom == {4, 5}


# --- Bounded queries ------------------------------------------------------------------------------


def attempts_bulk(lesson: LessonPage, count: int) -> None:
    """`count` submitted attempts written directly (varied answers), by count // 3 + 1 people."""
    questions = quiz_snapshot(lesson.quiz)
    right = answers_right(questions)
    User = get_user_model()
    users = User.objects.bulk_create(
        User(email=f"bulk{lesson.pk}-{n}@example.org") for n in range(count // 3 + 1)
    )
    rng = random.Random(count)
    rows = []
    for n in range(count):
        answers = {qid: value if rng.random() < 0.6 else None for qid, value in right.items()}
        score = round(100 * sum(v is not None for v in answers.values()) / len(questions))
        rows.append(
            QuizAttempt(
                user=users[n // 3],
                lesson=lesson,
                number=n % 3 + 1,
                status=AttemptStatus.SUBMITTED,
                questions=questions,
                answers={qid: value for qid, value in answers.items() if value is not None},
                score=score,
                passed=score >= 70,
            )
        )
    QuizAttempt.objects.bulk_create(rows)


def trainer_client() -> Client:
    user = learner_create()
    user.groups.add(Group.objects.get(name=TRAINER))
    return client_for(user)


def measure(count: int) -> dict[str, list[str]]:
    built = quiz_course_build()
    attempts_bulk(built.lesson, count)
    client = trainer_client()
    detail = reverse("quizzes_statistics_detail", args=[built.lesson.pk])
    index = reverse("quizzes_statistics_index")
    client.get(detail)  # warm the content caches
    counts = {}
    with CaptureQueriesContext(connection) as selector:
        stats = quiz_statistics_get(lesson=built.lesson)
    assert stats.attempts == count
    counts["selector"] = [query["sql"] for query in selector.captured_queries]
    with CaptureQueriesContext(connection) as summary:
        rows = quiz_statistics_summary()
    assert next(row for row in rows if row.lesson.pk == built.lesson.pk).attempts == count
    counts["summary"] = [query["sql"] for query in summary.captured_queries]
    for name, url in (("detail", detail), ("index", index)):
        with CaptureQueriesContext(connection) as page:
            assert client.get(url).status_code == 200
        counts[name] = queries_without_cache(page.captured_queries)
    return counts


def test_query_counts_do_not_grow_with_the_number_of_attempts():
    few, many = measure(10), measure(100)
    for name in few:
        assert len(few[name]) == len(many[name]), (name, few[name], many[name])
    assert len(few["selector"]) == 1, few["selector"]
    assert len(few["summary"]) <= 3, few["summary"]


# --- Who may read them ----------------------------------------------------------------------------


@pytest.fixture
def quiz_lesson():
    built = quiz_course_build()
    attempts_bulk(built.lesson, 6)
    return built.lesson


def user_in(*groups, **fields):
    user = learner_create(**fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def urls_for(lesson) -> list[str]:
    return [
        reverse("quizzes_statistics_index"),
        reverse("quizzes_statistics_detail", args=[lesson.pk]),
    ]


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: user_in(TRAINER),
        lambda: user_in(APPROVER),
        lambda: user_in(is_superuser=True, is_staff=True),
    ],
    ids=["trainer", "approver", "superuser"],
)
def test_trainers_approvers_and_superusers_read_the_statistics(quiz_lesson, make_user):
    client = client_for(make_user())
    for url in urls_for(quiz_lesson):
        response = client.get(url)
        assert response.status_code == 200, url
        assert quiz_lesson.title in response.content.decode()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Statistiques des quiz" in home


def test_other_admin_users_get_403(quiz_lesson):
    client = client_for(user_in(STAFF, is_staff=True))
    for url in urls_for(quiz_lesson):
        response = client.get(url)
        assert response.status_code == 403, url
        body = response.content.decode()
        assert "réservées aux formateurs" in body
        assert quiz_lesson.title not in body
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Statistiques des quiz" not in home


@pytest.mark.parametrize(
    "make_user",
    [lambda: user_in(LEARNER), lambda: user_in(is_staff=True)],
    ids=["learner", "staff-flag-only"],
)
def test_people_without_admin_access_are_refused(quiz_lesson, make_user):
    """Wagtail's own rule for its whole admin, before any view of ours runs: no access_admin
    permission, off to the admin login URL, which refuses signed-in people (no loop, no figure)."""
    client = client_for(make_user())
    for url in urls_for(quiz_lesson):
        response = client.get(url, follow=True)
        assert response.status_code == 403, url
        assert "Taux de réussite" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(quiz_lesson):
    for url in urls_for(quiz_lesson):
        response = Client().get(url, follow=True)
        final = response.redirect_chain[-1][0]
        assert final.startswith(reverse("account_login") + "?next=")


def test_lesson_pages_in_the_admin_link_to_their_statistics(quiz_lesson):
    detail = reverse("quizzes_statistics_detail", args=[quiz_lesson.pk])
    module = quiz_lesson.get_parent()
    explore = reverse("wagtailadmin_explore", args=[module.pk])
    assert detail in client_for(user_in(TRAINER)).get(explore).content.decode()
    superuser = client_for(user_in(is_superuser=True, is_staff=True))
    assert detail in superuser.get(explore).content.decode()
    staff = client_for(user_in(STAFF, is_staff=True)).get(explore)
    assert detail not in staff.content.decode()


# --- The chart --------------------------------------------------------------------------------------


def test_the_score_chart_is_an_accessible_svg_with_the_same_numbers_as_its_table(seeded):
    stats = quiz_statistics_get(lesson=seeded)
    response = client_for(user_in(TRAINER)).get(
        reverse("quizzes_statistics_detail", args=[seeded.pk])
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    svg = soup.find("svg", class_="quiz-stats__chart")
    assert svg["role"] == "img"
    title = soup.find(id=svg["aria-labelledby"])
    assert title.name == "title" and title.get_text(strip=True) == "Répartition des scores"
    description = soup.find(id=svg["aria-describedby"]).get_text()

    table = soup.find("table", id="score-table")
    rows = [
        (row.th.get_text(strip=True), int(row.td.get_text(strip=True)))
        for row in table.tbody.find_all("tr")
    ]
    expected = [(bucket.label, bucket.count) for bucket in stats.distribution]
    assert rows == expected
    bars = svg.find_all("rect")
    assert len(bars) == 10
    texts = [text.get_text() for text in svg.find_all("text")]
    counts, labels = texts[0:-1:2], texts[1:-1:2]
    assert list(zip(labels, map(int, counts), strict=True)) == expected
    for label, count in expected:
        assert f"{label} : {count}" in description
    # The tallest bar is the largest count; empty buckets draw no height.
    heights = [float(bar["height"]) for bar in bars]
    assert heights.index(max(heights)) == [c for _l, c in expected].index(
        max(c for _l, c in expected)
    )
    assert all(h == 0 for h, (_l, c) in zip(heights, expected, strict=True) if c == 0)
    # Figures and flags in plain French.
    body = response.content.decode()
    for flag in ("trop facile", "trop difficile", "peu discriminante", "option piège à revoir"):
        assert flag in body
    assert "retirée de la leçon" in body


# --- The demo ---------------------------------------------------------------------------------------


def test_seed_demo_adds_quiz_attempts_once():
    call_command("seed_demo")
    attempts = list(QuizAttempt.objects.order_by("pk").values_list("pk", "user__email", "passed"))
    call_command("seed_demo")
    assert list(QuizAttempt.objects.order_by("pk").values_list("pk", "user__email", "passed")) == (
        attempts
    )
    emails = {email for _pk, email, _passed in attempts}
    # The twelve demo officials, and the demo cohorts' members who reached a quiz.
    assert {e for e in emails if e.startswith("elu")} == {
        f"elu{n:02d}@example.org" for n in range(1, 13)
    }
    assert {e for e in emails if not e.startswith("elu")} and all(
        e.startswith("conseil-") for e in emails if not e.startswith("elu")
    )
    User = get_user_model()
    official = User.objects.get(email="elu01@example.org")
    assert official.check_password("demo-elus2")
    assert official.groups.filter(name=LEARNER).exists()
    assert official.emailaddress_set.get().verified
    by_person: dict[str, list[bool]] = {}
    for _pk, email, passed in attempts:
        by_person.setdefault(email, []).append(passed)
    assert any(results == [True] for results in by_person.values())  # passed at once
    assert any(results[0] is False and results[-1] for results in by_person.values())  # retried

    lesson = LessonPage.objects.get(pk=QuizAttempt.objects.values("lesson_id")[:1])
    stats = quiz_statistics_get(lesson=lesson)
    on_this_quiz = QuizAttempt.objects.filter(lesson=lesson)
    assert stats.attempts == on_this_quiz.count()
    assert stats.learners == on_this_quiz.values("user").distinct().count() >= 12
    assert 0 < stats.pass_rate < 100
    assert any(question.flags for question in stats.questions)
