"""Every environment variable the settings read is listed in .env.example."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_env_example_lists_every_variable():
    read = set()
    for path in (ROOT / "elus2" / "settings").glob("*.py"):
        read |= set(re.findall(r'env(?:_bool|_int|_list)?\("([A-Z0-9_]+)"', path.read_text()))
    listed = set(re.findall(r"^([A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert read, "the settings read the environment"
    assert read - listed == set()
