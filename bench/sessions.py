"""Sessions for the people the bench signs in, made inside its `manage.py shell` snippets.

SESSION_HELPERS goes at the top of a snippet. session_for(user) signs the person in through
Django's own login (django.test.Client.force_login), so the session sits in the site's session
engine (cache and database), as signing in puts it, and returns its key. For staff, whom the
production settings let in only from a session that passed the second factor
(elus2/users/mfa_wall.py), it gives them a TOTP factor if they have none and records in the
session that it was passed, as allauth's MFA step does after a right code. session_end(key)
deletes the session.
"""

SESSION_HELPERS = """
import time
from importlib import import_module
from allauth.account.internal.flows.login import (
    AUTHENTICATION_METHODS_SESSION_KEY,
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
)
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import Client

def session_for(user):
    client = Client()
    client.force_login(user)
    if user.is_staff or user.is_superuser:
        factor = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if factor is None:
            factor = Authenticator.objects.create(
                user=user, type=Authenticator.Type.TOTP, data={"secret": "bench"}
            )
        session = client.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "mfa", "at": time.time(), "id": factor.pk, "type": "totp"}
        ]
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        session.save()
    return client.session.session_key

def session_end(key):
    import_module(settings.SESSION_ENGINE).SessionStore(session_key=key).delete()
"""
