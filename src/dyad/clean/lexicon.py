"""The boilerplate lexicon: every language's `boilerplate.yaml` (and the language-independent
`xx/boilerplate.yaml`) merged into one read-only object, since a document's language is not
known when it is cleaned. Month and weekday names for datelines come from CLDR (babel) for
the same language codes. This module only loads and indexes the data; `clean.lines` and
`clean.blocks` decide what a line is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from dyad import lang
from dyad.clean.alternation import grouped, lookahead
from dyad.clean.shape import key, normalise, tokens

TOPIC = "boilerplate"

# Keys of boilerplate.yaml holding phrases (matched as whole lines or line prefixes).
PHRASE_KEYS = ("widget", "section", "more_link", "related", "comments", "views", "tags", "glue",
               "byline", "credit", "credit_label", "name_particles", "photo", "dateline",
               "date_words", "forwarded")
# Keys holding regular expressions (searched inside a line, case-insensitively).
PATTERN_KEYS = ("donation_patterns", "payment_patterns", "subscribe_patterns", "bio_patterns",
                "disclaimer_patterns", "advert_patterns")
# Keys holding phrases searched anywhere in a line.
ANYWHERE_KEYS = ("copyright",)
KNOWN_KEYS = frozenset(PHRASE_KEYS + PATTERN_KEYS + ANYWHERE_KEYS)


# Phrase classes whose phrases may open a line, each with the rest of the line to judge.
PREFIX_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("related", ("related", "more_link")),
    ("forwarded", ("forwarded",)),
    ("tags", ("tags",)),
    ("credit", ("credit",)),
    ("credit_label", ("credit_label",)),
    ("byline", ("byline",)),
    ("photo", ("photo",)),
    ("dateline", ("dateline",)),
)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Normalised phrases (see `shape.key`) by class, and compiled patterns."""

    widget: frozenset[str]
    section: frozenset[str]
    more_link: frozenset[str]
    related: frozenset[str]
    comments: frozenset[str]
    views: frozenset[str]
    tags: frozenset[str]
    glue: frozenset[str]
    byline: frozenset[str]
    name_particles: frozenset[str]
    date_words: frozenset[str]        # time words allowed in a dateline ("ago", "hours")
    calendar: frozenset[str]          # month and weekday names (CLDR)
    prefixes: Mapping[str, re.Pattern[str]]   # PREFIX_KINDS -> "^(cue)" on a normalised line
    copyright: re.Pattern[str]        # notices, as whole words anywhere in a normalised line
    # the appeal patterns below only say whether a line matches (see `_compile`)
    donation: re.Pattern[str]
    payment: re.Pattern[str]
    subscribe: re.Pattern[str]
    bio: re.Pattern[str]
    disclaimer: re.Pattern[str]
    advert: re.Pattern[str]
    photo_credit: re.Pattern[str]     # a credit at the end of a line ("... | Photo: X/@y")
    phrase_class: Mapping[tuple[str, ...], str]   # token tuple -> class, for segmentation
    max_phrase_tokens: int

    def prefix(self, kind: str, norm: str) -> tuple[str, str] | None:
        """(cue, rest of the line) when a cue of `kind` opens the normalised line."""
        m = self.prefixes[kind].match(norm)
        return (m.group(0), norm[m.end():]) if m else None


_NEVER = re.compile(r"(?!x)x")


def _compile(patterns: list[str]) -> re.Pattern[str]:
    """One pattern of many, tried only where a word starts (so a pattern must begin with a
    word character, `^`, or a lookbehind); searched in a line without its leading marks.
    The alternatives are grouped by first character (`clean.alternation`): the pattern
    tells whether a line matches, not which alternative matched or where."""
    if not patterns:
        return _NEVER
    flags = re.IGNORECASE | re.UNICODE
    return re.compile(rf"(?<![^\W_])(?=[^\W_])(?:{grouped(patterns, flags)})", flags)


def _longest_first(phrases: set[str]) -> list[str]:
    return sorted(phrases, key=lambda s: (-len(s), s))


def _opening(phrases: set[str]) -> re.Pattern[str]:
    """Any of the phrases opening a normalised line, as whole words."""
    if not phrases:
        return _NEVER
    alt = "|".join(re.escape(p) for p in _longest_first(phrases))
    return re.compile(rf"^(?:{alt})(?![^\W_])")


def _phrases_anywhere(phrases: set[str]) -> re.Pattern[str]:
    """Normalised phrases found anywhere in a normalised line, as whole words."""
    if not phrases:
        return _NEVER
    alt = "|".join(re.escape(p) for p in _longest_first(phrases))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)")


