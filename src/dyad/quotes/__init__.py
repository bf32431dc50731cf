"""Quotations: who said what, and through which outlet, in every quote style of our
languages (issue 6).

    extract_quotes(doc, ctx)     stage: doc.quotes from the cleaned text and the mentions

`marks.py` finds quoted spans, `theses.py` the speaker's unmarked lines in posts and
statements, `speaker.py` the speaker, `via.py` the outlet credited, `extract.py` puts them
together. Language knowledge lives in `lang/<code>/quotes.yaml` (and `lang/xx/quotes.yaml`).
"""

from dyad.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
