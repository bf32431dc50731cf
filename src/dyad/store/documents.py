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
from dyad.store.database import Database, Reader

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
                   fmt: str | None, documents: Iterable[Document],
                   line_hashes: Iterable[set[int]]) -> None:
    """Store a source and the documents read from it, replacing what an earlier version of
    the same file gave. One transaction: an exception from `documents` (a file read as it
    is stored) rolls it all back."""
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

    def __init__(self, db: Database | Reader) -> None:
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


# ================================================================ links across documents
# (dyad.links: reuse, quote and event clusters, propagation). Tables of migration 0002.

LINK_IN_CHUNK = 500       # values per IN (...) list


@dataclasses.dataclass
class LinkEvent:
    id: int
    event: Event


@dataclasses.dataclass
class LinkQuote:
    id: int
    quote: Quote
    language: str | None
    actors: frozenset[str] = frozenset()     # codes of the actors its words name


@dataclasses.dataclass
class LinkDoc:
    """A processed document as linking sees it: its texts, reported events and quotes with
    their store ids."""

    id: int
    file: str
    language: str | None
    published: str | None
    outlet: str | None
    cited_sources: list[str]
    texts: list[str]                 # the body (when not a channel) and each kept post
    events: list[LinkEvent]
    quotes: list[LinkQuote]


def link_document(db: Database, doc_id: int) -> LinkDoc:
    """One document, read for linking (its body, kept posts, reported events, quotes)."""
    r = db.query("SELECT file, language, published, outlet, cited_sources, kind, text "
                 "FROM documents WHERE id = ?", (doc_id,))[0]
    posts = db.query("SELECT idx, text, language FROM posts WHERE doc_id = ? AND duplicate_of "
                     "IS NULL AND coalesce(text, '') != '' ORDER BY idx", (doc_id,))
    post_lang = {p["idx"]: p["language"] for p in posts}
    texts = [p["text"] for p in posts]
    if (r["text"] or "").strip() and not posts:
        texts.insert(0, r["text"])
    events = [LinkEvent(e["id"], Event(
        type=e["type"], source=e["source"], target=e["target"], evidence=e["evidence"],
        people=[PersonRef(**p) for p in json.loads(e["people"])],
        date=_span(e["date_first"], e["date_last"]), place=e["place"], post=e["post"]))
        for e in db.query("SELECT * FROM events WHERE doc_id = ? AND planned = 0 AND "
                          "negated = 0 ORDER BY idx", (doc_id,))]
    quotes = []
    for q in db.query(f"SELECT q.*, {_QUOTE_ACTORS} AS actors FROM quotes q WHERE doc_id = ? "
                      "ORDER BY idx", (doc_id,)):
        speaker = (PersonRef(q["speaker_name"], q["speaker_acts_for"])
                   if q["speaker_name"] or q["speaker_acts_for"] else None)
        quote = Quote(text=q["text"], speaker=speaker, via=q["via"],
                      date=_span(q["date_first"], q["date_last"]), post=q["post"])
        quotes.append(LinkQuote(q["id"], quote, post_lang.get(q["post"]) or r["language"],
                                actor_set(q["actors"])))
    return LinkDoc(doc_id, r["file"], r["language"], r["published"], r["outlet"],
                   json.loads(r["cited_sources"] or "[]"), texts, events, quotes)


def clear_links(db: Database, doc_id: int, file: str) -> None:
    """Forget what an earlier linking of the document stored (it is linked again)."""
    c = db.conn
    for table in ("reuse_prints", "event_keys", "quote_keys"):
        c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    c.execute("DELETE FROM reuse WHERE a = ? OR b = ?", (file, file))


def save_link_doc(db: Database, doc: LinkDoc, day: int | None) -> None:
    db.conn.execute("INSERT OR REPLACE INTO link_docs (doc_id, file, language, day, outlet, "
                    "cited) VALUES (?, ?, ?, ?, ?, ?)",
                    (doc.id, doc.file, doc.language, day, doc.outlet,
                     json.dumps(doc.cited_sources, ensure_ascii=False)))


def print_counts(db: Database, hashes: Iterable[int]) -> dict[int, int]:
    """{fingerprint: how many linked documents hold it} for those of `hashes` held at all."""
    return {r[0]: r[1] for r in db.query(
        "SELECT hash, count(*) FROM reuse_prints WHERE hash IN (SELECT value FROM json_each(?)) "
        "GROUP BY hash", (json.dumps(sorted(set(hashes))),))}


