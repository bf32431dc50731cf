"""Reads and writes of dyad's records in the store: sources and the documents read from
them, what the stages found, runs and errors. Every write is one transaction (or, inside the
caller's transaction for a batch of documents, one savepoint), so a run that is killed
leaves each document either wholly at its previous stage or wholly at the next. Schema and
connection handling live in `database.py`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from dyad.records import (DaySpan, Document, DroppedLine, Event, Given, Mention, PersonRef,
                          Post, Quote, ReusePair)
from dyad.store.database import Database

# ---------------------------------------------------------------- runs and errors


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def begin_run(db: Database, inputs: list[str]) -> int:
    """Log a run's start; runs left 'running' by a killed process are marked 'interrupted'."""
    with db.transaction() as c:
        c.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        cur = c.execute("INSERT INTO runs (started, inputs) VALUES (?, ?)",
                        (_now(), json.dumps(inputs, ensure_ascii=False)))
        return int(cur.lastrowid or 0)


def finish_run(db: Database, run_id: int, n_new: int, n_unchanged: int, n_errors: int) -> None:
    with db.transaction() as c:
        c.execute("UPDATE runs SET finished = ?, status = 'done', n_new = ?, n_unchanged = ?, "
                  "n_errors = ? WHERE id = ?", (_now(), n_new, n_unchanged, n_errors, run_id))


def record_error(db: Database, run_id: int, path: str, reason: str) -> None:
    with db.transaction() as c:
        c.execute("INSERT INTO errors (run_id, path, reason) VALUES (?, ?, ?)",
                  (run_id, path, reason))


# ---------------------------------------------------------------- sources


def source_fingerprints(db: Database) -> dict[str, str]:
    """{path: fingerprint} of every source read successfully."""
    return {r["path"]: r["fingerprint"] for r in
            db.query("SELECT path, fingerprint FROM sources WHERE status = 'ok'")}


def replace_source(db: Database, *, path: str, root: str, fingerprint: str, size: int,
                   fmt: str | None, documents: list[Document],
                   line_hashes: list[set[int]]) -> None:
    """Store a source and the documents read from it, replacing what an earlier version of
    the same file gave. One transaction."""
    with db.transaction() as c:
        old = [r["file"] for r in c.execute(
            "SELECT file FROM documents WHERE source_path = ?", (path,))]
        for f in old:
            c.execute("DELETE FROM reuse WHERE a = ? OR b = ?", (f, f))
        c.execute("DELETE FROM documents WHERE source_path = ?", (path,))
        c.execute("INSERT INTO sources (path, root, fingerprint, size, fmt, status, read_at) "
                  "VALUES (?, ?, ?, ?, ?, 'ok', ?) ON CONFLICT(path) DO UPDATE SET "
                  "root = excluded.root, fingerprint = excluded.fingerprint, "
                  "size = excluded.size, fmt = excluded.fmt, status = 'ok', error = NULL, "
                  "read_at = excluded.read_at",
                  (path, root, fingerprint, size, fmt, _now()))
        for doc, hashes in zip(documents, line_hashes, strict=True):
            group = doc.group
            cur = c.execute(
                "INSERT INTO documents (file, source_path, fmt, url, title, author, given, "
                "extra, group_key, raw_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.file, path, doc.fmt, doc.given.url, doc.given.title, doc.given.author,
                 json.dumps(dataclasses.asdict(doc.given), ensure_ascii=False),
                 json.dumps(doc.extra, ensure_ascii=False), group, doc.raw_text))
            doc_id = cur.lastrowid
            c.executemany(
                "INSERT INTO posts (doc_id, idx, raw_text, date, forwarded_from, message_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(doc_id, p.index, p.raw_text, p.date, p.forwarded_from, p.message_id)
                 for p in doc.posts])
            c.executemany("INSERT INTO doc_lines (doc_id, group_key, line_hash) VALUES (?, ?, ?)",
                          [(doc_id, group, h) for h in sorted(hashes)])


