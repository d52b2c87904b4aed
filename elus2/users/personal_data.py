"""What the platform holds about a person, and what happens to it on export and on erasure.

Every relation to the user model is declared here once, by the app that owns it (each app's
`personal_data.py`, loaded from its AppConfig.ready()): what the person gets in their export, and
what erasure does to it. tests/users/test_personal_data.py fails when a relation is declared
nowhere, so a new model with a user field cannot be forgotten.

Erasure anonymises the person in place rather than deleting the row: progress, attempts and
memberships keep pointing at a nameless account, so cohort figures stay what they were.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]


@dataclass(frozen=True)
class Holding:
    """One relation to the user: `label` is "app_label.Model.field"."""

    label: str
    section: str  # the key of this data in the export ("" when it is not exported)
    export: Exporter | None
    erase: Eraser | None
    kept_because: str  # what stays after erasure, and why (shown in the privacy notes)


_HOLDINGS: dict[str, Holding] = {}


def declare(
    label: str,
    *,
    section: str = "",
    export: Exporter | None = None,
    erase: Eraser | None = None,
    kept_because: str = "",
) -> None:
    """Declares what export and erasure do with one relation to the user."""
    if erase is None and not kept_because:
        raise ValueError(f"{label}: say what erasure does, or why the rows are kept")
    _HOLDINGS[label] = Holding(label, section, export, erase, kept_because)


def holdings() -> dict[str, Holding]:
    return dict(_HOLDINGS)


def user_relations() -> set[str]:
    """Every relation to the user model in the installed apps, as "app_label.Model.field"."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    found = set()
    for model in apps.get_models(include_auto_created=True):
        creator = model._meta.auto_created
        if creator and creator is not user_model:
            continue  # the table behind another model's many-to-many: that field is listed
        for field in model._meta.get_fields():
            if field.is_relation and not field.auto_created and field.related_model is user_model:
                owner = field.model._meta  # inherited fields are declared once, on their parent
                found.add(f"{owner.app_label}.{owner.object_name}.{field.name}")
    return found


def rows(queryset: models.QuerySet, *fields: str) -> list[dict]:
    """JSON-ready rows: dates as ISO strings."""
    return [
        {
            key: value.isoformat() if hasattr(value, "isoformat") else value
            for key, value in row.items()
        }
        for row in queryset.values(*fields)
    ]


PROFILE_FIELDS = (
    "email",
    "first_name",
    "last_name",
    "mandate",
    "collectivite",
    "language",
    "reminders_progress",
    "reminders_deadline",
    "reminders_digest",
    "date_joined",
    "last_login",
)


def personal_data_collect(user) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    profile = get_user_model().objects.filter(pk=user.pk)
    data: dict[str, Any] = {"profil": rows(profile, *PROFILE_FIELDS)}
    for holding in sorted(_HOLDINGS.values(), key=lambda h: h.label):
        if holding.export is None:
            continue
        data.setdefault(holding.section, [])
        exported = holding.export(user)
        data[holding.section].extend(exported if isinstance(exported, list) else [exported])
    return data


def personal_data_archive(user, *, summary: str) -> bytes:
    """The ZIP a person downloads: the data as JSON and a summary they can read."""
    data = personal_data_collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "donnees.json", json.dumps(data, ensure_ascii=False, indent=2, default=str)
        )
        archive.writestr("resume.txt", summary)
    return buffer.getvalue()


@transaction.atomic
def user_erase(*, user) -> bool:
    """Anonymises the person: every declared eraser runs, then the account loses its name,
    address, roles and password (which ends all its sessions). Returns False when the person was
    already anonymised, so running it twice changes nothing."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if user.anonymised_at is not None:
        return False
    for holding in sorted(_HOLDINGS.values(), key=lambda h: h.label):
        if holding.erase is not None:
            holding.erase(user)
    user.email = f"anonyme-{user.pk}@anonyme.invalid"
    user.first_name = user.last_name = user.collectivite = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.reminders_progress = user.reminders_deadline = user.reminders_digest = False
    user.set_unusable_password()  # a new session hash: every open session ends
    user.anonymised_at = timezone.now()
    user.save()
    return True
