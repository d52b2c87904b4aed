import pytest

from tests.services import tasks_run_here


@pytest.fixture(autouse=True)
def _worker_runs_here(request):
    """The invitations a commit publishes are sent at once in this process, as the worker
    would; tests marked `redis` publish to a real broker for a real worker instead."""
    if request.node.get_closest_marker("redis"):
        yield
        return
    with tasks_run_here():
        yield
