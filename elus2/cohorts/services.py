"""Writes of the cohorts app: invitations (the import, the e-mails through the outbox, « Renvoyer »)
and report links.

Called by the cohorts pages under /suivi/ (staff), by the Celery tasks (tasks.py), by seed_demo,
and by `reporting` (which resolves report links through selectors.py). An import finds or creates
the accounts, makes them members and enrols them through learning/services.py, in a fixed number
of queries per batch of rows; it writes one outbox row per new member and sends nothing itself:
after the commit one task is published, and the worker sends each invitation (its own task,
claimed, retried on transient errors). Reading the list is parsing.py's.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core import mail
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils import timezone, translation

from elus2.learning.services import enrolments_create_invited
from elus2.outbox.models import OutboxStatus
from elus2.outbox.services import (
    OutboxRetry,
    Publish,
    outbox_cancel,
    outbox_claim,
    outbox_enqueue_due,
    outbox_finish,
    outbox_send_failed,
    outbox_sent,
)
from elus2.users.roles import Role
from elus2.users.services import INVITATION_LINK_LIFETIME, sign_in_link_create

from .models import Cohort, Invitation, Membership, ReportShare
from .parsing import InvitationRow
from .selectors import report_share_token

logger = logging.getLogger(__name__)

REPORT_SHARE_MAX_DAYS = 365
IMPORT_BATCH = 500  # rows written per round of queries (and under SQLite's parameter limit)
INVITATION_MAX_ATTEMPTS = 5
# Longer than the send task's hard time limit (tasks.py): a task past its lease is killed before
# another worker may claim its row.
INVITATION_LEASE_SECONDS = 600
INVITATION_PUBLISH_BATCH = 2000


# --- Importing ------------------------------------------------------------------------------------


@dataclass
class InvitationReport:
    """What an import did; the result page lists each group."""

    added: list[InvitationRow] = field(default_factory=list)
    already_members: list[InvitationRow] = field(default_factory=list)
    accounts_created: int = 0
    emails_queued: int = 0
    invitations_resent: int = 0  # members whose invitation had failed: queued again

    @property
    def changed(self) -> bool:
        return bool(self.added)


def _users_find_or_create(rows: list[InvitationRow]) -> tuple[dict[str, object], int]:
    """The account of each row's address (any case), filling only what is empty; new accounts
    have no usable password (the emailed link signs them in). Five queries at most, whatever the
    number of rows; a concurrent import creating the same account is absorbed by the unique
    email. Returns {email: user} and how many accounts this call created."""
    User = get_user_model()
    emails = [row.email for row in rows]

    def existing() -> dict[str, object]:
        return {
            user.email_lower: user
            for user in User.objects.annotate(email_lower=Lower("email")).filter(
                email_lower__in=emails
            )
        }

    users = existing()
    missing = [row for row in rows if row.email not in users]
    if missing:
        unusable = make_password(None)
        User.objects.bulk_create(
            [
                User(
                    email=row.email,
                    first_name=row.first_name,
                    last_name=row.last_name,
                    mandate=row.mandate,
                    password=unusable,
                )
                for row in missing
            ],
            ignore_conflicts=True,
        )
        before = set(users)
        users = existing()
        created = len(set(users) - before)
    else:
        created = 0
    changed = []
    for row in rows:
        user = users[row.email]
        fields = [
            (name, value)
            for name, value in (
                ("first_name", row.first_name),
                ("last_name", row.last_name),
                ("mandate", row.mandate),
            )
            if value and not getattr(user, name)
        ]
        for name, value in fields:
            setattr(user, name, value)
        if fields:
            changed.append(user)
    if changed:
        User.objects.bulk_update(changed, ["first_name", "last_name", "mandate"])
    return users, created


def _email_addresses_ensure(users: list) -> None:
    """A verified address for allauth, primary when the person has none: one read, one insert."""
    known = {
        (user_id, email.lower(), primary)
        for user_id, email, primary in EmailAddress.objects.filter(user__in=users).values_list(
            "user_id", "email", "primary"
        )
    }
    with_address = {(user_id, email) for user_id, email, _primary in known}
    with_primary = {user_id for user_id, _email, primary in known if primary}
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(
                user=user, email=user.email, verified=True, primary=user.pk not in with_primary
            )
            for user in users
            if (user.pk, user.email.lower()) not in with_address
        ],
        ignore_conflicts=True,  # made meanwhile by a concurrent import
    )


def _memberships_create(*, cohort: Cohort, user_ids: list[int], invited_by) -> set[int]:
    """Make them members; returns who was not a member before (the unique constraint settles
    races: a concurrent import of the same person adds one membership)."""
    before = set(
        Membership.objects.filter(cohort=cohort, user_id__in=user_ids).values_list(
            "user_id", flat=True
        )
    )
    new = [user_id for user_id in user_ids if user_id not in before]
    Membership.objects.bulk_create(
        [Membership(cohort=cohort, user_id=user_id, invited_by=invited_by) for user_id in new],
        ignore_conflicts=True,
    )
    return set(new)


@transaction.atomic
def cohort_members_invite(
    *, cohort: Cohort, rows: list[InvitationRow], invited_by, notify: bool = True
) -> InvitationReport:
    """Make each row's person a member of the cohort, enrolled in each of its courses, and put an
    invitation for each new member in the outbox. Idempotent: someone already a member is neither
    changed nor invited again (their enrolments are still ensured, so a course added to the
    cohort since reaches them). A fixed number of queries per IMPORT_BATCH rows, and no mail in
    the request: the commit publishes one task, and the worker sends. `notify=False` (seed_demo)
    adds people without invitation."""
    report = InvitationReport()
    courses = list(cohort.courses.order_by("path"))
    learners, _created = Group.objects.get_or_create(name=Role.LEARNER)
    User = get_user_model()
    for start in range(0, len(rows), IMPORT_BATCH):
        batch = rows[start : start + IMPORT_BATCH]
        users, created = _users_find_or_create(batch)
        report.accounts_created += created
        people = list({user.pk: user for user in users.values()}.values())
        _email_addresses_ensure(people)
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=user.pk, group_id=learners.pk) for user in people],
            ignore_conflicts=True,
        )
        user_ids = [user.pk for user in people]
        added = _memberships_create(cohort=cohort, user_ids=user_ids, invited_by=invited_by)
        for course in courses:
            enrolments_create_invited(user_ids=user_ids, course=course)
        if notify and added:
            Invitation.objects.bulk_create(
                [Invitation(cohort=cohort, user_id=user_id) for user_id in sorted(added)],
                ignore_conflicts=True,
            )
            report.emails_queued += len(added)
        if notify:
            # Importing the list again is how staff retry: a failed invitation goes again.
            resent = _invitations_reset(
                Invitation.objects.filter(
                    cohort=cohort,
                    user_id__in=set(user_ids) - added,
                    status=OutboxStatus.FAILED,
                )
            )
            report.invitations_resent += resent
            report.emails_queued += resent
        for row in batch:
            group = report.added if users[row.email].pk in added else report.already_members
            group.append(row)
    if report.emails_queued:
        _publish_on_commit(cohort.pk)
    return report


def _publish_on_commit(cohort_id: int) -> None:
    """After the commit, one task that publishes the cohort's due invitations (not one per row:
    the request stays short whatever the list). Like delay_on_commit(), but a broker that cannot
    be reached is logged, not shown as an error after a committed import: the invitations stay
    pending, and beat's « send pending » publishes them."""
    from .tasks import invitations_enqueue_task

    def publish() -> None:
        try:
            invitations_enqueue_task.delay(cohort_id)
        except Exception as error:  # kombu OperationalError, redis errors, OSError…
            logger.warning(
                "cohort invitations: broker unreachable (%s); cohort %s waits for send pending",
                type(error).__name__,
                cohort_id,
            )

    transaction.on_commit(publish)


