"""Credits: the outlets a text names as its own publisher, and those it credits for its
material.

Each place a text names a known outlet (see `outlets.mentions`) is read with the words
around it on its line, against per-language cue patterns (`lang/<code>/citations.yaml`):
"as quoted by RT", "skriver den sydamerikanska kanalen TeleSUR", "сообщает ТАСС",
"MOSCOW (Reuters) -" credit a cited source; "by teleSUR/ GSD", "© 2023 Prensa Latina",
"Du kan stötta Newsvoice via ..." name the publisher. A name with no cue around it (a tag, a
related-link list, a picture credit) is neither. Telegram "Forwarded from X" lines and
`post.forwarded_from` are cited sources as given. This module does not decide the outlet
of a document (see `metadata.describe`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dyad import lang as langdata
from dyad.metadata import outlets
from dyad.metadata.outlets import Mention
from dyad.records import Document

CONTEXT_BEFORE = 400           # characters of the line before a name that cues are read in
CONTEXT_AFTER = 160
OWN_WEIGHT = 2.0               # a name with a publisher cue
COPYRIGHT_BONUS = 1.5          # ... in a copyright line
DROPPED_BONUS = 1.0            # ... on a line cleaning dropped (byline, footer, appeal)
EDGE_BONUS = 0.5               # ... in the first 15% or last 25% of the text


@dataclass(frozen=True)
class Credit:
    mention: Mention
    role: str                  # "own" or "cited"
    weight: float = 0.0


@dataclass(frozen=True)
class _Cues:
    cited_before: re.Pattern[str] | None
    cited_after: re.Pattern[str] | None
    own_before: re.Pattern[str] | None
    own_after: re.Pattern[str] | None
    wrapped: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    photo: re.Pattern[str] | None
    photo_line: re.Pattern[str] | None
    photo_reach: int
    forwarded: re.Pattern[str] | None
    copyright_mark: re.Pattern[str] | None
    copyright_year: re.Pattern[str] | None
    rights: re.Pattern[str] | None
    name_separator: re.Pattern[str] | None
    name_max_words: int
    wire_dateline: re.Pattern[str] | None
    chain: re.Pattern[str]


def _all(data: Mapping[str, Any], role: str, side: str) -> list[str]:
    out: list[str] = []
    for code, d in data.items():
        out += [str(p) for p in ((d.get(role) or {}).get(side) or ())]
    return out


def _expand(pattern: str, common: Mapping[str, Any]) -> str:
    word = str(common.get("gap_word", r"(?:\S+\s+)"))
    n = int(common.get("gap_words", 4))
    quote = r"[\"«“„‘']?"
    return (pattern.replace("{gap}", f"(?:{word}){{0,{n}}}{quote}")
                   .replace("{gap1}", f"(?:{word})?{quote}"))


def _compile(patterns: Iterable[str], common: Mapping[str, Any], anchor: str) -> \
        re.Pattern[str] | None:
    pats = [_expand(p, common) for p in patterns]
    if not pats:
        return None
    body = "|".join(f"(?:{p})" for p in pats)
    if anchor == "end":
        return re.compile(rf"(?:{body})[\"«“„‘']?$", re.IGNORECASE)
    return re.compile(rf"^[\"»”“']?(?:{body})", re.IGNORECASE)


@functools.cache
def cues() -> _Cues:
    data = langdata.load("citations")
    common = data.get(langdata.COMMON, {})
    wrapped = tuple((re.compile(f"(?:{b})$"), re.compile(f"^(?:{a})"))
                    for b, a in ((common.get("cited") or {}).get("wrapped") or ()))
    photo_words = [str(w) for w in common.get("photo") or ()]
    photo = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in photo_words)
                       + r")(?![^\W_])", re.IGNORECASE) if photo_words else None
    photo_line = re.compile(str(common["photo_line"])) if common.get("photo_line") else None
    fwd = sorted({str(f) for d in data.values() for f in (d.get("forwarded") or ())},
                 key=len, reverse=True)
    forwarded = re.compile(r"^[^\w\n]*(?:" + "|".join(re.escape(f) for f in fwd)
                           + r")\s*:?\s*(?P<name>[^\n]+?)\s*$",
                           re.IGNORECASE | re.MULTILINE) if fwd else None
    rights = sorted({str(r) for d in data.values() for r in (d.get("rights") or ())},
                    key=len, reverse=True)
    rights_rx = "|".join(f"(?:{r})" for r in rights)
    own_after = _all(data, "own", "after") + ([rf"\s*[.,]?\s*(?:{rights_rx})"] if rights else [])

    def opt(key: str, flags: int = 0) -> re.Pattern[str] | None:
        return re.compile(str(common[key]), flags) if common.get(key) else None

    return _Cues(
        cited_before=_compile(_all(data, "cited", "before"), common, "end"),
        cited_after=_compile(_all(data, "cited", "after"), common, "start"),
        own_before=_compile(_all(data, "own", "before"), common, "end"),
        own_after=_compile(own_after, common, "start"),
        wrapped=wrapped, photo=photo, photo_line=photo_line,
        photo_reach=int(common.get("photo_reach", 40)), forwarded=forwarded,
        copyright_mark=opt("copyright_mark", re.IGNORECASE),
        copyright_year=opt("copyright_year"),
        rights=re.compile(rights_rx, re.IGNORECASE) if rights else None,
        name_separator=opt("name_separator"),
        name_max_words=int(common.get("name_max_words", 6)),
        wire_dateline=opt("wire_dateline", re.MULTILINE),
        chain=re.compile(r"\s*(?:[-–—/,;&+]|" + "|".join(
            rf"(?<![^\W_]){re.escape(str(w))}(?![^\W_])"
            for w in sorted({w for d in data.values() for w in (d.get("and") or ())},
                            key=len, reverse=True)) + r")?\s*", re.IGNORECASE))


def _contexts(text: str, m: Mention) -> tuple[str, str, str]:
    """(line before the name, line after it, whole line)."""
    ls = text.rfind("\n", 0, m.start) + 1
    le = text.find("\n", m.end)
    le = len(text) if le < 0 else le
    before = text[ls:m.start]
    if len(before) > CONTEXT_BEFORE:
        before = "…" + before[-CONTEXT_BEFORE:]
    return before, text[m.end:le][:CONTEXT_AFTER], text[ls:le]


def _is_picture_credit(c: _Cues, before: str, line: str) -> bool:
    if c.photo_line is not None and c.photo_line.search(line):
        return True
    return c.photo is not None and bool(c.photo.search(before[-c.photo_reach:]))


def _is_wrapped(c: _Cues, before: str, after: str, prev: Mention | None, m: Mention) -> bool:
    for b, a in c.wrapped:
        if b.search(before) and a.search(after):
            # "Russia Today (RT)": a name spelled out again, not a credit
            return not (prev is not None and prev.outlet is m.outlet and m.start - prev.end <= 3)
    return False


def credits(text: str, dropped: frozenset[str] = frozenset()) -> list[Credit]:
    """Every named outlet with a publisher cue ("own") or a source cue ("cited")."""
    c = cues()
    found = outlets.mentions(text)
    out: list[Credit] = []
    n = max(len(text), 1)
    prev: Mention | None = None
    last_cited: Mention | None = None
    for m in found:
        before, after, line = _contexts(text, m)
        p, prev = prev, m
        if _is_picture_credit(c, before, line):
            continue
        if last_cited is not None and last_cited.end <= m.start and \
                c.chain.fullmatch(text[last_cited.end:m.start]):
            out.append(Credit(m, "cited"))        # "according to Reuters and AP"
            last_cited = m
            continue
        if (c.own_before is not None and c.own_before.search(before)) or \
                (c.own_after is not None and c.own_after.search(after)):
            w = OWN_WEIGHT + (DROPPED_BONUS if line.strip() in dropped else 0.0)
            if m.start < 0.15 * n or m.start > 0.75 * n:
                w += EDGE_BONUS
            out.append(Credit(m, "own", w))
            continue
        if (c.cited_before is not None and c.cited_before.search(before)) or \
                (c.cited_after is not None and c.cited_after.search(after)) or \
                _is_wrapped(c, before, after, p, m):
            out.append(Credit(m, "cited"))
            last_cited = m
    return out


def _plain_name(raw: str, c: _Cues) -> str | None:
    """A publisher's name cut out of what is left of a credit line, or None."""
    s = raw.strip()
    if c.name_separator is not None:
        s = next((part for part in c.name_separator.split(s) if part and part.strip(" .")), "")
    name = outlets.clean_name(s.strip().strip("\"'«»“”„‘’()[]"))
    name = re.sub(r"^(?i:by|por|par|von|av|di|от)\s+", "", name).strip()
    words = name.split()
    if not words or len(words) > c.name_max_words or len(re.findall(r"[^\W\d_]", name)) < 2:
        return None
    if not (name[0].isupper() or name[0].isdigit() or any(ch.isupper() for ch in name)):
        return None
    return name


