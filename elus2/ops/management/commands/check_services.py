"""Checks the database and the Celery broker before anything starts, with one line per problem."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from elus2.celery import app as celery_app
from elus2.startup import CONFIG_HINT


class Command(BaseCommand):
    help = "Vérifie que la base de données et le broker Celery répondent."

    def handle(self, *args, **options):
        try:
            connection.ensure_connection()
        except DatabaseError as error:
            raise CommandError(
                f"base de données injoignable ({' '.join(str(error).split())}) : {CONFIG_HINT}."
            ) from None
        self.stdout.write(f"base de données : ok ({connection.vendor})")

        broker = celery_app.connection_for_write()
        try:
            broker.ensure_connection(max_retries=1, timeout=2)
        except Exception as error:  # kombu raises transport-specific errors
            raise CommandError(
                f"broker Celery injoignable ({' '.join(str(error).split())}) : {CONFIG_HINT}."
            ) from None
        finally:
            broker.release()
        self.stdout.write(f"broker Celery : ok ({broker.transport_cls})")
