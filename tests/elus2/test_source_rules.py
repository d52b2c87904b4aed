"""Rules a reviewer would otherwise have to remember (issue 8 security baseline)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ["elus2", "courses"]
TEMPLATE_DIRS = ["templates"]

# Places allowed to mark HTML safe, each with the reason it is safe. Keep it short.
REVIEWED_SAFE_HTML: dict[str, str] = {}


def _files(dirs, suffix, root):
    for folder in dirs:
        for path in sorted((root / folder).rglob(f"*{suffix}")):
            if "migrations" not in path.parts:
                yield path


def _hits(pattern: str, dirs, suffix, root=ROOT):
    regex = re.compile(pattern)
    return [
        f"{path.relative_to(root)}:{number}"
        for path in _files(dirs, suffix, root)
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if regex.search(line)
    ]


def test_no_model_form_exposes_every_field():
    assert _hits(r"""fields\s*=\s*["']__all__["']""", CODE_DIRS, ".py") == []


def test_no_unreviewed_safe_html():
    hits = _hits(r"\bmark_safe\(|SafeString\(|\|\s*safe\b|{%\s*autoescape\s+off", CODE_DIRS, ".py")
    hits += _hits(r"\|\s*safe\b|{%\s*autoescape\s+off", TEMPLATE_DIRS, ".html")
    assert [hit for hit in hits if hit.split(":")[0] not in REVIEWED_SAFE_HTML] == []


def test_no_raw_html_block_for_editors():
    assert _hits(r"RawHTMLBlock", CODE_DIRS, ".py") == []


def test_the_rules_see_what_they_look_for(tmp_path):
    """The scans above would fail on a file that breaks them."""
    (tmp_path / "elus2").mkdir()
    sample = tmp_path / "elus2" / "probe.py"
    sample.write_text('x = mark_safe(y)\nfields = "__all__"\nb = blocks.RawHTMLBlock()\n')
    assert _hits(r"\bmark_safe\(", CODE_DIRS, ".py", tmp_path) == ["elus2/probe.py:1"]
    assert _hits(r"""fields\s*=\s*["']__all__["']""", CODE_DIRS, ".py", tmp_path) == [
        "elus2/probe.py:2"
    ]
    assert _hits(r"RawHTMLBlock", CODE_DIRS, ".py", tmp_path) == ["elus2/probe.py:3"]
