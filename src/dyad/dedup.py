"""Repeats: exact and near-duplicate posts within a channel, and near-duplicate documents
across the corpus. Posts that repeat an earlier one are marked (`Post.duplicate_of`) and
left out of the output; documents are only flagged (`Document.duplicate_of`), never dropped.

Near-duplicates are found with MinHash signatures (datasketch) over word shingles; across
the corpus the signatures are banded into LSH buckets that the store indexes, so a new
document is compared only with the few that share a bucket. Cleaning is not done here.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash, MinHashLSH

from dyad.records import Document
from dyad.stage import Context

NUM_PERM = 128
BANDS, ROWS = 16, 8                  # 16 x 8 = 128; candidates from a Jaccard of about 0.7
POST_THRESHOLD = 0.8                 # posts this alike repeat each other
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


def minhash(text: str) -> MinHash | None:
    sh = shingles(text)
    if not sh:
        return None
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch(sorted(sh))
    return m


def exact_key(text: str) -> str:
    return hashlib.sha1(" ".join(words(text)).encode()).hexdigest()


def mark_repeated_posts(doc: Document, ctx: Context) -> None:
    """Stage: mark each post that repeats an earlier one, exactly (same words) or nearly
    (estimated Jaccard of word shingles >= POST_THRESHOLD). Empty posts repeat nothing and
    are left out of the output by `Document.kept_posts`."""
    seen: dict[str, int] = {}
    lsh = MinHashLSH(threshold=POST_THRESHOLD, num_perm=NUM_PERM)
    sigs: dict[int, MinHash] = {}
    for post in doc.posts:
        post.duplicate_of = None
        if not post.text.strip():
            continue
        key = exact_key(post.text)
        if key in seen:
            post.duplicate_of = seen[key]
            continue
        m = minhash(post.text)
        if m is None:
            continue
        near = [int(i) for i in lsh.query(m) if sigs[int(i)].jaccard(m) >= POST_THRESHOLD]
        if near:
            post.duplicate_of = min(near)
            continue
        seen[key] = post.index
        sigs[post.index] = m
        lsh.insert(str(post.index), m)


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
