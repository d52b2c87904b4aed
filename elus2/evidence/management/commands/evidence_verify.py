"""`manage.py evidence_verify`: recomputes every chain of the evidence ledger and names the first
broken row (exit status 1), or says how many chains and facts were checked."""

from django.core.management.base import BaseCommand, CommandError

from elus2.evidence.services import evidence_verify


class Command(BaseCommand):
    help = "Vérifie les chaînes d'empreintes du registre des preuves."

    def handle(self, *args, **options):
        result = evidence_verify()
        if not result.ok:
            raise CommandError(f"Registre des preuves altéré — {result.first_break}")
        self.stdout.write(
            f"Registre des preuves intact : {result.chains} chaîne(s), {result.facts} fait(s)."
        )
