"""Django admin for superusers: quiz settings (trainers use the Wagtail view in wagtail_hooks.py)
and the attempts, read-only: they are learner history."""

from __future__ import annotations

from django.contrib import admin

from courses.models import LessonPage

from .models import QuizAttempt, QuizSettings


@admin.register(QuizSettings)
class QuizSettingsAdmin(admin.ModelAdmin):
    list_display = (
        "lesson",
        "mode",
        "pass_mark",
        "attempts_allowed",
        "questions_drawn",
        "feedback_timing",
    )
    list_filter = ("mode", "feedback_timing")
    search_fields = ("lesson__title",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "lesson":
            kwargs["queryset"] = LessonPage.objects.order_by("path")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(QuizAttempt)
class QuizAttemptAdmin(admin.ModelAdmin):
    list_display = ("lesson", "user", "number", "status", "mode", "score", "passed", "submitted_at")
    list_filter = ("status", "mode", "passed")
    search_fields = ("lesson__title", "user__email")
    list_select_related = ("lesson", "user")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
