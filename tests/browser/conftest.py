"""Browser tests: Playwright drives the system Chromium against pytest-django's live server,
and every page a test visits can be checked with axe-core (WCAG 2.1 A and AA)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.factories.pages import home_page_ensure
from tests.services import CHROMIUM, need_browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def chromium():
    need_browser()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread while it runs; the ORM calls the
    # tests make are plain synchronous calls all the same. Only for the browser modules.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def page_open(chromium, **context_options):
    context = chromium.new_context(locale="fr-FR", **context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    # Every browser test doubles as a Content-Security-Policy audit: a blocked script or frame
    # is a feature that silently does not work.
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return context, page


def page_open_at(chromium, width: str):
    """A page as a phone ("phone": 375 px, touch) or a desktop ("desktop": 1280 px) sees it."""
    if width == "phone":
        return page_open(chromium, viewport=PHONE, is_mobile=True, has_touch=True)
    return page_open(chromium, viewport=DESKTOP)


def screenshot(page, name: str) -> None:
    """A full-page screenshot under var/screens/, to look at."""
    from django.conf import settings

    screens = Path(settings.BASE_DIR) / "var" / "screens"
    screens.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=screens / f"{name}.png", full_page=True)


def page_close(context, page) -> None:
    violations = page.csp_violations
    context.close()
    assert violations == [], violations


@pytest.fixture(autouse=True)
def _site(transactional_db):
    """The flushed database of a live-server test gets its home page and site back."""
    home_page_ensure()


@pytest.fixture
def page(chromium, live_server):
    context, page = page_open(chromium)
    yield page
    page_close(context, page)


@pytest.fixture
def phone_page(chromium, live_server):
    context, page = page_open(chromium, viewport=PHONE, is_mobile=True, has_touch=True)
    yield page
    page_close(context, page)


def assert_accessible(page) -> None:
    """Fails on any WCAG 2.1 A/AA violation axe-core finds on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]
    assert not violations, f"{page.url}:\n" + "\n".join(summary)


def assert_no_horizontal_scroll(page) -> None:
    """Against the width the context was opened with: on an emulated phone the browser widens
    its layout viewport (window.innerWidth) to whatever overflows, so that is no yardstick."""
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{page.url} scrolls sideways at {viewport}px ({width}px wide)"


# --- Courses: the catalogue, the roles and the review workflow the data migrations made ----------

TRAINER, APPROVER = "Formateur", "Responsable pédagogique"


def catalogue_ensure():
    """What courses/migrations/0004 and users/migrations/0002 make, rebuilt with the real models
    after a flush: the catalogue, the two roles, their page and media permissions under the
    catalogue, and the « Validation des formations » workflow assigned to it."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    from courses.models import CourseIndexPage

    home = home_page_ensure()
    catalogue = CourseIndexPage.objects.child_of(home).first()
    if catalogue is None:
        catalogue = home.add_child(
            instance=CourseIndexPage(
                title="Formations",
                slug="formations",
                intro="<p>Des formations courtes pour les élus locaux, à suivre à votre rythme.</p>",
            )
        )
        catalogue.save_revision().publish()

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    page_permissions = {
        TRAINER: ["add_page", "change_page"],
        APPROVER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    media_permissions = {
        ("wagtailimages", "image"): ["add_image", "change_image", "choose_image"],
        ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document"],
    }
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    groups = {}
    for name, codenames in page_permissions.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        groups[name] = group
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=catalogue,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        for (app_label, model), media_codenames in media_permissions.items():
            for codename in media_codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(
                        content_type=ContentType.objects.get(app_label=app_label, model=model),
                        codename=codename,
                    ),
                )

    task = GroupApprovalTask.objects.filter(name="Relecture pédagogique").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Relecture pédagogique")
    task.groups.add(groups[APPROVER])
    workflow, _ = Workflow.objects.get_or_create(name="Validation des formations")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=catalogue, defaults={"workflow": workflow})
    return catalogue


@pytest.fixture
def catalogue(_site):
    return catalogue_ensure()
