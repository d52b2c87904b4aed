"""The environment a bench module uses when run alone against a running server (`python
bench/<module>.py <port>`): the production settings, as under `make bench`."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def standalone_env() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get(
            "DJANGO_SETTINGS_MODULE", "elus2.settings.production"
        ),
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-" + "x" * 60),
        "ELUS2_VAR_DIR": os.environ.get("ELUS2_VAR_DIR", str(ROOT / "var" / "bench")),
        "DJANGO_LOG_LEVEL": "WARNING",
        # Production settings require it; the bench talks to gunicorn directly.
        "ELUS2_TRUSTED_PROXY_COUNT": os.environ.get("ELUS2_TRUSTED_PROXY_COUNT", "0"),
    }
