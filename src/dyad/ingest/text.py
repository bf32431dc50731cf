"""Plain-text files (.txt, .md, .text): decoded as they are, one Document each, unless the
content is a pasted Telegram channel dump, which `telegram.parse_dump` splits into posts.
No markup is interpreted (Markdown stays as written) and nothing is cleaned here."""

from __future__ import annotations

from dyad.config import Config
from dyad.ingest import Parsed, telegram
from dyad.ingest.decode import decode
from dyad.records import Document, Given


def parse(path: str, data: bytes, given: Given, config: Config) -> Parsed:
    """One Document (fmt "txt") holding the decoded text, or a channel dump's Document."""
    text = decode(path, data, config.encoding)
    if telegram.looks_like_dump(text):
        return telegram.parse_dump(path, text, given, config)
    doc = Document(file=path, source_path=path, fmt="txt", raw_text=text, given=given)
    return Parsed([doc], [], "txt")
