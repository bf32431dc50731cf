"""Stage: doc.quotes, block by block (each kept post of a channel, else the whole body).

In a block: the speaker's own lines (`theses.py`: 💬 lines, main-theses bullets under a head
line naming the speaker, the topic sections of an interview digest that name an actor of the
beat, `actors/beat.py`), then the quoted spans (`marks.py`) of four words or more that are
not titles. The text is read sentence by sentence with the quotations masked; a quotation
broken by its attribution ("A," he said, "B") or with the attribution inside its marks
(« A, a-t-il affirmé, B ») is joined into one with a single space. Each quotation gets its
speaker (`speaker.py`), the outlet it came through (`via.py`: in its own sentence, else one
the sentence before credits when that sentence names no one else, else that of the quotation
just before when the same speaker goes on), and a date: the one its sentence gives, else
the block's (its dateline, the post's date, the document's). Quotations no speaker can be
found for are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dyad.actors.beat import beat_codes
from dyad.events import when
from dyad.events.sentences import split
from dyad.quotes.lexicon import Marks, QuoteLexicon, lexicon, marks
from dyad.quotes.marks import Span, dash_spans, quoted_spans
from dyad.quotes.speaker import (MASK, History, institutions, person_ref, place, resolve)
from dyad.quotes.theses import (LineQuote, has_sections, head_speaker, line_quotes,
                                transcript_lines)
from dyad.quotes.via import credited
from dyad.records import DaySpan, Document, Mention, PersonRef, Quote, day_of
from dyad.stage import Context

MIN_WORDS = 4
MIN_EMBEDDED = 6           # words: a shorter quotation inside a clause is a phrase, not speech
JOIN_GAP = 16              # tokens of attribution between two parts of a broken quotation
TITLE_CASE_MAX = 12        # words: a quotation this short in Title Case is a title
_WORD = re.compile(r"\w+")
_END_PUNCT = ".!?…"


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    post: int | None
    reference: dt.date | None


@dataclass
class _Prev:
    """What the sentence before says for the next one's outlet credit."""

    credit: str | None = None
    persons: frozenset[str] = frozenset()
    speaker: PersonRef | None = None
    via: str | None = None


def extract_quotes(doc: Document, ctx: Context) -> None:
    """Stage: doc.quotes from the cleaned text, the mentions and the posts."""
    lex = lexicon(doc.language or "*")
    mk = marks()
    out: list[Quote] = []
    for block in _blocks(doc):
        out += _block_quotes(doc, lex, mk, block, beat_codes(ctx.config.beat))
    seen: set[tuple[str, str]] = set()
    kept = []
    for q in sorted(out, key=lambda q: q.start or 0):
        key = (q.speaker.name if q.speaker else "", " ".join(q.text.split()).casefold())
        if key not in seen:                  # a paragraph printed twice is said once
            seen.add(key)
            kept.append(q)
    doc.quotes = kept


def _blocks(doc: Document) -> list[Block]:
    published = doc.published_day
    if not doc.posts:
        head = "\n".join(doc.text.split("\n", 3)[:3])
        line_date, _ = when.dateline(head, doc.language)
        return [Block(0, len(doc.text), None, line_date or published)]
    blocks = []
    for p, at in doc.kept_post_spans():
        line_date, _ = when.dateline("\n".join(p.text.split("\n")[:3]), doc.language)
        blocks.append(Block(at, at + len(p.text), p.index, line_date or day_of(p.date) or published))
    return blocks


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _block_quotes(doc: Document, lex: QuoteLexicon, mk: Marks, b: Block,
                  beat: frozenset[str]) -> list[Quote]:
    text = doc.text[b.start:b.end]
    ments = [m for m in doc.mentions if b.start <= m.start and m.end <= b.end]
    out: list[Quote] = []

    def voice(s: int, e: int, head: bool) -> PersonRef | None:
        if not head:
            return None
        ms = [m for m in ments if b.start + s <= m.start and m.end <= b.start + e]
        if not ms:
            return None
        line = text[s:e]
        toks = lex.tokens(line)
        placed = place(ms, toks, b.start + s)
        return head_speaker(lex, line, ms, institutions(lex, toks, placed, line, b.start + s))

    def named(s: int, e: int) -> PersonRef | None:
        """The person named last in text[s:e] when the name ends it (spaces aside)."""
        stop = b.start + s + len(text[s:e].rstrip())
        found = [m for m in ments if m.person and m.code and b.start + s <= m.start
                 and m.end == stop]
        return PersonRef(found[-1].person, found[-1].code) if found else None

    starts = tuple(mk.speech_markers) + tuple(m for m in mk.bullet_markers if not m.isascii())
    marked_lines = any(line.lstrip().startswith(starts) or line.lstrip()[:2] in ("- ", "* ")
                       for line in text.split("\n")) or has_sections(text)
    lines = line_quotes(lex, mk, text, voice, named) if marked_lines else []
    lines = [lq for lq in lines if not lq.section or _on_beat(ments, b.start, lq, beat)]
    lines += transcript_lines(text, ments, b.start)
    for lq in lines:
        out.append(_quote(doc, b, lq.start, text[lq.start:lq.end], lq.speaker, None,
                          _date(text, lq.start, doc.language, b)))
    spans = _candidates(text, lex, mk, lines)
    out += _marked(doc, lex, text, b, ments, spans)
    return out