def _photo_pattern(markers: set[str], bylines: set[str]) -> re.Pattern[str]:
    """A photo credit closing a line: a marker, then ':' '©' '|' (group sep), '/' (group
    slash) or a byline word (group by), then the rest of the line (group rest)."""
    if not markers:
        return _NEVER
    m = "|".join(re.escape(x) for x in _longest_first(markers))
    by = "|".join(re.escape(x) for x in _longest_first(bylines) if x.isalpha()) or "(?!x)x"
    # the lookahead of the markers' first letters only saves trying every marker elsewhere
    first = lookahead(x[0] for x in markers)
    return re.compile(
        rf"{first}(?:^|(?<=[\s.|/(\[,;–—-]))(?P<marker>{m})\s*"
        rf"(?:(?P<sep>[:©|])|(?P<slash>/)|(?P<by>{by})\s)(?P<rest>[^!?]*)$",
        re.IGNORECASE | re.UNICODE)


@functools.cache
def calendar_words(code: str) -> frozenset[str]:
    """Month and weekday names (wide and abbreviated, both grammatical contexts) of a
    language, from CLDR; empty when babel does not know the language."""
    try:
        from babel import dates
        from babel.core import UnknownLocaleError
    except ImportError:  # pragma: no cover - babel is a dependency
        return frozenset()
    out: set[str] = set()
    try:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for names in (dates.get_month_names(width, context, locale=code),
                              dates.get_day_names(width, context, locale=code)):
                    out.update(key(n) for n in names.values())
    except (UnknownLocaleError, ValueError):
        return frozenset()
    return frozenset(w for w in out if w)


# Which class a segmented widget phrase belongs to, in order of precedence.
_SEGMENT_CLASSES = ("comments", "views", "more_link", "tags", "widget", "section")


@functools.cache
def load_lexicon(languages: tuple[str, ...]) -> Lexicon:
    """The merged lexicon of the given languages and the common `xx` data."""
    data = lang.load(TOPIC)
    codes = [c for c in (*languages, lang.COMMON) if c in data]
    phrases: dict[str, set[str]] = {k: set() for k in PHRASE_KEYS}
    patterns: dict[str, list[str]] = {k: [] for k in PATTERN_KEYS}
    for code in codes:
        d = data[code]
        unknown = set(d) - KNOWN_KEYS
        if unknown:
            raise ValueError(f"{code}/{TOPIC}.yaml: unknown keys {sorted(unknown)}")
        for k in PHRASE_KEYS:
            phrases[k].update(key(str(p)) for p in d.get(k, ()) if key(str(p)))
        for k in PATTERN_KEYS:
            patterns[k].extend(str(p) for p in d.get(k, ()))
    calendar: set[str] = set()
    for code in languages:
        calendar |= calendar_words(code)

    copyright = {normalise(str(p)) for c in codes for p in data[c].get("copyright", ())}
    phrase_class: dict[tuple[str, ...], str] = {}
    for cls in reversed(_SEGMENT_CLASSES):       # earlier classes win
        for p in phrases[cls]:
            toks = tuple(tokens(p))
            if toks:
                phrase_class[toks] = cls
    longest = max((len(t) for t in phrase_class), default=1)

    return Lexicon(
        widget=frozenset(phrases["widget"]), section=frozenset(phrases["section"]),
        more_link=frozenset(phrases["more_link"]), related=frozenset(phrases["related"]),
        comments=frozenset(phrases["comments"]), views=frozenset(phrases["views"]),
        tags=frozenset(phrases["tags"]), glue=frozenset(phrases["glue"]),
        byline=frozenset(phrases["byline"]), name_particles=frozenset(phrases["name_particles"]),
        date_words=frozenset(phrases["date_words"]), calendar=frozenset(calendar),
        prefixes=MappingProxyType({
            kind: _opening(set().union(*(phrases[c] for c in classes)))
            for kind, classes in PREFIX_KINDS}),
        copyright=_phrases_anywhere(copyright),
        donation=_compile(patterns["donation_patterns"]),
        payment=_compile(patterns["payment_patterns"]),
        subscribe=_compile(patterns["subscribe_patterns"]),
        bio=_compile(patterns["bio_patterns"]),
        disclaimer=_compile(patterns["disclaimer_patterns"]),
        advert=_compile(patterns["advert_patterns"]),
        photo_credit=_photo_pattern(phrases["photo"], phrases["byline"]),
        phrase_class=MappingProxyType(phrase_class), max_phrase_tokens=longest,
    )
