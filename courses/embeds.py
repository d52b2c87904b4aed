"""PeerTube videos through Wagtail embeds.

PeerTube is federated: every instance serves its own oEmbed endpoint, so no fixed provider list
knows them. We accept video URLs of the instances listed in ELUS2_PEERTUBE_HOSTS only (the server
fetches the oEmbed answer from that host, so arbitrary hosts are never contacted).
"""

from __future__ import annotations

import re

from django.conf import settings
from wagtail.embeds.finders.oembed import OEmbedFinder

VIDEO_PATH = re.compile(
    r"^https://(?P<host>[a-z0-9.-]+)/(?:videos/watch|w)/[-\w]+/?(?:\?.*)?$", re.IGNORECASE
)


class PeerTubeFinder(OEmbedFinder):
    def __init__(self, providers=None, options=None):
        super().__init__(providers=[], options=options)

    def _get_endpoint(self, url):
        found = VIDEO_PATH.match(url or "")
        if not found or found["host"].lower() not in settings.ELUS2_PEERTUBE_HOSTS:
            return None
        return f"https://{found['host'].lower()}/services/oembed"
