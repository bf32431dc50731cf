"""Text reuse: passages two documents share (a ministry text repeated in a speech, a wire story
reprinted, a post copying a statement), robust to small edits.

Each document's text and posts are cut into words; every K consecutive words are hashed and
winnowed (the smallest hash of each WINDOW consecutive ones is kept), so any passage of at
least K + WINDOW - 1 common words gives both documents a common fingerprint. The store indexes
fingerprints; a document is compared only with those sharing MIN_SHARED of them. `align` then
finds the passages: runs of common K'-word shingles, joined across gaps of up to GAP words
on both sides (an edited word, a dropped clause), kept from MIN_WORDS words.

Alignment works on arrays (`Words`: a text's folded words, the in-process hashes of its
ALIGN_K-word shingles and, when a passage is found, the words' character offsets, each worked
out once per text): the diagonal runs of common shingles come from sorting and searching the
hashes; only the runs are joined into passages in Python. `align` finds exactly what a
word-by-word alignment finds (tests/test_links_cost.py holds that reference).

This module reads and writes no store.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

import numpy as np

K = 8                     # words per fingerprinted shingle
WINDOW = 6                # shingles per winnowing window: passages of 13+ words always seen
MIN_SHARED = 3            # common fingerprints for two documents to be aligned
DF_CAP = 12               # a fingerprint held by this many documents is boilerplate: ignored
ALIGN_K = 4               # words per shingle when aligning
GAP = 4                   # words of difference bridged inside one passage
MIN_WORDS = 20            # words in a reported passage
RECENT_SPANS = 16         # spans a run may continue (others lie behind it in a)
MAX_HITS = 20             # a shingle found more often than this in b anchors nothing
_WORD = re.compile(r"\w+", re.UNICODE)
_SPLIT = re.compile(r"(\w+)", re.UNICODE)
_BMP = 0x10000                          # code points below this: word characters from a table
_MIX = np.uint64(0x9E3779B97F4A7C15)     # odd multiplier combining word hashes into shingles


class Words:
    """A text's words (case-folded), their character offsets (worked out when first asked
    for), and the in-process hashes of its ALIGN_K-word shingles (`shingle_ids`, for
    alignment only: not stable across runs)."""

    __slots__ = ("text", "words", "_folded", "_offsets", "_ids", "_sorted")

    def __init__(self, text: str) -> None:
        folded = text.casefold()
        self.text = text
        if len(folded) == len(text):        # one character each: offsets hold in both
            self._folded: str | None = folded
            self.words: list[str] = _WORD.findall(folded)
        else:
            self._folded = None
            self.words = [w.casefold() for w in _WORD.findall(text)]
        self._offsets: tuple[np.ndarray, np.ndarray] | None = None
        self._ids: np.ndarray | None = None
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None

    def offsets(self) -> tuple[np.ndarray, np.ndarray]:
        """(starts, ends): each word's character offsets in the text."""
        if self._offsets is None:
            text = self._folded if self._folded is not None else self.text
            points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
            if len(points) and int(points.max()) < _BMP:
                word = np.zeros(len(points) + 2, dtype=bool)
                word[1:-1] = _word_table()[points]
                edges = np.flatnonzero(word[1:] != word[:-1])
                self._offsets = (edges[0::2], edges[1::2])
            else:
                parts = _SPLIT.split(text)
                lens = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
                ends = np.cumsum(lens)[1::2]
                self._offsets = (ends - lens[1::2], ends)
        return self._offsets

    def sorted_ids(self) -> tuple[np.ndarray, np.ndarray]:
        """(order, shingle_ids()[order]): the shingle hashes sorted, and where each was."""
        if self._sorted is None:
            ids = self.shingle_ids()
            order = np.argsort(ids, kind="stable")
            self._sorted = (order, ids[order])
        return self._sorted

    def kept(self) -> Words:
        """A copy with the shingle hashes worked out and without the word strings: what
        alignment needs of a text aligned against again and again, in less memory."""
        out = Words.__new__(Words)
        starts, ends = self.offsets()
        out.text, out.words, out._folded = self.text, [], None
        out._offsets = (starts.astype(np.int32), ends.astype(np.int32))
        out._ids, out._sorted = self.shingle_ids(), None
        return out

    def shingle_ids(self) -> np.ndarray:
        """uint64 hash of each ALIGN_K-word shingle, in order (empty under ALIGN_K words)."""
        if self._ids is None:
            n = len(self.words) - ALIGN_K + 1
            if n <= 0:
                self._ids = np.zeros(0, dtype=np.uint64)
            else:
                w = np.fromiter(map(hash, self.words), dtype=np.int64,
                                count=len(self.words)).view(np.uint64)
                acc = w[:n].copy()
                for j in range(1, ALIGN_K):
                    acc *= _MIX
                    acc ^= w[j:j + n]
                self._ids = acc
        return self._ids


