"""The speaker's own words without quote marks, in a post or a statement whose head names
the speech: a head line with a speech word and a speaker ("🎙 Remarks by Foreign Minister
Sergey Lavrov ...", "Выступление ... С.В.Лаврова", "💬 From ... Shoigu's remarks ...:") makes
that person (or institution) the voice of what follows; then a line opening with a speech
marker (💬, 🗣, ☝️) is a quotation (its own speaker's when it opens "Name: ...", with or
without a head line), and so is each bulleted line under a "main theses"
heading. In an interview digest a line of hashtags alone ("#Sanctions") opens a topic
section: its paragraphs, up to the next such line or a short line ("Read in full"), are one
quotation marked `section` (the stage keeps those that touch the beat). Lines of a post that
no head line voices are left alone, and so is a whole speech printed as the document itself.
It does not read quote marks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dyad.quotes.lexicon import Marks, QuoteLexicon
from dyad.records import Mention, PersonRef

_JOINERS = "\ufe0f\u200d "
_WORD = re.compile(r"\w+")
_HASHTAGS = re.compile(r"#\w+(?:[ \t]+#\w+)*")


MIN_SECTION_LINE = 4       # words: a shorter line ("Read in full", "👍1") ends a topic section
MAX_HEAD = 120             # characters: a "Speaker:" head of a marked line is no longer


@dataclass(frozen=True)
class LineQuote:
    start: int            # offset of the words in the block text
    end: int
    speaker: PersonRef
    section: bool = False     # a topic section of a digest, not a marked line


def _strip_marker(line: str, markers: tuple[str, ...]) -> int | None:
    """Offset of the words after a leading marker, or None when the line has none."""
    s = line.lstrip()
    lead = len(line) - len(s)
    for m in markers:
        if s.startswith(m):
            i = lead + len(m)
            while i < len(line) and (line[i] in _JOINERS or not line[i].isalnum()
                                     and line[i] not in "«“\"„‘(¿¡"):
                i += 1
            return i
    return None


def head_speaker(lex: QuoteLexicon, line: str, mentions: list[Mention],
                 institution_of: list[PersonRef]) -> PersonRef | None:
    """The voice a head line announces: a person it names, or an institution, when the
    line holds a speech word ("remarks", "интервью", "entrevista")."""
    if not lex.line_has("speech_headers", line):
        return None
    for m in mentions:
        if m.person and m.code:
            return PersonRef(m.person, m.code)
    return institution_of[0] if institution_of else None


def line_quotes(lex: QuoteLexicon, mk: Marks, text: str,
                voice_of: Callable[[int, int, bool], PersonRef | None],
                named: Callable[[int, int], PersonRef | None] = lambda s, e: None
                ) -> list[LineQuote]:
    """Quotations in the lines of a block `text` (a post, or a statement's body).
    `voice_of(start, end, head)`: the voice a line announces; `named(start, end)`: the person
    a stretch ends by naming ("💬 Cuba's Foreign Minister Alina Cárdenas: ..." is hers, and
    her words start after the colon)."""
    out: list[LineQuote] = []
    speaker: PersonRef | None = None
    theses = False
    in_section = False                  # under a hashtag line of a voiced post
    section: LineQuote | None = None    # the section's lines so far
    pos, seen = 0, 0
    for line in text.split("\n"):
        base, pos = pos, pos + len(line) + 1
        body = line.strip()
        if not body:
            continue
        seen += 1
        voice = voice_of(base, base + len(line), seen <= 3 or body.endswith(":"))
        if in_section and (voice is not None or _HASHTAGS.fullmatch(body)
                           or len(_WORD.findall(body)) < MIN_SECTION_LINE):
            out += [section] if section else []
            in_section, section = False, None
        if voice is not None:
            speaker, theses = voice, False
            continue
        if speaker is not None and _HASHTAGS.fullmatch(body):
            in_section = True
            continue
        if in_section and speaker is not None:
            at = base + len(line) - len(line.lstrip())
            section = LineQuote(section.start if section else at, base + len(line.rstrip()),
                                speaker, True)
            continue
        if _is_heading(lex, body):
            theses = True
            continue
        at = _strip_marker(line, mk.speech_markers)
        if at is None and theses:
            at = _strip_marker(line, mk.bullet_markers)
            theses = at is not None
        if at is None or body.endswith(":"):
            continue
        says = speaker
        colon = line.find(":", at)
        if 0 < colon - at <= MAX_HEAD and (own := named(base + at, base + colon)) is not None:
            says, at = own, colon + 1
            while at < len(line) and line[at] in " \u00a0":
                at += 1
        end = len(line.rstrip())
        if says is not None and len(_WORD.findall(line[at:end])) >= 4:
            out.append(LineQuote(base + at, base + end, says))
    return out + ([section] if section else [])


def has_sections(text: str) -> bool:
    """Whether a line of `text` is hashtags alone (a digest's topic heading)."""
    return any(_HASHTAGS.fullmatch(line.strip()) for line in text.split("\n"))


def transcript_lines(text: str, mentions: list[Mention], base: int) -> list[LineQuote]:
    """Interview transcripts: a line opening with a person's name and a colon ("Vladimir
    Putin: We have carefully studied ...") is that person's words; not the first line (a
    headline, "Putin: Russia will expand trade"), nor a line without a final stop."""
    out = []
    pos, first = 0, True
    for line in text.split("\n"):
        at, pos = pos, pos + len(line) + 1
        lead = len(line) - len(line.lstrip())
        if not line.strip():
            continue
        if first or line.rstrip()[-1] not in ".!?…»”\"":
            first = False
            continue
        for m in mentions:
            if m.start - base != at + lead or not (m.person and m.code):
                continue
            rest = line[m.end - base - at:]
            if rest.startswith(":") and len(_WORD.findall(rest)) >= 4:
                start = at + (m.end - base - at) + 1
                while start < at + len(line) and line[start - at] in " \u00a0":
                    start += 1
                out.append(LineQuote(start, at + len(line.rstrip()), PersonRef(m.person, m.code)))
            break
    return out


def _is_heading(lex: QuoteLexicon, body: str) -> bool:
    words = _WORD.findall(body)
    return 0 < len(words) <= 5 and lex.line_has("theses_headings", body) and \
        (body.endswith(":") or len(words) <= 3)
