"""Repeats: exact and near-duplicate posts within a channel, and near-duplicate documents
across the corpus. Posts that repeat an earlier one are marked (`Post.duplicate_of`) and
left out of the output; documents are only flagged (`Document.duplicate_of`), never dropped.

Within a channel, posts are compared by their word shingles through an inverted index.
Across the corpus, MinHash signatures (datasketch) of the cleaned texts are banded into LSH buckets that the store indexes, so a new
document is compared only with the few that share a bucket. Cleaning is not done here.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash

from dyad.records import Document
from dyad.stage import Context

NUM_PERM = 128
BANDS, ROWS = 16, 8                  # 16 x 8 = 128; candidates from a Jaccard of about 0.7
POST_THRESHOLD = 0.8                 # share of the shorter post's shingles found in the other
MIN_NEAR_SHINGLES = 8                # shorter posts repeat only exactly
SHINGLE = 3                          # words per shingle
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Word k-shingles of a text (the whole text as one shingle when shorter than k)."""
    w = words(text)
    if len(w) < k:
        return {" ".join(w).encode()} if w else set()
    return {" ".join(w[i:i + k]).encode() for i in range(len(w) - k + 1)}


@functools.cache
def _scheme() -> tuple[int, str, tuple[np.ndarray, np.ndarray]]:
    """(seed, scheme, permutations) of a default MinHash, which every document's MinHash
    reuses instead of drawing the same permutations again (read-only arrays)."""
    ref = MinHash(num_perm=NUM_PERM)
    a, b = (np.array(p) for p in ref.permutations)
    a.flags.writeable = b.flags.writeable = False
    return ref.seed, ref.scheme, (a, b)


def minhash(text: str) -> MinHash | None:
    sh = shingles(text)
    if not sh:
        return None
    seed, scheme, permutations = _scheme()
    m = MinHash(num_perm=NUM_PERM, seed=seed, permutations=permutations, scheme=scheme)
    m.update_batch(sorted(sh))
    return m


def exact_key(text: str) -> str:
    return hashlib.sha1(" ".join(words(text)).encode()).hexdigest()


def mark_repeated_posts(doc: Document, ctx: Context) -> None:
    """Stage: mark each post that repeats another. A repeat has the same words as a kept
    post, or shares at least POST_THRESHOLD of the word shingles of the shorter of the two
    (a preview and its full text, a repost with a line added). Of two near repeats the longer
    is kept. Empty posts repeat nothing; `Document.kept_posts` leaves them out anyway."""
    exact: dict[str, int] = {}
    index: dict[bytes, list[int]] = {}           # shingle -> kept posts that have it
    sets: dict[int, set[bytes]] = {}
    for post in doc.posts:
        post.duplicate_of = None
    for post in doc.posts:
        if not post.text.strip():
            continue
        key = exact_key(post.text)
        if key in exact:
            post.duplicate_of = exact[key]
            continue
        sh = shingles(post.text)
        overlap: dict[int, int] = {}
        for s in sh:
            for other in index.get(s, ()):
                overlap[other] = overlap.get(other, 0) + 1
        best = None
        for other, n in sorted(overlap.items()):
            smaller = min(len(sh), len(sets[other]))
            if smaller >= MIN_NEAR_SHINGLES and n / smaller >= POST_THRESHOLD:
                best = other
                break
        if best is None:
            _keep(post.index, key, sh, exact, index, sets)
        elif len(sh) <= len(sets[best]):
            post.duplicate_of = best
        else:                                    # the new post is the fuller version
            for p in doc.posts:
                if p.index == best or p.duplicate_of == best:
                    p.duplicate_of = post.index
            for s in sets.pop(best):
                index[s].remove(best)
            for k in [k for k, v in exact.items() if v == best]:
                exact[k] = post.index
            _keep(post.index, key, sh, exact, index, sets)


def _keep(i: int, key: str, sh: set[bytes], exact: dict[str, int],
          index: dict[bytes, list[int]], sets: dict[int, set[bytes]]) -> None:
    exact[key] = i
    sets[i] = sh
    for s in sh:
        index.setdefault(s, []).append(i)


# ---------------------------------------------------------------- documents across the corpus


def signature(text: str) -> tuple[bytes | None, list[tuple[int, int]]]:
    """(MinHash signature as bytes, [(band, bucket)]) of a cleaned text; (None, []) if empty."""
    m = minhash(text)
    if m is None:
        return None, []
    values = m.hashvalues.astype(np.uint64)
    buckets = []
    for band in range(BANDS):
        chunk = values[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        buckets.append((band, int.from_bytes(digest, "big", signed=True)))
    return values.tobytes(), buckets


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    va, vb = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    if va.shape != vb.shape or not va.size:
        return 0.0
    return float(np.count_nonzero(va == vb)) / va.size
