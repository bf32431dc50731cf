"""Text reuse: passages two documents share (a ministry text repeated in a speech, a wire story
reprinted, a post copying a statement), robust to small edits.

Each document's text and posts are cut into words; every K consecutive words are hashed and
winnowed (the smallest hash of each WINDOW consecutive ones is kept), so any passage of at
least K + WINDOW - 1 common words gives both documents a common fingerprint. The store indexes
fingerprints; a document is compared only with those sharing MIN_SHARED of them. `align` then
finds the passages: runs of common K'-word shingles, joined across gaps of up to GAP words
on both sides (an edited word, a dropped clause), kept from MIN_WORDS words.

This module reads and writes no store.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

K = 8                     # words per fingerprinted shingle
WINDOW = 6                # shingles per winnowing window: passages of 13+ words always seen
MIN_SHARED = 3            # common fingerprints for two documents to be aligned
DF_CAP = 12               # a fingerprint held by this many documents is boilerplate: ignored
ALIGN_K = 4               # words per shingle when aligning
GAP = 4                   # words of difference bridged inside one passage
MIN_WORDS = 20            # words in a reported passage
RECENT_SPANS = 16         # spans a run may continue (others lie behind it in a)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Words:
    """A text's words (folded) with their character offsets."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


@functools.lru_cache(maxsize=64)
def words_of(text: str) -> Words:
    """The words of a text, case-folded, with their offsets (the last few texts are kept: a
    document is aligned with several others in a row)."""
    ms = list(_WORD.finditer(text))
    return Words(text, tuple(m.group().casefold() for m in ms), tuple(m.start() for m in ms),
                 tuple(m.end() for m in ms))


def _hash(words: tuple[str, ...]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def fingerprints(text: str) -> set[int]:
    """The winnowed K-word shingle hashes of a text (empty for a text under K words)."""
    w = words_of(text).words
    hashes = [_hash(w[i:i + K]) for i in range(len(w) - K + 1)]
    if len(hashes) <= WINDOW:
        return set(hashes[:1]) if hashes else set()
    return {min(hashes[i:i + WINDOW]) for i in range(len(hashes) - WINDOW + 1)}


@dataclass(frozen=True)
class Passage:
    a_start: int          # character offsets in a's and b's texts
    a_end: int
    b_start: int
    b_end: int
    words: int            # words of a in the passage

    def texts(self, a: str, b: str) -> tuple[str, str]:
        return a[self.a_start:self.a_end], b[self.b_start:self.b_end]


def align(a: str, b: str) -> list[Passage]:
    """The passages a and b share, longest first (each at least MIN_WORDS words of a)."""
    wa, wb = words_of(a), words_of(b)
    index: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(wb.words) - ALIGN_K + 1):
        index.setdefault(wb.words[j:j + ALIGN_K], []).append(j)
    # diagonal runs of common shingles: (i, j) pairs where a[i:i+k] == b[j:j+k]
    runs: list[list[int]] = []          # [a_first, a_last, b_first, b_last] word indices
    open_runs: dict[int, list[int]] = {}  # diagonal (j - i) -> run ending at the previous i
    for i in range(len(wa.words) - ALIGN_K + 1):
        hits = index.get(wa.words[i:i + ALIGN_K], ())
        if len(hits) > 20:                # a phrase repeated all over b: no anchor
            continue
        for j in hits:
            d = j - i
            run = open_runs.get(d)
            if run is not None and run[1] >= i - 1:
                run[1], run[3] = i, j
            else:
                run = [i, i, j, j]
                open_runs[d] = run
                runs.append(run)
    if not runs:
        return []
    # join runs, in order of a, to a recent span they continue on both sides within the gap
    runs.sort()
    spans: list[list[int]] = []
    for r in runs:
        a0, a1, b0, b1 = r[0], r[1] + ALIGN_K - 1, r[2], r[3] + ALIGN_K - 1
        for s in reversed(spans[-RECENT_SPANS:]):
            da, db = a0 - s[1] - 1, b0 - s[3] - 1
            if -ALIGN_K <= da <= GAP and -ALIGN_K <= db <= GAP and abs(da - db) <= GAP:
                s[1], s[3] = max(s[1], a1), max(s[3], b1)
                break
        else:
            spans.append([a0, a1, b0, b1])
    out = [Passage(wa.starts[s[0]], wa.ends[s[1]], wb.starts[s[2]], wb.ends[s[3]],
                   s[1] - s[0] + 1)
           for s in spans if s[1] - s[0] + 1 >= MIN_WORDS and s[3] - s[2] + 1 >= MIN_WORDS]
    return sorted(out, key=lambda p: (-p.words, p.a_start))
