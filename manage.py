#!/usr/bin/env python
"""Django's command-line utility, with one-line errors for a misconfigured environment."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elus2.settings.dev")
    from elus2.startup import run_with_clear_errors

    run_with_clear_errors(sys.argv)


if __name__ == "__main__":
    main()
