"""Role tests for templates: the header shows a staff link only to those its page lets in."""

from django import template

from elus2.users import roles

register = template.Library()


@register.filter
def follows_cohorts(user) -> bool:
    return roles.follows_cohorts(user)
