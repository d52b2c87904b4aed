"""Django admin for superusers: the attempts, read-only (they are learner history). Quiz settings
have one admin, Wagtail's « Réglages du quiz » (wagtail_hooks.py)."""

from __future__ import annotations

from django.contrib import admin

from .models import QuizAttempt


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
