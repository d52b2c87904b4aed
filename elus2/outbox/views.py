"""The one-click unsubscribe from an e-mail (/desinscription/<token>/: elus2/logscrub.py masks
the token)."""

from __future__ import annotations

from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from elus2.users.models import ReminderCategory, User

from .services import category_unsubscribe
from .tokens import unsubscribe_token_read


# One-click unsubscribe (RFC 8058): mail providers POST "List-Unsubscribe=One-Click" to the URL
# of the List-Unsubscribe header, without cookies or CSRF token. The signed token is the only
# credential, and all it can do is turn one category off for one person.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    try:
        user_id, category = unsubscribe_token_read(token)
    except signing.BadSignature:
        # A tampered or truncated link: 404, with a page that says nothing changed.
        return render(request, "outbox/unsubscribe_invalid.html", status=404)
    user = User.objects.filter(pk=user_id).only("pk", "email", "language").first()
    if user is None:
        raise Http404
    label = ReminderCategory(category).label
    if request.method == "GET":
        # A GET only asks: link scanners and previews open links without meaning to act.
        return render(request, "outbox/unsubscribe_confirm.html", {"category": label})
    category_unsubscribe(user_id=user.pk, category=category)
    return render(request, "outbox/unsubscribe_done.html", {"category": label})
