"""Run settings: which languages to consider and the limits on input. Immutable; built once
per run from CLI options and passed to the stages. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LANGUAGES = ("en", "es", "pt", "ru", "fr", "sv", "de", "it")


@dataclass(frozen=True)
class Config:
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    max_text_bytes: int = 20 * 1024 * 1024        # .txt / .html files
    max_export_bytes: int = 512 * 1024 * 1024     # .json / .jsonl exports (read as a stream)
    encoding: str | None = None                   # force a legacy encoding for text files
    registries: tuple[str, ...] = ()              # user people registries (YAML), in order
    jobs: int = 0                                 # worker processes; 0: one per core
    parallel_min_docs: int = 64                   # fewer documents to process: no workers
    beat: str | None = None                       # user beat file (YAML); None: data/beat.yaml
    near_duplicate_threshold: float = 0.85        # estimated Jaccard of word shingles
    boilerplate_min_docs: int = 3                 # a line in this many documents of one outlet
    boilerplate_min_share: float = 0.3            # ... and in this share of them is boilerplate
