import pytest

from tests.services import tasks_run_here


@pytest.fixture(autouse=True)
def _worker_runs_here():
    """The invitations a commit publishes are sent at once in this process, as the worker
    would (tests/cohorts/test_invitations_end_to_end.py runs a real worker on Redis)."""
    with tasks_run_here():
        yield
