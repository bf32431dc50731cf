"""The per-document stages in worker processes. Processing a document needs nothing from the
others (only read-only corpus statistics), so `processed` hands documents to `jobs` worker
processes and gives the results back **in the order the documents came**, whatever the
number of workers: the store sees the same writes in the same order as with one process.
At most `WINDOW` documents are in flight, so memory does not grow with the corpus. Workers
run at a lower priority than the caller, whose linking is the serial part of a run.

Workers only compute; they never write. Each opens its own read-only connection to the
store for the corpus line statistics (`store.LineStats`); the one writing connection stays
with the caller. The per-language tables are loaded once before the workers start (`warm`),
so forked workers share them. It does not decide what to do with a result (see
`pipeline.py`)."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyad import dedup
from dyad.config import Config
from dyad.records import Document, Given
from dyad.stage import Context, CorpusLines, StageTimer

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
    error: str | None = None


def jobs_for(config: Config) -> int:
    """The number of worker processes: the configured one, else one per core (at most 8)."""
    if config.jobs > 0:
        return config.jobs
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_JOBS))


def process_one(doc_id: int, doc: Document, ctx: Context) -> Result:
    """Every per-document stage, then the MinHash signature; a failing stage gives an error
    naming the exception and where it was raised, never an exception."""
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
    return Result(doc_id, doc, sig, buckets, seconds, time.perf_counter() - start)


def processed(items: Iterable[tuple[int, Document]], ctx: Context, db_path: Path,
              jobs: int) -> Iterator[Result]:
    """`process_one` over `items`, in their order: in this process when `jobs` is 1, else
    in `jobs` worker processes (each reading the line statistics of the store at
    `db_path`). `ctx.timer`, when set, is told each stage's seconds in the caller."""
    if jobs <= 1:
        for doc_id, doc in items:
            yield _replayed(process_one(doc_id, doc, ctx), ctx.timer)
        return
    warm(ctx.config)
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with mp.get_context(method).Pool(jobs, initializer=_start_worker,
                                     initargs=(ctx.config, str(db_path),
                                               ctx.timer is not None)) as pool:
        pending: deque = deque()
        for doc_id, doc in items:
            pending.append(pool.apply_async(_work, (doc_id, doc)))
            if len(pending) >= WINDOW:
                yield _replayed(pending.popleft().get(), ctx.timer)
        while pending:
            yield _replayed(pending.popleft().get(), ctx.timer)


def warm(config: Config) -> None:
    """Load every per-language table the stages use, for each language of the run."""
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


def _start_worker(config: Config, db_path: str, timed: bool) -> None:
    from dyad.store.database import Reader
    from dyad.store.documents import LineStats

    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):       # not on every system; only a matter of speed
        pass
    lines: CorpusLines = LineStats(Reader(db_path))
    _worker_ctx.append(Context(config=config, corpus=lines,
                               timer=(lambda name, s: None) if timed else None))


def _work(doc_id: int, doc: Document) -> Result:
    return process_one(doc_id, doc, _worker_ctx[0])
