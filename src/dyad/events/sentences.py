"""Sentences with their offsets in a text: each line is split at sentence-final punctuation
followed by a capital, a quote mark or a digit, except after initials and common
abbreviations. It knows nothing of events."""

from __future__ import annotations

import re
from dataclasses import dataclass

_END = re.compile(r"""[.!?…]+["»”’)\]]*\s+(?=["«“„‘(\[]?[\w¿¡])""")
_ABBREV = re.compile(r"(?:\b\w\.|\b(?:Mr|Mrs|Ms|Dr|St|Sr|Sra|Jr|Prof|Gen|Gov|Sen|Rep|Sept?|Oct|Nov|"
                     r"Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|No|Nr|art|pp|vs|etc|approx|г|гг|тыс|млн|"
                     r"млрд|т|ул|им|M|Mme|Sres?|Sra?s?|Av|av|U\.S|U\.N|a\.i))\.$")
ABBREV_REACH = 16     # characters: longer than any match of _ABBREV (it ends where it is asked)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str) -> list[Sentence]:
    out = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = 0
        for m in _END.finditer(line):
            end = m.start() + 1
            head = line[cut:end]
            if _ABBREV.search(line, max(0, end - ABBREV_REACH), end) or not head.strip():
                continue
            out.append(_make(line, start, cut, m.end()))
            cut = m.end()
        if line[cut:].strip():
            out.append(_make(line, start, cut, len(line)))
    return out


def _make(line: str, base: int, a: int, b: int) -> Sentence:
    seg = line[a:b]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    return Sentence(base + a + lead, base + a + lead + len(seg), seg)
