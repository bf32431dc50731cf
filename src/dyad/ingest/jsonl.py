"""JSON Lines corpora (.jsonl, .ndjson): one document a line, as a JSON object with `text`
and any metadata keys (url, title, outlet, published/date, language, kind, author; `file`
or `id` names the document). Known keys become the Document's `given`, other scalar keys
its `extra`; a bad line is reported and the others are read. Lines are read one at a time,
so a large file is never decoded whole, and `stream` reads one from disk as its documents
are asked for, so it is never in memory whole either. Nothing is cleaned here.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dyad.config import Config
from dyad.errors import InputError
from dyad.ingest import Parsed
from dyad.ingest.decode import SAMPLE, bom_encoding, check_binary, decode, normalise_newlines
from dyad.ingest.manifest import KNOWN_KEYS, given_from
from dyad.records import Document, FileError, Given

NAME_KEYS = ("file", "id")
TEXT_KEY = "text"
MAX_PROBLEMS = 50               # bad lines reported one by one; the rest are counted
# What a file-level manifest entry may say of every line in the file.
INHERITED = ("outlet", "language", "kind")


def _lines(path: str, stream: BinaryIO) -> Iterator[tuple[int, str | None, str | None]]:
    """(1-based line number, text or None, reason it could not be decoded), read from the
    binary `stream` one line at a time (a UTF-16/32 file is decoded whole)."""
    head = stream.read(4)
    if bom_encoding(head) not in (None, "utf-8"):
        data = head + stream.read()
        for n, line in enumerate(decode(path, data, None).split("\n"), start=1):
            yield n, line, None
        return
    lines = itertools.chain([head + stream.readline()], stream) if head else iter(())
    for n, raw in enumerate(lines, start=1):
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield n, raw.decode("utf-8"), None
        except UnicodeDecodeError as e:
            yield n, None, (f"not valid UTF-8 (invalid byte 0x{raw[e.start]:02X} at "
                            f"column {e.start + 1})")


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


def parse(path: str, data: bytes, given: Given, config: Config) -> Parsed:
    """A Document (fmt "jsonl") per good line; problems "line n: ..." for the others."""
    check_binary(path, data)
    if not data.strip():
        raise InputError(path, "the file holds only whitespace")
    problems: list[FileError] = []
    docs = list(documents(path, io.BytesIO(data), given, problems))
    return Parsed(docs, problems, "jsonl")


def stream(path: str, file: Path, given: Given, problems: list[FileError]) -> Iterator[Document]:
    """The documents of a JSON Lines file on disk, read a line at a time as they are asked
    for (a file of any size is never in memory whole); bad lines are added to `problems`.
    Raises InputError, when the documents have been asked for, for a binary file or one
    that gives no document."""
    try:
        with file.open("rb") as f:
            check_binary(path, f.read(SAMPLE))
            f.seek(0)
            yield from documents(path, f, given, problems)
    except OSError as e:
        raise InputError(path, f"cannot read the file: {e.strerror or e}") from e


def documents(path: str, source: BinaryIO, given: Given,
              problems: list[FileError]) -> Iterator[Document]:
    """A Document per good line of `source`, as read; problems "line n: ..." for the
    others (MAX_PROBLEMS, then a count). Raises InputError at the end when no line gave a
    document."""
    inherited = {k: getattr(given, k) for k in INHERITED if getattr(given, k) is not None}
    found = 0
    more = 0
    used: dict[str, int] = {}

    def problem(reason: str) -> None:
        nonlocal more
        if len(problems) < MAX_PROBLEMS:
            problems.append(FileError(path, reason))
        else:
            more += 1

    for n, line, bad in _lines(path, source):
        if bad:
            problem(f"line {n}: {bad}")
            continue
        assert line is not None
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            problem(f"line {n}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        except RecursionError:
            problem(f"line {n}: JSON nested too deeply")
            continue
        if not isinstance(record, dict):
            problem(f"line {n}: not a JSON object")
            continue
        text = record.get(TEXT_KEY)
        if not isinstance(text, str) or not text.strip():
            others = [k for k in ("content", "body", "article", "message") if k in record]
            hint = f" (it has {others[0]!r}; dyad reads the text from 'text')" if others else ""
            problem(f"line {n}: no {TEXT_KEY!r} string{hint}")
            continue
        name = next((_scalar(record[k]) for k in NAME_KEYS if _scalar(record.get(k))), None)
        file = name.strip() if name and name.strip() else f"{path}#{n}"
        if file in used:
            problem(f"line {n}: the name {file!r} is already used on line {used[file]}; "
                    "this line is skipped")
            continue
        used[file] = n
        line_given, field_problems = given_from(record)
        for p in field_problems:
            problem(f"line {n}: {p.reason} (ignored)")
        line_given = dataclasses.replace(
            line_given, **{k: v for k, v in inherited.items() if getattr(line_given, k) is None})
        extra = {k: s for k, v in record.items()
                 if k not in KNOWN_KEYS and k not in NAME_KEYS and k != TEXT_KEY
                 and (s := _scalar(v)) is not None}
        found += 1
        yield Document(file=file, source_path=path, fmt="jsonl",
                       raw_text=normalise_newlines(text), given=line_given, extra=extra)
    if more:
        problems.append(FileError(path, f"... and {more} more bad lines"))
    if not found:
        if not problems:
            raise InputError(path, "the file holds only whitespace")
        raise InputError(path, "no line of this JSON Lines file gave a document "
                               f"(first problem: {problems[0].reason})")
