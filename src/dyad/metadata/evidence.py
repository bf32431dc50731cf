"""The text the metadata stages read a document's metadata from.

Bylines, datelines, copyright footers and donation appeals are the best evidence of who
published a document and when, and cleaning removes them from `doc.text`; so metadata is
read from the raw text (which holds them where they stood), or, when the raw text is markup,
from the lines cleaning dropped followed by the cleaned text. This module only assembles
text; it judges nothing.
"""

from __future__ import annotations

import re

from dyad.records import Document

_MARKUP = re.compile(r"<(?:!doctype|html|head|body|div|p|span|meta|script|article)\b",
                     re.IGNORECASE)


def looks_like_markup(text: str) -> bool:
    return len(_MARKUP.findall(text[:20000])) >= 3


def text_of(doc: Document) -> str:
    """The document's text with its boilerplate in it: the raw text, or, for markup, the
    dropped lines (in their order) and then the cleaned text."""
    raw = doc.raw_text or ""
    if raw.strip() and not looks_like_markup(raw):
        return raw
    order = sorted(doc.dropped, key=lambda d: (-1 if d.post is None else d.post, d.line_no))
    dropped = [d.text for d in order]
    body = doc.text or ("\n\n".join(p.text for p in doc.posts) if doc.posts else "")
    return "\n".join([*dropped, body]) if dropped else body


def dropped_lines(doc: Document) -> frozenset[str]:
    """The stripped text of every line cleaning removed (bylines, footers, appeals...)."""
    return frozenset(d.text.strip() for d in doc.dropped if d.text.strip())
