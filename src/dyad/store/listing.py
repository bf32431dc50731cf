"""Read-only listings of the store's events and quotes with filters (actor, type, date range,
language, speaker, text), for `dyad events` and `dyad quotes`. Every filter is a bound SQL
parameter. This module reads; it never writes, and it does not format for a terminal beyond
one line per row (`EventRow.line`, `QuoteRow.line`)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import StoreError
from dyad.store.database import Database


@dataclass(frozen=True)
class EventFilter:
    """Which events to list: all given conditions hold (None: no condition)."""

    actor: str | None = None          # source or target code, or acts_for of a person
    type: str | None = None           # PLOVER type
    since: dt.date | None = None      # the event's date overlaps [since, until]
    until: dt.date | None = None
    language: str | None = None       # the document's language
    include_flagged: bool = False     # also planned and negated events
    limit: int | None = None


@dataclass(frozen=True)
class EventRow:
    file: str
    language: str | None
    type: str
    source: str
    target: str
    date_first: str | None
    date_last: str | None
    place: str | None
    people: tuple[str, ...]
    evidence: str
    planned: bool
    negated: bool
    cluster: str | None

    def line(self) -> str:
        date = self.date_first or "-"
        if self.date_last and self.date_last != self.date_first:
            date = f"{self.date_first}..{self.date_last}"
        flags = "".join(f" [{f}]" for f, on in (("planned", self.planned),
                                                ("negated", self.negated)) if on)
        who = f" ({', '.join(self.people)})" if self.people else ""
        where = f" @ {self.place}" if self.place else ""
        return (f"{date:<22} {self.type:<9} {self.source}->{self.target}{who}{where}{flags}  "
                f"[{self.file}, {self.language or '?'}]\n    {self.evidence}")


@dataclass(frozen=True)
class QuoteFilter:
    """Which quotes to list: all given conditions hold (None: no condition)."""

    speaker: str | None = None        # part of the speaker's name, any case
    actor: str | None = None          # the speaker's acts_for code
    language: str | None = None
    text: str | None = None           # words the quote contains, any case
    limit: int | None = None


@dataclass(frozen=True)
class QuoteRow:
    file: str
    language: str | None
    speaker: str | None
    acts_for: str | None
    via: str | None
    date_first: str | None
    text: str
    cluster: str | None

    def line(self) -> str:
        who = self.speaker or "(unknown speaker)"
        if self.acts_for:
            who += f" [{self.acts_for}]"
        via = f" via {self.via}" if self.via else ""
        return f"{self.date_first or '-':<11} {who}{via}  [{self.file}, {self.language or '?'}]\n" \
               f"    “{self.text}”"


def _open(db_path: Path) -> Database:
    if not Path(db_path).is_file():
        raise StoreError(f"{db_path}: no such database (run `dyad run CORPUS --db {db_path}` first)")
    return Database(db_path)


def events(db_path: Path, f: EventFilter) -> list[EventRow]:
    """The events of the store that pass `f`, by date then document."""
    where, params = ["1 = 1"], {}
    if not f.include_flagged:
        where.append("e.planned = 0 AND e.negated = 0")
    if f.actor:
        where.append("(e.source = :actor OR e.target = :actor)")
        params["actor"] = f.actor.upper()
    if f.type:
        where.append("e.type = :type")
        params["type"] = f.type.upper()
    if f.language:
        where.append("d.language = :language")
        params["language"] = f.language.lower()
    if f.since:
        where.append("COALESCE(e.date_last, e.date_first) >= :since")
        params["since"] = f.since.isoformat()
    if f.until:
        where.append("e.date_first <= :until")
        params["until"] = f.until.isoformat()
    sql = ("SELECT d.file, d.language, e.* FROM events e JOIN documents d ON d.id = e.doc_id "
           f"WHERE {' AND '.join(where)} "
           "ORDER BY e.date_first IS NULL, e.date_first, d.file, e.idx")
    if f.limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = f.limit
    with _open(db_path) as db:
        rows = db.query(sql, params)
    return [EventRow(file=r["file"], language=r["language"], type=r["type"], source=r["source"],
                     target=r["target"], date_first=r["date_first"], date_last=r["date_last"],
                     place=r["place"],
                     people=tuple(p.get("name", "") for p in json.loads(r["people"] or "[]")),
                     evidence=r["evidence"], planned=bool(r["planned"]),
                     negated=bool(r["negated"]), cluster=r["cluster"]) for r in rows]


def quotes(db_path: Path, f: QuoteFilter) -> list[QuoteRow]:
    """The quotes of the store that pass `f`, by date then document."""
    where, params = ["1 = 1"], {}
    if f.speaker:
        where.append("q.speaker_name LIKE :speaker ESCAPE '\\'")
        params["speaker"] = "%" + _like(f.speaker) + "%"
    if f.actor:
        where.append("q.speaker_acts_for = :actor")
        params["actor"] = f.actor.upper()
    if f.language:
        where.append("d.language = :language")
        params["language"] = f.language.lower()
    if f.text:
        where.append("q.text LIKE :text ESCAPE '\\'")
        params["text"] = "%" + _like(f.text) + "%"
    sql = ("SELECT d.file, d.language, q.* FROM quotes q JOIN documents d ON d.id = q.doc_id "
           f"WHERE {' AND '.join(where)} "
           "ORDER BY q.date_first IS NULL, q.date_first, d.file, q.idx")
    if f.limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = f.limit
    with _open(db_path) as db:
        rows = db.query(sql, params)
    return [QuoteRow(file=r["file"], language=r["language"], speaker=r["speaker_name"],
                     acts_for=r["speaker_acts_for"], via=r["via"], date_first=r["date_first"],
                     text=r["text"], cluster=r["cluster"]) for r in rows]


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