def existing_files(db: Database) -> dict[str, str]:
    """{document file: source path} of every stored document."""
    return {r["file"]: r["source_path"] for r in db.query("SELECT file, source_path FROM documents")}


# ---------------------------------------------------------------- corpus statistics


class LineStats:
    """How many documents of a group contain a line (by its hash), read from the store.
    Counts are cached for the life of the object, which is one processing pass."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._sizes: dict[str, int] = {}

    def group_size(self, group: str) -> int:
        if group not in self._sizes:
            row = self._db.query("SELECT count(DISTINCT doc_id) FROM doc_lines WHERE group_key = ?",
                                 (group,))
            self._sizes[group] = int(row[0][0])
        return self._sizes[group]

    def counts(self, group: str, hashes: Iterable[int]) -> dict[int, int]:
        """{hash: number of documents of the group that contain it} for the given hashes."""
        hs = sorted(set(hashes))
        out: dict[int, int] = {}
        for i in range(0, len(hs), 500):
            chunk = hs[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._db.query(
                    f"SELECT line_hash, count(*) FROM doc_lines WHERE group_key = ? "
                    f"AND line_hash IN ({marks}) GROUP BY line_hash", (group, *chunk)):
                out[int(r[0])] = int(r[1])
        return out


# ---------------------------------------------------------------- documents through the stages


def _given(raw: str) -> Given:
    data = json.loads(raw or "{}")
    names = {f.name for f in dataclasses.fields(Given)}
    return Given(**{k: v for k, v in data.items() if k in names})


def _span(first: str | None, last: str | None) -> DaySpan | None:
    if not first:
        return None
    return DaySpan(dt.date.fromisoformat(first), dt.date.fromisoformat(last or first))


def _document(db: Database, row: Any, full: bool) -> Document:
    doc = Document(file=row["file"], source_path=row["source_path"], fmt=row["fmt"],
                   raw_text=row["raw_text"], given=_given(row["given"]),
                   extra=json.loads(row["extra"] or "{}"), group=row["group_key"])
    doc_id = row["id"]
    for p in db.query("SELECT * FROM posts WHERE doc_id = ? ORDER BY idx", (doc_id,)):
        doc.posts.append(Post(index=p["idx"], raw_text=p["raw_text"], text=p["text"] or "",
                              date=p["date"], forwarded_from=p["forwarded_from"],
                              message_id=p["message_id"], language=p["language"],
                              duplicate_of=p["duplicate_of"]))
    if not full:
        return doc
    doc.text = row["text"] or ""
    doc.language, doc.published, doc.kind = row["language"], row["published"], row["kind"]
    doc.outlet, doc.duplicate_of = row["outlet"], row["duplicate_of"]
    doc.cited_sources = json.loads(row["cited_sources"] or "[]")
    doc.dropped = [DroppedLine(line_no=r["line_no"], text=r["text"], rule=r["rule"], post=r["post"])
                   for r in db.query("SELECT * FROM dropped_lines WHERE doc_id = ? "
                                     "ORDER BY post, line_no", (doc_id,))]
    doc.mentions = [Mention(start=r["start"], end=r["end"], text=r["text"], code=r["code"],
                            person=r["person"], method=r["method"], post=r["post"])
                    for r in db.query("SELECT * FROM mentions WHERE doc_id = ? ORDER BY start",
                                      (doc_id,))]
    for r in db.query("SELECT * FROM events WHERE doc_id = ? ORDER BY idx", (doc_id,)):
        doc.events.append(Event(
            type=r["type"], source=r["source"], target=r["target"], evidence=r["evidence"],
            people=[PersonRef(**p) for p in json.loads(r["people"])],
            date=_span(r["date_first"], r["date_last"]), place=r["place"],
            evidence_start=r["evidence_start"], post=r["post"], planned=bool(r["planned"]),
            negated=bool(r["negated"]), cluster=r["cluster"]))
    for r in db.query("SELECT * FROM quotes WHERE doc_id = ? ORDER BY idx", (doc_id,)):
        speaker = (PersonRef(r["speaker_name"], r["speaker_acts_for"])
                   if r["speaker_name"] or r["speaker_acts_for"] else None)
        doc.quotes.append(Quote(text=r["text"], speaker=speaker, via=r["via"],
                                date=_span(r["date_first"], r["date_last"]), start=r["start"],
                                post=r["post"], cluster=r["cluster"]))
    return doc


def documents_at(db: Database, stage: str) -> Iterator[tuple[int, Document]]:
    """(id, document as read) for every document waiting at `stage`, in file order."""
    ids = [r["id"] for r in
           db.query("SELECT id FROM documents WHERE stage = ? ORDER BY file", (stage,))]
    for doc_id in ids:
        row = db.query("SELECT * FROM documents WHERE id = ?", (doc_id,))[0]
        yield doc_id, _document(db, row, full=False)


def count_at(db: Database, stage: str) -> int:
    return int(db.query("SELECT count(*) FROM documents WHERE stage = ?", (stage,))[0][0])


def save_processed(db: Database, doc_id: int, doc: Document, minhash: bytes | None,
                   buckets: list[tuple[int, int]]) -> None:
    """Store everything the per-document stages found and move the document on. One
    transaction (a savepoint inside a batch's); running it twice for the same document
    leaves the same rows."""
    with db.transaction() as c:
        c.execute(
            "UPDATE documents SET stage = 'processed', text = ?, language = ?, published = ?, "
            "kind = ?, outlet = ?, cited_sources = ?, minhash = ?, duplicate_of = NULL "
            "WHERE id = ?",
            (doc.text, doc.language, doc.published, doc.kind, doc.outlet,
             json.dumps(doc.cited_sources, ensure_ascii=False), minhash, doc_id))
        c.executemany("UPDATE posts SET text = ?, language = ?, duplicate_of = ? "
                      "WHERE doc_id = ? AND idx = ?",
                      [(p.text, p.language, p.duplicate_of, doc_id, p.index) for p in doc.posts])
        for table in ("dropped_lines", "mentions", "events", "quotes", "lsh_buckets"):
            c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        c.executemany("INSERT INTO dropped_lines (doc_id, post, line_no, rule, text) "
                      "VALUES (?, ?, ?, ?, ?)",
                      [(doc_id, d.post, d.line_no, d.rule, d.text) for d in doc.dropped])
        c.executemany("INSERT INTO mentions (doc_id, post, start, end, text, code, person, method) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      [(doc_id, m.post, m.start, m.end, m.text, m.code, m.person, m.method)
                       for m in doc.mentions])
        c.executemany(
            "INSERT INTO events (doc_id, idx, type, source, target, people, date_first, "
            "date_last, place, evidence, evidence_start, post, planned, negated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, i, e.type, e.source, e.target,
              json.dumps([dataclasses.asdict(p) for p in e.people], ensure_ascii=False),
              e.date.first.isoformat() if e.date else None,
              e.date.last.isoformat() if e.date else None, e.place, e.evidence,
              e.evidence_start, e.post, int(e.planned), int(e.negated))
             for i, e in enumerate(doc.events)])
        c.executemany(
            "INSERT INTO quotes (doc_id, idx, speaker_name, speaker_acts_for, text, via, "
            "date_first, date_last, start, post) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, i, q.speaker.name if q.speaker else None,
              q.speaker.acts_for if q.speaker else None, q.text, q.via,
              q.date.first.isoformat() if q.date else None,
              q.date.last.isoformat() if q.date else None, q.start, q.post)
             for i, q in enumerate(doc.quotes)])
        c.executemany("INSERT INTO lsh_buckets (doc_id, band, bucket) VALUES (?, ?, ?)",
                      [(doc_id, band, bucket) for band, bucket in buckets])


# ---------------------------------------------------------------- corpus-level linking


def lsh_originals(db: Database, doc_id: int) -> list[tuple[str, bytes]]:
    """(file, minhash) of the linked, non-duplicate documents that share an LSH bucket with
    `doc_id`: the documents it may be a near-duplicate of."""
    return [(r["file"], r["minhash"]) for r in db.query(
        "SELECT DISTINCT d.file, d.minhash FROM lsh_buckets a "
        "JOIN lsh_buckets b ON a.band = b.band AND a.bucket = b.bucket AND b.doc_id != a.doc_id "
        "JOIN documents d ON d.id = b.doc_id "
        "WHERE a.doc_id = ? AND d.stage = 'linked' AND d.duplicate_of IS NULL "
        "AND d.minhash IS NOT NULL ORDER BY d.file", (doc_id,))]


LINK_CHUNK = 500          # signatures read at a time by processed_for_linking


def processed_for_linking(db: Database) -> Iterator[tuple[int, str, bytes | None]]:
    """(id, file, minhash) of every document waiting at 'processed', in file order. Which
    documents is decided when iteration starts; their signatures are read LINK_CHUNK at a
    time, so they are never all in memory."""
    todo = [(r["id"], r["file"]) for r in db.query(
        "SELECT id, file FROM documents WHERE stage = 'processed' ORDER BY file")]
    for i in range(0, len(todo), LINK_CHUNK):
        chunk = todo[i:i + LINK_CHUNK]
        sigs = _minhashes(db, [doc_id for doc_id, _file in chunk])
        for doc_id, file in chunk:
            yield doc_id, file, sigs.get(doc_id)


def _minhashes(db: Database, ids: Sequence[int]) -> dict[int, bytes | None]:
    marks = ",".join("?" * len(ids))
    return {r["id"]: r["minhash"] for r in db.query(
        f"SELECT id, minhash FROM documents WHERE id IN ({marks})", tuple(ids))}


def save_linked(db: Database, doc_id: int, duplicate_of: str | None) -> None:
    """Move a document on to 'linked'. One statement, so atomic on its own: its own
    transaction, or part of the caller's (a batch) without a savepoint."""
    db.conn.execute("UPDATE documents SET duplicate_of = ?, stage = 'linked' WHERE id = ?",
                    (duplicate_of, doc_id))


def save_reuse(db: Database, pairs: list[ReusePair]) -> None:
    with db.transaction() as c:
        c.executemany("INSERT OR REPLACE INTO reuse (a, b, a_text, b_text, score) "
                      "VALUES (?, ?, ?, ?, ?)",
                      [(p.a, p.b, p.a_text, p.b_text, p.score) for p in pairs])


# ---------------------------------------------------------------- reading everything back


def all_documents(db: Database) -> Iterator[Document]:
    """Every stored document with all that was found in it, in file order."""
    for (doc_id,) in [tuple(r) for r in db.query("SELECT id FROM documents ORDER BY file")]:
        row = db.query("SELECT * FROM documents WHERE id = ?", (doc_id,))[0]
        yield _document(db, row, full=True)


def all_reuse(db: Database) -> list[ReusePair]:
    return [ReusePair(r["a"], r["b"], r["a_text"], r["b_text"], r["score"])
            for r in db.query("SELECT * FROM reuse ORDER BY a, b")]


def counts(db: Database) -> dict[str, int]:
    """Totals for a run summary."""
    q = {
        "documents": "SELECT count(*) FROM documents",
        "posts": "SELECT count(*) FROM posts WHERE duplicate_of IS NULL AND coalesce(text, '') != ''",
        "events": "SELECT count(*) FROM events WHERE planned = 0 AND negated = 0",
        "quotes": "SELECT count(*) FROM quotes",
        "duplicates": "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL",
    }
    return {k: int(db.query(sql)[0][0]) for k, sql in q.items()}