def _on_beat(ments: list[Mention], base: int, lq: LineQuote, beat: frozenset[str]) -> bool:
    """A digest's topic section is kept when its words name an actor of the beat."""
    return any(m.code in beat and base + lq.start <= m.start < base + lq.end for m in ments)


def _quote(doc: Document, b: Block, start: int, words: str, speaker: PersonRef,
           via: str | None, date: DaySpan | None) -> Quote:
    return Quote(text=words, speaker=speaker, via=via, date=date, start=b.start + start,
                 post=b.post)


def _date(text: str, at: int, lang: str | None, b: Block) -> DaySpan | None:
    return DaySpan.day(b.reference) if b.reference else None


# ---------------------------------------------------------------- candidate spans


def _candidates(text: str, lex: QuoteLexicon, mk: Marks, lines: list[LineQuote]) -> list[Span]:
    dashes = dash_spans(text, lex, mk)
    spans = dashes + [s for s in quoted_spans(text, mk)
                      if not any(d.outer_start <= s.outer_start < d.outer_end for d in dashes)]
    out = []
    for s in sorted(spans, key=lambda s: s.start):
        if any(lq.start <= s.start < lq.end for lq in lines):
            continue
        n = _words(text[s.start:s.end])
        if n < MIN_WORDS or _is_title(text, s, lex) or n < MIN_EMBEDDED and _embedded(text, s):
            continue
        out += _split_incise(text, s, lex, mk)
    return out


def _embedded(text: str, s: Span) -> bool:
    """The quotation stands inside a clause: a word right before it, no colon or dash."""
    before = text[max(0, s.outer_start - 3):s.outer_start].rstrip(" \u00a0")
    return s.style != "dash" and bool(before) and before[-1].isalnum()


def _is_title(text: str, s: Span, lex: QuoteLexicon) -> bool:
    """A title, a name or a label: between parentheses, right after a title word ("the
    book", "под названием", "intitulé"), or a short run of capitalised words."""
    before = text[max(0, s.outer_start - 60):s.outer_start].rstrip()
    after = text[s.outer_end:s.outer_end + 2].lstrip()
    if before.endswith("(") and after.startswith(")"):
        return True
    toks = lex.tokens(before)
    words_in = text[s.start:s.end].split()
    short = len(words_in) <= TITLE_CASE_MAX and text[s.start:s.end].rstrip()[-1:] not in _END_PUNCT
    if short and toks and toks[-1].is_word:
        for c, n in lex.find("title_cues", toks, len(toks) - 4):
            if c + n == len(toks):
                return True
    words = s.style != "dash" and text[s.start:s.end].split()
    if words and len(words) <= TITLE_CASE_MAX and text[s.start:s.end].rstrip()[-1:] not in _END_PUNCT + ",":
        long = [w for w in words if len(w) > 3 and w[0].isalpha()]
        if len(long) >= 2 and all(w[0].isupper() for w in long):
            return True
    return False


def _split_incise(text: str, s: Span, lex: QuoteLexicon, mk: Marks) -> list[Span]:
    """« A, a-t-il affirmé, B »: the attribution inside the marks splits the quotation."""
    if s.style == "dash":
        return [s]
    body = text[s.start:s.end]
    toks = lex.tokens(body)
    seps = {",", *mk.dashes}
    for k in range(2, len(toks) - 2):
        if toks[k - 1].text not in seps or not lex.at("reporting", toks, k):
            continue
        for j in range(k + 1, min(k + 7, len(toks) - 1)):
            if toks[j].text in seps:
                nxt = j + 1
                while nxt < len(toks) and toks[nxt].text in seps:
                    nxt += 1
                if nxt >= len(toks) or _words(body[toks[nxt].start:]) < 2:
                    break
                cut = s.start + toks[k - 1].start
                a_end = cut
                while a_end > s.start and text[a_end - 1] in " \u00a0":
                    a_end -= 1
                b_start = s.start + toks[nxt].start
                return [Span(s.start, a_end, s.outer_start, cut, s.style),
                        Span(b_start, s.end, b_start, s.outer_end, s.style)]
    return [s]


# ---------------------------------------------------------------- sentences with quotations


def _mask(text: str, spans: list[Span], lex: QuoteLexicon) -> str:
    chars = list(text)
    for s in spans:
        n = s.outer_end - s.outer_start
        fill = [text[s.outer_start], MASK] + [" "] * (n - 2) if n >= 3 else [MASK] * n
        last = text[s.start:s.end].rstrip()[-1:]
        if n >= 2 and last and last in _END_PUNCT and _sentence_goes_on(text, s.outer_end, lex):
            fill[-1] = "."
        chars[s.outer_start:s.outer_end] = fill
    return "".join(chars)


