"""py3langid's byte n-gram counts, computed with numpy instead of a Python loop per byte.

py3langid scores a text by walking its UTF-8 bytes through a DFA (an Aho-Corasick automaton
over the model's byte n-grams) and counting the feature each state emits. Its walk is a
Python loop per byte and takes most of the language stage's time. In an Aho-Corasick
automaton the state after a byte is the longest suffix of the text read so far that is a
prefix of some n-gram, so it depends only on the last `depth` bytes (the automaton's
depth). The text can therefore be cut into short chunks walked side by side, each chunk
starting `depth` bytes early so that its state is exact from its first own byte on.
`FastIdentifier` gives the same feature counts, in the same order, as py3langid's
`visit_counts`, hence the same scores; `tests/test_language.py` checks that on many texts.

This module only counts features; the scoring and the choice of language stay py3langid's.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from py3langid.langid import LanguageIdentifier

CHUNK = 32                   # bytes walked per chunk in each step


def _index_dtype(itemsize: int) -> type[np.unsignedinteger[Any]]:
    return {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}[itemsize]


def dfa_depth(moves: np.ndarray, rows: np.ndarray) -> int:
    """The number of steps of a breadth-first walk from state 0 until no new state turns
    up: the length of the longest string an Aho-Corasick state stands for."""
    table = moves.reshape(-1, 256)
    seen = np.zeros(len(rows), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    depth = 0
    while frontier.size:
        reach = table[np.unique(rows[frontier])].ravel()
        new = reach[~seen[reach]]
        if not new.size:
            break
        seen[new] = True
        frontier = np.unique(new)
        depth += 1
    return depth


class FastIdentifier(LanguageIdentifier):
    """A py3langid identifier whose byte walk is done by `feature_counts`."""

    __slots__ = ("_np_moves", "_np_rowbase", "_np_output", "_depth")

    def prepare_walk(self) -> None:
        """Views of the automaton as numpy arrays (no copy of the transition table), and
        its depth; called once after loading."""
        self._np_moves = np.frombuffer(self.tk_nextmove,
                                       dtype=_index_dtype(self.tk_nextmove.itemsize))
        rows = np.frombuffer(self.tk_row, dtype=_index_dtype(self.tk_row.itemsize))
        self._np_rowbase = rows.astype(np.intp) << 8
        self._np_output = np.asarray(self.tk_output, dtype=np.intp)
        self._depth = dfa_depth(self._np_moves, rows)

    def feature_counts(self, data: bytes) -> dict[int, int] | None:
        """{feature: count} in order of first occurrence, as py3langid's `visit_counts`
        gives them; None when no feature occurs."""
        n = len(data)
        if not n:
            return None
        depth, moves, rowbase = self._depth, self._np_moves, self._np_rowbase
        chunks = -(-n // CHUNK)
        padded = np.zeros(chunks * CHUNK + depth, dtype=np.intp)
        padded[depth:depth + n] = np.frombuffer(data, dtype=np.uint8)
        # row i: the `depth` bytes before chunk i, then chunk i
        grid = np.lib.stride_tricks.sliding_window_view(padded, CHUNK + depth)[::CHUNK]
        state = np.zeros(chunks, dtype=np.intp)
        states = np.empty((chunks, CHUNK), dtype=np.intp)
        for step in range(CHUNK + depth):
            state = moves[rowbase[state] + grid[:, step]]
            if step < depth:
                state[0] = 0                 # nothing comes before the first chunk
            else:
                states[:, step - depth] = state
        found = self._np_output[states.ravel()[:n]]
        found = found[found >= 0]
        if not found.size:
            return None
        features, first, counts = np.unique(found, return_index=True, return_counts=True)
        order = np.argsort(first)
        return dict(zip(features[order].tolist(), counts[order].tolist()))

    def _raw_score(self, text: bytes) -> np.ndarray:
        visits = self.feature_counts(text)
        if visits:
            return self._sparse_score(visits, self.nb_ptc)
        return super()._raw_score(text)       # no feature: py3langid's own fill


def load_identifier(model_file: str, norm_probs: bool) -> LanguageIdentifier:
    """A FastIdentifier for the model file, or py3langid's own identifier when the
    installed py3langid does not keep its automaton the way `FastIdentifier` reads it."""
    try:
        ident = FastIdentifier.from_model_file(model_file, norm_probs=norm_probs)
        ident.prepare_walk()
        if hasattr(ident, "_sparse_score"):
            return ident
    except (AttributeError, KeyError, TypeError, ValueError):
        pass
    return LanguageIdentifier.from_model_file(model_file, norm_probs=norm_probs)
