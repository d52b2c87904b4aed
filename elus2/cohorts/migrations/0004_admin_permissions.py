"""Agency admins (group « Administrateur ») manage organisations and cohorts in the Wagtail admin.

Chargé·es de suivi get no model permission here on purpose: the Wagtail listings are not scoped
to assigned cohorts, so staff work in the pages under /suivi/, which are.
"""

from django.db import migrations

GRANTS = {
    "Administrateur": [
        ("organisation", ["add", "change", "view"]),
        ("cohort", ["add", "change", "view"]),
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    for group_name, models in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models:
            content_type, _ = ContentType.objects.get_or_create(app_label="cohorts", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0003_report_share_revoked_by"),
        ("users", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
