"""Course content as Wagtail pages. Pages only render content; learner state reaches them
through `learning` template tags (shared/STYLE.md rule 3), so previews work without a learner."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
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

    class Meta:
        verbose_name = _("page d'accueil")
