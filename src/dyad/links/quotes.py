"""Quote clusters: whether two quotes, in any languages, render the same statement (verbatim,
translated, shortened or paraphrased), and which existing cluster a new quote joins.

Blocking (done by the caller): the same speaker key (surname and state, `keys.speaker_key`)
and days within WINDOW_DAYS (a statement is re-reported for weeks: the seeds hold a speech
translated seven weeks later). But a speaker's stock lines ("unilateral sanctions are
illegal", one clause) recur week after week, so two quotes more than RECENT_DAYS apart must
both run to LONG_WORDS words: a passage carried weeks later, not a slogan said again.
(The seeds' late translation has 19 and 22 words; the synthetic corpus's stock lines 7-18.
Pairs of synthetic documents in one quote cluster that print one quote, 1k / 10k: 0.74 /
0.20 when every quote had 62 days; 0.91 / 0.55 with 14 days and 16 words; 0.94 / 0.70 with
7 days and 18 words, but 7 days lost two right pairs of the held-out links set, quoted 8 to
14 days apart: the synthetic corpus repeats its stock lines more densely than outlets do.)
Then, for a pair:

- vetoes: a quote under LONG_WORDS words either without a day (neither its own date nor its
  document's: stock lines recur for years) or more than RECENT_DAYS apart; both quotes carry
  their own dates and these differ by more than DATE_DAYS (the same words said on two
  occasions are two statements); both hold numbers and share none;
- both name actors (`QuoteItem.actors`, from the mentions inside the words) and none in
  common: no match ("Cuba is a key partner" is not "Bolivia is a key partner");
- same language: the shorter quote's word 3-shingles are at least CONTAINED in the other
  (verbatim, shortened, lightly edited). Meaning alone does not join two quotes of one
  language: on the synthetic 1k corpus not one of 367 same-language pairs the embedding was
  asked about reached the former threshold (0.72), and each cost embeddings;
- different languages: the embedding score reaches CROSS_LANGUAGE.

The embedding score is the largest cosine over pairs of sentence and clause units
(`embed.clause_units`), after each language's centre is taken out (`embed.centred`): raw
cosines of e5 put unrelated sentences of one language (up to 0.90) above translations
(0.84-0.93); centred, translations score 0.55-0.85 and unrelated diplomatic sentences by the
same kind of speaker at most about 0.47 across languages and 0.58 within one (measured on the
examples of tests/test_links_quotes.py and the seeds' gold quotes). Thresholds favour
precision.

Embedding is the costly part of linking (25-35 ms a unit on one thread), so `choose` embeds
only when it must: the word overlap is tried on every candidate first and, when it decides,
nothing is embedded; otherwise the new quote's units and those of a few members of each
candidate group in other languages (`_representatives`) are fetched in one call (the store
keeps every unit's vector, so each distinct unit is embedded once per store). A quote gives
at most MAX_UNITS units, whole sentences first.

This module reads and writes no store: vectors come from the caller (`Vectors`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from dyad.dedup import shingles
from dyad.links.embed import centred, clause_units, units

WINDOW_DAYS = 62          # days between two quotes' days for them to be compared at all
RECENT_DAYS = 14          # further apart than this, both quotes must have LONG_WORDS words
LONG_WORDS = 18
DATE_DAYS = 7             # two quotes with their own dates further apart are two statements
CONTAINED = 0.5           # share of the shorter quote's word 3-shingles found in the other
CROSS_LANGUAGE = 0.52     # centred embedding score, different languages
SCORER_CACHE = 4096       # quotes whose centred vectors a Scorer keeps in memory
MAX_UNITS = 8             # sentence and clause units of one quote that are embedded
PER_LANGUAGE = 2          # a group's members in one language the embedding is compared with
_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")

Vectors = Callable[[Sequence[str]], np.ndarray]
"""Raw (uncentred) unit vectors of texts, (n, 384), in order: `embed.embed` or a cache."""


@dataclass
class QuoteItem:
    """What quote clustering compares: a quote's keys and text, with its store id and
    cluster."""

    id: int
    doc: int
    speaker: str
    day: int | None                   # day number: the quote's own, else publication
    dated: bool                       # its own date (not the publication day it fell back on)
    language: str | None
    text: str
    cluster: str | None = None
    actors: frozenset[str] = frozenset()              # codes of the actors its words name
    units: list[str] = field(default_factory=list)     # filled by `unit_texts` when needed
    _numbers: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    _words: int | None = field(default=None, init=False, repr=False, compare=False)
    _shingles: set[bytes] | None = field(default=None, init=False, repr=False, compare=False)

    def unit_texts(self) -> list[str]:
        """The sentence and clause units its embedding score compares (`embed.clause_units`,
        at most MAX_UNITS), worked out once."""
        if not self.units:
            found = clause_units(self.text)
            if len(found) > MAX_UNITS:          # whole sentences before clauses
                whole = set(units(self.text))
                found = [u for u in found if u in whole] + [u for u in found if u not in whole]
            self.units = found[:MAX_UNITS]
        return self.units

    def word_count(self) -> int:
        if self._words is None:
            self._words = len(self.text.split())
        return self._words

    def number_set(self) -> frozenset[str]:
        if self._numbers is None:
            self._numbers = numbers(self.text)
        return self._numbers

    def shingle_set(self) -> set[bytes]:
        if self._shingles is None:
            self._shingles = shingles(self.text)
        return self._shingles


def numbers(text: str) -> frozenset[str]:
    """The numbers written in digits, separators removed ('1,000' == '1 000' == '1000')."""
    return frozenset(re.sub(r"[.,\s]", "", m.group()) for m in _NUMBER.finditer(text))


def contained(a: str | QuoteItem, b: str | QuoteItem) -> float:
    """Share of the shorter text's word 3-shingles that the other has."""
    sa = a.shingle_set() if isinstance(a, QuoteItem) else shingles(a)
    sb = b.shingle_set() if isinstance(b, QuoteItem) else shingles(b)
    if not sa or not sb:
        return 0.0
    small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small & big) / len(small)


