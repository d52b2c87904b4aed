"""The quizzes app in the Wagtail admin.

Quiz attempts are learner history: a lesson that has them cannot be deleted in the Wagtail admin
(learning's hook does the same for lesson progress). Quiz settings alone do not hold a lesson back.
Trainers and approvers read each quiz's statistics here (menu « Statistiques des quiz », and a
button on lesson pages in the page listing). They set each quiz up in « Réglages des quiz », which
a « Réglages du quiz » button on every lesson page (editor header and page listing) opens on that
lesson's settings, or on a new form with the lesson chosen.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from courses.models import LessonPage
from courses.outline import ancestor_path

from . import grading, statistics
from .forms import QuizSettingsForm
from .models import QuizAttempt, QuizSettings
from .selectors import (
    lesson_parent_titles,
    quiz_question_flagged_list,
    quiz_statistics_allowed,
    quiz_statistics_get,
    quiz_statistics_summary,
)


@hooks.register("before_delete_page")
def refuse_deleting_lessons_with_quiz_attempts(request, page):
    lesson_ids = list(
        LessonPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )
    if not lesson_ids:
        return None
    if QuizAttempt.objects.filter(lesson_id__in=lesson_ids).exists():
        messages.error(
            request,
            _(
                "Impossible de supprimer « %(title)s » : des élus ont déjà répondu à ses quiz et "
                "leurs tentatives doivent être conservées. Dépubliez la page à la place."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    if request.method == "POST":
        # Settings point at the lesson with PROTECT; without attempts they go with it.
        QuizSettings.objects.filter(lesson_id__in=lesson_ids).delete()
    return None


# --- Statistics for trainers ----------------------------------------------------------------------
# Two read-only admin pages: the quizzes with their headline figures, and one quiz in detail.
# Trainers, approvers and superusers only; other admin users get a 403 page (Wagtail turns a raised
# PermissionDenied into a redirect, so the view answers 403 itself). People without admin access
# never reach the view: Wagtail sends them to the login page.

FLAG_LABELS = {
    statistics.TOO_EASY: gettext_lazy("trop facile"),
    statistics.TOO_HARD: gettext_lazy("trop difficile"),
    statistics.LOW_DISCRIMINATION: gettext_lazy("peu discriminante"),
    statistics.TRAP_OPTION: gettext_lazy("option piège à revoir"),
}

# The score chart, in SVG user units.
CHART_WIDTH, CHART_HEIGHT = 480, 230
CHART_LEFT, CHART_TOP, CHART_BOTTOM = 10, 24, 190
CHART_SLOT, CHART_BAR = 46, 32


def score_chart(distribution) -> dict:
    """Bar geometry for the score distribution (the same numbers as the table beside it)."""
    highest = max((bucket.count for bucket in distribution), default=0)
    scale = (CHART_BOTTOM - CHART_TOP) / highest if highest else 0
    bars = []
    for index, bucket in enumerate(distribution):
        height = round(bucket.count * scale, 1)
        x = CHART_LEFT + index * CHART_SLOT + (CHART_SLOT - CHART_BAR) / 2
        bars.append(
            {
                "bucket": bucket,
                "x": x,
                "y": round(CHART_BOTTOM - height, 1),
                "width": CHART_BAR,
                "height": height,
                "middle": x + CHART_BAR / 2,
                "count_y": round(CHART_BOTTOM - height - 6, 1),
            }
        )
    summary = "; ".join(f"{bucket.label} : {bucket.count}" for bucket in distribution)
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "baseline": CHART_BOTTOM,
        "label_y": CHART_BOTTOM + 18,
        "axis_label_y": CHART_BOTTOM + 36,
        "right": CHART_LEFT + len(distribution) * CHART_SLOT,
        "middle": CHART_LEFT + len(distribution) * CHART_SLOT / 2,
        "bars": bars,
        "description": _("Nombre de tentatives par tranche de score (%%) : %(summary)s.")
        % {"summary": summary},
    }


def question_rows(quiz_statistics) -> list[dict]:
    rows = []
    for number, question in enumerate(quiz_statistics.questions, start=1):
        wrong = question.top_wrong_option
        wrong_text = ""
        if wrong is not None:
            wrong_text = wrong.text
            if question.type == grading.TRUE_FALSE:
                wrong_text = _("Vrai") if wrong.id == "true" else _("Faux")
        rows.append(
            {
                "number": number,
                "question": question,
                "wrong_text": wrong_text,
                "flags": [FLAG_LABELS[flag] for flag in question.flags],
            }
        )
    return rows


class StatisticsViewMixin(WagtailAdminTemplateMixin):
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not quiz_statistics_allowed(user=request.user):
            return TemplateResponse(
                request,
                "quizzes/admin/statistics_forbidden.html",
                {
                    "header_title": _("Statistiques des quiz"),
                    "page_title": _("Statistiques des quiz"),
                    "header_icon": self.header_icon,
                },
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def index_breadcrumbs(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("quizzes_statistics_index"), "label": _("Statistiques des quiz")},
        ]


class StatisticsIndexView(StatisticsViewMixin, TemplateView):
    template_name = "quizzes/admin/statistics_index.html"
    page_title = gettext_lazy("Statistiques des quiz")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "quizzes": quiz_statistics_summary()}


class StatisticsDetailView(StatisticsViewMixin, TemplateView):
    template_name = "quizzes/admin/statistics_detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.lesson = get_object_or_404(LessonPage, pk=kwargs["lesson_id"])

    def get_page_title(self):
        return _("Statistiques du quiz")

    def get_page_subtitle(self):
        return self.lesson.title

    def get_breadcrumbs_items(self):
        return [*self.index_breadcrumbs(), {"url": "", "label": self.lesson.title}]

    def get_context_data(self, **kwargs):
        figures = quiz_statistics_get(lesson=self.lesson)
        titles = lesson_parent_titles([self.lesson])
        return {
            **super().get_context_data(**kwargs),
            "lesson": self.lesson,
            "course_title": titles.get(ancestor_path(self.lesson.path, 2), ""),
            "module_title": titles.get(ancestor_path(self.lesson.path), ""),
            "stats": figures,
            "chart": score_chart(figures.distribution),
            "questions": question_rows(figures),
            "thresholds": {
                "too_easy": statistics.TOO_EASY_ABOVE,
                "too_hard": statistics.TOO_HARD_BELOW,
                "discrimination": statistics.LOW_DISCRIMINATION_BELOW,
                "discrimination_attempts": statistics.LOW_DISCRIMINATION_MIN_ATTEMPTS,
                "trap": statistics.TRAP_OPTION_SHARE,
            },
        }


FLAGGED_SHOWN = 12  # the dashboard lists this many; the statistics pages have the rest


class FlaggedQuestionsPanel(Component):
    """« Questions à revoir »: what the statistics flag, each linked to its quiz's statistics."""

    name = "flagged_quiz_questions"
    template_name = "quizzes/admin/flagged_questions_panel.html"
    order = 60  # after « Mes formations »

    def get_context_data(self, parent_context):
        flagged = quiz_question_flagged_list()
        return {
            "rows": [
                {"item": item, "flags": [FLAG_LABELS[flag] for flag in item.question.flags]}
                for item in flagged[:FLAGGED_SHOWN]
            ],
            "hidden": max(0, len(flagged) - FLAGGED_SHOWN),
        }


