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
from collections.abc import Sequence
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

    __slots__ = ("text", "words", "_folded", "_offsets", "_ids", "_sorted", "_index")

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
        self._index: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

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

    def index(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(order, distinct, firsts, counts): `sorted_ids()`'s order, the distinct shingle
        hashes ascending, where each first comes in the sorted hashes and how often."""
        if self._index is None:
            order, ids = self.sorted_ids()
            new = np.ones(len(ids), dtype=bool)
            new[1:] = ids[1:] != ids[:-1]
            firsts = np.flatnonzero(new)
            counts = np.diff(np.append(firsts, len(ids)))
            self._index = (order, ids[firsts], firsts, counts)
        return self._index

    def kept(self) -> Words:
        """A copy with the shingle hashes worked out and without the word strings: what
        alignment needs of a text aligned against again and again, in less memory."""
        out = Words.__new__(Words)
        starts, ends = self.offsets()
        out.text, out.words, out._folded = self.text, [], None
        out._offsets = (starts.astype(np.int32), ends.astype(np.int32))
        out._ids, out._sorted, out._index = self.shingle_ids(), None, None
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


def document_prints(texts: list[str]) -> frozenset[int]:
    """The fingerprints of a document: those of each of its link texts (body or posts)."""
    return frozenset().union(*map(fingerprints, texts))


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


def _runs(has: Sequence[np.ndarray], b: Words) -> list[list[tuple[int, int, int, int]]]:
    """For each of several texts' shingle hashes, the diagonal runs of shingles it shares with
    b, sorted: (a_first, a_last, b_first, b_last) shingle indices of each longest stretch where
    a[i] == b[i + d] for consecutive i. A shingle of a that b holds more than MAX_HITS times
    (a phrase repeated all over b) anchors nothing. All texts are matched in one pass of
    array operations (a new document is aligned with several in a row)."""
    n = len(has)
    if not n:
        return []
    order, uniq, firsts, counts = b.index()
    if not len(uniq):
        return [[] for _ in range(n)]
    lens = np.fromiter(map(len, has), dtype=np.int64, count=n)
    ha = np.concatenate(has)
    at = np.searchsorted(uniq, ha)
    np.minimum(at, len(uniq) - 1, out=at)
    count = np.where(uniq[at] == ha, counts[at], 0)
    ia = np.flatnonzero((count > 0) & (count <= MAX_HITS))
    if not len(ia):
        return [[] for _ in range(n)]
    c = count[ia]
    i = np.repeat(ia, c)
    j = order[np.repeat(firsts[at[ia]] - (np.cumsum(c) - c), c) + np.arange(len(i))]
    offs = np.cumsum(lens) - lens
    text = np.searchsorted(offs, i, "right") - 1       # which of `has` each match is in
    i = i - offs[text]
    width = int(lens.max()) + len(order) + 1            # diagonals of one text, and more
    key = text * width + (j - i)                         # (text, diagonal); i ascends in each
    o = np.argsort(key, kind="stable")
    key, i = key[o], i[o]
    start = np.ones(len(i), dtype=bool)
    start[1:] = (key[1:] != key[:-1]) | (i[1:] != i[:-1] + 1)
    first = np.flatnonzero(start)
    last = np.empty_like(first)
    last[:-1] = first[1:] - 1
    last[-1] = len(i) - 1
    a0, a1, t = i[first], i[last], text[o][first]
    d = key[first] - t * width
    b0, b1 = a0 + d, a1 + d
    o = np.lexsort((b1, b0, a1, a0, t))
    bounds = np.searchsorted(t[o], np.arange(n + 1)).tolist()
    rows = list(zip(a0[o].tolist(), a1[o].tolist(), b0[o].tolist(), b1[o].tolist()))
    return [rows[bounds[k]:bounds[k + 1]] for k in range(n)]


def _join(runs: list[tuple[int, int, int, int]]) -> list[list[int]]:
    """Runs (in order of a) joined to a recent span they continue on both sides within the
    gap: [a_first, a_last, b_first, b_last] word indices of each span."""
    spans: list[list[int]] = []
    k1 = ALIGN_K - 1
    for r0, r1, r2, r3 in runs:
        # a span continues when the gaps da = r0 - a_last - 1 and db = r2 - b_last - 1 lie
        # in [-ALIGN_K, GAP] and differ by at most GAP
        lo, hi, blo, bhi, diag = r0 - GAP - 1, r0 + k1, r2 - GAP - 1, r2 + k1, r2 - r0
        for s in reversed(spans[-RECENT_SPANS:]):
            e = s[1]
            if lo <= e <= hi:
                f = s[3]
                if blo <= f <= bhi and -GAP <= f - e - diag <= GAP:
                    if r1 + k1 > e:
                        s[1] = r1 + k1
                    if r3 + k1 > f:
                        s[3] = r3 + k1
                    break
        else:
            spans.append([r0, r1 + k1, r2, r3 + k1])
    return spans


def align(a: str | Words, b: str | Words) -> list[Passage]:
    """The passages a and b share, longest first (each at least MIN_WORDS words of a)."""
    return align_many([a], b)[0]


def align_many(texts: Sequence[str | Words], b: str | Words) -> list[list[Passage]]:
    """`align(a, b)` for each a of `texts`, the runs of all found at once."""
    wb = b if isinstance(b, Words) else words_of(b)
    was = [a if isinstance(a, Words) else words_of(a) for a in texts]
    out: list[list[Passage]] = [[] for _ in was]
    if not len(wb.shingle_ids()):
        return out
    live = [k for k, wa in enumerate(was) if len(wa.shingle_ids())]
    for k, runs in zip(live, _runs([was[k].shingle_ids() for k in live], wb)):
        kept = [s for s in _join(runs)
                if s[1] - s[0] + 1 >= MIN_WORDS and s[3] - s[2] + 1 >= MIN_WORDS]
        if not kept:
            continue
        (a_starts, a_ends), (b_starts, b_ends) = was[k].offsets(), wb.offsets()
        found = [Passage(int(a_starts[s[0]]), int(a_ends[s[1]]), int(b_starts[s[2]]),
                         int(b_ends[s[3]]), s[1] - s[0] + 1) for s in kept]
        out[k] = sorted(found, key=lambda p: (-p.words, p.a_start))
    return out
