"""The cleaning stage: remove boilerplate (share bars, navigation, bylines and author boxes,
donation appeals, related-link blocks, photo credits, counters, datelines, footers, repeated
lines, lines the outlet prints in many documents) while keeping every sentence of content.

Kept lines are kept verbatim (stripped at their ends), in order; nothing is edited inside a
line and lines are never merged. Every removed non-blank line is recorded in
`Document.dropped` with the rule that removed it, and the raw text stays in the store, so
cleaning can be inspected and undone. Language knowledge is the data in
`dyad/lang/<code>/boilerplate.yaml`; the rules are in `clean.lines` and `clean.blocks`.
"""

from __future__ import annotations

from dyad.clean.corpus import line_key
from dyad.clean.lexicon import load_lexicon
from dyad.clean.unit import Cleaned, CorpusEvidence, clean_text
from dyad.records import Document, DroppedLine
from dyad.stage import Context

__all__ = ["clean_document", "clean_text", "Cleaned", "CorpusEvidence"]


def _evidence(doc: Document, ctx: Context, texts: list[str]) -> CorpusEvidence:
    group_size = ctx.corpus.group_size(doc.group) if doc.group else 0
    counts: dict[int, int] = {}
    if group_size >= ctx.config.boilerplate_min_docs:
        hashes = {h for t in texts for line in t.splitlines() if (h := line_key(line)) is not None}
        counts = ctx.corpus.counts(doc.group, hashes) if hashes else {}
    return CorpusEvidence(counts=counts, group_size=group_size,
                          min_docs=ctx.config.boilerplate_min_docs,
                          min_share=ctx.config.boilerplate_min_share)


def clean_document(doc: Document, ctx: Context) -> None:
    """Stage: fill `doc.text`, each `post.text` and `doc.dropped` from the raw text."""
    lex = load_lexicon(tuple(ctx.config.languages))
    texts = [p.raw_text for p in doc.posts] if doc.posts else [doc.raw_text]
    evidence = _evidence(doc, ctx, texts)
    doc.dropped = []
    if doc.posts:
        for post in doc.posts:
            cleaned = clean_text(post.raw_text, lex, evidence)
            post.text = cleaned.text
            doc.dropped += [DroppedLine(n, t, rule, post.index) for n, t, rule in cleaned.dropped
                            if t]
        doc.text = "\n\n".join(p.text for p in doc.posts if p.text)
    else:
        cleaned = clean_text(doc.raw_text, lex, evidence)
        doc.text = cleaned.text
        doc.dropped = [DroppedLine(n, t, rule) for n, t, rule in cleaned.dropped if t]
