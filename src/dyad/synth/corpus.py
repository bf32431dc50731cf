"""Writing a synthetic corpus folder: `generate(out_dir, n, seed)` draws stories and has
each reported by one to five outlets, in different languages and formats, until there are
`n` documents: ~60% web articles (.txt; some are wire reprints, i.e. near duplicates), ~10%
official statements (.txt), ~10% HTML pages, ~10% pasted Telegram channel dumps (.txt),
~2% Telegram Desktop exports (`telegram/<channel>/result.json`) and ~8% lines of a JSONL
file (`feed.jsonl`), with `manifest.jsonl` giving url / outlet / published / title for most
files. Hidden beside them: `.truth.jsonl` (what each document holds: stories, quotes,
reprints, distinct posts) and `.dyad-synth.json` (n, seed, generator version); dyad passes
hidden files over. The same (n, seed) gives the same bytes.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import random
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dyad.synth import articles, channels
from dyad.synth.fill import actor_forms
from dyad.synth.registry import LANGUAGES, Outlet, actors, author_names, outlets, templates
from dyad.synth.render import Outline, boilerplate, headline, outline
from dyad.synth.stories import Story, filler, make_story

VERSION = 1
MARKER = ".dyad-synth.json"
TRUTH = ".truth.jsonl"
MANIFEST = "manifest.jsonl"
JSONL = "feed.jsonl"
# Share of the documents in each format; articles take what the others leave.
SHARES = {"statement": 0.10, "html": 0.10, "dump": 0.10, "jsonl": 0.08, "export": 0.02}
LANGUAGE_WEIGHTS = {"en": 25, "es": 25, "pt": 15, "ru": 15, "fr": 10, "sv": 10}
OUTLETS_PER_STORY = ((1, 30), (2, 30), (3, 20), (4, 12), (5, 8))
RECENT = 80                          # stories a channel or a related block draws on


@dataclass
class GenStats:
    """What `generate` wrote."""

    out_dir: str
    n: int
    seed: int
    documents: int = 0
    files: int = 0
    stories: int = 0
    bytes: int = 0
    by_format: dict[str, int] = field(default_factory=dict)
    by_language: dict[str, int] = field(default_factory=dict)
    reprints: int = 0
    repeated_posts: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def plan(n: int, rng: random.Random) -> list[str]:
    """The format of each of the n documents, in a shuffled order."""
    counts = {fmt: round(n * share) for fmt, share in SHARES.items()}
    if n >= 10:
        counts["export"] = max(1, counts["export"])
        counts["jsonl"] = max(1, counts["jsonl"])
    counts["article"] = n - sum(counts.values())
    formats = [fmt for fmt, k in counts.items() for _ in range(k)]
    rng.shuffle(formats)
    return formats


def _languages(rng: random.Random, k: int) -> list[str]:
    """The languages of a story's k reports: mostly different ones."""
    langs = list(LANGUAGE_WEIGHTS)
    weights = list(LANGUAGE_WEIGHTS.values())
    out = [rng.choices(langs, weights)[0]]
    for _ in range(k - 1):
        unused = [lang for lang in langs if lang not in out]
        if unused and rng.random() < 0.7:
            out.append(rng.choices(unused, [LANGUAGE_WEIGHTS[x] for x in unused])[0])
        else:
            out.append(rng.choice(out))
    return out


def _prepare(out_dir: Path, overwrite: bool) -> None:
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / MARKER).is_file():
            raise FileExistsError(f"{out_dir} is not empty and holds no synthetic corpus")
        if not overwrite:
            raise FileExistsError(f"{out_dir} already holds a synthetic corpus "
                                  "(pass overwrite=True to replace it)")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)


