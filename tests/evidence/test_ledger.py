"""The evidence ledger: facts chain per person, cannot be changed or removed (by the model, and on
PostgreSQL by the database itself), tampering is named by evidence_verify, and the retention purge
removes only old facts while the chain still verifies."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from elus2.evidence.models import GENESIS, AppendOnly, Chain, Fact, FactKind
from elus2.evidence.services import (
    evidence_purge,
    evidence_record,
    evidence_verify,
    fact_hash,
    retention_end,
)
from tests.services import need_postgres

pytestmark = pytest.mark.django_db


def _record(person_id=7, kind=FactKind.LESSON_COMPLETED, **data):
    return evidence_record(person_id=person_id, kind=kind, course_id=3, data=data)


def _tamper(sql: str, params) -> None:
    """What someone with database access could do: bypass the model, and on PostgreSQL the
    trigger too (session_replication_role=replica needs a superuser, as a DBA would be)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


def test_facts_of_one_person_form_a_chain():
    first = _record(lesson=11)
    second = _record(kind=FactKind.QUIZ_SUBMITTED, lesson=12, score=80, passed=True)
    other = _record(person_id=8, lesson=11)
    assert (first.position, second.position, other.position) == (1, 2, 1)
    assert first.previous_hash == GENESIS == other.previous_hash
    assert second.previous_hash == first.hash
    stored = Fact.objects.get(pk=second.pk)
    assert fact_hash(stored) == second.hash  # the round trip through the database keeps it
    assert Chain.objects.get(person_id=7).head_hash == second.hash
    assert evidence_verify().ok


def test_only_plain_values_go_in():
    with pytest.raises(TypeError):
        _record(score=0.5)
    with pytest.raises(TypeError):
        _record(when=datetime.date(2026, 1, 1))
    assert not Fact.objects.exists()


def test_the_model_refuses_changes_and_removals():
    fact = _record(lesson=11)
    fact.data = {"lesson": 12}
    with pytest.raises(AppendOnly):
        fact.save()
    with pytest.raises(AppendOnly):
        fact.delete()
    with pytest.raises(AppendOnly):
        Fact.objects.filter(pk=fact.pk).update(kind=FactKind.LESSON_OPENED)
    with pytest.raises(AppendOnly):
        Fact.objects.all().delete()
    assert Fact.objects.get(pk=fact.pk).data == {"lesson": 11}


@pytest.mark.parametrize("what", ["content", "middle-row-removed", "tail-removed"])
def test_tampering_in_the_database_is_named(what, capsys):
    facts = [_record(lesson=n) for n in range(1, 5)]
    if what == "content":
        _tamper("UPDATE evidence_fact SET data = %s WHERE id = %s", ['{"lesson": 99}', facts[1].pk])
        broken = facts[1]
    elif what == "middle-row-removed":
        _tamper("DELETE FROM evidence_fact WHERE id = %s", [facts[1].pk])
        broken = facts[2]
    else:
        _tamper("DELETE FROM evidence_fact WHERE id = %s", [facts[3].pk])
        broken = None
    result = evidence_verify()
    assert not result.ok
    assert result.first_break.person_id == 7
    assert result.first_break.position == (broken.position if broken else None)
    with pytest.raises(CommandError, match="altéré"):
        call_command("evidence_verify")


def test_the_command_says_when_all_is_well(capsys):
    _record()
    _record(person_id=8)
    call_command("evidence_verify")
    assert "2 chaîne(s), 2 fait(s)" in capsys.readouterr().out


def test_the_purge_removes_only_old_facts_and_the_chain_still_verifies(time_machine):
    time_machine.move_to(datetime.datetime(2020, 3, 1, 10, tzinfo=datetime.UTC))
    old = [_record(lesson=1), _record(lesson=2)]
    time_machine.move_to(datetime.datetime(2025, 3, 1, 10, tzinfo=datetime.UTC))
    recent = _record(lesson=3)
    _record(person_id=8, lesson=1)
    assert old[0].keep_until == datetime.date(2026, 3, 1)  # 2020 + 6 years
    assert evidence_purge(today=datetime.date(2026, 3, 1)) == 0  # its last day: kept
    today = datetime.date(2026, 3, 2)
    assert evidence_purge(today=today) == 2
    assert list(Fact.objects.filter(person_id=7).values_list("pk", flat=True)) == [recent.pk]
    assert Chain.objects.get(person_id=7).origin_hash == old[-1].hash
    assert evidence_verify().ok
    assert evidence_purge(today=today) == 0  # idempotent
    appended = _record(lesson=4)
    assert appended.position == 4 and evidence_verify().ok


def test_retention_end_on_a_leap_day(settings):
    settings.ELUS2_EVIDENCE_RETENTION_YEARS = 6
    assert retention_end(datetime.date(2024, 2, 29)) == datetime.date(2030, 2, 28)


@pytest.mark.postgres
def test_postgres_itself_refuses_updates_and_early_deletes():
    need_postgres()
    fact = _record(lesson=11)
    for sql in [
        "UPDATE evidence_fact SET kind = 'x' WHERE id = %s",
        "DELETE FROM evidence_fact WHERE id = %s",
    ]:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [fact.pk])
    # Past its period, the purge may delete it.
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "UPDATE evidence_fact SET keep_until = '2000-01-01' WHERE id = %s", [fact.pk]
        )
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute("DELETE FROM evidence_fact WHERE id = %s", [fact.pk])
    assert not Fact.objects.filter(pk=fact.pk).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_facts_of_one_person_line_up():
    need_postgres()
    barrier = threading.Barrier(8)
    errors = []

    def append(n):
        try:
            barrier.wait(timeout=30)
            evidence_record(person_id=42, kind=FactKind.ACTIVE_TIME, data={"minutes": n})
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    positions = sorted(Fact.objects.filter(person_id=42).values_list("position", flat=True))
    assert positions == list(range(1, 9))
    assert evidence_verify(person_ids=[42]).ok
    assert Chain.objects.get(person_id=42).length == 8


def test_erasing_an_account_keeps_its_evidence():
    """Evidence is a legal obligation: erasure pseudonymises the account, the facts stay and
    still verify (they hold ids and plain values, no name or address)."""
    from elus2.users.personal_data import user_erase
    from tests.factories.users import UserFactory

    official = UserFactory(email="efface@example.org", first_name="Élise")
    evidence_record(person_id=official.pk, kind=FactKind.LESSON_COMPLETED, data={"lesson": 1})
    assert user_erase(user=official)
    fact = Fact.objects.get(person_id=official.pk)
    assert "efface@example.org" not in str(fact.data) and "Élise" not in str(fact.data)
    assert evidence_verify(person_ids=[official.pk]).ok
