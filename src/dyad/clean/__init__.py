"""STUB (to be replaced): cleaning keeps every non-blank line."""
from __future__ import annotations
from dyad.records import Document
from dyad.stage import Context


def clean_document(doc: Document, ctx: Context) -> None:
    if doc.posts:
        for p in doc.posts:
            p.text = "\n".join(l.strip() for l in p.raw_text.splitlines() if l.strip())
        doc.text = "\n\n".join(p.text for p in doc.posts)
    else:
        doc.text = "\n".join(l.strip() for l in doc.raw_text.splitlines() if l.strip())