# --- Sending --------------------------------------------------------------------------------------


def _course_path(course) -> str:
    """The course's path on this site (get_url may be absolute when several sites exist)."""
    return urlsplit(course.get_url() or "/").path or "/"


def _invitation_message(*, user, cohort: Cohort, course, link: str) -> mail.EmailMultiAlternatives:
    with translation.override(user.language or "fr"):
        context = {"user": user, "cohort": cohort, "course": course, "link": link}
        subject = render_to_string("cohorts/email/invitation_subject.txt", context)
        message = mail.EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("cohorts/email/invitation.txt", context),
            to=[user.email],
        )
        message.attach_alternative(
            render_to_string("cohorts/email/invitation.html", context), "text/html"
        )
    return message


# The send task retries on this (a transient failure: the row is pending again).
InvitationRetry = OutboxRetry


def invitation_send(*, invitation_id: int, now: datetime.datetime | None = None) -> str:
    """Send one invitation at most once: claimed first (a second delivery of the task finds it
    taken or sent), with a sign-in link made now. Returns "sent", "cancelled" (the person left
    the cohort or the account is closed), "failed", or why nothing was done ("busy", "done",
    "gone"). Raises InvitationRetry on a transient error (the row is pending again)."""
    now = now or timezone.now()
    claimed = outbox_claim(
        Invitation,
        invitation_id,
        now=now,
        max_attempts=INVITATION_MAX_ATTEMPTS,
        lease_seconds=INVITATION_LEASE_SECONDS,
    )
    if claimed is not True:
        return claimed
    invitation = Invitation.objects.select_related("user", "cohort", "cohort__organisation").get(
        pk=invitation_id
    )
    user = invitation.user
    if (
        not user.is_active
        or user.anonymised_at is not None
        or not Membership.objects.filter(cohort=invitation.cohort, user=user).exists()
    ):
        outbox_finish(invitation, status=OutboxStatus.CANCELLED)
        return "cancelled"
    course = invitation.cohort.courses.order_by("path").first()
    link = sign_in_link_create(
        user=user,
        next_url=_course_path(course) if course else "/parcours/",
        lifetime=INVITATION_LINK_LIFETIME,
    )
    message = _invitation_message(user=user, cohort=invitation.cohort, course=course, link=link)
    try:
        message.send()
    except Exception as error:
        return outbox_send_failed(invitation, error, now=now, max_attempts=INVITATION_MAX_ATTEMPTS)
    outbox_sent(invitation, now=timezone.now())
    return "sent"


