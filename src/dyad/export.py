"""Writing the store out: `dyad-output/1` JSON (the contract of shared/eval/README.md) and
CSV tables. Reads through `store.documents`; computes nothing new.

Events flagged planned or negated are kept in the store but left out of the export.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyad.errors import StoreError
from dyad.records import Document, Event, PersonRef, Quote
from dyad.store import Database
from dyad.store import documents as store

SCHEMA = "dyad-output/1"
FORMATS = ("dyad-json", "csv")


def _person(p: PersonRef | None) -> dict[str, Any] | None:
    return None if p is None else {"name": p.name, "acts_for": p.acts_for}


def reported_events(doc: Document) -> list[Event]:
    """The events the output lists: not planned, not negated."""
    return [e for e in doc.events if not e.planned and not e.negated]


def event_json(doc: Document, i: int, e: Event) -> dict[str, Any]:
    return {"id": f"{doc.file}#e{i}", "type": e.type, "source": e.source, "target": e.target,
            "people": [_person(p) for p in e.people], "date": e.date.to_json() if e.date else None,
            "place": e.place, "evidence": e.evidence, "cluster": e.cluster}


def quote_json(doc: Document, i: int, q: Quote) -> dict[str, Any]:
    return {"id": f"{doc.file}#q{i}", "speaker": _person(q.speaker), "text": q.text,
            "via": q.via, "date": q.date.to_json() if q.date else None, "cluster": q.cluster}


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "file": doc.file,
        "language": doc.language,
        "published": doc.published,
        "kind": doc.kind,
        "outlet": doc.outlet,
        "cited_sources": list(doc.cited_sources),
        "title": doc.given.title,
        "url": doc.given.url,
        "duplicate_of": doc.duplicate_of,
        "text": doc.text,
        "posts": [p.text for p in doc.kept_posts],
        "events": [event_json(doc, i, e) for i, e in enumerate(reported_events(doc))],
        "quotes": [quote_json(doc, i, q) for i, q in enumerate(doc.quotes)],
    }


def output(db: Database) -> dict[str, Any]:
    """The whole corpus as one dyad-output/1 object."""
    return {
        "schema": SCHEMA,
        "documents": [document_json(d) for d in store.all_documents(db)],
        "reuse": [{"a": r.a, "b": r.b, "a_text": r.a_text, "b_text": r.b_text}
                  for r in store.all_reuse(db)],
    }


def write_json(db: Database, out: Path) -> int:
    """Write dyad-output/1 to `out`; returns the number of documents."""
    data = output(db)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(out)
    return len(data["documents"])


DOC_COLUMNS = ["file", "language", "published", "kind", "outlet", "cited_sources", "title",
               "url", "duplicate_of", "posts", "text"]
EVENT_COLUMNS = ["id", "file", "type", "source", "target", "people", "date_first", "date_last",
                 "place", "evidence", "cluster"]
QUOTE_COLUMNS = ["id", "file", "speaker", "speaker_acts_for", "text", "via", "date_first",
                 "date_last", "cluster"]


def _rows(db: Database) -> Iterator[tuple[str, dict[str, Any]]]:
    for doc in store.all_documents(db):
        yield "documents", {
            "file": doc.file, "language": doc.language, "published": doc.published,
            "kind": doc.kind, "outlet": doc.outlet, "cited_sources": "; ".join(doc.cited_sources),
            "title": doc.given.title, "url": doc.given.url, "duplicate_of": doc.duplicate_of,
            "posts": len(doc.kept_posts), "text": doc.text}
        for i, e in enumerate(reported_events(doc)):
            yield "events", {
                "id": f"{doc.file}#e{i}", "file": doc.file, "type": e.type, "source": e.source,
                "target": e.target, "people": "; ".join(p.name for p in e.people),
                "date_first": e.date.first.isoformat() if e.date else None,
                "date_last": e.date.last.isoformat() if e.date else None,
                "place": e.place, "evidence": e.evidence, "cluster": e.cluster}
        for i, q in enumerate(doc.quotes):
            yield "quotes", {
                "id": f"{doc.file}#q{i}", "file": doc.file,
                "speaker": q.speaker.name if q.speaker else None,
                "speaker_acts_for": q.speaker.acts_for if q.speaker else None,
                "text": q.text, "via": q.via,
                "date_first": q.date.first.isoformat() if q.date else None,
                "date_last": q.date.last.isoformat() if q.date else None, "cluster": q.cluster}


def write_csv(db: Database, folder: Path) -> int:
    """Write documents.csv, events.csv and quotes.csv into `folder`; returns the number of
    documents."""
    folder.mkdir(parents=True, exist_ok=True)
    columns = {"documents": DOC_COLUMNS, "events": EVENT_COLUMNS, "quotes": QUOTE_COLUMNS}
    handles = {k: (folder / f"{k}.csv").open("w", encoding="utf-8", newline="") for k in columns}
    try:
        writers = {k: csv.DictWriter(handles[k], fieldnames=cols) for k, cols in columns.items()}
        for w in writers.values():
            w.writeheader()
        n = 0
        for table, row in _rows(db):
            writers[table].writerow(row)
            n += table == "documents"
        return n
    finally:
        for h in handles.values():
            h.close()


def export(db_path: Path, fmt: str, out: Path) -> int:
    """Export the store at `db_path` in `fmt` to `out` (a file for dyad-json, a folder for
    csv); returns the number of documents written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if not db_path.is_file():
        raise StoreError(f"{db_path}: no such database (run `dyad run CORPUS --db {db_path}` first)")
    with Database(db_path) as db:
        return write_json(db, out) if fmt == "dyad-json" else write_csv(db, out)
