"""The kind of a document: article, statement, blog or channel.

A Telegram channel (export or dump) is a channel; a manifest's kind is taken as given.
Otherwise the kind is scored: what the publisher is known to publish (the outlet table,
else domain patterns in `lang/xx/kind.yaml`: ministries, presidencies and missions publish
statements; blog hosts publish blogs), text cues kept per language in
`lang/<code>/kind.yaml` (titles such as "Address by ...", salutations such as "Your
Excellencies", closings, an institution's present-tense voice; author bios, donation
appeals, compiler credits, first-person opinion) and the share of first-person pronouns
outside quotations. A document's text is searched for its own language's cues only (all
languages' when its language is unknown). A kind that reaches the threshold wins; otherwise
it is an article. This module decides nothing else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dyad import lang as langdata
from dyad.clean.alternation import grouped
from dyad.metadata import outlets
from dyad.metadata.dates import is_channel
from dyad.metadata.outlets import Outlet
from dyad.records import KINDS, Document

_QUOTED = re.compile(r"“[^”]{0,3000}”|«[^»]{0,3000}»|„[^“”]{0,3000}[“”]|\"[^\"\n]{0,3000}\"")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Publisher:
    """Who published the document, as far as known, and how it was learnt."""

    outlet: Outlet | None = None
    how: str = ""               # "domain" (from the URL) or "text" (from a name)


@functools.cache
def _common() -> Mapping[str, Any]:
    return langdata.load("kind").get(langdata.COMMON, {})


@functools.cache
def _domain_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rules = []
    for kind, pats in (_common().get("domains") or {}).items():
        rules += [(str(kind), re.compile(str(p))) for p in pats]
    return tuple(rules)


def domain_kind(url: str | None) -> str | None:
    """The kind a URL's domain publishes by default, from the domain patterns."""
    parts = outlets.split_url(url)
    if parts is None:
        return None
    where = parts[0] + parts[1].lower()
    for kind, rx in _domain_rules():
        if rx.search(where):
            return kind
    return None


def _has_cues(data: Mapping[str, Any]) -> bool:
    return any(data.get(kind) for kind in ("statement", "blog"))


@functools.cache
def _cue_groups(lang: str | None = None) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(kind, group, regex) for every cue group of the language (with any
    language-independent cues); pooled over all languages when the language is unknown or
    has no cues of its own. Only whether a group matches counts, so its alternatives are
    grouped by first character (`clean.alternation`), which finds a match in the same texts."""
    everything = langdata.load("kind")
    if lang and lang != langdata.COMMON and _has_cues(everything.get(lang) or {}):
        codes = [lang, langdata.COMMON]
    else:
        codes = list(everything)
    pooled: dict[tuple[str, str], list[str]] = {}
    for code in codes:
        data = everything.get(code) or {}
        for kind in ("statement", "blog"):
            for group, pats in (data.get(kind) or {}).items():
                pooled.setdefault((kind, str(group)), []).extend(str(p) for p in pats)
    flags = re.IGNORECASE | re.MULTILINE
    return tuple((k, g, re.compile(grouped(pats, flags), flags))
                 for (k, g), pats in pooled.items() if pats)


@functools.cache
def _pronouns(lang: str | None, which: str) -> frozenset[str]:
    data = langdata.load("kind").get(lang or "", {})
    return frozenset(str(w).casefold() for w in ((data.get("pronouns") or {}).get(which) or ()))


def _scopes(text: str, title: str | None) -> dict[str, str]:
    """Where cue groups are looked for: the head (title and first lines), and the tail and
    the whole text without quotations (a speech quoted in an article is no statement)."""
    c = _common()
    lines = [ln for ln in text.splitlines() if len(ln.split()) >= 2]
    head = "\n".join(([title] if title else []) + lines[:int(c.get("head_lines", 4))])
    own_words = _QUOTED.sub(" ", text)
    tail = own_words[-int(c.get("tail_chars", 500)):]
    return {"head": head, "tail": tail, "all": own_words}


def _stems(own_words: str) -> list[str]:
    """The words of a text (already without quotations), case-folded and cut at an
    apostrophe ("we're" -> "we")."""
    return [w.casefold().split("'")[0].split("’")[0] for w in _WORD.findall(own_words)]


def _share(stems: list[str], pron: frozenset[str]) -> float:
    if not stems or not pron:
        return 0.0
    return sum(1 for w in stems if w in pron) / len(stems)


def voice_share(text: str, lang: str | None, which: str) -> float:
    """Share of the words outside quotations that are first-person pronouns (`which`:
    "we" or "i") of the language."""
    return _share(_stems(_QUOTED.sub(" ", text)), _pronouns(lang, which))


def scores(text: str, lang: str | None, title: str | None = None) -> dict[str, float]:
    """Text evidence for each non-default kind."""
    c = _common()
    weights = c.get("weights") or {}
    scope_of = c.get("scopes") or {}
    where = _scopes(text, title)
    out = {"statement": 0.0, "blog": 0.0}
    for kind, group, rx in _cue_groups(lang):
        if rx.search(where[str(scope_of.get(group, "all"))]):
            out[kind] += float(weights.get(f"{kind}.{group}", 1.0))
    stems = _stems(where["all"])            # the words voice_share would read
    for kind, v in (c.get("voice") or {}).items():
        if _share(stems, _pronouns(lang, str(v["pronouns"]))) >= float(v["share"]):
            out[str(kind)] += float(v["weight"])
    return out


def kind_of(doc: Document, publisher: Publisher, text: str) -> str:
    """The document's kind (one of records.KINDS)."""
    if is_channel(doc):
        return "channel"
    given = (doc.given.kind or "").strip().lower()
    if given in KINDS:
        return given
    c = _common()
    threshold = float(c.get("threshold", 2.5))
    found = scores(text, doc.language, doc.given.title)
    known = publisher.outlet.kind if publisher.outlet else None
    how = publisher.how or "text"
    if known is None:
        known, how = domain_kind(doc.given.url), "domain"
    if known in ("statement", "blog"):
        found[known] += float((c.get("outlet_bonus") or {}).get(how, 2))
    elif known == "article":
        threshold = float((c.get("article_outlet_threshold") or {}).get(how, threshold))
    best = max(found, key=lambda k: found[k])
    return best if found[best] >= threshold else "article"
