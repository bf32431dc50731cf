"""The `describe` stage: a document's publication date, kind, outlet and cited sources.

The outlet is, in order: the manifest's; the outlet table's entry for the URL's domain;
the page's site name; the outlet the text names as its publisher (bylines, copyright lines,
donation appeals, founder bios; most weight to lines cleaning dropped); the URL's host.
Names found by the program are given in the table's canonical spelling; a name the
manifest gives is kept as given unless it only spells a table name otherwise. The language
is decided earlier, by `metadata.language.detect`. Submodules: `dates` (dates in text,
publication date), `kind`, `outlets` (the outlet table), `citations` (credits in text),
`evidence` (the text read).
"""

from __future__ import annotations

from dyad.metadata import citations, dates, evidence, kind, outlets
from dyad.metadata.citations import Credit
from dyad.metadata.kind import Publisher
from dyad.records import Document
from dyad.stage import Context


def decide_outlet(doc: Document, found: list[Credit], text: str = "",
                  dropped: frozenset[str] = frozenset()) -> tuple[str | None, Publisher]:
    """The document's outlet (canonical name or as given) and what is known of it."""
    g = doc.given
    if g.outlet and outlets.clean_name(g.outlet):
        row = outlets.lookup(g.outlet)
        return outlets.as_given(g.outlet, row), Publisher(row, "domain")
    row = outlets.from_url(g.url)
    if row is not None:
        return row.name, Publisher(row, "domain")
    if g.sitename and outlets.clean_name(g.sitename):
        row = outlets.lookup(g.sitename)
        if row is not None:
            return row.name, Publisher(row, "domain")
        if outlets.host_label(g.sitename) is not None or "." not in g.sitename:
            return outlets.clean_name(g.sitename), Publisher()
    own = citations.own_outlet(found, text, dropped)
    if own:
        return own, Publisher(outlets.table().outlets.get(own), "text")
    return outlets.host_label(g.url), Publisher()


def describe(doc: Document, ctx: Context) -> None:
    """Set doc.published, doc.kind, doc.outlet and doc.cited_sources."""
    text = evidence.text_of(doc)
    dropped = evidence.dropped_lines(doc)
    found = citations.credits(text, dropped)
    doc.outlet, publisher = decide_outlet(doc, found, text, dropped)
    doc.published = dates.published_date(doc, text)
    doc.kind = kind.kind_of(doc, publisher, text)
    doc.cited_sources = citations.cited_sources(doc, text, found, doc.outlet)
