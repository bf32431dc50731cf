"""Cleaning one text (a document body or one post): run the line rules, then the block rules,
and assemble the kept lines verbatim (each stripped at its ends, in order, runs of blank
lines collapsed), with every removed line and the rule that removed it. It knows nothing
of documents, posts or the store (see `clean.__init__`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from dyad.clean import blocks
from dyad.clean.lexicon import Lexicon
from dyad.clean.lines import HEAD_LINES, LineView, judge


@dataclass(frozen=True)
class CorpusEvidence:
    """Counts of short lines in the outlet group's documents (by `corpus.line_key`)."""

    counts: Mapping[int, int] = field(default_factory=dict)
    group_size: int = 0
    min_docs: int = 3
    min_share: float = 0.3


@dataclass
class Cleaned:
    text: str
    dropped: list[tuple[int, str, str]]     # (0-based line number, stripped line, rule)


def judge_lines(lines: list[str], lex: Lexicon) -> tuple[list[str | None], list[int],
                                                           dict[int, str]]:
    """Line rules over stripped lines: (rule or None per line, related heads, captions)."""
    nonblank = [i for i, t in enumerate(lines) if t]
    rules: list[str | None] = [None] * len(lines)
    heads: list[int] = []
    captions: dict[int, str] = {}
    seen_kept = False
    for n, i in enumerate(nonblank):
        view = LineView(text=lines[i],
                        prev=lines[nonblank[n - 1]] if n else "",
                        next=lines[nonblank[n + 1]] if n + 1 < len(nonblank) else "",
                        head=n < HEAD_LINES, first=not seen_kept)
        verdict = judge(view, lex)
        if verdict is None:
            seen_kept = True
            continue
        rules[i] = verdict.rule
        if verdict.related_head:
            heads.append(i)
        if verdict.caption:
            captions[i] = verdict.caption
    return rules, heads, captions


def clean_text(raw: str, lex: Lexicon, corpus: CorpusEvidence | None = None) -> Cleaned:
    lines = [t.strip() for t in raw.splitlines()]
    rules, heads, captions = judge_lines(lines, lex)
    blocks.swallow_related(lines, rules, heads)
    blocks.drop_captions(lines, rules, captions)
    blocks.drop_repeats(lines, rules)
    if corpus is not None:
        blocks.drop_by_corpus(lines, rules, corpus.counts, corpus.group_size,
                              corpus.min_docs, corpus.min_share)
    blocks.trim_tail(lines, rules)
    kept: list[str] = []
    dropped: list[tuple[int, str, str]] = []
    for i, (line, rule) in enumerate(zip(lines, rules)):
        if rule is not None:
            dropped.append((i, line, rule))
        elif line:
            kept.append(line)
        elif kept and kept[-1]:
            kept.append("")
    while kept and not kept[-1]:
        kept.pop()
    return Cleaned("\n".join(kept), dropped)