def vetoed(a: QuoteItem, b: QuoteItem) -> bool:
    """Hard reasons for two quotes not to be one statement."""
    if a.speaker != b.speaker:
        return True
    short = min(a.word_count(), b.word_count()) < LONG_WORDS
    if a.day is None or b.day is None:      # no telling when: long passages only
        return short
    gap = abs(a.day - b.day)
    if gap > WINDOW_DAYS or (a.dated and b.dated and gap > DATE_DAYS) or \
            (short and gap > RECENT_DAYS):
        return True
    na, nb = a.number_set(), b.number_set()
    return bool(na and nb and not na & nb)


class Scorer:
    """Centred unit vectors of quotes, computed once per quote through `vectors`."""

    def __init__(self, vectors: Vectors) -> None:
        self._vectors = vectors
        self._centred: dict[int, np.ndarray] = {}

    def prepare(self, items: Iterable[QuoteItem]) -> None:
        """Fetch the vectors of every unit of `items` not yet seen, in one call."""
        wanted = list({q.id: q for q in items}.values())
        todo = [q for q in wanted if q.id not in self._centred]
        if len(self._centred) + len(todo) > SCORER_CACHE:
            self._centred.clear()            # every quote asked for is wanted next: all again
            todo = wanted
        texts = [u for q in todo for u in q.unit_texts()]
        if not texts:
            return
        raw = self._vectors(texts)
        k = 0
        for q in todo:
            n = len(q.units)
            self._centred[q.id] = centred(raw[k:k + n], q.language)
            k += n

    def score(self, a: QuoteItem, b: QuoteItem) -> float:
        """Largest centred cosine over the two quotes' units."""
        self.prepare([a, b])
        va, vb = self._centred[a.id], self._centred[b.id]
        if not len(va) or not len(vb):
            return 0.0
        return float((va @ vb.T).max())


