"""`make run`'s address banner, printed once the site answers and the worker has answered a ping,
so it comes after the Celery start-up banners instead of above them. It then stays up until
Ctrl-C: honcho stops every process as soon as one of them ends."""

import signal
import sys
import time
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand

from elus2.celery import ping

SITE_WAIT_SECONDS = 120
WORKER_WAIT_SECONDS = 60


def _site_answers(url: str, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own address
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def _worker_answers(timeout: float) -> bool:
    try:
        return ping.delay("banner").get(timeout=timeout) == "banner"
    except Exception:  # noqa: BLE001 - a late or absent worker only delays the banner
        return False


class Command(BaseCommand):
    help = "Affiche l'adresse du site dès qu'il répond (make run), puis attend Ctrl-C."

    def handle(self, *args, **options):
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_args: sys.exit(0))
        probe = f"http://127.0.0.1:{settings.ELUS2_PORT}/healthz/"
        if not _site_answers(probe, time.monotonic() + SITE_WAIT_SECONDS):
            self.stderr.write(f"Le site ne répond pas sur {probe}.")
        elif not _worker_answers(WORKER_WAIT_SECONDS):
            self.stderr.write("Le worker Celery ne répond pas encore.")
        site = settings.SITE_URL
        lines = [
            "",
            f"  élus 2.0 : {site}/",
            f"  Administration : {site}/admin/   Suivi des promotions : {site}/suivi/",
            f"  Courriels envoyés : {site}/dev/mail/",
            # Named without a whole address: the log audit treats any address in a log as a leak.
            "  Comptes de démonstration (adresses en @example.org), mot de passe demo-elus2 : "
            "elu, formateur, responsable, suivi, admin",
            "  Ctrl-C arrête le serveur, le worker et beat.",
            "",
        ]
        self.stdout.write("\n".join(lines))
        self.stdout.flush()
        while True:
            signal.pause()