@functools.cache
def _word_table() -> np.ndarray:
    """For each code point of the Basic Multilingual Plane, whether `\\w` matches it (what
    `re` tests: alphanumeric, or the underscore)."""
    return np.fromiter((chr(c).isalnum() or c == 0x5F for c in range(_BMP)), dtype=bool,
                       count=_BMP)


@functools.lru_cache(maxsize=64)
def words_of(text: str) -> Words:
    """The words of a text (the last few texts are kept: a document is aligned with several
    others in a row)."""
    return Words(text)


def fingerprints(text: str) -> set[int]:
    """The winnowed K-word shingle hashes of a text (empty for a text under K words): the
    first 8 bytes of the blake2b digest of the shingle's words joined by spaces, as a signed
    big-endian integer. Stable across runs and machines: the store keeps them."""
    w = words_of(text).words
    n = len(w) - K + 1
    if n <= 0:
        return set()
    joined = " ".join(w).encode()
    sizes = np.fromiter(map(len, map(str.encode, w)), dtype=np.int64, count=len(w)) + 1
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    ends = starts[K - 1:] + sizes[K - 1:] - 1            # end of each shingle's last word
    digests = b"".join(hashlib.blake2b(joined[a:b], digest_size=8).digest()
                       for a, b in zip(starts[:n].tolist(), ends.tolist()))
    hashes = np.frombuffer(digests, dtype=">i8").astype(np.int64)
    if n <= WINDOW:
        return {int(hashes[0])}
    return set(np.lib.stride_tricks.sliding_window_view(hashes, WINDOW).min(axis=1).tolist())


@dataclass(frozen=True)
class Passage:
    a_start: int          # character offsets in a's and b's texts
    a_end: int
    b_start: int
    b_end: int
    words: int            # words of a in the passage

    def texts(self, a: str, b: str) -> tuple[str, str]:
        return a[self.a_start:self.a_end], b[self.b_start:self.b_end]


def _runs(ha: np.ndarray, b: Words) -> list[tuple[int, int, int, int]]:
    """Diagonal runs of common shingles, sorted: (a_first, a_last, b_first, b_last) shingle
    indices of each longest stretch where a[i] == b[i + d] for consecutive i. A shingle of a
    that b holds more than MAX_HITS times (a phrase repeated all over b) anchors nothing."""
    order, sb = b.sorted_ids()
    left = np.searchsorted(sb, ha, "left")
    count = np.searchsorted(sb, ha, "right") - left
    ia = np.flatnonzero((count > 0) & (count <= MAX_HITS))
    if not len(ia):
        return []
    c = count[ia]
    i = np.repeat(ia, c)
    firsts = np.cumsum(c) - c
    j = order[np.repeat(left[ia], c) + np.arange(len(i)) - np.repeat(firsts, c)]
    d = j - i
    o = np.lexsort((i, d))
    d, i = d[o], i[o]
    start = np.ones(len(i), dtype=bool)
    start[1:] = (d[1:] != d[:-1]) | (i[1:] != i[:-1] + 1)
    first = np.flatnonzero(start)
    last = np.append(first[1:] - 1, len(i) - 1)
    a0, a1, dd = i[first], i[last], d[first]
    b0, b1 = a0 + dd, a1 + dd
    o = np.lexsort((b1, b0, a1, a0))
    return list(zip(a0[o].tolist(), a1[o].tolist(), b0[o].tolist(), b1[o].tolist()))


def align(a: str | Words, b: str | Words) -> list[Passage]:
    """The passages a and b share, longest first (each at least MIN_WORDS words of a)."""
    wa = a if isinstance(a, Words) else words_of(a)
    wb = b if isinstance(b, Words) else words_of(b)
    ha, hb = wa.shingle_ids(), wb.shingle_ids()
    if not len(ha) or not len(hb):
        return []
    runs = _runs(ha, wb)
    # join runs, in order of a, to a recent span they continue on both sides within the gap
    spans: list[list[int]] = []
    for r0, r1, r2, r3 in runs:
        a0, a1, b0, b1 = r0, r1 + ALIGN_K - 1, r2, r3 + ALIGN_K - 1
        for s in reversed(spans[-RECENT_SPANS:]):
            da, db = a0 - s[1] - 1, b0 - s[3] - 1
            if -ALIGN_K <= da <= GAP and -ALIGN_K <= db <= GAP and abs(da - db) <= GAP:
                s[1], s[3] = max(s[1], a1), max(s[3], b1)
                break
        else:
            spans.append([a0, a1, b0, b1])
    kept = [s for s in spans if s[1] - s[0] + 1 >= MIN_WORDS and s[3] - s[2] + 1 >= MIN_WORDS]
    if not kept:
        return []
    (a_starts, a_ends), (b_starts, b_ends) = wa.offsets(), wb.offsets()
    out = [Passage(int(a_starts[s[0]]), int(a_ends[s[1]]), int(b_starts[s[2]]),
                   int(b_ends[s[3]]), s[1] - s[0] + 1) for s in kept]
    return sorted(out, key=lambda p: (-p.words, p.a_start))
