"""Organisations and cohorts in the Wagtail admin, for agency admins (menu « Promotions »).

Access follows Django model permissions (granted to « Administrateur » by migration 0004). The
listings are not scoped per chargé·e de suivi, which is why staff get no permission here and use
the pages under /suivi/ instead (selectors.py scopes those).
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from courses.models import CoursePage
from elus2.users.models import User
from elus2.users.roles import Role

from .models import Cohort, Organisation


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    form_fields = ["name", "kind"]
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name"]
    icon = "site"
    menu_label = _("Organisations")
    name = "organisations"


class CohortViewSet(ModelViewSet):
    model = Cohort
    form_fields = [
        "organisation",
        "name",
        "courses",
        "starts_on",
        "deadline",
        "ends_on",
        "staff",
        "stalled_after_days",
    ]
    list_display = ["name", "organisation", "starts_on", "deadline", "ends_on"]
    list_filter = ["organisation"]
    search_fields = ["name", "organisation__name"]
    icon = "group"
    menu_label = _("Promotions")
    name = "promotions"

    def formfield_for_dbfield(self, db_field, **kwargs):
        """Offer only what makes sense: courses from the catalogue, and as staff the people who
        hold a follow-up role (not every official on the platform)."""
        if db_field.name == "courses":
            kwargs["queryset"] = CoursePage.objects.order_by("path")
            kwargs["widget"] = forms.CheckboxSelectMultiple
        elif db_field.name == "staff":
            kwargs["queryset"] = (
                User.objects.filter(
                    Q(groups__name__in=[Role.STAFF, Role.ADMIN]) | Q(is_superuser=True),
                    is_active=True,
                )
                .distinct()
                .order_by("last_name", "first_name", "email")
            )
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_dbfield(db_field, **kwargs)


class CohortViewSetGroup(ViewSetGroup):
    items = (CohortViewSet, OrganisationViewSet)
    menu_label = _("Promotions")
    menu_icon = "group"
    menu_order = 650


@hooks.register("register_admin_viewset")
def register_cohort_viewsets():
    return CohortViewSetGroup()
