"""The WSGI entry point gunicorn serves.

Once Django and Wagtail are loaded, their hundreds of thousands of long-lived objects (models, URL
patterns, templates, translations) are moved out of the garbage collector's sight with gc.freeze():
otherwise every full collection walks them all again, and a request that allocates a lot (a quiz
submission) pays for it in the middle of its work.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elus2.settings.dev")
application = get_wsgi_application()
gc.freeze()
