"""The courses app in the Wagtail admin: what a trainer finds on signing in, and our editor guide.

« Mes formations » on the dashboard lists the courses the person may edit, in course order, with
their modules and lessons, each a link to its editor. The help menu's « Guide de rédaction » replaces
Wagtail's English editor guide with ours (guide.py), written for our lesson and quiz blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .guide import editor_guide
from .models import CoursePage


@dataclass
class OutlineNode:
    page: Page
    children: list[OutlineNode] = field(default_factory=list)


def editable_course_list(*, user) -> list[OutlineNode]:
    """The courses this person may edit, in the tree's order (the order learners follow), each
    with its modules and their lessons. Three queries, whatever the number of courses: the
    person's page permissions, the courses, then every module and lesson under them."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    courses = list(
        editable.type(CoursePage)
        .order_by("path")
        .only("id", "title", "path", "depth", "live", "has_unpublished_changes")
    )
    if not courses:
        return []
    under_courses = Q()
    for course in courses:
        under_courses |= Q(path__startswith=course.path)
    depths = {course.depth for course in courses}
    below = (
        Page.objects.filter(under_courses)
        .filter(depth__in={depth + 1 for depth in depths} | {depth + 2 for depth in depths})
        .order_by("path")
        .only("id", "title", "path", "depth", "live", "has_unpublished_changes")
    )
    nodes = {course.path: OutlineNode(course) for course in courses}
    for page in below:
        parent = nodes.get(page.path[: -Page.steplen])
        if parent is not None:
            node = OutlineNode(page)
            parent.children.append(node)
            nodes[page.path] = node
    return [nodes[course.path] for course in courses]


class MyCoursesPanel(Component):
    name = "my_courses"
    template_name = "courses/admin/my_courses_panel.html"
    order = 50  # first: a trainer's daily work

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"courses": editable_course_list(user=request.user), "heading": _("Mes formations")}


@hooks.register("construct_homepage_panels")
def add_my_courses_panel(request, panels):
    panels.append(MyCoursesPanel())


# --- « Guide de rédaction »: our editor guide in the help menu -----------------------------------


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """How to write a lesson here; every admin user may read it (Wagtail checks admin access)."""

    template_name = "courses/admin/editor_guide.html"
    page_title = _("Guide de rédaction")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **editor_guide()}


@hooks.register("register_admin_urls")
def editor_guide_urls():
    return [path("guide-redaction/", EditorGuideView.as_view(), name="courses_editor_guide")]


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    return MenuItem(
        _("Guide de rédaction"),
        reverse("courses_editor_guide"),
        name="guide-redaction",
        icon_name="help",
        order=1050,
    )


@hooks.register("construct_help_menu")
def remove_wagtails_editor_guide(request, items):
    """Wagtail's own guide is in English and written for any site, not for our blocks; its
    « What's new in Wagtail » page, on the same English site, goes with it."""
    items[:] = [
        item
        for item in items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
