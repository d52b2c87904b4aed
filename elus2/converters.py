"""The `<id:…>` URL converter: a database id, 1 to 18 digits.

A tampered URL with an id too large for a 64-bit column is then a 404 like any unknown id; with
`<int:…>` it reached the database driver (SQLite refuses such a number with an error). Registered
once at start-up by elus2/ops/apps.py, before any URLconf is read.
"""

from django.urls import register_converter


class DatabaseIdConverter:
    regex = "[0-9]{1,18}"  # below 10^18, well inside a signed 64-bit integer

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


def install() -> None:
    from django.urls.converters import get_converters

    if "id" not in get_converters():
        register_converter(DatabaseIdConverter, "id")