def actors_agree(a: QuoteItem, b: QuoteItem) -> bool:
    """Two quotes that each name actors name one in common: "Colombia is a key partner for
    us" and "Bolivia is a key partner for us" are two statements, however alike their words.
    (Not a veto over a whole cluster: two sentences of one statement, each rendered apart,
    may name different actors and both match the whole.)"""
    return not (a.actors and b.actors and a.actors.isdisjoint(b.actors))


def _overlap(a: QuoteItem, b: QuoteItem) -> float | None:
    """The cheap score: 1 + containment for quotes of one language that share most of their
    word 3-shingles (above any embedding score); None when that does not decide."""
    if a.language != b.language or not actors_agree(a, b):
        return None
    c = contained(a, b)
    return 1.0 + c if c >= CONTAINED else None


def _embedded(a: QuoteItem, b: QuoteItem, scorer: Scorer) -> float | None:
    if a.language == b.language or not actors_agree(a, b):
        return None
    s = scorer.score(a, b)
    return s if s >= CROSS_LANGUAGE else None


def _representatives(item: QuoteItem, members: Sequence[QuoteItem]) -> list[QuoteItem]:
    """The members of a group the new quote's embedding is compared with: in each language
    but its own (one language is matched by shared words), the PER_LANGUAGE longest distinct
    texts that agree on actors. A cluster's renderings in one language are copies or cuts of
    each other, so comparing with every one of them only costs embeddings."""
    by_language: dict[str | None, dict[str, QuoteItem]] = {}
    for m in members:
        if m.language != item.language and actors_agree(item, m):
            by_language.setdefault(m.language, {}).setdefault(m.text, m)
    out: list[QuoteItem] = []
    for texts in by_language.values():
        out += sorted(texts.values(), key=lambda m: (-len(m.text), m.id))[:PER_LANGUAGE]
    return out


def same_statement(a: QuoteItem, b: QuoteItem, scorer: Scorer) -> float | None:
    """How surely two quotes render one statement (None: they do not)."""
    if vetoed(a, b):
        return None
    overlap = _overlap(a, b)
    return overlap if overlap is not None else _embedded(a, b, scorer)


def choose(item: QuoteItem, groups: Iterable[Sequence[QuoteItem]],
           scorer: Scorer) -> Sequence[QuoteItem] | None:
    """Of candidate groups (one cluster's members, or a lone quote), the one whose best member
    the new quote renders the same statement as, most surely; no member may veto it."""
    found = choose_all(item, groups, scorer)
    return found[0] if found else None


def choose_all(item: QuoteItem, groups: Iterable[Sequence[QuoteItem]],
               scorer: Scorer) -> list[Sequence[QuoteItem]]:
    """Every candidate group the new quote renders the same statement as (no member
    vetoing), the surest first: a whole quotation that arrives after two of its pieces joins
    (and so merges) both.

    The word overlap is tried first: when some group holds a quote the new one overlaps, the
    groups it overlaps are the answer (all of them: shared words are what may merge two
    clusters) and no embedding is computed (an overlap scores above any cosine). Otherwise
    the vectors of the new quote and of every member still in the race are fetched in one
    call, and only the closest group is the answer."""
    allowed = [m for m in groups if m and not any(vetoed(item, x) for x in m)]
    scored: list[tuple[float, int, Sequence[QuoteItem]]] = []
    for n, members in enumerate(allowed):
        # members with the same words score the same (a cluster of a stock line holds many)
        distinct = {(m.language, m.text): m for m in members}.values()
        scores = [s for s in (_overlap(item, m) for m in distinct) if s is not None]
        if scores:
            scored.append((max(scores), -n, members))
    if not scored and allowed:
        compared = [_representatives(item, members) for members in allowed]
        wanted = [m for reps in compared for m in reps]
        if wanted:
            scorer.prepare([item, *wanted])
        for n, (members, reps) in enumerate(zip(allowed, compared)):
            scores = [s for s in (_embedded(item, m, scorer) for m in reps) if s is not None]
            if scores:
                scored.append((max(scores), -n, members))
        # by meaning alone a quotation joins one group: merging clusters takes shared words
        scored = sorted(scored, key=lambda x: (x[0], x[1]), reverse=True)[:1]
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [members for _s, _n, members in scored]
