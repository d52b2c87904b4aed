"""Sessions for the people the bench signs in, made inside its `manage.py shell` snippets.

SESSION_HELPERS goes at the top of a snippet. session_for(user) signs the person in through
Django's own login (django.test.Client.force_login), so the session sits in the site's session
engine (cache and database), as signing in puts it, and returns its key. session_end(key) deletes it.
"""

SESSION_HELPERS = """
from importlib import import_module
from django.conf import settings
from django.test import Client

def session_for(user):
    client = Client()
    client.force_login(user)
    return client.session.session_key

def session_end(key):
    import_module(settings.SESSION_ENGINE).SessionStore(session_key=key).delete()
"""
