"""Event triggers and the cue words around them, per language, from `lang/<code>/events.yaml`,
keyed like the actor gazetteer's tokens (case-folded, accent-free, Russian lemmatised). A
trigger may hold gaps (`...`: up to four words). `find_triggers` gives the triggers of a run of
tokens, `Lexicon.cues_in` where each cue starts in it (both read each token's key once). It
matches; it does not decide arguments."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from dyad import lang as langdata
from dyad.actors.codebook import gazetteer
from dyad.actors.tokens import Token
from dyad.records import EVENT_TYPES

GAP = "..."
MAX_GAP = 4
CLASSES = ("action", "speech", "evaluative", "passive")
CUES = ("negation", "planned", "hypothetical", "reporting", "first_person", "the_sides",
        "own_country")


@dataclass(frozen=True)
class Trigger:
    type: str
    cls: str
    parts: tuple[tuple[str, ...], ...]      # token keys, split at the gaps
    form: str


@dataclass(frozen=True)
class Hit:
    i: int            # first token
    j: int            # one past the last token
    trigger: Trigger


# first key -> (second key -> the triggers that can start at a token with those two keys;
# the triggers that can start there whatever the second key), each in `Lexicon.first` order
Narrowed = dict[str, tuple[dict[str, tuple[Trigger, ...]], tuple[Trigger, ...]]]


@dataclass(frozen=True)
class Cues:
    """Where each cue of a lexicon starts in one run of tokens: name -> {token index: length
    (as `Lexicon.cue_at` gives it)}."""

    at: Mapping[str, Mapping[int, int]]

    def cue_at(self, name: str, k: int) -> int:
        """Length of the longest `name` cue starting at token k (0 when none)."""
        return self.at.get(name, {}).get(k, 0)

    def has(self, name: str, lo: int, hi: int) -> bool:
        """A `name` cue starts at a token in [lo, hi)."""
        return any(lo <= k < hi for k in self.at.get(name, ()))

    def starts(self, name: str) -> list[int]:
        """The tokens where a `name` cue starts, in order."""
        return sorted(self.at.get(name, ()))


@dataclass
class Lexicon:
    lang: str
    first: dict[str, list[Trigger]] = field(default_factory=dict)
    cues: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    cue_lengths: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)
    narrowed: Narrowed = field(default_factory=dict)
    # first key -> (cue name, lengths longest first) of the cues that start with it
    cue_first: dict[str, tuple[tuple[str, tuple[int, ...]], ...]] = field(default_factory=dict)

    def tokens(self, text: str) -> list[Token]:
        return gazetteer(self.lang).tokens(text)

    def keys(self, form: str) -> tuple[str, ...]:
        return tuple(t.key for t in self.tokens(form))

    def cue_at(self, name: str, toks: list[Token], k: int) -> int:
        """Length of the longest `name` cue starting at token k (0 when none)."""
        if k < 0 or k >= len(toks):
            return 0
        for n in self.cue_lengths.get((name, toks[k].key), ()):
            if tuple(t.key for t in toks[k:k + n]) in self.cues[name]:
                return n
        return 0

    def has_cue(self, name: str, toks: list[Token], lo: int, hi: int) -> bool:
        return any(self.cue_at(name, toks, k) for k in range(max(lo, 0), min(hi, len(toks))))

    def cues_in(self, toks: list[Token]) -> Cues:
        """Every cue of the tokens at once: `Cues.cue_at(name, k)` is `cue_at(name, toks, k)`."""
        return self.cues_of(tuple(t.key for t in toks))

    def cues_of(self, keys: tuple[str, ...]) -> Cues:
        """`cues_in` for the tokens' keys."""
        at: dict[str, dict[int, int]] = {}
        first = self.cue_first
        for k, key in enumerate(keys):
            for name, lengths in first.get(key, ()):
                phrases = self.cues[name]
                for n in lengths:
                    if keys[k:k + n] in phrases:
                        at.setdefault(name, {})[k] = n
                        break
        return Cues(MappingProxyType(at))


