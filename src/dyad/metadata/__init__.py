"""STUB (to be replaced)."""
from __future__ import annotations
from dyad.records import Document
from dyad.stage import Context


def describe(doc: Document, ctx: Context) -> None:
    doc.published = doc.given.published
    doc.kind = "channel" if doc.posts else "article"
    doc.outlet = doc.given.outlet
