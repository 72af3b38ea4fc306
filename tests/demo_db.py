"""The demo site (``load_demo``) for the tests that need it, built once per test process.

``load_demo`` takes half a minute or more: it builds three courses and translates all of them
into Spanish with wagtail-localize. The modules that test the demo as it is (the browser crawl,
keyboard and reflow tests, tests/edu/test_demo_content.py and test_spanish_content.py) used to
run it once each. Now the first of them runs the real command once, inside a transaction, and
records the rows of every table it changed (and what it printed); the transaction is rolled
back. Each module then gets the demo by writing those rows back into the same tables, inside
its own transaction that is rolled back after the module, as before.

The copy is exact: raw SQLite values (no Python conversion) or PostgreSQL's COPY text format.
It is checked once, right after the snapshot is taken (the database after a copy must equal the
database after the real command, table by table), and the copy is used only on the database it
was taken from: when the tables it writes do not hold what they held before the real command
ran, the module runs the real command instead, with a warning.

Under pytest-xdist the first worker to need the demo builds it and leaves it in the run's
temporary folder for the other worker (which checks it against its own database, as above).
"""

from __future__ import annotations

import fcntl
import io
import pickle
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction


def run_load_demo(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


# Reading and writing whole tables, per database ---------------------------------------------


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


class SQLiteTables:
    """Rows as SQLite stores them: ``+column`` has no declared type, so no converter runs."""

    @staticmethod
    def names(cursor) -> dict[str, bool]:
        """Each table's name: ``True`` for a virtual table (read, never written: the search
        index's FTS table follows wagtailsearch_indexentry through triggers). A virtual
        table's own storage tables (``<name>_data``…) are SQLite's business: left out."""
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        rows = cursor.fetchall()
        virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
        return {
            name: name in virtual
            for name, _sql in rows
            if not any(name.startswith(f"{table}_") for table in virtual)
        }

    @staticmethod
    def read(cursor, table: str, virtual: bool):
        cursor.execute(f"SELECT * FROM {quote(table)} LIMIT 0")  # noqa: S608
        columns = [column[0] for column in cursor.description]
        if virtual:
            columns = ["rowid", *columns]
        values = ", ".join("+" + quote(column) for column in columns)
        cursor.execute(f"SELECT {values} FROM {quote(table)}")  # noqa: S608
        return columns, cursor.fetchall()

    @staticmethod
    def same(a, b) -> bool:
        return a[0] == b[0] and Counter(a[1]) == Counter(b[1])

    @staticmethod
    def write(cursor, table: str, data) -> None:
        columns, rows = data
        cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        if rows:
            names = ", ".join(map(quote, columns))
            values = ", ".join(["%s"] * len(columns))
            insert = f"INSERT INTO {quote(table)} ({names}) VALUES ({values})"  # noqa: S608
            cursor.executemany(insert, rows)

    @staticmethod
    def order(tables):
        # sqlite_sequence last: inserting explicit ids moves it on.
        return sorted(tables, key=lambda table: table == "sqlite_sequence")

    @staticmethod
    def reset_sequences(cursor, tables) -> None:
        pass  # sqlite_sequence is a table like the others


class PostgreSQLTables:
    """Rows in COPY's text format, which PostgreSQL reads back exactly."""

    @staticmethod
    def names(cursor) -> dict[str, bool]:
        return dict.fromkeys(connection.introspection.table_names(cursor), False)

    @staticmethod
    def read(cursor, table: str, virtual: bool):
        with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
            return b"".join(bytes(block) for block in copy)

    @staticmethod
    def same(a, b) -> bool:
        return Counter(a.split(b"\n")) == Counter(b.split(b"\n"))

    @staticmethod
    def write(cursor, table: str, data) -> None:
        cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        if data:
            with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as copy:
                copy.write(data)

    @staticmethod
    def order(tables):
        return list(tables)

    @staticmethod
    def reset_sequences(cursor, tables) -> None:
        """Each restored table's id sequence moves past the ids just written, and the planner
        learns the tables' new sizes (without ANALYZE, load_demo --reset's cascade deletes over
        the copied rows chose nested loops that ran for minutes; the statistics are rolled back
        with the rows)."""
        models = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in tables
        ]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
        for table in tables:
            cursor.execute(f"ANALYZE {quote(table)}")


def backend():
    return SQLiteTables if connection.vendor == "sqlite" else PostgreSQLTables


def read_all(cursor) -> dict:
    tables = backend()
    return {
        name: tables.read(cursor, name, virtual) for name, virtual in tables.names(cursor).items()
    }


# The snapshot ---------------------------------------------------------------------------------


@dataclass
class DemoSnapshot:
    vendor: str
    output: str  # what load_demo printed
    before: dict  # each table it changed, as it was before
    after: dict  # and as load_demo left it

    @classmethod
    def take(cls) -> DemoSnapshot:
        """Run the real ``load_demo`` in a transaction, record what it changed, roll back."""
        tables = backend()
        with transaction.atomic(), connection.cursor() as cursor:
            before = read_all(cursor)
            output = run_load_demo()
            after = read_all(cursor)
            changed = [
                name
                for name, data in after.items()
                if name not in before or not tables.same(before[name], data)
            ]
            snapshot = cls(
                connection.vendor,
                output,
                before={name: before.get(name) for name in changed},
                after={name: after[name] for name in changed},
            )
            transaction.set_rollback(True)
        # The copy must give the database the real command gives, table by table.
        with transaction.atomic(), connection.cursor() as cursor:
            snapshot.restore()
            copied = read_all(cursor)
            different = [
                name
                for name in after.keys() | copied.keys()
                if name not in after
                or name not in copied
                or not tables.same(after[name], copied[name])
            ]
            transaction.set_rollback(True)
        assert not different, f"copying the demo does not give what load_demo gives: {different}"
        return snapshot

    def fits(self) -> bool:
        """Whether the tables the copy writes hold what they held when the snapshot was taken."""
        tables = backend()
        if connection.vendor != self.vendor:
            return False
        names = tables.names(connection.cursor())
        with connection.cursor() as cursor:
            for name, data in self.before.items():
                if name not in names:
                    return False
                current = tables.read(cursor, name, names[name])
                if data is None or not tables.same(data, current):
                    # A table load_demo fills is empty before it (data is None: it did not
                    # exist, which cannot happen on one database).
                    return False
        return True

    def restore(self) -> None:
        tables = backend()
        names = tables.names(connection.cursor())
        with connection.cursor() as cursor:
            for name in tables.order(self.after):
                if names.get(name):
                    continue  # a virtual table: its triggers filled it
                tables.write(cursor, name, self.after[name])
            tables.reset_sequences(cursor, self.after)

    def load(self) -> str:
        """Give the database the demo (inside the caller's transaction); what load_demo printed."""
        if self.fits():
            self.restore()
            return self.output
        warnings.warn(
            "the database is not as the demo snapshot found it: running load_demo", stacklevel=2
        )
        return run_load_demo()


def shared_snapshot(folder: Path | None) -> DemoSnapshot:
    """The snapshot, taken here or (under pytest-xdist) by the worker that got there first."""
    if folder is None:
        return DemoSnapshot.take()
    path = folder / f"demo-snapshot-{connection.vendor}.pickle"
    with open(folder / "demo-snapshot.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            snapshot = pickle.loads(path.read_bytes())  # noqa: S301 - written by this test run
            if snapshot.fits():
                return snapshot
        snapshot = DemoSnapshot.take()
        path.write_bytes(pickle.dumps(snapshot))
        return snapshot