@hooks.register("construct_homepage_panels")
def add_flagged_questions_panel(request, panels):
    if quiz_statistics_allowed(user=request.user):
        panels.append(FlaggedQuestionsPanel())


SETTINGS_PERMISSIONS = ("quizzes.add_quizsettings", "quizzes.change_quizsettings")


def quiz_settings_for_lesson(request, lesson_id: int):
    """The lesson's quiz settings: their form when they exist, otherwise a new one for it."""
    if not request.user.has_perms(SETTINGS_PERMISSIONS):
        raise PermissionDenied
    lesson = get_object_or_404(LessonPage, pk=lesson_id)
    found = QuizSettings.objects.filter(lesson=lesson).values_list("pk", flat=True).first()
    if found is not None:
        return redirect("reglages-quiz:edit", found)
    return redirect(f"{reverse('reglages-quiz:add')}?lesson={lesson.pk}")


@hooks.register("register_admin_urls")
def quiz_statistics_urls():
    return [
        path(
            "reglages-quiz/lecon/<id:lesson_id>/",
            quiz_settings_for_lesson,
            name="quizzes_settings_for_lesson",
        ),
        path(
            "statistiques-quiz/",
            StatisticsIndexView.as_view(),
            name="quizzes_statistics_index",
        ),
        path(
            "statistiques-quiz/<id:lesson_id>/",
            StatisticsDetailView.as_view(),
            name="quizzes_statistics_detail",
        ),
    ]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return quiz_statistics_allowed(user=request.user)


