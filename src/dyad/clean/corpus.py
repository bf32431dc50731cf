"""Corpus-level evidence for cleaning: which outlet group a document belongs to, and the
hashed short lines whose repetition across that group's documents marks boilerplate. It
decides nothing itself; `clean.lines` weighs this evidence with the line-level cues."""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from urllib.parse import urlsplit

from dyad.records import Document

MAX_LINE_CHARS = 200          # longer lines are content, whatever their repetition
_SPACE = re.compile(r"\s+")


def normalise_line(line: str) -> str:
    """A line as compared across documents: NFKC, case-folded, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", line)).strip().casefold()


def line_key(line: str) -> int | None:
    """A signed 64-bit hash of a short line, or None for blank and long lines."""
    norm = normalise_line(line)
    if not norm or len(norm) > MAX_LINE_CHARS:
        return None
    digest = hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def line_keys(doc: Document) -> set[int]:
    """The distinct short-line hashes of a document (its body or all its posts)."""
    texts = [p.raw_text for p in doc.posts] if doc.posts else [doc.raw_text]
    keys = {line_key(line) for t in texts for line in t.splitlines()}
    keys.discard(None)
    return keys  # type: ignore[return-value]


def group_key(doc: Document) -> str:
    """The outlet group: the outlet the manifest names, else the site of its URL, else the
    folder the file lies in (a crawl of one site is usually one folder)."""
    if doc.given.outlet:
        return "outlet:" + normalise_line(doc.given.outlet)
    if doc.given.url:
        host = (urlsplit(doc.given.url).hostname or "").lower()
        if host.startswith("www."):
            host = host[4:]
        if host:
            return "site:" + host
    return "dir:" + posixpath.dirname(doc.source_path)