def _sentence_goes_on(text: str, at: int, lex: QuoteLexicon) -> bool:
    """After a quotation ending in a full stop: a new sentence starts (a capital that no
    attribution follows), so the mask keeps the stop."""
    rest = text[at:at + 60]
    stripped = rest.lstrip(" \u00a0")
    if not stripped or not stripped[0].isupper():
        return False
    toks = lex.tokens(stripped)
    return not lex.find("reporting", toks, 0, 4)


def _marked(doc: Document, lex: QuoteLexicon, text: str, b: Block, ments: list[Mention],
            spans: list[Span]) -> list[Quote]:
    if not spans:
        return []
    masked = _mask(text, spans, lex)
    people = {m.person for m in ments if m.person}
    hist = History()
    prev = _Prev()
    out: list[Quote] = []
    outside = [m for m in ments
               if not any(s.outer_start <= m.start - b.start < s.outer_end for s in spans)]
    sentences = split(masked)
    has_q = [any(sent.start <= s.outer_start < sent.end for s in spans) for sent in sentences]
    for i, sent in enumerate(sentences):
        base = b.start + sent.start
        sm = [m for m in outside if base <= m.start < b.start + sent.end]
        persons = [person_ref(m) for m in sm if m.person and m.code]
        near_q = has_q[i] or (i + 1 < len(has_q) and has_q[i + 1])
        if not near_q and not any(m.code and not m.person and m.method != "place" for m in sm):
            hist.see(persons, [])
            prev = _Prev(None, frozenset(p.name for p in persons))
            continue
        toks = lex.tokens(sent.text)
        placed = place(sm, toks, base)
        insts = institutions(lex, toks, placed, sent.text, base)
        credit = credited(lex, toks, sent.text) if near_q else None
        mine = [s for s in spans if sent.start <= s.outer_start < sent.end]
        speaker = via = None
        for group in _groups(mine, toks, sent.start, lex):
            qk = _mask_token(toks, group[0].outer_start - sent.start)
            speaker = resolve(lex, toks, qk, placed, insts, hist, _standalone(toks, placed))
            if speaker is None:
                continue
            via = credit
            if via is None and prev.credit and (not prev.persons or speaker.name in prev.persons):
                via = prev.credit
            if via is None and prev.speaker is not None and prev.speaker == speaker:
                via = prev.via
            words = " ".join(text[s.start:s.end].strip() for s in group)
            first = text[group[0].start:group[0].end]
            at = group[0].start + len(first) - len(first.lstrip())     # where the words start
            out.append(_quote(doc, b, at, words, speaker, via,
                              _sentence_date(sent.text, doc.language, b)))
        hist.see(persons, insts)
        if speaker is not None:
            if speaker.name in people:
                hist.subject = speaker
            else:
                hist.institution = speaker
        prev = _Prev(credit, frozenset(p.name for p in persons), speaker, via)
    return out


def _groups(spans: list[Span], toks: list, offset: int, lex: QuoteLexicon) -> list[list[Span]]:
    """The quotations of a sentence, the parts of a broken one together."""
    groups: list[list[Span]] = []
    for s in spans:
        if groups:
            last = groups[-1][-1]
            lo = _mask_token(toks, last.outer_start - offset)
            hi = _mask_token(toks, s.outer_start - offset)
            between = toks[lo + 1:hi]
            if between and not between[-1].is_word and between[-1].text not in ",—–":
                between = between[:-1]               # the second part's opening mark
            tail = last.style != "dash" and s.style != "dash"
            if tail and 0 < len(between) <= JOIN_GAP and lex.find("reporting", between) and \
                    _open_ended(between):
                groups[-1].append(s)
                continue
        groups.append([s])
    return groups


def _open_ended(between: list) -> bool:
    """The attribution between two parts of a broken quotation ends with a comma or dash."""
    return bool(between) and between[-1].text in (",", "—", "–")


def _mask_token(toks: list, at: int) -> int:
    for k, t in enumerate(toks):
        if t.start >= at and t.text == MASK:
            return k
    return max(len(toks) - 1, 0)


def _standalone(toks: list, placed: list) -> bool:
    """The sentence is the quotation itself, perhaps with the speaker's name ("– Putin.")."""
    named = {p.k for p in placed if p.m.person}
    spans = {k for p in placed if p.m.person
             for k in range(p.k, p.k + len(p.m.text.split()))}
    rest = [t for k, t in enumerate(toks)
            if t.is_word and t.text != MASK and k not in spans and k not in named]
    return len(rest) == 0


def _sentence_date(sentence: str, lang: str | None, b: Block) -> DaySpan | None:
    """The day the sentence names (a written date), else the block's."""
    if any(c.isdigit() for c in sentence):
        span, how = when.event_date(sentence, lang, b.reference)
        if span is not None and how != "future":
            return span
    return DaySpan.day(b.reference) if b.reference else None
