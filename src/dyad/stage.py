"""What every per-document stage is given: the run's settings, read-only corpus statistics
and, optionally, a timer that `pipeline.process_document` tells how long each stage took. A
stage is a named function over a Document that declares the fields it needs and the fields
it fills; the order of stages is stated once, in `pipeline.py`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from dyad.config import Config
from dyad.records import Document


class CorpusLines(Protocol):
    """How many documents of an outlet group contain a line (by `clean.corpus.line_key`)."""

    def group_size(self, group: str) -> int: ...

    def counts(self, group: str, hashes: Iterable[int]) -> dict[int, int]: ...


class NoCorpusLines:
    """Corpus statistics for a document read on its own (no corpus-level evidence)."""

    def group_size(self, group: str) -> int:
        return 0

    def counts(self, group: str, hashes: Iterable[int]) -> dict[int, int]:
        return {}


StageTimer = Callable[[str, float], None]
"""Called with (stage name, seconds) after each stage of a document has run."""


@dataclass(frozen=True)
class Context:
    config: Config = field(default_factory=Config)
    corpus: CorpusLines = field(default_factory=NoCorpusLines)
    timer: StageTimer | None = None


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Document, Context], None]
