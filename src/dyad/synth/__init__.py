"""A synthetic corpus for benchmarks: `generate(out_dir, n, seed)` writes n documents in
dyad's languages (en, es, pt, ru, fr, sv) and input formats (text articles with boilerplate,
official statements, HTML pages, pasted Telegram dumps with repeated posts, Telegram Desktop
exports, a JSONL file, a manifest), made from the templates and registries in this package.
Stories (events between two states, with quotes) are reported by several outlets and
languages, and wire stories are reprinted, so the corpus overlaps as real news does.
Deterministic: the same (n, seed) gives the same bytes. It is test data, not a model of
any real outlet; nothing in dyad's stages may depend on it.

    python -m dyad.synth OUT --n 1000 --seed 0
"""

from dyad.synth.corpus import GenStats, generate

__all__ = ["GenStats", "generate"]