def copyright_publishers(text: str, dropped: frozenset[str] = frozenset()) -> \
        list[tuple[int, str, float]]:
    """(position, name, weight) of the publisher each copyright line names, known to the
    outlet table or not ("© 2024 The Hemisphere Dispatch. All rights reserved.")."""
    c = cues()
    if c.copyright_mark is None:
        return []
    out = []
    for lm in re.finditer(r"[^\n]+", text):
        line = lm.group()
        mark = c.copyright_mark.search(line)
        if mark is None or len(line) > 300:
            continue
        if c.photo_line is not None and c.photo_line.search(line):
            continue
        if c.photo is not None and c.photo.search(line[:mark.start()][-c.photo_reach:]):
            continue
        has_year = c.copyright_year is not None and c.copyright_year.search(line)
        has_rights = c.rights is not None and c.rights.search(line)
        if not (has_year or has_rights or "copyright" in line.casefold()):
            continue
        rest = c.copyright_mark.sub(" ", line)
        if c.copyright_year is not None:
            rest = c.copyright_year.sub(" ", rest)
        if c.rights is not None:
            parts = [p for p in c.rights.split(rest) if p and re.search(r"[^\W\d_]", p)]
            rest = parts[0] if parts else ""
        name = _plain_name(rest, c)
        if name:
            w = OWN_WEIGHT + COPYRIGHT_BONUS + (DROPPED_BONUS if line.strip() in dropped else 0.0)
            out.append((lm.start(), outlets.canonical(name) or name, w))
    return out


