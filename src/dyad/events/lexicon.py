"""Event triggers and the cue words around them, per language, from `lang/<code>/events.yaml`,
keyed like the actor gazetteer's tokens (case-folded, accent-free, Russian lemmatised). A
trigger may hold gaps (`...`: up to four words). It matches; it does not decide arguments."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

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


@dataclass
class Lexicon:
    lang: str
    first: dict[str, list[Trigger]] = field(default_factory=dict)
    cues: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    cue_lengths: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)

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
    return lex


def find_triggers(lex: Lexicon, toks: list[Token]) -> list[Hit]:
    """Every trigger in the tokens; a hit inside a longer hit is left out."""
    hits = []
    for i, t in enumerate(toks):
        for trig in lex.first.get(t.key, ()):
            j = _match(trig, toks, i)
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


def _match(trig: Trigger, toks: list[Token], i: int) -> int:
    """End of the trigger matched from token i, or 0."""
    first = trig.parts[0]
    if tuple(t.key for t in toks[i:i + len(first)]) != first:
        return 0
    k = i + len(first)
    for part in trig.parts[1:]:
        for gap in range(0, MAX_GAP + 1):
            at = k + gap
            if tuple(t.key for t in toks[at:at + len(part)]) == part:
                k = at + len(part)
                break
        else:
            return 0
    return k
