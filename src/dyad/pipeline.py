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
    quotes    quotes.extract_quotes        text, mentions, posts, published, kind -> quotes
    events    events.extract_events        text, mentions, quotes, posts, published -> events

then, across the corpus (dyad.links), each document against those linked before it:

    near-duplicates                        text (MinHash LSH) -> duplicate_of
    reuse                                  text, posts (winnowed shingles) -> reuse pairs
    events                                 events (type, pair, days, place) -> event clusters
    quotes                                 quotes (speaker, days, embeddings) -> quote clusters
    propagation                            clusters -> order in which outlets carried them

A document moves through the store's stages read -> processed -> linked. After all files are
read, documents are processed in file order, in worker processes when there are many
(`workers.py`; the results come back in file order whatever the number of workers), and
each batch of up to BATCH documents is saved in one transaction and then linked in another
while the workers go on with the next. A document's rows are never half written, and
documents are linked in file order, so a run that is killed and started again (it first
links what was processed and not linked) redoes at most one batch and ends in the same state
as a run that was not killed.
"""

from __future__ import annotations

import sqlite3
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from itertools import islice, tee
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from dyad import dedup, ingest, metadata, workers
from dyad.actors import find_mentions
from dyad.events import extract_events
from dyad.quotes import extract_quotes
from dyad.clean import clean_document
from dyad.actors.beat import beat_codes
from dyad.clean.corpus import group_key, line_keys
from dyad.config import Config
from dyad.errors import InputError
from dyad.links import Linker
from dyad.metadata import language
from dyad.records import Document, FileError
from dyad.stage import Context, Stage, StageTimer
from dyad.store import Database
from dyad.store import documents as store

STAGES: tuple[Stage, ...] = (
    Stage("clean", ("raw_text", "posts"), ("text", "posts.text", "dropped"), clean_document),
    Stage("repeats", ("posts.text",), ("posts.duplicate_of",), dedup.mark_repeated_posts),
    Stage("language", ("text", "posts.text"), ("language", "posts.language"), language.detect),
    Stage("describe", ("raw_text", "dropped", "given", "language"),
          ("published", "kind", "outlet", "cited_sources"), metadata.describe),
    Stage("mentions", ("text", "language", "published"), ("mentions",), find_mentions),
    Stage("quotes", ("text", "mentions", "posts", "published", "kind"), ("quotes",),
          extract_quotes),
    Stage("events", ("text", "mentions", "quotes", "posts", "published", "kind"), ("events",),
          extract_events),
)


BATCH = 64             # documents per transaction when saving processed and linked documents


def process_document(doc: Document, ctx: Context | None = None) -> Document:
    """Pass one document, as read, through every per-document stage, in order; when the
    context has a timer, tell it each stage's name and seconds (a failed stage's too)."""
    ctx = ctx or Context()
    timer = ctx.timer
    if timer is None:
        for stage in STAGES:
            stage.run(doc, ctx)
        return doc
    for stage in STAGES:
        start = time.perf_counter()
        try:
            stage.run(doc, ctx)
        finally:
            timer(stage.name, time.perf_counter() - start)
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
    # seconds per phase ("read", "process", "link") and per step within them ("read:parse",
    # "read:store", "process:load", "process:minhash", "process:store", "link:load",
    # "link:candidates", "link:across" (of it "link:reuse", "link:events", "link:quotes",
    # and of that "link:embed"), "link:store", "link:propagation"); stage times go to the
    # Context's timer
    phase_seconds: dict[str, float] = field(default_factory=dict)
    step_seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timing(self, label: str) -> Iterator[None]:
        """Add the seconds the block takes to phase_seconds (a plain label) or step_seconds
        (a "phase:step" label)."""
        into = self.step_seconds if ":" in label else self.phase_seconds
        start = time.perf_counter()
        try:
            yield
        finally:
            into[label] = into.get(label, 0.0) + time.perf_counter() - start

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
        progress: bool = True, timer: StageTimer | None = None) -> RunSummary:
    """Read the corpus at `inputs` (folders and files) into the store at `db_path`:
    new and changed files are read and processed, unchanged ones are left as they are,
    files that cannot be read are reported and passed over. `timer` is told each stage's
    seconds for every document processed (see `stage.Context`)."""
    config = config or Config()
    beat_codes(config.beat)             # a bad beat file stops the run before it starts
    started = time.perf_counter()
    summary = RunSummary(db=db_path)
    with Database(db_path) as db, ExitStack() as stack:
        run_id = store.begin_run(db, [str(p) for p in inputs])

        def fail(err: FileError) -> None:
            summary.errors.append(err)
            store.record_error(db, run_id, err.path, err.reason)

        found = ingest.discover(inputs)
        known = store.source_fingerprints(db)
        jobs = workers.jobs_for(config)
        with summary.timing("read"), ExitStack() as reading:
            readers = None
            if jobs > 1 and sum(s.path not in known for s in found.sources) >= \
                    config.parallel_min_docs:
                # workers read the files while this process loads the stages' tables, once:
                # the workers that process are forked afterwards and share them
                readers = reading.enter_context(
                    workers.Workers(config, db_path, jobs, False, stages=False))
            _read(db, found, known, config, summary, fail, progress, readers,
                  lambda: workers.warm(config))
        del found                           # one entry per file: not kept while processing
        pool = None
        if jobs > 1 and store.count_at(db, "read") >= config.parallel_min_docs:
            with summary.timing("read:warm"):
                workers.warm(config)
            pool = stack.enter_context(workers.Workers(config, db_path, jobs, timer is not None))
        # with worker processes busy on the other cores the model gets one thread (its
        # threads spin-wait for each other: on busy cores two are slower than one)
        linker = Linker(db, embed_threads=1 if pool is not None else None)
        with summary.timing("link"):        # left at 'processed' by a run that was stopped
            left = ((doc_id, file, sig, None) for doc_id, file, sig in
                    _timed_iter(store.processed_for_linking(db), summary, "link:load"))
            _link(db, config, summary, linker,
                  _progress(left, store.count_at(db, "processed"), "link", progress))
        _process_and_link(db, config, summary, fail, progress, timer, linker, pool)
        for part, seconds in linker.seconds.items():       # within link:across
            summary.step_seconds[f"link:{part}"] = seconds
        summary.step_seconds["link:embed"] = linker.vectors.seconds      # within link:quotes
        with summary.timing("link"), summary.timing("link:propagation"):
            linker.finish()
        store.finish_run(db, run_id, summary.new_files, summary.unchanged_files,
                         len(summary.errors))
        summary.totals = store.counts(db)
    summary.seconds = time.perf_counter() - started
    return summary


Fail = Callable[[FileError], None]


def _read(db: Database, found: ingest.Discovery, known: dict[str, str], config: Config,
          summary: RunSummary, fail: Fail, progress: bool, pool: workers.Workers | None,
          meanwhile: Callable[[], None] | None = None) -> None:
    """Store the documents of every new or changed file of `found` (`known`: the
    fingerprints of the files read before); `meanwhile`: work for this process while the
    workers of `pool` read their first files."""
    for problem in found.problems:
        fail(problem)
    results = workers.read(found.sources, known, config, pool, meanwhile)
    for r in _progress(results, len(found.sources), "read", progress):
        src = r.source
        summary.step_seconds["read:parse"] = \
            summary.step_seconds.get("read:parse", 0.0) + r.parse_seconds
        if r.error is not None:
            fail(r.error)
            continue
        if r.unchanged:
            summary.unchanged_files += 1
            continue
        if r.stream:
            _read_stream(db, r, summary, fail)
            continue
        parsed = r.parsed
        assert parsed is not None
        for problem in parsed.problems:
            fail(problem)
        if not parsed.documents:
            if not parsed.problems:
                fail(FileError(src.path, "no document could be read from it"))
            continue
        try:
            with summary.timing("read:store"):
                store.replace_source(db, path=src.path, root=str(src.root),
                                     fingerprint=r.fingerprint, size=r.size,
                                     fmt=parsed.fmt, documents=parsed.documents,
                                     line_hashes=r.line_hashes)
        except sqlite3.IntegrityError:
            owners = store.existing_files(db)
            clash = [d.file for d in parsed.documents if owners.get(d.file, src.path) != src.path]
            fail(FileError(src.path, f"document name(s) already taken by another file: "
                                     f"{', '.join(clash[:3]) or 'duplicate names inside it'}"))
            continue
        summary.new_files += 1


def _read_stream(db: Database, r: workers.ReadResult, summary: RunSummary, fail: Fail) -> None:
    """Store the documents of a file read as a stream (a large JSON Lines file), each as it
    is read: one transaction, so a run stopped midway leaves the file unread."""
    src = r.source
    problems: list[FileError] = []

    def grouped(doc: Document) -> Document:
        doc.group = group_key(doc)
        return doc

    # (its parsing is timed within read:store: the lines are parsed as they are stored)
    docs, again = tee(map(grouped, ingest.stream(src, problems)))
    try:
        with summary.timing("read:store"):
            store.replace_source(db, path=src.path, root=str(src.root), fingerprint=r.fingerprint,
                                 size=r.size, fmt="jsonl", documents=docs,
                                 line_hashes=(line_keys(d) for d in again))
    except InputError as e:
        fail(FileError(e.path, e.reason))
        return
    except sqlite3.IntegrityError:
        fail(FileError(src.path, "document name(s) already taken by another file (or used "
                                 "twice in it)"))
        return
    finally:
        for problem in problems:
            fail(problem)
    summary.new_files += 1


def _in_batches(db: Database, items: Iterable[T], size: int,
                handle: Callable[[T], None]) -> None:
    """`handle` each item, `size` items per transaction of `db` (each committed when its
    items are done; an exception rolls back the unfinished batch and stops)."""
    it = iter(items)
    while True:
        n = 0
        with db.transaction():
            for item in islice(it, size):
                n += 1
                handle(item)
        if n < size:
            return


def _process_and_link(db: Database, config: Config, summary: RunSummary, fail: Fail,
                      progress: bool, timer: StageTimer | None, linker: Linker,
                      pool: workers.Workers | None) -> None:
    """Pass every document waiting at 'read' through the stages (in worker processes when
    there are enough of them, see `workers.py`), BATCH documents at a time in file order:
    save what the stages found in one transaction, then link those documents in another.
    The workers go on with the next documents while this process links."""
    with summary.timing("process"):
        total = store.count_at(db, "read")
    if not total:
        return
    ctx = Context(config=config, corpus=store.LineStats(db), timer=timer)
    todo = _timed_iter(store.documents_at(db, "read"), summary, "process:load")
    results = _progress(workers.processed(todo, ctx, pool), total, "process", progress)
    done = False
    while not done:
        batch: list[tuple[int, str, bytes | None, frozenset[int] | None]] = []
        with summary.timing("process"), db.transaction():
            n = 0
            for r in islice(results, BATCH):
                n += 1
                for step, secs in (("process:minhash", r.minhash_seconds),
                                   ("process:fingerprints", r.prints_seconds)):
                    summary.step_seconds[step] = summary.step_seconds.get(step, 0.0) + secs
                if r.error is not None:
                    fail(FileError(r.doc.file, r.error))
                    continue
                with summary.timing("process:store"):
                    store.save_processed(db, r.doc_id, r.doc, r.signature, r.buckets)
                summary.processed += 1
                batch.append((r.doc_id, r.doc.file, r.signature, r.prints))
            done = n < BATCH
        with summary.timing("link"):
            _link(db, config, summary, linker, batch)


def _link(db: Database, config: Config, summary: RunSummary, linker: Linker,
          items: Iterable[tuple[int, str, bytes | None, frozenset[int] | None]]) -> None:
    """Link each processed document of `items` (id, file, MinHash, reuse fingerprints when
    already computed), in their order (file
    order), to the documents linked before it (those linked earlier in the same batch too:
    a transaction sees its own writes): flag it as a near-duplicate of a linked document
    sharing an LSH bucket; then record the passages it shares with others, and put its
    quotes and events into clusters (`links.Linker`). A fault in linking one document is
    reported; the document is still moved on, without links. The propagation of the
    clusters that changed is recomputed once, at the end of the run (`Linker.finish`)."""

    def one(item: tuple[int, str, bytes | None, frozenset[int] | None]) -> None:
        doc_id, file, sig, prints = item
        original = None
        if sig is not None:
            best = 0.0
            with summary.timing("link:candidates"):
                candidates = store.lsh_originals(db, doc_id)
            for other_file, other_sig in candidates:
                sim = dedup.similarity(sig, other_sig)
                if sim >= config.near_duplicate_threshold and sim > best:
                    original, best = other_file, sim
        with summary.timing("link:across"):
            try:
                with db.transaction():
                    linker.link(doc_id, prints)
            except Exception as e:  # a fault in linking must not stop the run: report, go on
                where = traceback.extract_tb(e.__traceback__)[-1]
                summary.errors.append(FileError(file, f"linking failed ({type(e).__name__}: "
                                                      f"{e} at {Path(where.filename).name}:"
                                                      f"{where.lineno})"))
        with summary.timing("link:store"):
            store.save_linked(db, doc_id, original)

    _in_batches(db, items, BATCH, one)


def _timed_iter(items: Iterable[T], summary: RunSummary, label: str) -> Iterator[T]:
    """`items`, with the time spent producing them added to the summary under `label`."""
    it = iter(items)
    while True:
        with summary.timing(label):
            item = next(it, _END)
        if item is _END:
            return
        yield item  # type: ignore[misc]


_END = object()
