"""is_staff now follows the staff roles (elus2/users/signals.py): set it for who holds one."""

from django.db import migrations

ADMIN_ROLES = ["Formateur", "Responsable pédagogique", "Chargé·e de suivi", "Administrateur"]


def staff_from_roles(apps, schema_editor):
    User = apps.get_model("users", "User")
    User.objects.filter(groups__name__in=ADMIN_ROLES).update(is_staff=True)


class Migration(migrations.Migration):
    dependencies = [("users", "0004_preferences_and_anonymisation")]

    operations = [migrations.RunPython(staff_from_roles, migrations.RunPython.noop)]
