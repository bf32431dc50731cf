"""Rules over runs of lines of one text (a document body or one post), applied after the
line rules of `clean.lines`: the headlines under a "Related" cue, a caption printed again
beside its photo credit, lines repeated within the text, lines the outlet's other documents
print too (corpus evidence), and the footer run at the end. Each rule only marks lines
dropped; `clean.unit` assembles the kept text."""

from __future__ import annotations

import re
from collections.abc import Mapping

from dyad.clean.corpus import line_key, normalise_line
from dyad.clean.shape import key, reads_as_content, reads_as_sentence, strip_marks, words

_HASHTAGS = re.compile(r"#\w+(?:[\s,]+#\w+)*")
MAX_RELATED_ITEMS = 6         # headlines swallowed under one related cue
CAPTION_REACH = 3             # non-blank lines between a caption and its photo credit
REPEAT_MIN_WORDS = 4          # shorter lines may repeat (labels, speaker names) ...
REPEAT_MIN_CHARS = 24         # ... unless they are this long


def is_headline(line: str) -> bool:
    """A related-link headline: short, not closed like a sentence of running text."""
    n = len(words(line))
    if not 1 <= n <= 20 or line.rstrip().endswith((".", ":", ";", ",")):
        return False
    first = next((c for c in strip_marks(line) if c.isalnum()), "")
    return not first.islower()      # a list item continuing the text starts in lower case


def swallow_related(lines: list[str], rules: list[str | None], heads: list[int]) -> None:
    """Drop the short headline lines after each related cue, up to the first line of text."""
    for h in heads:
        taken = 0
        for i in range(h + 1, len(lines)):
            if taken >= MAX_RELATED_ITEMS:
                break
            if not lines[i]:
                continue
            if rules[i] is not None:
                if rules[i] == "related":
                    break             # the next block is its own
                continue
            if not is_headline(lines[i]):
                break
            rules[i] = "related"
            taken += 1


def drop_captions(lines: list[str], rules: list[str | None], captions: dict[int, str]) -> None:
    """A caption printed on its own near the photo credit that closes the same caption."""
    nonblank = [i for i, t in enumerate(lines) if t]
    pos = {i: n for n, i in enumerate(nonblank)}
    for at, cap in captions.items():
        for j in nonblank[max(0, pos[at] - CAPTION_REACH):pos[at] + CAPTION_REACH + 1]:
            if rules[j] is None and key(lines[j]) == cap:
                rules[j] = "photo-credit"


def repeat_key(line: str) -> str | None:
    """What a line is compared by for repeats, or None if it may repeat (short labels)."""
    body = strip_marks(line)
    norm = normalise_line(body)
    if _HASHTAGS.fullmatch(norm):
        return norm          # a line of hashtags, however short
    n = len(words(norm))
    if n < REPEAT_MIN_WORDS and sum(c.isalnum() for c in norm) < REPEAT_MIN_CHARS:
        return None
    if n <= 6 and body.rstrip().endswith(":"):
        return None          # a speaker or section label ("Foreign Minister Sergey Lavrov:")
    return norm


def drop_repeats(lines: list[str], rules: list[str | None]) -> None:
    """A line that repeats an earlier kept line of the same text."""
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if not line or rules[i] is not None:
            continue
        k = repeat_key(line)
        if k is None:
            continue
        if k in seen:
            rules[i] = "repeat"
        else:
            seen.add(k)


def drop_by_corpus(lines: list[str], rules: list[str | None], counts: Mapping[int, int],
                   group_size: int, min_docs: int, min_share: float) -> None:
    """A short line found in enough of the outlet group's documents, unless it reads as a
    content sentence (wire copy is reprinted across documents)."""
    if group_size < min_docs:
        return
    for i, line in enumerate(lines):
        if not line or rules[i] is not None:
            continue
        h = line_key(line)
        if h is None:
            continue
        c = counts.get(h, 0)
        if c >= min_docs and c / group_size >= min_share and not reads_as_sentence(line):
            rules[i] = "corpus"


def trim_tail(lines: list[str], rules: list[str | None]) -> None:
    """The footer run: from the end, short lines that are not sentences (tags, names, outlet
    names, counters) up to the last line that reads as content. Nothing is trimmed when no
    line of the text reads as content."""
    kept = [i for i, t in enumerate(lines) if t and rules[i] is None]
    run: list[int] = []
    for i in reversed(kept):
        if reads_as_content(lines[i]):
            for j in run:
                rules[j] = "tail"
            return
        run.append(i)