class _Corpus:
    """The corpus being written: files, manifest lines, truth lines and counts."""

    def __init__(self, out_dir: Path, stats: GenStats, rng: random.Random) -> None:
        self.dir = out_dir
        self.stats = stats
        self.rng = rng
        self.manifest: list[dict[str, str]] = []
        self.truth: list[dict[str, Any]] = []
        self.feed: list[str] = []
        self.recent: collections.deque[Story] = collections.deque(maxlen=RECENT)
        self.wires: dict[str, tuple[str, Outline, str]] = {}   # story -> (lang, outline, file)
        self.languages: collections.Counter[str] = collections.Counter()
        self.formats: collections.Counter[str] = collections.Counter()

    # -------------------------------------------------------------- helpers

    def name(self, index: int, suffix: str) -> str:
        return f"{index:06d}_{self.rng.getrandbits(64):016x}{suffix}"

    def write(self, rel: str, text: str) -> None:
        path = self.dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.stats.files += 1
        self.stats.bytes += len(data)

    def record(self, file: str, fmt: str, kind: str, lang: str, outlet: str,
               stories: list[str], quotes: list[str], **more: Any) -> None:
        self.truth.append({"file": file, "format": fmt, "kind": kind, "language": lang,
                           "outlet": outlet, "stories": stories, "quotes": quotes, **more})
        self.stats.documents += 1
        self.languages[lang] += 1
        self.formats[fmt] += 1

    def listed(self, file: str, url: str | None, outlet: str | None, published: dt.date,
               title: str | None) -> None:
        """A manifest line for most files, each key present or not, as crawlers give them."""
        rng = self.rng
        if rng.random() >= 0.85:
            return
        entry: dict[str, str] = {"file": file}
        if url and rng.random() < 0.9:
            entry["url"] = url
        if title and rng.random() < 0.4:
            entry["title"] = title
        if outlet and rng.random() < 0.7:
            entry["outlet"] = outlet
        if rng.random() < 0.8:
            entry["published"] = published.isoformat()
        self.manifest.append(entry)

    def published(self, story: Story) -> dt.date:
        return story.date + dt.timedelta(days=self.rng.choice((0, 0, 0, 1, 1, 2)))

    def author(self, lang: str) -> str:
        first, last = author_names(lang)
        return f"{self.rng.choice(first)} {self.rng.choice(last)}"

    def outlet(self, lang: str, wire_share: float = 0.15) -> Outlet:
        pool = outlets(lang)
        r = self.rng.random()
        kind = "wire" if r < wire_share else "blog" if r < wire_share + 0.1 else "site"
        return self.rng.choice(pool[kind])

    def via(self) -> str:
        """A wire agency a quote is credited to (any language's)."""
        return self.rng.choice(outlets(self.rng.choice(LANGUAGES))["wire"]).name

    def related(self, lang: str, story: Story) -> list[Story]:
        others = [s for s in self.recent if s.id != story.id]
        return self.rng.sample(others, min(len(others), self.rng.randint(2, 3)))

    def url(self, domain: str, published: dt.date, index: int) -> str:
        section = self.rng.choice(("world", "politics", "international", "news"))
        return f"https://{domain}/{section}/{published:%Y/%m/%d}/{index:06d}"

    # -------------------------------------------------------------- formats

    def article(self, index: int, story: Story, lang: str) -> None:
        rng = self.rng
        wire = self.wires.get(story.id)
        if wire is not None and rng.random() < 0.5:
            self.reprint(index, story, wire)
            return
        outlet = self.outlet(lang)
        f = filler(story, lang)
        credit = None
        if outlet.kind == "wire":
            credit = boilerplate(f, rng, "wire_credit", via=outlet.name)
        elif rng.random() < 0.2:
            credit = boilerplate(f, rng, "wire_credit", via=rng.choice(outlets(lang)["wire"]).name)
        o = outline(story, lang, rng, int(rng.triangular(1300, 5600, 2600)), self.via(),
                    credit=credit)
        file = self.name(index, ".txt")
        pub = self.published(story)
        related = [headline(s, lang, rng) for s in self.related(lang, story)]
        self.write(file, articles.article_text(o, f, rng, outlet, self.author(lang), pub, related))
        if outlet.kind == "wire":
            self.wires[story.id] = (lang, o, file)
        self.listed(file, self.url(outlet.domain, pub, index), outlet.name, pub, o.headline)
        self.record(file, "txt", "article" if outlet.kind != "blog" else "blog", lang,
                    outlet.name, [story.id], list(o.quotes))

    def reprint(self, index: int, story: Story, wire: tuple[str, Outline, str]) -> None:
        """A wire story as another outlet of its language runs it: the same paragraphs
        (the last one sometimes cut), its own headline at times and its own boilerplate."""
        rng = self.rng
        lang, o, original = wire
        paragraphs = o.paragraphs[:-1] if len(o.paragraphs) > 4 and rng.random() < 0.5 \
            else o.paragraphs
        head = o.headline if rng.random() < 0.5 else headline(story, lang, rng)
        copy = Outline(head, paragraphs, o.quotes)
        outlet = self.rng.choice(outlets(lang)["site"])
        f = filler(story, lang)
        pub = self.published(story)
        related = [headline(s, lang, rng) for s in self.related(lang, story)]
        file = self.name(index, ".txt")
        self.write(file, articles.article_text(copy, f, rng, outlet, self.author(lang), pub,
                                               related))
        self.listed(file, self.url(outlet.domain, pub, index), outlet.name, pub, head)
        self.record(file, "txt", "article", lang, outlet.name, [story.id], list(o.quotes),
                    reprint_of=original)
        self.stats.reprints += 1

    def statement(self, index: int, story: Story, lang: str) -> None:
        rng = self.rng
        reg = actors()
        issuers = [c for c in (story.a, story.b) if lang in reg[c].ministry_languages]
        if not issuers:
            lang = reg[story.a].ministry_languages[0]
            issuers = [story.a]
        issuer = reg[rng.choice(issuers)]
        ministry = templates(lang)["ministry"].format(c=actor_forms(issuer, lang))
        f = filler(story, lang)
        o = outline(story, lang, rng, int(rng.triangular(1100, 3800, 1800)), self.via(),
                    max_quotes=1)
        pub = self.published(story)
        file = self.name(index, ".txt")
        self.write(file, articles.statement_text(o, f, rng, ministry, pub))
        url = f"https://mfa-{issuer.code.lower()}.example/{lang}/press/{index:06d}"
        self.listed(file, url, ministry, pub, None)
        self.record(file, "txt", "statement", lang, ministry, [story.id], list(o.quotes))

    def page(self, index: int, story: Story, lang: str) -> None:
        rng = self.rng
        outlet = self.outlet(lang, wire_share=0.0)
        f = filler(story, lang)
        o = outline(story, lang, rng, int(rng.triangular(1300, 5000, 2500)), self.via())
        pub = self.published(story)
        url = self.url(outlet.domain, pub, index)
        related = [(headline(s, lang, rng), f"https://{outlet.domain}/world/{s.id}")
                   for s in self.related(lang, story)]
        file = self.name(index, ".html")
        self.write(file, articles.html_page(o, f, rng, outlet, self.author(lang), pub, url,
                                            related))
        self.listed(file, url, outlet.name, pub, None)
        self.record(file, "html", "article" if outlet.kind != "blog" else "blog", lang,
                    outlet.name, [story.id], list(o.quotes))

    def _posts(self, story: Story, lang: str, lo: int, hi: int) -> list[channels.PostText]:
        rng = self.rng
        others = [s for s in self.recent if s.id != story.id]
        picked = [story] + rng.sample(others, min(len(others), rng.randint(lo, hi) - 1))
        return [channels.post(s, lang, rng) for s in picked]

    def dump(self, index: int, story: Story, lang: str) -> None:
        posts = self._posts(story, lang, 3, 8)
        text, distinct, pasted = channels.dump_text(posts, lang, self.rng)
        file = self.name(index, ".txt")
        self.write(file, text)
        self.stats.repeated_posts += pasted - distinct
        self.listed(file, None, None, story.date, None)
        self.record(file, "telegram-dump", "channel", lang, posts[0].channel,
                    [p.story for p in posts], [q for p in posts for q in p.quotes],
                    posts_distinct=distinct)

    def export(self, index: int, story: Story, lang: str) -> None:
        posts = self._posts(story, lang, 5, 15)
        channel_id = 1_500_000_000 + index
        file = f"telegram/channel_{index:06d}/result.json"
        self.write(file, channels.export_json(posts, lang, self.rng, channel_id, story.a))
        self.record(file, "telegram-json", "channel", lang, "", [p.story for p in posts],
                    [q for p in posts for q in p.quotes], posts_distinct=len(posts))

    def clip(self, index: int, story: Story, lang: str) -> None:
        rng = self.rng
        outlet = self.outlet(lang)
        o = outline(story, lang, rng, int(rng.triangular(700, 2200, 1200)), self.via(),
                    max_quotes=2)
        pub = self.published(story)
        name = f"clip-{index:06d}"
        record: dict[str, str] = {"id": name, "url": self.url(outlet.domain, pub, index),
                                  "title": o.headline}
        if rng.random() < 0.8:
            record["outlet"] = outlet.name
        if rng.random() < 0.8:
            record["published"] = pub.isoformat()
        if rng.random() < 0.5:
            record["language"] = lang
        record["text"] = o.headline + "\n\n" + "\n\n".join(o.paragraphs)
        self.feed.append(json.dumps(record, ensure_ascii=False))
        self.record(name, "jsonl", "article", lang, outlet.name, [story.id], list(o.quotes))

    # -------------------------------------------------------------- closing

    def finish(self) -> None:
        if self.feed:
            self.write(JSONL, "\n".join(self.feed) + "\n")
        if self.manifest:
            self.write(MANIFEST, "".join(json.dumps(m, ensure_ascii=False) + "\n"
                                         for m in self.manifest))
        self.stats.by_format = dict(sorted(self.formats.items()))
        self.stats.by_language = dict(sorted(self.languages.items()))
        (self.dir / TRUTH).write_text(
            "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in self.truth),
            encoding="utf-8")
        marker = {"generator": VERSION, "n": self.stats.n, "seed": self.stats.seed,
                  "documents": self.stats.documents, "files": self.stats.files,
                  "bytes": self.stats.bytes}
        (self.dir / MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")


def generate(out_dir: Path, n: int, seed: int = 0, overwrite: bool = False) -> GenStats:
    """Write a synthetic corpus of `n` documents into `out_dir` (created; it must be empty
    or hold an earlier synthetic corpus, replaced only when `overwrite`)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    started = time.perf_counter()
    out_dir = Path(out_dir)
    _prepare(out_dir, overwrite)
    rng = random.Random(seed)
    stats = GenStats(out_dir=str(out_dir), n=n, seed=seed)
    corpus = _Corpus(out_dir, stats, rng)
    emit = {"article": corpus.article, "statement": corpus.statement, "html": corpus.page,
            "dump": corpus.dump, "export": corpus.export, "jsonl": corpus.clip}
    formats = plan(n, rng)
    i = 0
    while i < len(formats):
        story = make_story(rng, stats.stories)
        stats.stories += 1
        k = min(rng.choices(*zip(*OUTLETS_PER_STORY))[0], len(formats) - i)
        for fmt, lang in zip(formats[i:i + k], _languages(rng, k), strict=True):
            emit[fmt](i, story, lang)
            i += 1
        corpus.recent.append(story)
    corpus.finish()
    stats.seconds = round(time.perf_counter() - started, 3)
    return stats
