"""Wiring views: the health probe (also the bench's bare view) and the dev mail viewer."""

from django.conf import settings
from django.contrib.admin.views.decorators import user_passes_test
from django.http import Http404, HttpResponse
from django.shortcuts import render

from .mail import stored_mail_get, stored_mail_list


def healthz(request):
    """No database, no template: the bare Django view every bench ratio is measured against."""
    return HttpResponse("ok", content_type="text/plain")


def _dev_superuser(user) -> bool:
    return user.is_active and user.is_superuser


def _require_dev_mail_view():
    if not getattr(settings, "ELUS2_DEV_MAIL_VIEW", False):
        raise Http404


@user_passes_test(_dev_superuser)
def dev_mail_list(request):
    _require_dev_mail_view()
    return render(request, "dev/mail_list.html", {"messages_sent": stored_mail_list()})


@user_passes_test(_dev_superuser)
def dev_mail_detail(request, name: str):
    _require_dev_mail_view()
    message = stored_mail_get(name)
    if message is None:
        raise Http404
    return render(request, "dev/mail_detail.html", {"mail": message})
