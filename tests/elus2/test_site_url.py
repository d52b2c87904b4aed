"""The links the site builds follow the port it is served on (ELUS2_PORT), unless ELUS2_SITE_URL
names the address; `make run` reads .env for every step, as honcho does for the processes."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def settings_seen(**env) -> list[str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"ELUS2_PORT", "ELUS2_SITE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environ.update(env, DJANGO_SETTINGS_MODULE="elus2.settings.dev")
    code = (
        "from django.conf import settings as s; "
        "print(s.SITE_URL); print(s.WAGTAILADMIN_BASE_URL); print(s.ELUS2_PORT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_site_address_follows_the_served_port():
    assert settings_seen(ELUS2_PORT="8101") == [
        "http://127.0.0.1:8101",
        "http://127.0.0.1:8101",
        "8101",
    ]
    assert settings_seen()[0] == "http://127.0.0.1:8000"


def test_an_explicit_site_url_wins():
    seen = settings_seen(ELUS2_PORT="8101", ELUS2_SITE_URL="https://elus.example.org/")
    assert seen[:2] == ["https://elus.example.org", "https://elus.example.org"]


@pytest.mark.parametrize("target", ["run", "demo"])
def test_make_steps_read_env_file_like_honcho(target):
    """Every manage.py step of `make run` / `make demo` goes through `honcho run`, which loads
    .env, so migrate and the demo use the database and the port the served processes use."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    steps = [line.strip() for line in recipe.splitlines() if "$(MANAGE)" in line]
    assert steps
    assert all(step.startswith("$(WITH_ENV) $(MANAGE)") for step in steps), steps
    assert re.search(r"^WITH_ENV := \$\(BIN\)/honcho run$", makefile, re.MULTILINE)
