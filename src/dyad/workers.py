"""Reading files and the per-document stages in worker processes. Processing a document needs nothing from the
others (only read-only corpus statistics), so `processed` hands documents to `jobs` worker
processes and gives the results back **in the order the documents came**, whatever the
number of workers: the store sees the same writes in the same order as with one process.
At most `WINDOW` documents are in flight, so memory does not grow with the corpus. Workers
run at a lower priority than the caller, whose linking is the serial part of a run.

Workers only compute; they never write. Each opens its own read-only connection to the
store for the corpus line statistics (`store.LineStats`); the one writing connection stays
with the caller. Reading files (`read_one`: load, parse, line hashes) goes the same way, by
a pool that needs no tables (`Workers(..., stages=False)`); the caller loads the
per-language tables once (`warm`, about 3 s) while that pool reads, then forks the pool that
processes, which shares the tables instead of loading them again in every worker. It does
not decide what to do with a result (see `pipeline.py`)."""

from __future__ import annotations

import functools
import gc
import multiprocessing as mp
import os
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from dyad import dedup, ingest
from dyad.clean.corpus import group_key, line_keys
from dyad.config import Config
from dyad.errors import DyadError, InputError
from dyad.ingest import Parsed, SourceFile
from dyad.links.reuse import document_prints
from dyad.records import Document, FileError, Given
from dyad.stage import Context, CorpusLines, StageTimer

T = TypeVar("T")
TASK_TIMEOUT = 900       # seconds to wait for one file or document from a worker
WINDOW = 512             # documents handed to the workers and not yet taken back: enough
                         # for the workers to go on while the caller saves and links batches
WORKER_NICENESS = 5      # workers yield the cores to the caller (whose linking is serial)
MAX_AUTO_JOBS = 8
# a short text per language, run once before forking so every lazily loaded table is in
# memory (gazetteers, lexicons, lemmatisers, language model) and shared with the workers
_WARM_TEXT = "Vladimir Putin met Lula in Moscow on Monday and said: \"We agree on trade.\"\n"


@dataclass
class Result:
    """What processing one document gave: the document with the stages' output, its MinHash
    signature and LSH buckets, the seconds of each stage, or why it failed."""

    doc_id: int
    doc: Document
    signature: bytes | None = None
    buckets: list[tuple[int, int]] = field(default_factory=list)
    stage_seconds: list[tuple[str, float]] = field(default_factory=list)
    minhash_seconds: float = 0.0
    prints: frozenset[int] | None = None      # reuse fingerprints of its link texts
    prints_seconds: float = 0.0
    error: str | None = None


@dataclass
class ReadResult:
    """What reading one source file gave: its fingerprint, size and documents (with their
    outlet group and short-line hashes, for the corpus statistics), the problems found in
    it; or that it is unchanged since the last run; or why it could not be read at all."""

    source: SourceFile
    fingerprint: str = ""
    size: int = 0
    parsed: Parsed | None = None
    line_hashes: list[set[int]] = field(default_factory=list)
    unchanged: bool = False
    error: FileError | None = None        # why it could not be read (from an InputError)
    parse_seconds: float = 0.0
    stream: bool = False                  # too large to parse here: the caller streams it


def read_one(source: SourceFile, known: str | None, config: Config) -> ReadResult:
    """Load and parse one source file, unless its fingerprint is `known` (read before). A
    file read as a stream (`ingest.streamed`) is only fingerprinted: its documents are
    read where they are stored, a few at a time, never all held in one process."""
    try:
        if ingest.streamed(source):
            print_, size = ingest.fingerprint(source, config)
            return ReadResult(source, print_, size, unchanged=known == print_,
                              stream=known != print_)
        loaded = ingest.load(source, config)
        if known == loaded.fingerprint:
            return ReadResult(source, loaded.fingerprint, len(loaded.data), unchanged=True)
        start = time.perf_counter()
        parsed = ingest.parse(source, loaded.data, config)
        seconds = time.perf_counter() - start
    except InputError as e:      # (the reason, not the exception: results cross processes)
        return ReadResult(source, error=FileError(e.path, e.reason))
    for doc in parsed.documents:
        doc.group = group_key(doc)
    return ReadResult(source, loaded.fingerprint, len(loaded.data), parsed,
                      [line_keys(d) for d in parsed.documents], parse_seconds=seconds)


def jobs_for(config: Config) -> int:
    """The number of worker processes: the configured one, else one per core (at most 8)."""
    if config.jobs > 0:
        return config.jobs
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_JOBS))


def process_one(doc_id: int, doc: Document, ctx: Context) -> Result:
    """Every per-document stage, then the MinHash signature and the reuse fingerprints
    (work linking would otherwise do in the one main process); a failing stage gives an
    error naming the exception and where it was raised, never an exception."""
    from dyad.pipeline import process_document

    seconds: list[tuple[str, float]] = []
    run_ctx = Context(config=ctx.config, corpus=ctx.corpus,
                      timer=(lambda name, s: seconds.append((name, s))) if ctx.timer else None)
    try:
        process_document(doc, run_ctx)
    except Exception as e:  # a fault in a stage must not stop the run: report and go on
        where = traceback.extract_tb(e.__traceback__)[-1]
        return Result(doc_id, doc, stage_seconds=seconds,
                      error=f"processing failed ({type(e).__name__}: {e} at "
                            f"{Path(where.filename).name}:{where.lineno})")
    start = time.perf_counter()
    sig, buckets = dedup.signature(doc.text)
    hashed = time.perf_counter()
    prints = document_prints(doc.link_texts())
    return Result(doc_id, doc, sig, buckets, seconds, hashed - start, prints,
                  time.perf_counter() - hashed)


