"""Every French UI string has its English translation: extract afresh and compare."""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "elus2" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def untranslated(po_text: str) -> list[str]:
    """msgids whose msgstr is empty or fuzzy (a small reader: gettext's format is simple)."""
    missing, fuzzy = [], False
    blocks = po_text.split("\n\n")
    for block in blocks[1:]:  # the first block is the header
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        msgid, msgstr, current = [], [], None
        for line in lines:
            if line.startswith("msgid "):
                current = msgid
                line = line[len("msgid ") :]
            elif line.startswith("msgstr"):
                current = msgstr
                line = line.split(" ", 1)[1]
            elif line.startswith("msgid_plural"):
                current = None
            if current is not None and line.startswith('"'):
                current.append(line.strip('"'))
        if msgid and (fuzzy or not "".join(msgstr)):
            missing.append("".join(msgid))
    return missing


def test_english_catalogue_is_complete(settings, tmp_path, monkeypatch):
    # makemessages writes into every locale/ folder it walks past: extract from a copy of the tree.
    for folder in ["elus2", "courses", "templates"]:
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.mo"))
    locale = tmp_path / "elus2" / "locale"
    # Drop one entry: a real extraction must bring it back, as the only untranslated one.
    catalogue = locale / "en" / "LC_MESSAGES" / "django.po"
    entries = catalogue.read_text().split("\n\n")
    kept = [entry for entry in entries if 'msgid "Aller au contenu"' not in entry.splitlines()]
    assert len(kept) == len(entries) - 1
    catalogue.write_text("\n\n".join(kept))
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(tmp_path)
    call_command(
        "makemessages",
        locale=["en"],
        no_obsolete=True,
        verbosity=0,
    )
    fresh = (locale / "en" / "LC_MESSAGES" / "django.po").read_text()
    assert untranslated(fresh) == ["Aller au contenu"]


def test_the_reader_sees_a_missing_translation():
    po = (
        'msgid ""\nmsgstr ""\n\nmsgid "Bonjour"\nmsgstr ""\n\n#, fuzzy\nmsgid "Oui"\nmsgstr "Yes"\n'
    )
    assert untranslated(po) == ["Bonjour", "Oui"]
