"""Course content as Wagtail pages: catalogue → course → module → lesson.

Pages only render content. Learner state (progress, enrolment) reaches them through `learning`
template tags (shared/STYLE.md rule 3), so editors' previews work without a learner, and this app
never reads learner tables.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .blocks import LessonBodyBlock, QuizBlock
from .cache import (
    content_generation,
    mark_cacheable_for_anonymous,
    page_for_url_path,
    view_restrictions_exist,
)
from .outline import ancestor_path, course_outline, course_path_of


class ContentGeneration(models.Model):
    """One row: the token every cached rendering of content is keyed by (courses/cache.py)."""

    token = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = _("génération du contenu")

    def __str__(self) -> str:
        return self.token.hex


class Level(models.TextChoices):
    BEGINNER = "debutant", _("Débutant")
    INTERMEDIATE = "intermediaire", _("Intermédiaire")
    ADVANCED = "avance", _("Avancé")


class CompletionRule(models.TextChoices):
    VIEWED = "viewed", _("Leçon vue")
    MARKED_DONE = "marked_done", _("Marquée comme terminée par l'élu")
    QUIZ_PASSED = "quiz_passed", _("Quiz réussi")


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ContentPage(Page):
    """Shared by our pages: the content generation that keys every cached fragment."""

    # Anonymous visitors get the whole rendered page from AnonymousPageCacheMiddleware.
    cache_for_anonymous = False
    # The admin's page explorer lists children in the order learners follow them (Wagtail's
    # default is the last edited first).
    admin_default_ordering = "ord"

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail checks restrictions on every request (2 queries); skip that while none exist."""
        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.cache_for_anonymous and not getattr(request, "is_preview", False):
            mark_cacheable_for_anonymous(response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["content_generation"] = content_generation()
        return context


class HomePage(ContentPage):
    """The site's front page: what the platform is, and the way in."""

    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text=_("Deux ou trois phrases qui disent à qui s'adresse la plateforme."),
    )
    call_to_action = models.CharField(
        _("texte du bouton"), max_length=80, blank=True, default="Commencer"
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("call_to_action")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    cache_for_anonymous = True

    class Meta:
        verbose_name = _("page d'accueil")

    def route(self, request, path_components):
        """Resolve any path under the site from the cache, or in two queries on a miss (Wagtail
        walks the tree: two queries per level).

        Our pages do not route sub-paths themselves, so the page whose url_path matches is the
        answer; as in Wagtail, only that final page must be live.
        """
        if not path_components:
            return super().route(request, path_components)
        page = page_for_url_path(self.url_path + "/".join(path_components) + "/")
        if page is None or not page.live:
            raise Http404
        return page.route(request, [])


class CourseIndexPage(ContentPage):
    """The catalogue: every published course, readable without logging in."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CoursePage"]
    cache_for_anonymous = True

    class Meta:
        verbose_name = _("catalogue des formations")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.child_of(self).live().public().select_related("cover_image")
        )
        return context


@dataclass(frozen=True)
class CourseOutlineEntry:
    """A module and its live lessons, as pages (outline.py turns them into cacheable data)."""

    module: ModulePage
    lessons: list[LessonPage]

    @property
    def minutes(self) -> int:
        return sum(lesson.estimated_minutes for lesson in self.lessons)


class CoursePage(ContentPage):
    summary = models.TextField(
        _("résumé"), help_text=_("Deux phrases qui donnent envie de suivre la formation.")
    )
    audience = models.CharField(
        _("public"), max_length=250, help_text=_("À qui s'adresse la formation.")
    )
    level = models.CharField(
        _("niveau"), max_length=20, choices=Level.choices, default=Level.BEGINNER
    )
    estimated_minutes = models.PositiveIntegerField(_("durée estimée (minutes)"), default=60)
    objectives = models.TextField(
        _("objectifs pédagogiques"), help_text=_("Un objectif par ligne, commençant par un verbe.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de couverture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lessons_unlock_in_order = models.BooleanField(
        _("leçons débloquées dans l'ordre"),
        default=False,
        help_text=_("Si coché, une leçon ne s'ouvre qu'une fois la précédente terminée."),
    )
    enrolment_open = models.BooleanField(
        _("inscriptions ouvertes"),
        default=True,
        help_text=_(
            "Si décoché, seules les personnes invitées par une promotion peuvent suivre la formation."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("level"), FieldPanel("estimated_minutes")],
            heading=_("Public et durée"),
        ),
        FieldPanel("objectives"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("lessons_unlock_in_order"), FieldPanel("enrolment_open")],
            heading=_("Parcours"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    cache_for_anonymous = True

    class Meta:
        verbose_name = _("formation")

    @property
    def objectives_list(self) -> list[str]:
        return lines(self.objectives)

    def outline(self) -> list[CourseOutlineEntry]:
        """Modules and their live lessons in tree order, in two queries whatever the size."""
        modules = list(ModulePage.objects.child_of(self).live().order_by("path"))
        lessons = (
            LessonPage.objects.descendant_of(self)
            .live()
            .order_by("path")
            .only(
                "id",
                "title",
                "slug",
                "path",
                "depth",
                "url_path",
                "estimated_minutes",
                "completion_rule",
            )
        )
        by_module: dict[str, list[LessonPage]] = {module.path: [] for module in modules}
        for lesson in lessons:
            parent_path = ancestor_path(lesson.path)
            if parent_path in by_module:
                by_module[parent_path].append(lesson)
        return [CourseOutlineEntry(module, by_module[module.path]) for module in modules]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["course"] = self
        return context


class ModulePage(ContentPage):
    intro = models.TextField(
        _("présentation"), blank=True, help_text=_("Une ou deux phrases sur le module.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    cache_for_anonymous = True

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(course_path=course_path_of(self))
        context["lessons"] = LessonPage.objects.child_of(self).live().order_by("path")
        return context


class LessonPage(ContentPage):
    estimated_minutes = models.PositiveSmallIntegerField(
        _("durée (minutes)"), default=5, help_text=_("Entre 3 et 7 minutes de lecture.")
    )
    objectives = models.TextField(_("objectifs"), blank=True, help_text=_("Un objectif par ligne."))
    body = StreamField(LessonBodyBlock(), verbose_name=_("contenu"))
    completion_rule = models.CharField(
        _("leçon terminée quand"),
        max_length=20,
        choices=CompletionRule.choices,
        default=CompletionRule.MARKED_DONE,
    )
    quiz = StreamField(
        QuizBlock(),
        verbose_name=_("quiz"),
        blank=True,
        help_text=_(
            "Les questions du quiz de la leçon ; obligatoire si la leçon se termine par un quiz réussi."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("objectives"),
                FieldPanel("completion_rule"),
            ],
            heading=_("Repères"),
        ),
        FieldPanel("body"),
        FieldPanel("quiz"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("objectives"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("leçon")

    @property
    def objectives_list(self) -> list[str]:
        return lines(self.objectives)

    def clean(self):
        super().clean()
        if self.completion_rule == CompletionRule.QUIZ_PASSED and not len(self.quiz):
            raise ValidationError(
                {
                    "quiz": _(
                        "Une leçon qui se termine par un quiz réussi doit contenir au moins une question."
                    )
                }
            )

    def serve(self, request, *args, **kwargs):
        """Lessons are for signed-in officials: others go to login and come back here."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(course_path=course_path_of(self))
        return context