def print_sharers(db: Database, hashes: Iterable[int], at_least: int, limit: int,
                  not_doc: int) -> list[int]:
    """The linked documents (not `not_doc`) holding at least `at_least` of `hashes`: the
    `limit` holding most, then by id."""
    return [r[0] for r in db.query(
        "SELECT doc_id, count(*) AS n FROM reuse_prints WHERE hash IN (SELECT value FROM "
        "json_each(?)) AND doc_id != ? GROUP BY doc_id HAVING n >= ? ORDER BY n DESC, doc_id "
        "LIMIT ?", (json.dumps(sorted(set(hashes))), not_doc, at_least, limit))]


def add_prints(db: Database, doc_id: int, hashes: Iterable[int]) -> None:
    db.conn.executemany("INSERT OR IGNORE INTO reuse_prints (hash, doc_id) VALUES (?, ?)",
                        [(h, doc_id) for h in sorted(set(hashes))])


def link_docs(db: Database, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """{id: {file, language, day, outlet, cited}} of linked documents."""
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), LINK_IN_CHUNK):
        chunk = list(ids[i:i + LINK_IN_CHUNK])
        marks = ",".join("?" * len(chunk))
        for r in db.query(f"SELECT * FROM link_docs WHERE doc_id IN ({marks})", tuple(chunk)):
            out[r["doc_id"]] = {"file": r["file"], "language": r["language"], "day": r["day"],
                                "outlet": r["outlet"], "cited": json.loads(r["cited"])}
    return out


def link_texts(db: Database, doc_id: int) -> list[str]:
    """The body (when not a channel) and kept posts of a document, as linking compares them
    (the same as `link_document(...).texts`, without reading its events and quotes)."""
    texts = [r[0] for r in db.query(
        "SELECT text FROM posts WHERE doc_id = ? AND duplicate_of IS NULL "
        "AND coalesce(text, '') != '' ORDER BY idx", (doc_id,))]
    if not texts:
        row = db.query("SELECT text FROM documents WHERE id = ?", (doc_id,))
        if row and (row[0][0] or "").strip():
            texts.append(row[0][0])
    return texts


def save_reuse_pair(db: Database, pair: ReusePair) -> None:
    db.conn.execute("INSERT OR REPLACE INTO reuse (a, b, a_text, b_text, score) "
                    "VALUES (?, ?, ?, ?, ?)", (pair.a, pair.b, pair.a_text, pair.b_text, pair.score))


def event_key_rows(db: Database, pair: str, etype: str, lo: int, hi: int,
                   not_before: int) -> list[Any]:
    """Key rows of linked events of one pair and type group whose first day lies in [lo, hi]
    and last day is not before `not_before`."""
    return db.query("SELECT * FROM event_keys WHERE pair = ? AND type = ? AND day_first "
                    "BETWEEN ? AND ? AND day_last >= ?", (pair, etype, lo, hi, not_before))


def event_clusters_rows(db: Database, clusters: Iterable[str]) -> dict[str, list[Any]]:
    """{cluster: its event key rows, in id order} for several clusters at once."""
    out: dict[str, list[Any]] = {}
    for r in db.query("SELECT * FROM event_keys WHERE cluster IN (SELECT value FROM "
                      "json_each(?)) ORDER BY event_id", (json.dumps(sorted(set(clusters))),)):
        out.setdefault(r["cluster"], []).append(r)
    return out


def save_event_key(db: Database, *, event_id: int, doc_id: int, pair: str, etype: str,
                   first: int | None, last: int | None, dated: bool, place: str | None,
                   people: list[str], cluster: str | None) -> None:
    db.conn.execute("INSERT OR REPLACE INTO event_keys (event_id, doc_id, pair, type, day_first, "
                    "day_last, dated, place, people, cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (event_id, doc_id, pair, etype, first, last, int(dated), place,
                     json.dumps(sorted(people), ensure_ascii=False), cluster))


