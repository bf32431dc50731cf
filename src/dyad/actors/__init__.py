"""Actors and people: the codebook (states by ISO alpha-3, regions and organisations by the
codes of the evaluation codebook), the people registry, and finding both in text in every
language we have data for.

    find(text, lang)            -> [Mention]  (library call)
    find_mentions(doc, ctx)     stage: doc.mentions over the cleaned text

Language knowledge lives in `lang/<code>/actors.yaml`, `roles.yaml`, `syntax.yaml`; people in
`data/people.yaml` plus the user's `--registry` files.
"""

from __future__ import annotations

import bisect
import datetime as dt

from dyad import lang as langdata
from dyad.actors.codebook import gazetteer
from dyad.actors.find import scan
from dyad.actors.registry import load_registry
from dyad.records import Document, Mention
from dyad.stage import Context


def find(text: str, lang: str | None = None, registries: tuple[str, ...] = (),
         when: dt.date | None = None) -> list[Mention]:
    """Every mention of an actor or a person in `text` (language `lang`, or all languages'
    data when it is unknown)."""
    code = lang if lang in langdata.available() else "*"
    return scan(text, gazetteer(code, registries), load_registry(registries), when)


def find_mentions(doc: Document, ctx: Context) -> None:
    """Stage: mentions over the cleaned text; offsets into `doc.text`, with the post they
    fall in for channels (posts are joined by blank lines in `doc.text`)."""
    when = doc.published_day
    doc.mentions = find(doc.text, doc.language, ctx.config.registries, when)
    if not doc.posts:
        return
    spans = doc.kept_post_spans()
    starts, kept = [at for _p, at in spans], [p.index for p, _at in spans]
    for m in doc.mentions:
        n = bisect.bisect_right(starts, m.start) - 1
        m.post = kept[n] if n >= 0 else None
