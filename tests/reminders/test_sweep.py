"""The sweep: each rule at its moment (frozen time), per-cohort rules, preferences, the control
group, idempotence, and queries that grow with batches, not learners."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from elus2.reminders.models import CohortReminderPolicy, Reminder, ReminderStatus, Rule
from elus2.reminders.services import holdback_applies, reminders_sweep
from elus2.users.models import User
from tests.factories.reminders import IN_WINDOW, member_at, paris, setting_create

pytestmark = pytest.mark.django_db

NOW = IN_WINDOW  # Tuesday 6 October 2026, 10:00


@pytest.fixture(autouse=True)
def _no_holdback(settings):
    settings.ELUS2_REMINDER_HOLDBACK_PERCENT = 0


@pytest.fixture
def setting():
    return setting_create()


def days_before(days: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def rules_of(user) -> set[tuple[str, datetime.date]]:
    return set(Reminder.objects.filter(user=user).values_list("rule", "period"))


def sweep(**kwargs):
    with time_machine.travel(NOW, tick=False):
        return reminders_sweep(**kwargs)


def test_stalled_after_seven_days_without_activity(setting):
    idle_8 = member_at(setting, invited=days_before(30), last_activity=days_before(8), done=1)
    idle_6 = member_at(setting, invited=days_before(30), last_activity=days_before(6), done=1)
    sweep()
    # The period is the day the stall began: one reminder per stall, however long it lasts.
    assert rules_of(idle_8.user) == {(Rule.STALLED, days_before(8).date())}
    assert rules_of(idle_6.user) == set()
    row = Reminder.objects.get(user=idle_8.user)
    assert (row.status, row.cohort, row.enrolment) == (
        ReminderStatus.PENDING,
        setting.cohort,
        idle_8,
    )
    assert row.send_after == NOW  # inside the window: due at once


def test_completed_learners_get_nothing(setting):
    done = member_at(setting, invited=days_before(30), last_activity=days_before(20), done=4)
    sweep()
    assert rules_of(done.user) == set()


def test_not_started_three_days_after_the_invitation(setting):
    invited_4 = member_at(setting, invited=days_before(4))
    invited_2 = member_at(setting, invited=days_before(2))
    sweep()
    assert rules_of(invited_4.user) == {(Rule.NOT_STARTED, days_before(4).date())}
    assert rules_of(invited_2.user) == set()


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [
        (10, None),
        (7, Rule.DEADLINE_SOON),
        (3, Rule.DEADLINE_SOON),
        (1, Rule.DEADLINE_TOMORROW),
        (0, Rule.DEADLINE_TOMORROW),
        (-1, None),
    ],
)
def test_deadline_in_seven_days_and_in_one(days_left, expected):
    deadline = NOW.date() + datetime.timedelta(days=days_left)
    setting = setting_create(deadline=deadline)
    active = member_at(setting, invited=days_before(30), last_activity=days_before(1), done=1)
    finished = member_at(setting, invited=days_before(30), last_activity=days_before(1), done=4)
    sweep()
    assert rules_of(active.user) == ({(expected, deadline)} if expected else set())
    assert rules_of(finished.user) == set()


def test_both_deadline_reminders_reach_the_same_learner():
    deadline = datetime.date(2026, 10, 13)
    setting = setting_create(deadline=deadline)
    learner = member_at(setting, invited=days_before(30), last_activity=days_before(1), done=1)
    sweep()  # 7 days before
    with time_machine.travel(paris(2026, 10, 12, 10), tick=False):
        reminders_sweep()  # 1 day before (the learner is also stalled by now: another rule)
    assert rules_of(learner.user) - {(Rule.STALLED, days_before(1).date())} == {
        (Rule.DEADLINE_SOON, deadline),
        (Rule.DEADLINE_TOMORROW, deadline),
    }


def test_the_weekly_digest_goes_to_the_cohort_staff(setting):
    member_at(setting, invited=days_before(30), last_activity=days_before(9), done=1)
    result = sweep()
    assert result.digests == 1
    assert rules_of(setting.staff) == {(Rule.DIGEST, datetime.date(2026, 10, 5))}


def test_staff_change_the_rules_of_their_cohort(setting):
    idle_8 = member_at(setting, invited=days_before(30), last_activity=days_before(8), done=1)
    idle_20 = member_at(setting, invited=days_before(30), last_activity=days_before(20), done=1)
    never = member_at(setting, invited=days_before(10))
    CohortReminderPolicy.objects.create(
        cohort=setting.cohort, stalled_days=14, not_started_enabled=False, digest_enabled=False
    )
    sweep()
    assert rules_of(idle_8.user) == set()
    assert {rule for rule, _ in rules_of(idle_20.user)} == {Rule.STALLED}
    assert rules_of(never.user) == set()
    assert rules_of(setting.staff) == set()


def test_ended_cohorts_are_left_alone():
    setting = setting_create(ends_on=NOW.date() - datetime.timedelta(days=1))
    idle = member_at(setting, invited=days_before(60), last_activity=days_before(20), done=1)
    sweep()
    assert rules_of(idle.user) == set()
    assert rules_of(setting.staff) == set()


def test_unsubscribed_learners_are_not_offered(setting):
    no_progress = member_at(setting, invited=days_before(30), last_activity=days_before(9), done=1)
    User.objects.filter(pk=no_progress.user_id).update(reminders_progress=False)
    sweep()
    assert rules_of(no_progress.user) == set()


def test_two_sweeps_and_two_beats_add_nothing_twice(setting):
    member_at(setting, invited=days_before(30), last_activity=days_before(9), done=1)
    member_at(setting, invited=days_before(5))
    first = sweep()
    rows = list(Reminder.objects.order_by("pk").values_list("user_id", "rule", "period"))
    second = sweep()
    sweep(batch_size=1)
    assert first.candidates == second.candidates == 2  # offered each time, inserted once
    assert first.digests == second.digests == 1
    assert list(Reminder.objects.order_by("pk").values_list("user_id", "rule", "period")) == rows
    assert len(rows) == 3


def test_the_control_group_is_a_fixed_share_decided_by_hash(settings):
    settings.ELUS2_REMINDER_HOLDBACK_PERCENT = 10
    assert holdback_applies(user_id=1, cohort_id=2) == holdback_applies(user_id=1, cohort_id=2)
    share = sum(holdback_applies(user_id=user, cohort_id=7) for user in range(1, 20_001))
    assert 1800 < share < 2200  # 10 % of 20,000, give or take
    assert not any(holdback_applies(user_id=u, cohort_id=7, percent=0) for u in range(500))
    assert all(holdback_applies(user_id=u, cohort_id=7, percent=100) for u in range(500))


def test_held_back_rows_are_recorded_like_the_others(settings, setting):
    settings.ELUS2_REMINDER_HOLDBACK_PERCENT = 50
    enrolments = [
        member_at(setting, invited=days_before(30), last_activity=days_before(9), done=1)
        for _ in range(12)
    ]
    result = sweep()
    rows = {row.user_id: row for row in Reminder.objects.filter(rule=Rule.STALLED)}
    assert set(rows) == {e.user_id for e in enrolments}
    for enrolment in enrolments:
        expected = holdback_applies(user_id=enrolment.user_id, cohort_id=setting.cohort.pk)
        assert rows[enrolment.user_id].held_back is expected
    assert result.held_back == sum(row.held_back for row in rows.values())
    assert 0 < result.held_back < 12


def test_rows_made_outside_the_window_wait_for_it(setting):
    idle = member_at(setting, invited=days_before(30), last_activity=days_before(9), done=1)
    with time_machine.travel(paris(2026, 10, 9, 15), tick=False):  # Friday afternoon
        reminders_sweep()
    assert Reminder.objects.get(user=idle.user).send_after == paris(2026, 10, 12, 9)


def _sweep_queries(count: int, batch: int) -> tuple[int, int]:
    Reminder.objects.all().delete()
    with CaptureQueriesContext(connection) as captured:
        result = sweep(batch_size=batch)
    assert result.candidates >= count
    return len(captured), result.batches


def test_queries_grow_with_batches_not_learners():
    setting = setting_create()
    second = setting_create()  # learners spread over two cohorts, like real ones
    batch = 20
    for number in range(15):
        member_at(
            setting if number % 2 else second,
            invited=days_before(30),
            last_activity=days_before(9),
            done=1,
        )
    small, small_batches = _sweep_queries(15, batch)
    for number in range(135):
        member_at(
            setting if number % 2 else second,
            invited=days_before(30),
            last_activity=days_before(9),
            done=1,
        )
    big, big_batches = _sweep_queries(150, batch)
    assert (small_batches, big_batches) == (1, 8)
    per_batch = (big - small) / (big_batches - small_batches)
    fixed = small - per_batch * small_batches
    # Three queries a batch (memberships, their enrolments, one insert), a fixed few per sweep.
    assert per_batch == 3
    assert fixed <= 8
    assert big == fixed + per_batch * big_batches
