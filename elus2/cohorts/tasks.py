"""Celery tasks of the cohorts app: thin, idempotent, named (shared/STYLE.md rule 7).

An import publishes `cohorts.invitations_enqueue` once, after its commit; that task publishes one
`cohorts.invitation_send` per invitation. Beat's `cohorts.invitations_send_pending` publishes
what is still due (broker down at the import, a worker killed mid-send). A task delivered twice
finds its row claimed or sent and does nothing.
"""

from celery import shared_task

from .retention import retention_apply
from .services import InvitationRetry, invitation_send, invitations_enqueue_due


@shared_task(name="cohorts.retention_apply", time_limit=1800, soft_time_limit=1700)
def retention_apply_task() -> int:
    """Daily: anonymise learners whose last cohort ended more than the retention period ago."""
    return retention_apply()


@shared_task(name="cohorts.invitations_enqueue", time_limit=300, soft_time_limit=270)
def invitations_enqueue_task(cohort_id: int) -> int:
    """Publish a send task for each due invitation of this cohort (after an import)."""
    return invitations_enqueue_due(publish=invitation_send_task.delay, cohort_ids=[cohort_id])


@shared_task(name="cohorts.invitations_send_pending", time_limit=300, soft_time_limit=270)
def invitations_send_pending_task() -> int:
    """Publish due invitations that are not on their way (broker was down, worker was killed)."""
    return invitations_enqueue_due(publish=invitation_send_task.delay)


# The hard limit stays under INVITATION_LEASE_SECONDS (services.py).
@shared_task(
    bind=True, name="cohorts.invitation_send", time_limit=120, soft_time_limit=100, max_retries=5
)
def invitation_send_task(self, invitation_id: int) -> str:
    """Send one invitation, at most once; transient SMTP errors retry with backoff and a cap."""
    try:
        return invitation_send(invitation_id=invitation_id)
    except InvitationRetry as retry:
        if self.request.retries >= self.max_retries:
            return "retry_later"  # the row is pending: "send pending" will publish it again
        raise self.retry(countdown=retry.countdown) from None