def dateline_agencies(text: str) -> list[tuple[int, str]]:
    """(position, name) of agencies credited in a wire dateline ("MANAGUA, 20 mar (ALN).—"),
    known to the outlet table or not."""
    c = cues()
    if c.wire_dateline is None:
        return []
    out = []
    for m in c.wire_dateline.finditer(text):
        raw = m["name"].strip()
        if c.photo is not None and c.photo.search(raw):
            continue
        if re.search(r"\d", raw) or len(raw.split()) > 4 or not raw[:1].isupper():
            continue
        row = outlets.lookup(raw)
        if row is not None and not row.is_media:
            continue
        out.append((m.start("name"), row.name if row else raw))
    return out


def own_outlet(found: list[Credit], text: str = "",
               dropped: frozenset[str] = frozenset()) -> str | None:
    """The outlet the credits name as publisher (most weight; the first on a tie)."""
    score: dict[str, float] = {}
    for cr in found:
        if cr.role == "own":
            score[cr.mention.outlet.name] = score.get(cr.mention.outlet.name, 0.0) + cr.weight
    for _pos, name, w in copyright_publishers(text, dropped) if text else ():
        score[name] = score.get(name, 0.0) + w
    if not score:
        return None
    best = max(score.values())
    return next(n for n in score if score[n] == best) if best >= OWN_WEIGHT else None


def _same(a: str, b: str | None) -> bool:
    if not b:
        return False
    ca, cb = outlets.canonical(a) or a, outlets.canonical(b) or b
    return ca.casefold() == cb.casefold()


def forwarded_names(doc: Document, text: str) -> list[tuple[int, str]]:
    """(position, name) of every channel a post was forwarded from."""
    out: list[tuple[int, str]] = []
    c = cues()
    if c.forwarded is not None:
        for m in c.forwarded.finditer(text):
            name = outlets.canonical(m["name"])
            if name:
                out.append((m.start(), name))
    for p in doc.posts:
        if p.forwarded_from:
            name = outlets.canonical(p.forwarded_from)
            if name:
                pos = text.find(p.forwarded_from.strip())
                out.append((pos if pos >= 0 else len(text) + p.index, name))
    return out


def cited_sources(doc: Document, text: str, found: list[Credit],
                  own: str | None) -> list[str]:
    """Canonical names of the outlets the document credits for its material, each once, in
    order of first appearance; never the document's own outlet. Official sources count
    only as forwarded channels, not when a text merely cites them."""
    items = [(cr.mention.start, cr.mention.outlet.name) for cr in found
             if cr.role == "cited" and cr.mention.outlet.is_media]
    items += dateline_agencies(text)
    items += forwarded_names(doc, text)
    out: list[str] = []
    for _pos, name in sorted(items, key=lambda x: x[0]):
        if _same(name, own) or any(_same(name, o) for o in out):
            continue
        out.append(name)
    return out