@functools.cache
def lexicon(code: str) -> Lexicon:
    """The trigger lexicon of a language (all languages' when `code` is unknown)."""
    langs = langdata.available() if code not in langdata.available() else (code,)
    lex = Lexicon(lang=code if code in langdata.available() else "*")
    for lc in langs:
        data = langdata.load("events").get(lc, {})
        for etype, classes in (data.get("triggers") or {}).items():
            if etype not in EVENT_TYPES:
                continue
            for cls, forms in (classes or {}).items():
                if cls not in CLASSES:
                    continue
                for form in forms or ():
                    parts = tuple(p for p in (lex.keys(x) for x in str(form).split(GAP)) if p)
                    if parts:
                        lex.first.setdefault(parts[0][0], []).append(
                            Trigger(str(etype), str(cls), parts, str(form)))
        for cue in CUES:
            lex.cues.setdefault(cue, set()).update(
                k for k in (lex.keys(str(f)) for f in data.get(cue) or ()) if k)
    for cue, phrases in lex.cues.items():
        for phrase in phrases:
            key = (cue, phrase[0])
            lex.cue_lengths[key] = tuple(sorted(set(lex.cue_lengths.get(key, ())) | {len(phrase)},
                                                reverse=True))
    cue_first: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for (cue, key), lengths in lex.cue_lengths.items():
        cue_first.setdefault(key, []).append((cue, lengths))
    lex.cue_first = {key: tuple(v) for key, v in cue_first.items()}
    lex.narrowed = _narrowed(lex.first)
    return lex


def _narrowed(first: dict[str, list[Trigger]]) -> Narrowed:
    """The triggers by their first two keys (see `Narrowed`): a trigger whose first part is
    one word can start whatever the next key; a longer one only before its second word."""
    out: Narrowed = {}
    for key, trigs in first.items():
        seconds = {t.parts[0][1] for t in trigs if len(t.parts[0]) > 1}
        out[key] = ({s: tuple(t for t in trigs if len(t.parts[0]) == 1 or t.parts[0][1] == s)
                     for s in seconds},
                    tuple(t for t in trigs if len(t.parts[0]) == 1))
    return out


def find_triggers(lex: Lexicon, toks: list[Token]) -> list[Hit]:
    """Every trigger in the tokens; a hit inside a longer hit is left out."""
    return triggers_of(lex, tuple(t.key for t in toks))


def triggers_of(lex: Lexicon, keys: tuple[str, ...]) -> list[Hit]:
    """`find_triggers` for the tokens' keys."""
    hits = []
    narrowed = lex.narrowed
    last = len(keys) - 1
    for i, key in enumerate(keys):
        entry = narrowed.get(key)
        if entry is None:
            continue
        by_second, any_second = entry
        trigs = by_second.get(keys[i + 1], any_second) if i < last else any_second
        for trig in trigs:
            j = _match(trig, keys, i)
            if j:
                hits.append(Hit(i, j, trig))
    hits.sort(key=lambda h: (h.i, -(h.j - h.i)))
    kept: list[Hit] = []
    for h in hits:
        if any(k.i <= h.i and h.j <= k.j and (k.j - k.i) > (h.j - h.i) for k in kept):
            continue
        if any(k.i == h.i and k.j == h.j and k.trigger.type == h.trigger.type for k in kept):
            continue
        kept.append(h)
    return kept


def _match(trig: Trigger, keys: tuple[str, ...], i: int) -> int:
    """End of the trigger matched from token i (keys: the tokens' keys), or 0."""
    first = trig.parts[0]
    k = i + len(first)
    if len(first) > 2 and keys[i:k] != first:
        return 0                           # (its first two keys are known to match)
    for part in trig.parts[1:]:
        for at in range(k, k + MAX_GAP + 1):
            if keys[at:at + len(part)] == part:
                k = at + len(part)
                break
        else:
            return 0
    return k
