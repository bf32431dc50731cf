"""dyad: a clean, deduplicated, searchable record of events, quotes and links from
international-relations news in many languages.

Library entry points: `dyad.pipeline.run` (a corpus into a store), `dyad.export.export`
(a store out as dyad-output/1 or CSV), `dyad.pipeline.process_document` (one document)."""

__version__ = "0.1.0"