@hooks.register("register_admin_menu_item")
def quiz_statistics_menu_item():
    return StatisticsMenuItem(
        gettext_lazy("Statistiques des quiz"),
        reverse("quizzes_statistics_index"),
        name="quiz-statistics",
        icon_name="table",
        order=700,
    )


def _statistics_button(page, user, priority: int):
    if issubclass(page.specific_class or type(page), LessonPage) and quiz_statistics_allowed(
        user=user
    ):
        yield Button(
            _("Statistiques du quiz"),
            reverse("quizzes_statistics_detail", args=[page.pk]),
            icon_name="table",
            priority=priority,
        )


def _settings_button(page, user, priority: int):
    if issubclass(page.specific_class or type(page), LessonPage) and user.has_perms(
        SETTINGS_PERMISSIONS
    ):
        yield Button(
            _("Réglages du quiz"),
            reverse("quizzes_settings_for_lesson", args=[page.pk]),
            icon_name="cogs",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def quiz_listing_buttons(page, user, next_url=None):
    yield from _statistics_button(page, user, priority=55)
    yield from _settings_button(page, user, priority=56)


@hooks.register("register_page_header_buttons")
def quiz_header_buttons(page, user, view_name=None, next_url=None):
    yield from _statistics_button(page, user, priority=66)
    yield from _settings_button(page, user, priority=67)


# Wagtail builds its labels from the verbose name (« Ajouter un(e) réglages du quiz », « Réglages du
# quiz '9: 70 %' créé(e) »): each view says it in French of its own, naming the lesson.


class QuizSettingsIndexView(IndexView):
    add_item_label = gettext_lazy("Ajouter des réglages de quiz")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("lesson")


class QuizSettingsCreateView(CreateView):
    page_title = gettext_lazy("Nouveaux réglages de quiz")
    success_message = gettext_lazy("Réglages du quiz de « %(object)s » enregistrés.")

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        return [*items[:-1], {"url": "", "label": self.page_title}]

    def get_initial(self):
        """Opened from a lesson's « Réglages du quiz » button: that lesson is chosen."""
        initial = super().get_initial()
        lesson = self.request.GET.get("lesson", "")
        if lesson.isdigit():
            initial["lesson"] = int(lesson)
        return initial


class QuizSettingsEditView(EditView):
    page_title = gettext_lazy("Réglages du quiz")
    success_message = gettext_lazy("Réglages du quiz de « %(object)s » enregistrés.")
    error_message = gettext_lazy("Les réglages n'ont pas été enregistrés : corrigez les erreurs.")


class QuizSettingsDeleteView(DeleteView):
    success_message = gettext_lazy(
        "Réglages du quiz de « %(object)s » supprimés : le quiz reprend les réglages par défaut."
    )

    @property
    def confirmation_message(self):
        return _(
            "Supprimer les réglages du quiz de « %(title)s » ? Le quiz reprendra les réglages "
            "par défaut."
        ) % {"title": self.object}


class QuizSettingsViewSet(ModelViewSet):
    """Trainers set each quiz's pass mark, attempts, draw, shuffling, feedback and mode here."""

    model = QuizSettings
    form_class = QuizSettingsForm
    index_view_class = QuizSettingsIndexView
    add_view_class = QuizSettingsCreateView
    edit_view_class = QuizSettingsEditView
    delete_view_class = QuizSettingsDeleteView
    form_fields = [
        "lesson",
        "mode",
        "pass_mark",
        "attempts_allowed",
        "questions_drawn",
        "shuffle_questions",
        "shuffle_options",
        "feedback_timing",
    ]
    list_display = ["lesson", "mode", "pass_mark", "attempts_allowed", "feedback_timing"]
    search_fields = ["lesson__title"]
    icon = "cogs"
    add_to_admin_menu = True
    menu_label = gettext_lazy("Réglages des quiz")
    menu_order = 690
    name = "reglages-quiz"

    def get_form_class(self, for_update=False):
        return self.form_class


@hooks.register("register_admin_viewset")
def register_quiz_settings_viewset():
    return QuizSettingsViewSet()