def set_cluster(db: Database, kind: str, item_ids: Iterable[int], cluster: str) -> None:
    """Put events or quotes (kind 'event' | 'quote') and their keys into a cluster, and mark
    the cluster's propagation for recomputing."""
    table, keys, col = (("events", "event_keys", "event_id") if kind == "event"
                        else ("quotes", "quote_keys", "quote_id"))
    ids = [(cluster, i) for i in item_ids]
    # clusters these items leave (merged into this one) are recomputed too: emptied, they go
    old = {r[0] for _c, i in ids for r in db.conn.execute(
        f"SELECT cluster FROM {table} WHERE id = ? AND cluster IS NOT NULL AND cluster != ?",
        (i, cluster))}
    for o in old:
        db.conn.execute("INSERT INTO propagation (cluster, kind, dirty) VALUES (?, ?, 1) "
                        "ON CONFLICT(cluster) DO UPDATE SET dirty = 1", (o, kind))
    db.conn.executemany(f"UPDATE {table} SET cluster = ? WHERE id = ?", ids)
    db.conn.executemany(f"UPDATE {keys} SET cluster = ? WHERE {col} = ?", ids)
    db.conn.execute("INSERT INTO propagation (cluster, kind, dirty) VALUES (?, ?, 1) "
                    "ON CONFLICT(cluster) DO UPDATE SET dirty = 1", (cluster, kind))


def last_cluster_number(db: Database, kind: str) -> int:
    row = db.query("SELECT max(CAST(substr(id, 4) AS INTEGER)) FROM clusters WHERE kind = ?",
                   (kind,))
    return int(row[0][0] or 0)


def add_cluster(db: Database, cluster: str, kind: str) -> None:
    db.conn.execute("INSERT INTO clusters (id, kind) VALUES (?, ?)", (cluster, kind))


_QUOTE_KEY_ROWS = "SELECT * FROM quote_keys WHERE speaker = ? AND doc_id != ?"


def quote_key_rows(db: Database, speaker: str, day: int | None, window: int, limit: int,
                   not_doc: int) -> list[Any]:
    """Key rows of linked quotes by one speaker key, not of document `not_doc`: the `limit`
    whose days lie closest to `day` within `window` days (then those without a day), nearest
    first, ties by quote id. With no `day`, the first `limit` by day. Each part is a range of
    the (speaker, day) index, so the cost does not grow with the speaker's other quotes."""
    if day is None:
        return db.query(_QUOTE_KEY_ROWS + " ORDER BY day, quote_id LIMIT ?",
                        (speaker, not_doc, limit))
    after = db.query(_QUOTE_KEY_ROWS + " AND day BETWEEN ? AND ? ORDER BY day, quote_id "
                     "LIMIT ?", (speaker, not_doc, day, day + window, limit))
    before = db.query(_QUOTE_KEY_ROWS + " AND day BETWEEN ? AND ? ORDER BY day DESC, "
                      "quote_id LIMIT ?", (speaker, not_doc, day - window, day - 1, limit))
    rows = sorted([*after, *before], key=lambda r: (abs(r["day"] - day), r["quote_id"]))
    if len(rows) < limit:
        rows += db.query(_QUOTE_KEY_ROWS + " AND day IS NULL ORDER BY quote_id LIMIT ?",
                         (speaker, not_doc, limit - len(rows)))
    return rows[:limit]


def quote_cluster_members(db: Database, clusters: Iterable[str]) -> dict[str, list[int]]:
    """{cluster: the ids of its quotes, in order} for several clusters (from the index)."""
    out: dict[str, list[int]] = {}
    for r in db.query("SELECT cluster, quote_id FROM quote_keys WHERE cluster IN (SELECT value "
                      "FROM json_each(?)) ORDER BY cluster, quote_id",
                      (json.dumps(sorted(set(clusters))),)):
        out.setdefault(r[0], []).append(r[1])
    return out


# the actor codes (comma-separated) of the mentions inside a quote's words (quotes q)
_QUOTE_ACTORS = ("(SELECT group_concat(DISTINCT m.code) FROM mentions m WHERE m.doc_id = q.doc_id "
                 "AND m.start >= q.start AND m.end <= q.start + length(q.text) "
                 "AND coalesce(m.code, '') != '')")


def actor_set(stored: str | None) -> frozenset[str]:
    """The `actors` column of a quote row (see _QUOTE_ACTORS) as a set."""
    return frozenset(stored.split(",")) if stored else frozenset()


