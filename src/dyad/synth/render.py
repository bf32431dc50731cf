"""The text of a report, format aside: a story's headline, lead paragraph, quote paragraphs
and background paragraphs in one language, grown to a target length, and the boilerplate
lines an outlet prints around it (share bars, bylines, time stamps, photo credits, related
headlines, tags, footers). The formats (`articles`, `channels`) lay these out as files.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from dyad.synth.fill import Filler
from dyad.synth.stories import Story, filler, quote_text, speaker_view


@dataclass(frozen=True)
class Outline:
    """The words of one report: headline and paragraphs, and the quote concepts it holds."""

    headline: str
    paragraphs: tuple[str, ...]
    quotes: tuple[str, ...]            # "<story id>:<concept>" of the quotes it prints


def headline(story: Story, lang: str, rng: random.Random) -> str:
    return filler(story, lang).pick(rng, "events", story.kind, "headline")


def lead(f: Filler, story: Story, rng: random.Random, details: int = 1) -> str:
    event = f.t["events"][story.kind]
    parts = [f.fill(rng.choice(event["lead"]))]
    parts += [f.fill(d) for d in rng.sample(event["detail"], min(details, len(event["detail"])))]
    return " ".join(parts)


def quote_line(f: Filler, story: Story, rng: random.Random, index: int, via: str,
               frame: str | None = None) -> str:
    q = story.quotes[index]
    words = quote_text(story, q, f.lang, f)
    return f.fill(frame or rng.choice(f.t["say"]), q=words, p=speaker_view(q, f.lang), via=via)


def background(f: Filler, rng: random.Random) -> Iterator[str]:
    """Background sentences without repeats until all are used, then over again."""
    pool = f.t["background"]
    while True:
        order = list(range(len(pool)))
        rng.shuffle(order)
        for i in order:
            yield f.fill(pool[i], rng)


def size(paragraphs: list[str]) -> int:
    return sum(len(p.encode("utf-8")) + 2 for p in paragraphs)


def outline(story: Story, lang: str, rng: random.Random, target: int, via: str,
            max_quotes: int = 3, credit: str | None = None) -> Outline:
    """A report of `story` whose paragraphs come to about `target` bytes: the lead, the
    story's quotes (up to `max_quotes`) between background paragraphs of 2-4 sentences."""
    f = filler(story, lang)
    head = f.pick(rng, "events", story.kind, "headline")
    first = lead(f, story, rng, details=rng.choice((1, 1, 2)))
    if credit:
        first = f"{first} {credit}"
    paragraphs = [first]
    n_quotes = min(max_quotes, len(story.quotes))
    quotes = [quote_line(f, story, rng, i, via) for i in range(n_quotes)]
    printed = tuple(f"{story.id}:{q.concept}" for q in story.quotes[:n_quotes])
    more = background(f, rng)
    while quotes or size(paragraphs) < target:
        if quotes and (len(paragraphs) == 1 or rng.random() < 0.5):
            paragraphs.append(quotes.pop(0))
        else:
            paragraphs.append(" ".join(next(more) for _ in range(rng.randint(2, 4))))
    return Outline(head, tuple(paragraphs), printed)


def boilerplate(f: Filler, rng: random.Random, key: str, **slots: str) -> str:
    return f.pick(rng, "boilerplate", key, **slots)


def share_lines(f: Filler, rng: random.Random) -> list[str]:
    """A share bar: one widget a line, or the widgets on one line, or a phrase."""
    widgets = list(f.t["boilerplate"]["share"])
    chosen = rng.sample(widgets, rng.randint(3, min(6, len(widgets))))
    style = rng.random()
    if style < 0.4:
        return chosen
    if style < 0.7:
        return [" | ".join(chosen)]
    return [rng.choice(f.t["boilerplate"]["share_lines"])]


def clock(rng: random.Random) -> str:
    return f"{rng.randint(6, 23):02d}:{rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50)):02d}"
