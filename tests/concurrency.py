"""Run requests from many clients at the same moment (threads released by one barrier)."""

import threading

from django.db import connection


def together(clients, call) -> list:
    """Run `call(client)` from every client at the same moment; returns the responses. Under
    CI=true, only on PostgreSQL (SQLite lets one writer at a time: nothing would be proven)."""
    from tests.services import in_ci, need_postgres

    if in_ci():
        need_postgres()
    barrier = threading.Barrier(len(clients))
    results: list = [None] * len(clients)

    def run(index, client):
        try:
            barrier.wait(timeout=30)
            results[index] = call(client)
        except BaseException as error:  # reported below, with the others
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, client)) for index, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a request hung"
    errors = [result for result in results if isinstance(result, BaseException)]
    assert not errors, errors
    return results
