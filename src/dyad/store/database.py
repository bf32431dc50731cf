"""The SQLite file: opening it, migrating its schema, and the one connection all writes go
through (in transactions). What is written where lives in `documents.py`; this module knows
nothing about documents.

The schema version is SQLite's `PRAGMA user_version`; migrations are the numbered `.sql`
files beside this module, applied in order, each in its own transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from dyad.errors import StoreError

APPLICATION_ID = 0x64796164      # "dyad": marks the file as a dyad store
CACHE_KIB = 64 * 1024            # page cache per connection (SQLite's default is 2 MiB): the
                                 # LSH candidate reads of linking stay in memory


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) for every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("dyad.store.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = migrations()[-1][0]


class Database:
    """A dyad store. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open the database: {e}") from e
        self.conn.row_factory = sqlite3.Row
        self._savepoints = 0
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
            self._migrate()
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"{self.path}: not a dyad database ({e})") from e

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        app = self.conn.execute("PRAGMA application_id").fetchone()[0]
        version = self.version
        if version == 0 and app == 0:
            tables = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path}: an SQLite file that is not a dyad store")
        elif app != APPLICATION_ID:
            raise StoreError(f"{self.path}: an SQLite file that is not a dyad store")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema {version} is newer than this dyad "
                             f"(schema {SCHEMA_VERSION}); upgrade dyad")
        for number, sql in migrations():
            if number <= version:
                continue
            with self.transaction():
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.conn.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception. Inside another
        transaction (a batch of documents), a savepoint instead: rolled back on its own on
        an exception, committed only with the outer transaction."""
        if self.conn.in_transaction:
            with self._savepoint():
                yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"dyad_{self._savepoints}"
        self._savepoints += 1
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute(f"RELEASE {name}")
        finally:
            self._savepoints -= 1

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()


class Reader:
    """A read-only connection to a store another connection writes (a worker process's view
    of the corpus statistics). WAL mode lets it read while the writer writes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                        timeout=30)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open the database to read: {e}") from e
        self.conn.row_factory = sqlite3.Row

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        self.conn.close()


def _statements(sql: str) -> Iterator[str]:
    """Split a migration into statements (they hold no semicolons inside literals)."""
    buf: list[str] = []
    for line in sql.splitlines():
        stripped = line.split("--", 1)[0]
        buf.append(stripped)
        if stripped.rstrip().endswith(";"):
            statement = "\n".join(buf).strip()
            if statement.strip(";").strip():
                yield statement
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        yield rest
