"""The crawler's metadata beside a corpus (`manifest.jsonl`: one JSON object a line, keyed by
`file`) and the checking of metadata keys (url, title, outlet, published, language, kind,
author) into a `Given`, shared with the JSONL reader. It checks shapes (a date is a date, a
kind is one of dyad's kinds); it does not judge whether the values are true.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.errors import InputError
from dyad.ingest.decode import decode
from dyad.records import KINDS, Given

MANIFEST_NAME = "manifest.jsonl"

# Accepted names of each Given field (first one is the canonical key).
ALIASES: Mapping[str, tuple[str, ...]] = {
    "url": ("url", "link", "canonical_url"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source_name", "publisher"),
    "published": ("published", "date", "published_at", "publication_date", "pub_date"),
    "language": ("language", "lang"),
    "kind": ("kind",),
    "author": ("author", "authors", "byline"),
}
KNOWN_KEYS = frozenset(k for names in ALIASES.values() for k in names)

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                          r"(?:Z|[+-]\d{2}:?\d{2})?)?$")
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class FieldProblem:
    """A metadata value that could not be taken (the rest of the record may still be)."""

    field: str
    reason: str


def parse_date(value: str) -> str | None:
    """'YYYY-MM-DD' or 'YYYY-MM' for a valid date, an ISO date-time (its day is kept), or
    None when the value is not such a date."""
    value = value.strip()
    if m := _YEAR_MONTH.match(value):
        return value if 1 <= int(m.group(2)) <= 12 else None
    if m := _DATE_PREFIX.match(value):
        try:
            return dt.date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            return None
    return None


def _iso639_1(code: str) -> str:
    """A language code as ISO 639-1 where one exists ('spa' -> 'es', 'ger' -> 'de')."""
    from babel.core import get_global

    code = code.lower()
    alias = get_global("language_aliases").get(code)
    return alias.split("_")[0] if isinstance(alias, str) and len(code) == 3 else code


def given_from(record: Mapping[str, Any]) -> tuple[Given, list[FieldProblem]]:
    """The metadata of a manifest line or a JSONL line, checked. Values of the wrong shape
    are left unknown and reported; unknown keys are ignored here."""
    values: dict[str, str | None] = {}
    problems: list[FieldProblem] = []
    for fieldname, names in ALIASES.items():
        key = next((n for n in names if record.get(n) not in (None, "", [])), None)
        if key is None:
            continue
        raw = record[key]
        if fieldname == "author" and isinstance(raw, list) and all(isinstance(a, str) for a in raw):
            raw = ", ".join(a.strip() for a in raw if a.strip())
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            problems.append(FieldProblem(fieldname, f"{key!r} is not a string"))
            continue
        text = str(raw).strip()
        if not text:
            continue
        if fieldname == "published":
            date = parse_date(text)
            if date is None:
                problems.append(FieldProblem(fieldname, f"bad date {text!r} for {key!r} "
                                                        "(expected YYYY-MM-DD or YYYY-MM)"))
                continue
            text = date
        elif fieldname == "language":
            m = _LANGUAGE.match(text)
            if not m:
                problems.append(FieldProblem(fieldname, f"bad language code {text!r} "
                                                        "(expected an ISO 639-1 code such as 'es')"))
                continue
            text = _iso639_1(m.group(1))
        elif fieldname == "kind":
            if text.lower() not in KINDS:
                problems.append(FieldProblem(fieldname, f"unknown kind {text!r} (expected one "
                                                        f"of {', '.join(KINDS)})"))
                continue
            text = text.lower()
        values[fieldname] = text
    return Given(**values), problems


def read_manifest(path: Path) -> tuple[dict[str, Given], list[str]]:
    """{file name relative to the manifest's folder: Given} and the problems found, as
    "line 7: reason". A malformed line is reported and skipped; an unreadable manifest
    gives one problem and no entries."""
    try:
        data = path.read_bytes()
    except OSError as e:
        return {}, [f"cannot read the manifest: {e.strerror or e}"]
    if not data.strip():
        return {}, []
    try:
        text = decode(str(path), data, None)
    except InputError as e:
        return {}, [f"manifest cannot be read: {e.reason}"]
    out: dict[str, Given] = {}
    first_line: dict[str, int] = {}
    problems: list[str] = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        except RecursionError:
            problems.append(f"line {n}: JSON nested too deeply")
            continue
        if not isinstance(record, dict):
            problems.append(f"line {n}: not a JSON object")
            continue
        name = record.get("file")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"line {n}: no 'file' key naming the document")
            continue
        name = normalise_name(name)
        given, field_problems = given_from(record)
        if any(p.field == "published" for p in field_problems):
            problems += [f"line {n}: {p.reason}" for p in field_problems if p.field == "published"]
            continue
        problems += [f"line {n}: {p.reason} (ignored)" for p in field_problems]
        if name in out:
            problems.append(f"line {n}: a second entry for {name!r} (first on line "
                            f"{first_line[name]}); this one is ignored")
            continue
        out[name] = given
        first_line[name] = n
    return out, problems


def normalise_name(name: str) -> str:
    """A file name as the manifest's folder sees it: forward slashes, no leading './'."""
    name = name.strip().replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name
