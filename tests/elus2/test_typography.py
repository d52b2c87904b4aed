"""French typography in the interface: a no-break space (U+00A0 or U+202F), never a plain one,
before ? ! : ; % » and after «, so a line never starts with « : » or « % ». Checked on every
msgid of the catalogue (which test_translations keeps equal to what the code and templates say)
and on the templates' own text (pages outside gettext, such as 500.html)."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "elus2" / "locale" / "en" / "LC_MESSAGES" / "django.po"

# A plain space after a word and before the mark, the mark then ending the word: "Filtrer :"
# but not "{% tag %}", "%(name)s", "a ? b" in code, or "?next=" in an address.
FOLLOW = r"(?=[\s<\"'.,)\]{]|$)"
PLAIN_SPACE = re.compile(r"[^\s{%] (?:[?!:;]" + FOLLOW + r"|%%|%(?=[\s<\"'.,){]|$)|»)|« ")
STYLE = re.compile(r"<style>.*?</style>", re.S)


def mistakes(text: str) -> list[str]:
    return [text[max(0, m.start() - 25) : m.end() + 10] for m in PLAIN_SPACE.finditer(text)]


def msgids(po_text: str) -> list[str]:
    found = []
    for block in po_text.split("\n\n")[1:]:
        current = None
        for line in block.splitlines():
            if line.startswith(("msgid ", "msgid_plural ")):
                current = [line.split(" ", 1)[1].strip('"')]
                found.append(current)
            elif line.startswith("msgstr"):
                current = None
            elif current is not None and line.startswith('"'):
                current.append(line.strip('"'))
    return ["".join(parts) for parts in found]


def test_the_check_sees_a_plain_space():
    assert mistakes("Filtrer : les membres") and mistakes("« Vrai »") and mistakes("40 %")
    assert mistakes("%(percent)s %%") and mistakes("Pourquoi ?")
    nbsp = "\N{NO-BREAK SPACE}"
    assert not mistakes(f"Filtrer{nbsp}: {{% if a %}} %(name)s «{nbsp}Vrai{nbsp}» 40{nbsp}%")
    assert not mistakes('<a href="{% url "x" %}?page=2">')


def test_french_strings_of_the_catalogue():
    found = {msgid: mistakes(msgid) for msgid in msgids(CATALOGUE.read_text())}
    assert {msgid: where for msgid, where in found.items() if where} == {}


def test_french_text_of_the_templates():
    found = {}
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix in (".html", ".txt"):
            where = mistakes(STYLE.sub("", path.read_text()))
            if where:
                found[str(path.relative_to(ROOT))] = where
    assert found == {}
