"""The typed records that pass between dyad's stages.

One dataclass per thing: a Document (with its Posts and the lines cleaning dropped), the
Mentions, Events and Quotes read from it, and the cross-document Reuse pairs. Stages fill
fields in; no stage passes nested dicts to another. This module holds data shapes only: no
I/O and no language knowledge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

KINDS = ("article", "statement", "blog", "channel")

FORMATS = ("txt", "html", "telegram-json", "telegram-html", "telegram-dump", "jsonl")

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def day_of(iso: str | None) -> dt.date | None:
    """The day an ISO date or date-time string names, or None (unknown, only a month, bad)."""
    try:
        return dt.date.fromisoformat(iso[:10]) if iso and len(iso) >= 10 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class DaySpan:
    """A day (first == last) or a span of days, inclusive."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(f"span ends before it starts: {self.first} > {self.last}")

    @classmethod
    def day(cls, d: dt.date) -> DaySpan:
        return cls(d, d)

    def to_json(self) -> str | list[str]:
        if self.first == self.last:
            return self.first.isoformat()
        return [self.first.isoformat(), self.last.isoformat()]


@dataclass
class Given:
    """What a crawler, a manifest, a JSONL line or an HTML page's metadata says about a
    document before dyad reads its text. Every field may be unknown."""

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None      # YYYY-MM-DD (or YYYY-MM), as given
    language: str | None = None
    kind: str | None = None
    author: str | None = None
    sitename: str | None = None       # from HTML metadata
    page_date: str | None = None      # from HTML metadata (YYYY-MM-DD)


@dataclass
class DroppedLine:
    """A line cleaning removed: where it stood, what it said and which rule removed it."""

    line_no: int                      # 0-based line number in the raw text it came from
    text: str
    rule: str
    post: int | None = None           # index of the post, None for a document body


@dataclass
class Post:
    """One message of a channel (a Telegram export or a pasted dump)."""

    index: int
    raw_text: str
    text: str = ""
    date: str | None = None           # ISO date or date-time of the post, when known
    forwarded_from: str | None = None
    message_id: str | None = None
    language: str | None = None
    duplicate_of: int | None = None   # index of the earlier post this one repeats


@dataclass
class PersonRef:
    """A person or institution as the output names it."""

    name: str
    acts_for: str | None = None


@dataclass
class Mention:
    """A stretch of cleaned text that names an actor or a person."""

    start: int
    end: int
    text: str
    code: str | None = None           # actor code (state, region, organisation)
    person: str | None = None         # canonical person name
    method: str = ""                  # how it was resolved
    post: int | None = None


@dataclass
class Event:
    """Who did what to whom, when and where, read from one evidence sentence."""

    type: str
    source: str
    target: str
    evidence: str
    people: list[PersonRef] = field(default_factory=list)
    date: DaySpan | None = None
    place: str | None = None
    evidence_start: int | None = None
    post: int | None = None
    planned: bool = False
    negated: bool = False
    cluster: str | None = None


@dataclass
class Quote:
    """Words attributed to a speaker, and the outlet they were taken from."""

    text: str
    speaker: PersonRef | None = None
    via: str | None = None
    date: DaySpan | None = None
    start: int | None = None
    post: int | None = None
    cluster: str | None = None


@dataclass
class Document:
    """One document of the corpus, from the bytes read to everything found in it."""

    file: str                         # identity: path relative to the corpus folder
    source_path: str                  # the file it was read from (same, or a JSONL/export file)
    fmt: str                          # one of FORMATS
    raw_text: str                     # decoded, before cleaning (channel: posts joined)
    given: Given = field(default_factory=Given)
    group: str = ""                   # outlet/site group, for corpus-level cleaning evidence
    extra: dict[str, str] = field(default_factory=dict)   # other metadata keys, as given
    posts: list[Post] = field(default_factory=list)
    # filled by the stages
    text: str = ""
    dropped: list[DroppedLine] = field(default_factory=list)
    language: str | None = None
    published: str | None = None
    kind: str | None = None
    outlet: str | None = None
    cited_sources: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def published_day(self) -> dt.date | None:
        """The publication date as a day, when it is known to the day."""
        return day_of(self.published)

    @property
    def kept_posts(self) -> list[Post]:
        """The posts left once repeats are removed."""
        return [p for p in self.posts if p.duplicate_of is None and p.text.strip()]

    def link_texts(self) -> list[str]:
        """The texts linking compares (as `store.documents.link_texts` reads them back): the
        posts that are not repeats and have text, in order, else the body when not blank."""
        texts = [p.text for p in sorted(self.posts, key=lambda p: p.index)
                 if p.duplicate_of is None and p.text]
        if not texts and self.text.strip():
            texts.append(self.text)
        return texts

    def kept_post_spans(self) -> list[tuple[Post, int]]:
        """Each kept post with where its text starts in `text` (the cleaned text joins the
        kept posts in order); a post not found there is left out."""
        out, pos = [], 0
        for p in self.kept_posts:
            at = self.text.find(p.text, pos)
            if at < 0:
                continue
            out.append((p, at))
            pos = at + len(p.text)
        return out


@dataclass
class ReusePair:
    """Two documents that share a passage of text."""

    a: str
    b: str
    a_text: str
    b_text: str
    score: float = 0.0


@dataclass
class FileError:
    """A file (or a part of one) that could not be read; the run goes on without it."""

    path: str
    reason: str
