"""STUB (to be replaced)."""
from __future__ import annotations
from dyad.ingest.text import parse  # noqa: F401
