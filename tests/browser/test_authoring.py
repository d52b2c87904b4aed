"""A trainer writes a lesson through the Wagtail admin, previews and submits it, cannot publish it;
an approver publishes it and it shows in the course outline."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from courses.models import CoursePage, LessonPage, ModulePage
from tests.browser.conftest import APPROVER, TRAINER, page_close, page_open
from tests.factories.users import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "motdepasse-de-test"
LESSON_TITLE = "Répondre à une publication critique"
POST_TEXT = "Trois semaines que la rue Haute est fermée et personne à la mairie ne répond !"
ANSWERS = [
    (
        "Nous rouvrons la rue le 2 avril ; voici pourquoi les travaux ont duré.",
        True,
        "Oui : un fait, une date, une explication.",
    ),
    (
        "Merci de passer en mairie aux heures d'ouverture.",
        False,
        "Renvoyer ailleurs sans répondre nourrit la colère.",
    ),
]


@pytest.fixture
def new_admin_page(chromium, live_server):
    """A fresh French browser session each call, tall enough to see the editor's forms."""
    opened = []

    def make():
        context, page = page_open(chromium, viewport={"width": 1400, "height": 1000})
        opened.append((context, page))
        return page

    yield make
    for context, page in opened:
        page_close(context, page)


@pytest.fixture
def module(catalogue):
    course = catalogue.add_child(
        instance=CoursePage(
            title="Répondre en ligne",
            slug="repondre-en-ligne",
            summary="Répondre aux habitants sur les réseaux sociaux.",
            audience="Élus municipaux",
            objectives="Répondre à une critique",
        )
    )
    course.save_revision().publish()
    module = course.add_child(instance=ModulePage(title="Les premiers pas", slug="premiers-pas"))
    module.save_revision().publish()
    return module


def user_in(group_name, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, live_server, user, next_url="/admin/"):
    """Through the site's own login page, with the password form."""
    page.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    page.get_by_text("Se connecter avec un mot de passe").click()
    form = page.locator("details.auth-alt form")
    form.get_by_label("Adresse e-mail").fill(user.email)
    form.get_by_label("Mot de passe").fill(PASSWORD)
    form.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**{next_url}")


def add_block(panel, label):
    button = panel.get_by_role("button", name="Insérer un bloc").last
    button.click()
    panel.page.get_by_role("option", name=label, exact=True).click()


def write_lesson(page):
    """Fills the new lesson form: landmarks, a mock social post, a single-choice question."""
    # New blocks slide open with jQuery; without the animation nothing moves under the mouse.
    page.evaluate("jQuery.fx.off = true")
    page.get_by_placeholder("Titre de la page").fill(LESSON_TITLE)
    page.get_by_label("Durée (minutes)").fill("4")
    page.get_by_label("Leçon terminée quand").select_option("quiz_passed")

    body = page.locator("#panel-child-contenu-body-content")
    add_block(body, "Publication (réseau social)")
    body.get_by_role("combobox", name="Réseau").select_option("facebook")
    body.get_by_role("textbox", name="Nom affiché").fill("Collectif Rue Haute")
    body.get_by_role("textbox", name="Identifiant").fill("@RueHaute")
    body.get_by_role("textbox", name="Texte de la publication").fill(POST_TEXT)
    date = body.get_by_role("textbox", name="Date")
    date.fill("2026-03-14")
    date.press("Tab")  # closes the date picker

    quiz = page.locator("#panel-child-contenu-quiz-content")
    add_block(quiz, "Question à choix unique")
    quiz.get_by_role("textbox", name="Question").fill("Que répondez-vous au collectif ?")
    # The answers list starts with one answer; "Ajouter" appends another.
    quiz.get_by_role("button", name="Ajouter", exact=True).last.click()
    for index, (text, correct, feedback) in enumerate(ANSWERS):
        quiz.get_by_role("textbox", name="Réponse proposée").nth(index).fill(text)
        if correct:
            quiz.get_by_role("checkbox", name="Bonne réponse").nth(index).check()
        quiz.get_by_role("textbox", name="Explication de ce choix").nth(index).fill(feedback)
    quiz.get_by_role("textbox", name="Explication générale").fill(
        "Une réponse publique et datée rassure."
    )


def more_actions(page):
    footer = page.locator("footer")
    footer.get_by_role("button", name="Plus d'actions").click()
    return footer


def test_trainer_writes_a_lesson_that_an_approver_publishes(new_admin_page, live_server, module):
    trainer = user_in(TRAINER, first_name="Théo", last_name="Formateur")
    approver = user_in(APPROVER, first_name="Rachel", last_name="Relectrice")

    # The trainer writes the lesson under the module.
    page = new_admin_page()
    log_in(page, live_server, trainer)
    page.goto(f"{live_server.url}/admin/pages/{module.pk}/")
    page.get_by_role("link", name="Ajouter une sous-page").click()
    page.wait_for_url("**/admin/pages/add/courses/lessonpage/**")
    write_lesson(page)

    # The preview shows the post as a learner sees it.
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    preview = page.frame_locator("#w-preview-iframe")
    post = preview.get_by_role(
        "article", name="Exemple de publication Facebook de Collectif Rue Haute"
    )
    expect(post).to_contain_text(POST_TEXT)
    expect(post).to_contain_text("@RueHaute")
    expect(preview.get_by_role("heading", level=1)).to_have_text(LESSON_TITLE)
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()

    # Submitting is there, publishing is not.
    footer = more_actions(page)
    expect(footer.get_by_role("button", name="Publier", exact=True)).to_have_count(0)
    mail.outbox.clear()
    footer.get_by_role("button", name="Soumettre à Validation des formations").click()
    page.wait_for_url(f"**/admin/pages/{module.pk}/")

    lesson = LessonPage.objects.get(title=LESSON_TITLE)
    assert not lesson.live
    assert lesson.current_workflow_state.status == "in_progress"
    assert lesson.get_latest_revision_as_object().body[0].value["text"] == POST_TEXT
    assert approver.email in {address for message in mail.outbox for address in message.to}

    # Back on the lesson, still no way for the trainer to publish.
    page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    footer = more_actions(page)
    expect(footer.get_by_role("button", name="Publier", exact=True)).to_have_count(0)
    expect(page.locator("[name=action-publish]")).to_have_count(0)

    # The approver has the publish button the trainer lacks, and approves, which publishes. approves, which publishes.
    page = new_admin_page()
    log_in(page, live_server, approver)
    page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    footer = more_actions(page)
    expect(footer.get_by_role("button", name="Publier", exact=True)).to_have_count(1)
    footer.get_by_role("button", name="Approuver et Publier", exact=True).click()
    page.wait_for_url(f"**/admin/pages/{module.pk}/")
    lesson.refresh_from_db()
    assert lesson.live
    assert lesson.current_workflow_state is None

    # Anyone reading the course sees the lesson in its outline.
    page = new_admin_page()
    page.goto(f"{live_server.url}{module.get_parent().url}")
    outline = page.locator(".outline")
    expect(outline.get_by_role("heading", name="Les premiers pas")).to_be_visible()
    link = outline.get_by_role("link", name=LESSON_TITLE)
    expect(link).to_have_attribute("href", lesson.url)
    lesson_item = outline.get_by_role("listitem").filter(
        has=page.get_by_role("link", name=LESSON_TITLE)
    )
    expect(lesson_item.last).to_contain_text("4 min · quiz")
