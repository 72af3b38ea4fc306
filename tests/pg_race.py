"""Requests racing on PostgreSQL: real threads, each with its own database connection.

SQLite takes one writer at a time for the whole database, so these races only exist on
PostgreSQL (CI runs the suite there too, with DATABASE_URL set). A module that races imports
``PG_RACE`` as its ``pytestmark`` and :func:`restore_migrated_data` (an autouse fixture).
"""

import threading

import pytest
from django.db import connection, connections

PG_RACE = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises all writers, so requests cannot race there "
        "(CI runs these with DATABASE_URL set)",
    ),
]


@pytest.fixture(scope="module", autouse=True)
def restore_migrated_data(django_db_blocker):
    """Put back what the migrations made (groups, workflows, the root page) once a module's
    transactional tests are done.

    Each transactional test ends by flushing the database. pytest-django runs these tests
    after the others, but a test that asks for the database only at run time (through
    ``request.getfixturevalue``) is ordered later still, and would find no root page or groups.
    """
    yield
    if not hasattr(connection, "_test_serialized_contents"):
        return
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


def race(calls):
    """Run the callables at the same moment, each in its own thread and connection; their
    results, in order. Fails when one raised or hung."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=60)
            results[index] = call()
        except Exception as error:  # reported by the assertion below
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a request hung"
    errors = [result for result in results if isinstance(result, Exception)]
    assert not errors, errors[:3]
    return results