def invitations_enqueue_due(
    *,
    publish: Publish,
    cohort_ids: list[int] | None = None,
    now: datetime.datetime | None = None,
) -> int:
    """Publish a send task for each invitation due (pending, or claimed by a worker that died);
    see outbox_enqueue_due. Invitations go at any hour: they answer staff's import."""
    rows = Invitation.objects.all()
    if cohort_ids is not None:
        rows = rows.filter(cohort_id__in=cohort_ids)
    return outbox_enqueue_due(
        rows,
        publish=publish,
        now=now or timezone.now(),
        batch_size=INVITATION_PUBLISH_BATCH,
        max_attempts=INVITATION_MAX_ATTEMPTS,
    )


@transaction.atomic
def invitation_resend(*, cohort: Cohort, user_id: int) -> bool:
    """Staff's « Renvoyer »: the member's invitation goes again, with a new link, whatever
    happened to the last one (sent, failed, cancelled, or made before invitations were kept).
    False when it is already on its way, or the person is not a member. Sent by the worker."""
    if not Membership.objects.filter(cohort=cohort, user_id=user_id).exists():
        return False
    invitation, created = Invitation.objects.get_or_create(cohort=cohort, user_id=user_id)
    if not created:
        on_its_way = Q(status=OutboxStatus.PENDING) | Q(
            status=OutboxStatus.SENDING, lease_until__gte=timezone.now()
        )
        if not _invitations_reset(Invitation.objects.filter(pk=invitation.pk).exclude(on_its_way)):
            return False
    _publish_on_commit(cohort.pk)
    return True


def _invitations_reset(rows) -> int:
    """Pending again from scratch: due now, all attempts available (a new link is made when
    it is sent)."""
    return rows.update(
        status=OutboxStatus.PENDING,
        send_after=timezone.now(),
        enqueued_at=None,
        claimed_at=None,
        lease_until=None,
        attempts=0,
        failure="",
    )


@transaction.atomic
def invitations_cancel_for(*, user) -> int:
    """Erasure: no invitation still waiting goes to this person."""
    return outbox_cancel(Invitation.objects.filter(user=user))


# --- Report links --------------------------------------------------------------------------


@transaction.atomic
def report_share_create(*, cohort: Cohort, created_by, days: int) -> str:
    """A new link to the cohort's client report, valid `days` days; returns its signed token
    (the public view at /rapport/<token>/ resolves it with selectors.report_share_resolve)."""
    if not 1 <= int(days) <= REPORT_SHARE_MAX_DAYS:
        raise ValueError(f"days must be between 1 and {REPORT_SHARE_MAX_DAYS}")
    share = ReportShare.objects.create(
        cohort=cohort,
        created_by=created_by,
        # Whole seconds: the token carries the expiry second and must match the stored value.
        expires_at=(timezone.now() + timedelta(days=int(days))).replace(microsecond=0),
    )
    return report_share_token(share)


@transaction.atomic
def report_share_revoke(*, share: ReportShare, by) -> bool:
    """Revoke now (idempotent): True when this call revoked it."""
    now = timezone.now()
    revoked = ReportShare.objects.filter(pk=share.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_by=by
    )
    if revoked:
        share.revoked_at, share.revoked_by = now, by
    return bool(revoked)
