"""Loads the demo: one account per role (and, as issues land, the starter course and progress)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from courses.starter import starter_course_ensure
from elus2.ops.demo import (
    DEMO_ACCOUNTS,
    DEMO_COHORT_SIZE,
    DEMO_OFFICIALS,
    DEMO_ORGANISATION,
    DEMO_PASSWORD,
    demo_accounts_ensure,
    demo_certificates_ensure,
    demo_cohorts_ensure,
    demo_progress_ensure,
    demo_quiz_attempts_ensure,
    demo_reminders_queue,
    demo_site_ensure,
)


class Command(BaseCommand):
    help = "Charge les données de démonstration (idempotent)."

    def handle(self, *args, **options):
        if not settings.ELUS2_DEMO_ALLOWED:
            raise CommandError("seed_demo est réservé au développement (ELUS2_DEMO_ALLOWED).")
        demo_site_ensure()
        demo_accounts_ensure()
        course = starter_course_ensure()
        demo_progress_ensure(course)
        demo_quiz_attempts_ensure(course)
        cohorts = demo_cohorts_ensure(course, quiz_attempts=True)
        reminders = demo_reminders_queue()
        certificates, revoked_path = demo_certificates_ensure(course)
        self.stdout.write(f"Formation de démonstration : {course.title} ({course.url})")
        self.stdout.write(f"Comptes de démonstration (mot de passe : {DEMO_PASSWORD}) :")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.email:<26} {account.group}")
        last = f"elu{len(DEMO_OFFICIALS):02d}@example.org"
        self.stdout.write(f"  elu01@example.org … {last} Élu (ont passé le premier quiz)")
        self.stdout.write(
            f"Promotions de « {DEMO_ORGANISATION} » : "
            + ", ".join(cohorts)
            + f" ({DEMO_COHORT_SIZE} élus chacune : conseil-a-01@example.org …, "
            "conseil-b-01@example.org …) ; suivi@example.org suit la première seulement."
        )
        self.stdout.write(
            f"Certificats de réalisation : {certificates} pour les élus qui ont terminé"
            + (f" ; un certificat révoqué puis remplacé : {revoked_path}" if revoked_path else "")
        )
        self.stdout.write(
            f"Relances : {reminders} dans la file d'envoi (courriels : /dev/mail/ une fois le "
            "worker démarré)."
        )
