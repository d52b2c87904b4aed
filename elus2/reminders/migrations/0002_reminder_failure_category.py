"""Reminder.last_error (the SMTP server's text, which often quotes the address) becomes
Reminder.failure, a category staff read translated. Each stored text is mapped to its category
before the column goes, so the failures staff see keep their meaning and nothing personal stays.
"""

import re

from django.db import migrations, models

FAILURE_CHOICES = [
    ("temporary", "Refus temporaire du serveur de messagerie"),
    ("unreachable", "Serveur de messagerie injoignable"),
    ("recipient_refused", "Adresse refusée par le serveur de messagerie"),
    ("rejected", "Message refusé par le serveur de messagerie"),
    ("interrupted", "Envoi interrompu à chaque tentative"),
    ("too_many_attempts", "Trop de tentatives"),
    ("unexpected", "Erreur inattendue"),
]

# What the send wrote before: "<exception class>: <message>", or one of two French sentences.
UNREACHABLE = (
    "SMTPServerDisconnected",
    "SMTPConnectError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "ConnectionAbortedError",
    "TimeoutError",
    "OSError",
    "gaierror",
    "socket.timeout",
)


def category_of(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    if text.startswith("Envoi interrompu"):
        return "interrupted"
    if text.startswith("Trop de tentatives"):
        return "too_many_attempts"
    name = text.partition(":")[0].strip()
    codes = [int(code) for code in re.findall(r"\((\d{3})\b", text)]
    if name == "SMTPRecipientsRefused":
        if codes and all(400 <= code < 500 for code in codes):
            return "temporary"
        return "recipient_refused"
    if name in UNREACHABLE:
        return "unreachable"
    if name.startswith("SMTP"):
        if codes and 400 <= codes[0] < 500:
            return "temporary"
        return "rejected"
    return "unexpected"


def forward(apps, schema_editor):
    Reminder = apps.get_model("reminders", "Reminder")
    texts = Reminder.objects.exclude(last_error="").values_list("last_error", flat=True).distinct()
    for text in list(texts.iterator()):
        Reminder.objects.filter(last_error=text).update(failure=category_of(text))


def backward(apps, schema_editor):
    # The SMTP texts are gone on purpose; the category's French label stands in for them.
    Reminder = apps.get_model("reminders", "Reminder")
    for value, label in FAILURE_CHOICES:
        Reminder.objects.filter(failure=value).update(last_error=label)


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="reminder",
            name="failure",
            field=models.CharField(blank=True, choices=FAILURE_CHOICES, max_length=24),
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(
            model_name="reminder",
            name="last_error",
        ),
    ]
