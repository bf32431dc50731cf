"""STUB (to be replaced)."""
from __future__ import annotations
from dyad.records import Document
from dyad.stage import Context


def detect(doc: Document, ctx: Context) -> None:
    doc.language = doc.given.language or "en"
