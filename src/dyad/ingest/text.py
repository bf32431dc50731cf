"""STUB (to be replaced)."""
from __future__ import annotations
from dyad.config import Config
from dyad.records import Document, Given


def parse(path: str, data: bytes, given: Given, config: Config):
    from dyad.ingest import Parsed
    return Parsed([Document(file=path, source_path=path, fmt="txt", raw_text=data.decode("utf-8"),
                            given=given)], [], "txt")
