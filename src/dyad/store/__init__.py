"""dyad's store: one SQLite file with a versioned schema (see `database.py`) and the
reads and writes of each record (see `documents.py`)."""

from dyad.store.database import SCHEMA_VERSION, Database

__all__ = ["Database", "SCHEMA_VERSION"]
