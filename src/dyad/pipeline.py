"""The whole job: read a corpus, pass each document through the stages, link across the
corpus, and keep it all in the store. This module states the order; the stages hold the
knowledge.

Stage sequence, per document (each declares what it requires and what it assigns):

    read      ingest.parse                 bytes -> file, fmt, raw_text, given, posts[].raw_text
    clean     clean.clean_document         raw_text, posts -> text, posts[].text, dropped
    repeats   dedup.mark_repeated_posts    posts[].text -> posts[].duplicate_of
    language  metadata.language.detect     text, posts -> language, posts[].language
    describe  metadata.describe            raw_text, dropped, given -> published, kind,
                                           outlet, cited_sources
    mentions  actors.find_mentions         text, language, published -> mentions
    events    events.extract_events        text, mentions, posts, published -> events

then, across the corpus:

    near-duplicates                        text (MinHash LSH) -> duplicate_of

A document moves through the store's stages read -> processed -> linked, one transaction
per step, so a run that is killed and started again finishes the same work and no more.
"""

from __future__ import annotations

import sqlite3
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from dyad import dedup, ingest, metadata
from dyad.actors import find_mentions
from dyad.events import extract_events
from dyad.clean import clean_document
from dyad.clean.corpus import group_key, line_keys
from dyad.config import Config
from dyad.errors import InputError
from dyad.metadata import language
from dyad.records import Document, FileError
from dyad.stage import Context, Stage
from dyad.store import Database
from dyad.store import documents as store

STAGES: tuple[Stage, ...] = (
    Stage("clean", ("raw_text", "posts"), ("text", "posts.text", "dropped"), clean_document),
    Stage("repeats", ("posts.text",), ("posts.duplicate_of",), dedup.mark_repeated_posts),
    Stage("language", ("text", "posts.text"), ("language", "posts.language"), language.detect),
    Stage("describe", ("raw_text", "dropped", "given", "language"),
          ("published", "kind", "outlet", "cited_sources"), metadata.describe),
    Stage("mentions", ("text", "language", "published"), ("mentions",), find_mentions),
    Stage("events", ("text", "mentions", "posts", "published", "kind"), ("events",),
          extract_events),
)


def process_document(doc: Document, ctx: Context | None = None) -> Document:
    """Pass one document, as read, through every per-document stage, in order."""
    ctx = ctx or Context()
    for stage in STAGES:
        stage.run(doc, ctx)
    return doc


@dataclass
class RunSummary:
    db: Path
    new_files: int = 0
    unchanged_files: int = 0
    processed: int = 0
    errors: list[FileError] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def line(self) -> str:
        t = self.totals
        return (f"{t.get('documents', 0)} documents ({self.processed} processed now, "
                f"{self.unchanged_files} files unchanged), {t.get('posts', 0)} posts, "
                f"{t.get('events', 0)} events, {t.get('quotes', 0)} quotes, "
                f"{t.get('duplicates', 0)} near-duplicates, {len(self.errors)} errors "
                f"in {self.seconds:.1f} s -> {self.db}")


T = TypeVar("T")


def _progress(items: Iterable[T], total: int, desc: str, show: bool) -> Iterator[T]:
    yield from tqdm(items, total=total, desc=desc, unit="doc", disable=None if show else True,
                    leave=False, dynamic_ncols=True)


def run(inputs: list[Path], db_path: Path, config: Config | None = None,
        progress: bool = True) -> RunSummary:
    """Read the corpus at `inputs` (folders and files) into the store at `db_path`:
    new and changed files are read and processed, unchanged ones are left as they are,
    files that cannot be read are reported and passed over."""
    config = config or Config()
    started = time.perf_counter()
    summary = RunSummary(db=db_path)
    with Database(db_path) as db:
        run_id = store.begin_run(db, [str(p) for p in inputs])

        def fail(err: FileError) -> None:
            summary.errors.append(err)
            store.record_error(db, run_id, err.path, err.reason)

        _read(db, inputs, config, summary, fail, progress)
        _process(db, config, summary, fail, progress)
        _link(db, config, progress)
        store.finish_run(db, run_id, summary.new_files, summary.unchanged_files,
                         len(summary.errors))
        summary.totals = store.counts(db)
    summary.seconds = time.perf_counter() - started
    return summary


Fail = Callable[[FileError], None]


def _read(db: Database, inputs: list[Path], config: Config, summary: RunSummary, fail: Fail,
          progress: bool) -> None:
    found = ingest.discover(inputs)
    for problem in found.problems:
        fail(problem)
    known = store.source_fingerprints(db)
    for src in _progress(found.sources, len(found.sources), "read", progress):
        try:
            loaded = ingest.load(src, config)
            if known.get(src.path) == loaded.fingerprint:
                summary.unchanged_files += 1
                continue
            parsed = ingest.parse(src, loaded.data, config)
        except InputError as e:
            fail(FileError(e.path, e.reason))
            continue
        for problem in parsed.problems:
            fail(problem)
        if not parsed.documents:
            if not parsed.problems:
                fail(FileError(src.path, "no document could be read from it"))
            continue
        for doc in parsed.documents:
            doc.group = group_key(doc)
        try:
            store.replace_source(db, path=src.path, root=str(src.root),
                                 fingerprint=loaded.fingerprint, size=len(loaded.data),
                                 fmt=parsed.fmt, documents=parsed.documents,
                                 line_hashes=[line_keys(d) for d in parsed.documents])
        except sqlite3.IntegrityError:
            owners = store.existing_files(db)
            clash = [d.file for d in parsed.documents if owners.get(d.file, src.path) != src.path]
            fail(FileError(src.path, f"document name(s) already taken by another file: "
                                     f"{', '.join(clash[:3]) or 'duplicate names inside it'}"))
            continue
        summary.new_files += 1


def _process(db: Database, config: Config, summary: RunSummary, fail: Fail,
             progress: bool) -> None:
    ctx = Context(config=config, corpus=store.LineStats(db))
    total = store.count_at(db, "read")
    for doc_id, doc in _progress(store.documents_at(db, "read"), total, "process", progress):
        try:
            process_document(doc, ctx)
        except Exception as e:  # a fault in a stage must not stop the run: report and go on
            where = traceback.extract_tb(e.__traceback__)[-1]
            fail(FileError(doc.file, f"processing failed ({type(e).__name__}: {e} at "
                                     f"{Path(where.filename).name}:{where.lineno})"))
            continue
        sig, buckets = dedup.signature(doc.text)
        store.save_processed(db, doc_id, doc, sig, buckets)
        summary.processed += 1


def _link(db: Database, config: Config, progress: bool) -> None:
    """Flag near-duplicate documents: each newly processed document, in file order, is
    compared with the linked documents that share an LSH bucket with it."""
    todo = store.processed_for_linking(db)
    for doc_id, _file, sig in _progress(todo, len(todo), "link", progress):
        original = None
        if sig is not None:
            best = 0.0
            for other_file, other_sig in store.lsh_originals(db, doc_id):
                sim = dedup.similarity(sig, other_sig)
                if sim >= config.near_duplicate_threshold and sim > best:
                    original, best = other_file, sim
        store.save_linked(db, doc_id, original)
