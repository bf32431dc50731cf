"""Events: who did what to whom, when and where, coded in PLOVER, read sentence by sentence
from the cleaned text in every language we have trigger data for (`lang/<code>/events.yaml`).

    extract_events(doc, ctx)    stage: doc.events (after mentions)

`sentences.py` splits text, `lexicon.py` holds the triggers, `extract.py` assigns source,
target, people, date (`when.py`) and place, and flags planned and negated events.
"""

from __future__ import annotations

from dyad.events.extract import extract_events

__all__ = ["extract_events"]