class Workers:
    """`jobs` worker processes over the store at `db_path` (a context manager). With
    `stages` (processing documents) each has the stages' tables: inherited when the caller
    has warmed them (`warm`) before forking, else loaded as the worker starts. Without
    (reading files) they load nothing."""

    def __init__(self, config: Config, db_path: Path, jobs: int, timed: bool,
                 stages: bool = True) -> None:
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        self.jobs = jobs
        self._pool = mp.get_context(method).Pool(
            jobs, initializer=_start_worker, initargs=(config, str(db_path), timed, stages))

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.terminate()
        self._pool.join()

    def processed(self, items: Iterable[tuple[int, Document]],
                  timer: StageTimer | None) -> Iterator[Result]:
        for result in self._in_order(_work, items):
            yield _replayed(result, timer)

    def read(self, sources: Iterable[SourceFile], known: dict[str, str], config: Config,
             meanwhile: Callable[[], None] | None = None) -> Iterator[ReadResult]:
        """`read_one` over `sources` in the workers, in order; `meanwhile` is called once,
        here, when the first files are handed out (before waiting for any)."""
        yield from self._in_order(read_one, ((s, known.get(s.path), config) for s in sources),
                                  meanwhile)

    def _in_order(self, fn: Callable[..., T], calls: Iterable[tuple],
                  meanwhile: Callable[[], None] | None = None) -> Iterator[T]:
        """fn(*args) for each args of `calls`, in the workers, given back in order, at most
        WINDOW under way; `meanwhile()` once the first WINDOW (or all) are handed out."""
        pending: deque = deque()
        for args in calls:
            pending.append(self._pool.apply_async(fn, args))
            if len(pending) >= WINDOW:
                if meanwhile is not None:
                    meanwhile()
                    meanwhile = None
                yield _answer(pending.popleft())
        if meanwhile is not None:
            meanwhile()
        while pending:
            yield _answer(pending.popleft())


def _answer(pending: Any) -> Any:
    """A worker's result; a worker that died (killed, out of memory) takes its task with it,
    so waiting has a limit."""
    try:
        return pending.get(timeout=TASK_TIMEOUT)
    except mp.TimeoutError:
        raise DyadError(f"a worker process gave no result in {TASK_TIMEOUT} s (killed, or out "
                        f"of memory?); run again (finished work is kept) or use --jobs 1") from None


def read(sources: Iterable[SourceFile], known: dict[str, str], config: Config,
         workers: Workers | None, meanwhile: Callable[[], None] | None = None
         ) -> Iterator[ReadResult]:
    """`read_one` over `sources`, in their order: by `workers` when given (`meanwhile` is
    called here while they start), else here."""
    if workers is not None:
        yield from workers.read(sources, known, config, meanwhile)
        return
    for s in sources:
        yield read_one(s, known.get(s.path), config)


def processed(items: Iterable[tuple[int, Document]], ctx: Context,
              workers: Workers | None) -> Iterator[Result]:
    """`process_one` over `items`, in their order: by `workers` when given, else in this
    process. `ctx.timer`, when set, is told each stage's seconds in the caller."""
    if workers is not None:
        yield from workers.processed(items, ctx.timer)
        return
    for doc_id, doc in items:
        yield _replayed(process_one(doc_id, doc, ctx), ctx.timer)


@functools.cache
def warm(config: Config) -> None:
    """Load every per-language table the stages use, for each language of the run (once
    per process and configuration: a worker forked afterwards finds them loaded)."""
    from dyad.pipeline import process_document

    for lang in config.languages:
        doc = Document(file="warm.txt", source_path="warm.txt", fmt="txt",
                       raw_text=_WARM_TEXT, given=Given(language=lang))
        process_document(doc, Context(config=config))


def _replayed(result: Result, timer: StageTimer | None) -> Result:
    if timer is not None:
        for name, seconds in result.stage_seconds:
            timer(name, seconds)
    return result


# ---------------------------------------------------------------- inside a worker

_worker_ctx: list[Context] = []       # the worker's context, set once by _start_worker


def _start_worker(config: Config, db_path: str, timed: bool, stages: bool) -> None:
    from dyad.store.database import Reader
    from dyad.store.documents import LineStats

    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):       # not on every system; only a matter of speed
        pass
    if stages:
        warm(config)            # nothing to do when forked from a caller that warmed them
    gc.freeze()        # the tables loaded live as long as the worker: the collector need
                       # not walk them again and again (nor touch, so copy, inherited ones)
    lines: CorpusLines = LineStats(Reader(db_path))
    _worker_ctx.append(Context(config=config, corpus=lines,
                               timer=(lambda name, s: None) if timed else None))


def _work(doc_id: int, doc: Document) -> Result:
    return process_one(doc_id, doc, _worker_ctx[0])
