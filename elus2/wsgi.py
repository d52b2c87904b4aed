"""The WSGI entry point gunicorn serves.

The URLconf (and every view module it imports) is loaded here, when a worker starts, rather than
by the worker's first request, which would otherwise wait for those imports.
"""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elus2.settings.dev")
application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 (reading the attribute is what imports the URLconf)