def quote_keys_by_id(db: Database, ids: Iterable[int]) -> list[Any]:
    """Key rows, with each quote's text and the actors its words name (`actors`), of linked
    quotes by id."""
    return db.query(f"SELECT k.*, q.text, {_QUOTE_ACTORS} AS actors FROM quote_keys k "
                    "JOIN quotes q ON q.id = k.quote_id "
                    "WHERE k.quote_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(sorted(set(ids))),))


def save_quote_key(db: Database, *, quote_id: int, doc_id: int, speaker: str, day: int | None,
                   dated: bool, language: str | None, cluster: str | None) -> None:
    db.conn.execute("INSERT OR REPLACE INTO quote_keys (quote_id, doc_id, speaker, day, dated, "
                    "language, cluster) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (quote_id, doc_id, speaker, day, int(dated), language, cluster))


def load_vectors(db: Database, keys: Sequence[str]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    uniq = sorted(set(keys))
    for i in range(0, len(uniq), LINK_IN_CHUNK):
        chunk = uniq[i:i + LINK_IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        for r in db.query(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", tuple(chunk)):
            out[r[0]] = r[1]
    return out


def save_vectors(db: Database, vectors: dict[str, bytes]) -> None:
    db.conn.executemany("INSERT OR IGNORE INTO vectors (key, vec) VALUES (?, ?)",
                        sorted(vectors.items()))


def stale_clusters(db: Database) -> list[tuple[str, str]]:
    """(cluster, kind) whose propagation is marked for recomputing or whose membership
    changed since (documents replaced or removed)."""
    return [(r[0], r[1]) for r in db.query(
        "SELECT p.cluster, p.kind FROM propagation p WHERE p.dirty = 1 OR p.size != "
        "(CASE p.kind WHEN 'event' THEN (SELECT count(*) FROM events e WHERE e.cluster = p.cluster) "
        "ELSE (SELECT count(*) FROM quotes q WHERE q.cluster = p.cluster) END) "
        "ORDER BY p.cluster")]


def cluster_members(db: Database, cluster: str, kind: str) -> list[dict[str, Any]]:
    """The members of a cluster with what propagation shows of them: file, item index (in the
    store), publication day number, outlet, language, via (the quote's, else the outlets the
    document credits), and a label (speaker, or type and pair)."""
    if kind == "event":
        rows = db.query("SELECT (SELECT count(*) FROM events x WHERE x.doc_id = e.doc_id AND "
                        "x.planned = 0 AND x.negated = 0 AND x.idx < e.idx) AS idx, e.type, "
                        "e.source, e.target, e.date_first, l.* FROM events e "
                        "JOIN link_docs l ON l.doc_id = e.doc_id WHERE e.cluster = ?", (cluster,))
        return [{"file": r["file"], "item": r["idx"], "day": r["day"], "outlet": r["outlet"],
                 "language": r["language"], "via": json.loads(r["cited"]),
                 "date": r["date_first"], "label": f"{r['type']} {r['source']} {r['target']}"}
                for r in rows]
    rows = db.query("SELECT q.idx, q.via, q.speaker_name, q.speaker_acts_for, q.date_first, l.* "
                    "FROM quotes q JOIN link_docs l ON l.doc_id = q.doc_id WHERE q.cluster = ?",
                    (cluster,))
    return [{"file": r["file"], "item": r["idx"], "day": r["day"], "outlet": r["outlet"],
             "language": r["language"], "via": [r["via"]] if r["via"] else json.loads(r["cited"]),
             "date": r["date_first"],
             "label": " ".join(x for x in (r["speaker_name"], f"[{r['speaker_acts_for']}]"
                                           if r["speaker_acts_for"] else None) if x)}
            for r in rows]


def save_propagation(db: Database, cluster: str, kind: str, label: str | None,
                     first_day: str | None, path: list[dict[str, Any]]) -> None:
    db.conn.execute("INSERT INTO propagation (cluster, kind, size, label, first_day, path, dirty) "
                    "VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT(cluster) DO UPDATE SET "
                    "size = excluded.size, label = excluded.label, first_day = excluded.first_day, "
                    "path = excluded.path, dirty = 0",
                    (cluster, kind, len(path), label, first_day,
                     json.dumps(path, ensure_ascii=False)))


def dissolve_cluster(db: Database, cluster: str) -> None:
    """Take a cluster with fewer than two documents left apart: its items lose it."""
    c = db.conn
    for table in ("events", "quotes", "event_keys", "quote_keys"):
        c.execute(f"UPDATE {table} SET cluster = NULL WHERE cluster = ?", (cluster,))
    c.execute("DELETE FROM propagation WHERE cluster = ?", (cluster,))
    c.execute("DELETE FROM clusters WHERE id = ?", (cluster,))


def propagation_rows(db: Database, kind: str | None = None) -> list[Any]:
    """Every cluster's stored propagation (kind 'event' | 'quote' | None for both), in id order."""
    if kind:
        return db.query("SELECT * FROM propagation WHERE kind = ? ORDER BY cluster", (kind,))
    return db.query("SELECT * FROM propagation ORDER BY cluster")
