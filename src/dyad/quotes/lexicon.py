"""The quote cues of a language, from `lang/<code>/quotes.yaml` (reporting verbs, noun cues,
outlet credits, words that refer back to a speaker, title cues, theses headings) plus its
`roles.yaml` (pronouns, person nouns, institutions), keyed like the actor gazetteer's tokens
(case-folded, accent-free, Russian lemmatised); and the marks of `lang/xx/quotes.yaml`. It
matches phrases; it does not decide who said what."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dyad import lang as langdata
from dyad.actors.codebook import gazetteer
from dyad.actors.tokens import Token

PHRASES = ("reporting", "according_to", "via_before", "via_after", "role_words",
           "institution_words", "title_cues", "theses_headings", "speech_headers")


@dataclass(frozen=True)
class Marks:
    """Language-independent marks: quote pairs, dashes and the markers of speech lines."""

    pairs: Mapping[str, tuple[str, ...]]
    apostrophes: frozenset[str]
    dashes: tuple[str, ...]
    speech_markers: tuple[str, ...]
    bullet_markers: tuple[str, ...]
    elisions: tuple[str, ...]

    @property
    def closers(self) -> frozenset[str]:
        return frozenset(c for cs in self.pairs.values() for c in cs)


@functools.cache
def marks() -> Marks:
    data = langdata.load("quotes").get(langdata.COMMON, {})
    pairs = {str(k): tuple(str(c) for c in v) for k, v in (data.get("pairs") or {}).items()}
    return Marks(pairs=pairs, apostrophes=frozenset(map(str, data.get("apostrophes") or ())),
                 dashes=tuple(map(str, data.get("dashes") or ())),
                 speech_markers=tuple(map(str, data.get("speech_markers") or ())),
                 bullet_markers=tuple(map(str, data.get("bullet_markers") or ())),
                 elisions=tuple(map(str, data.get("elisions") or ())))


@dataclass
class QuoteLexicon:
    lang: str
    phrases: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    lengths: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)
    pronouns: set[str] = field(default_factory=set)     # case-folded, accents kept ("él")

    def tokens(self, text: str) -> list[Token]:
        return gazetteer(self.lang).tokens(text)

    def keys(self, form: str) -> tuple[str, ...]:
        return tuple(t.key for t in self.tokens(form))

    def at(self, name: str, toks: list[Token], k: int) -> int:
        """Length of the longest `name` phrase starting at token k (0 when none)."""
        if k < 0 or k >= len(toks):
            return 0
        for n in self.lengths.get((name, toks[k].key), ()):
            if tuple(t.key for t in toks[k:k + n]) in self.phrases[name]:
                return n
        return 0

    def find(self, name: str, toks: list[Token], lo: int = 0, hi: int | None = None
             ) -> list[tuple[int, int]]:
        """(start, length) of every `name` phrase in toks[lo:hi], longest at each start."""
        hi = len(toks) if hi is None else min(hi, len(toks))
        out = []
        for k in range(max(lo, 0), hi):
            n = self.at(name, toks, k)
            if n:
                out.append((k, n))
        return out

    def is_pronoun(self, toks: list[Token], k: int) -> bool:
        """Token k is a third-person pronoun (compared with its accents: "él", not "el")."""
        return 0 <= k < len(toks) and toks[k].text.casefold() in self.pronouns

    def line_has(self, name: str, text: str) -> bool:
        return bool(self.find(name, self.tokens(text)))


def _add(lex: QuoteLexicon, name: str, forms: Iterable[object]) -> None:
    lex.phrases.setdefault(name, set()).update(
        k for k in (lex.keys(str(f)) for f in forms or ()) if k)


@functools.cache
def lexicon(code: str) -> QuoteLexicon:
    """The quote cues of a language (every language's when `code` is unknown)."""
    known = code in langdata.available() and code != langdata.COMMON
    langs = (code,) if known else tuple(c for c in langdata.available() if c != langdata.COMMON)
    lex = QuoteLexicon(lang=code if known else "*")
    for lc in langs:
        data = langdata.load("quotes").get(lc, {})
        for name in PHRASES:
            _add(lex, name, data.get(name) or ())
        lex.pronouns.update(str(w).casefold() for w in data.get("pronouns") or ())
        roles = langdata.load("roles").get(lc, {})
        for words in (roles.get("pronouns") or {}).values():
            lex.pronouns.update(str(w).casefold() for w in words or ())
        for forms in (roles.get("person_nouns") or {}).values():
            _add(lex, "role_words", forms or ())
        for forms in (roles.get("roles") or {}).values():
            _add(lex, "role_words", forms or ())
        for forms in (roles.get("institutions") or {}).values():
            _add(lex, "institution_words", forms or ())
    for name, phrases in lex.phrases.items():
        for p in phrases:
            key = (name, p[0])
            lex.lengths[key] = tuple(sorted(set(lex.lengths.get(key, ())) | {len(p)}, reverse=True))
    return lex
