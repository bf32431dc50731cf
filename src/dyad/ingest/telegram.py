"""STUB (to be replaced)."""
from __future__ import annotations
from dyad.ingest.text import parse as parse_export  # noqa: F401
