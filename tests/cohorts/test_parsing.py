"""Reading pasted lists and CSV files: good rows go in, bad lines are reported by number."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from elus2.cohorts.parsing import (
    MAX_SOURCE_BYTES,
    InvitationRow,
    InvitationSourceRefused,
    invitation_rows_parse,
)


def upload(data: bytes, name: str = "liste.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_pasted_lines_with_only_emails_or_all_columns():
    rows, errors = invitation_rows_parse(
        "Alice@Example.org\n\n  bruno@example.org, Bruno, Lemaire, maire  \n"
    )
    assert errors == []
    assert rows == [
        InvitationRow(1, "alice@example.org"),
        InvitationRow(3, "bruno@example.org", "Bruno", "Lemaire", "maire"),
    ]


def test_excel_csv_with_bom_semicolons_and_header_in_any_order():
    data = "\ufeffNom;Prénom;E-mail;Mandat\r\nDurand;Léa;lea@example.org;Conseillère municipale\r\n"
    rows, errors = invitation_rows_parse(upload(data.encode("utf-8")))
    assert errors == []
    assert rows == [InvitationRow(2, "lea@example.org", "Léa", "Durand", "conseiller_municipal")]


def test_header_row_maps_columns_and_counts_as_line_one():
    data = "\ufeffemail;prenom;nom;mandat\r\nlea@example.org;Léa;Durand;Conseillère municipale\r\n"
    rows, errors = invitation_rows_parse(upload(data.encode("utf-8")))
    assert errors == []
    assert rows == [InvitationRow(2, "lea@example.org", "Léa", "Durand", "conseiller_municipal")]


def test_windows_1252_file_from_excel_is_read():
    data = "email;prenom;nom;mandat\nzoe@example.org;Zoé;Gérard;Adjointe\n".encode("cp1252")
    rows, errors = invitation_rows_parse(upload(data))
    assert errors == []
    assert rows == [InvitationRow(2, "zoe@example.org", "Zoé", "Gérard", "adjoint")]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("maire", "maire"),
        ("MAIRE", "maire"),
        ("conseiller_municipal", "conseiller_municipal"),
        ("Conseiller·ère municipal·e", "conseiller_municipal"),
        ("conseiller municipal", "conseiller_municipal"),
        ("Collaboratrice d'élu", "collaborateur"),
        ("Conseillère départementale", "conseiller_departemental"),
        ("", ""),
    ],
)
def test_mandate_by_value_or_french_label(typed, value):
    rows, errors = invitation_rows_parse(f"x@example.org,Ana,Roy,{typed}")
    assert errors == []
    assert rows[0].mandate == value


def test_bad_lines_are_reported_with_their_number_and_good_ones_kept():
    text = "\n".join(
        [
            "email,prenom,nom,mandat",  # 1
            "ok1@example.org,Ana,Roy,maire",  # 2
            "pas-une-adresse,Jean,Roy,maire",  # 3
            "OK1@example.org,Ana,Roy,maire",  # 4: duplicate of line 2, other case
            "ok2@example.org,Luc,Roy,astronaute",  # 5
            ",Sans,Adresse,maire",  # 6
            "ok3@example.org",  # 7
        ]
    )
    rows, errors = invitation_rows_parse(text)
    assert [row.email for row in rows] == ["ok1@example.org", "ok3@example.org"]
    assert [(error.line, error.text) for error in errors] == [
        (3, "pas-une-adresse,Jean,Roy,maire"),
        (4, "OK1@example.org,Ana,Roy,maire"),
        (5, "ok2@example.org,Luc,Roy,astronaute"),
        (6, ",Sans,Adresse,maire"),
    ]
    messages = [error.message for error in errors]
    assert "n'est pas une adresse e-mail valide" in messages[0]
    assert "déjà présente ligne 2" in messages[1]
    assert "Mandat inconnu : « astronaute »" in messages[2]
    assert "Maire" in messages[2]  # the message lists the mandates to choose from
    assert "manquante" in messages[3]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\ufeff"])
def test_an_empty_list_is_refused(text):
    with pytest.raises(InvitationSourceRefused, match="vide"):
        invitation_rows_parse(text)


def test_empty_binary_and_huge_files_are_refused_with_a_message():
    with pytest.raises(InvitationSourceRefused, match="vide"):
        invitation_rows_parse(upload(b""))
    with pytest.raises(InvitationSourceRefused, match="pas un fichier texte"):
        invitation_rows_parse(upload(b"PK\x03\x04\x00\x00binary", "liste.xlsx"))
    with pytest.raises(InvitationSourceRefused, match="trop volumineux"):
        invitation_rows_parse(upload(b"a@example.org\n" * (MAX_SOURCE_BYTES // 14 + 1)))


def test_an_unclosed_quote_is_reported_not_raised():
    rows, errors = invitation_rows_parse('a@example.org\n"b@example.org,Bob')
    assert [row.email for row in rows] == ["a@example.org"]
    assert len(errors) == 1 and errors[0].line >= 2
