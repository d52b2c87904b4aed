"""Wrong login codes are counted per address and per IP in the shared cache; past the limit
(ACCOUNT_RATE_LIMITS["login_code_failed"]) every attempt gets a 429 until the window ends,
even one with the right code, so the limit cannot be probed."""

from __future__ import annotations

from allauth.account.forms import ConfirmLoginCodeForm as BaseConfirmLoginCodeForm
from allauth.account.views import ConfirmLoginCodeView as BaseConfirmLoginCodeView
from allauth.core import context, ratelimit
from django.core.exceptions import ValidationError

ACTION = "login_code_failed"


def _key(request) -> str:
    """The address the code was sent to (allauth keeps it in the login stage)."""
    stage = getattr(request, "_login_stage", None)
    return str(stage.state.get("email") or "").lower() if stage is not None else ""


class ConfirmLoginCodeForm(BaseConfirmLoginCodeForm):
    """Counts a wrong code against the limit (the view refuses once it is spent)."""

    def clean_code(self) -> str:
        try:
            return super().clean_code()
        except ValidationError:
            ratelimit.consume(context.request, action=ACTION, key=_key(context.request))
            raise


class ConfirmLoginCodeView(BaseConfirmLoginCodeView):
    def post(self, request, *args, **kwargs):
        if not ratelimit.consume(request, action=ACTION, key=_key(request), dry_run=True):
            return ratelimit.respond_429(request)
        return super().post(request, *args, **kwargs)


confirm_login_code = ConfirmLoginCodeView.as_view()
