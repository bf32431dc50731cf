"""Stories: the real-world happenings the synthetic outlets report. A story is one event
(a meeting, call, visit, agreement, condemnation or sanctions) between two states on a
date, with the office-holders who acted and the statements (quote concepts) they made. The
same story rendered in several languages gives translated quotes and the same event: the
overlap a corpus has. This module draws stories and gives their template slots; it does not
write text.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import dataclass

from dyad.synth.fill import (Filler, PersonView, Slots, actor_forms, format_date,
                             format_decimal, place_forms)
from dyad.synth.registry import Person, actors, story_kinds, templates

FIRST_DAY = dt.date(2022, 1, 1)
DAYS = 1276                              # to the end of June 2025
LEAD_ROLES = ("fm", "fm", "fm", "president", "deputy_fm", "pm")


@dataclass(frozen=True)
class QuoteRef:
    """A statement made in a story: its concept (the same in every language) and speaker."""

    concept: str
    speaker: Person


@dataclass(frozen=True)
class Story:
    id: str
    kind: str                 # meeting | call | visit | agreement | condemnation | sanctions
    type: str                 # PLOVER type
    a: str                    # source state
    b: str                    # target state
    pa: Person
    pb: Person
    date: dt.date
    place: str                # the state whose capital it happened in
    topic: int
    topic2: int
    numbers: tuple[tuple[str, int], ...]
    bn: float
    quotes: tuple[QuoteRef, ...]


def _lead_person(rng: random.Random, code: str) -> Person:
    actor = actors()[code]
    roles = [p.role for p in actor.people]
    wanted = rng.choice(LEAD_ROLES)
    if wanted == "president" and "president" not in roles:
        wanted = "pm" if "pm" in roles else "fm"
    if wanted == "pm" and "pm" not in roles:
        wanted = "fm"
    return actor.person(wanted)


def make_story(rng: random.Random, index: int) -> Story:
    kinds = story_kinds()
    kind = rng.choice(sorted(kinds))
    spec = kinds[kind]
    a = rng.choice(spec["sources"])
    b = rng.choice([t for t in spec["targets"] if t != a])
    pa, pb = _lead_person(rng, a), _lead_person(rng, b)
    if kind == "visit":
        place = b
    elif kind in ("condemnation", "sanctions", "call"):
        place = a
    else:
        place = rng.choice((a, b))
    concepts = sorted(spec["quotes"])
    n_quotes = min(len(concepts), rng.choice((1, 2, 2, 3)))
    quotes = []
    for concept in rng.sample(concepts, n_quotes):
        side = spec["quotes"][concept]
        side = rng.choice("ab") if side == "any" else side
        code, lead = (a, pa) if side == "a" else (b, pb)
        speaker = lead if rng.random() < 0.7 else rng.choice(actors()[code].people)
        quotes.append(QuoteRef(concept, speaker))
    n_topics = len(templates("en")["topics"])
    topic, topic2 = rng.sample(range(n_topics), 2)
    numbers = (("num", rng.randint(2, 30)), ("num2", rng.randint(2, 25)),
               ("hours", rng.randint(2, 6)))
    return Story(id=f"s{index:06d}", kind=kind, type=spec["type"], a=a, b=b, pa=pa, pb=pb,
                 date=FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS)), place=place,
                 topic=topic, topic2=topic2, numbers=numbers, bn=round(rng.uniform(0.2, 9.9), 1),
                 quotes=tuple(quotes))


@functools.lru_cache(maxsize=2048)
def filler(story: Story, lang: str) -> Filler:
    """The slots of a story in one language: {a} {b} {pa} {pb} {place} {in_place} {date}
    {topic}/{topic2} (and their other forms, e.g. {topic_gen}), its numbers, {ministry}
    (the source state's), {y}."""
    reg = actors()
    t = templates(lang)
    a, b, place = reg[story.a], reg[story.b], reg[story.place]
    slots = Slots(a=actor_forms(a, lang), b=actor_forms(b, lang),
                  pa=PersonView(story.pa, reg[story.pa.actor], lang),
                  pb=PersonView(story.pb, reg[story.pb.actor], lang),
                  place=place_forms(place, lang), date=format_date(story.date, lang),
                  y=story.date.year, bn=format_decimal(story.bn, lang),
                  ministry=t["ministry"].format(c=actor_forms(a, lang)))
    slots.update(story.numbers)
    for key, values in t.items():
        if key == "topics" or key.startswith("topics_"):
            suffix = key[len("topics"):]
            slots[f"topic{suffix}"] = values[story.topic]
            slots[f"topic2{suffix}"] = values[story.topic2]
    slots["in_place"] = t["in_place"].format_map(slots)
    return Filler(lang, slots)


def speaker_view(q: QuoteRef, lang: str) -> PersonView:
    return PersonView(q.speaker, actors()[q.speaker.actor], lang)


def quote_text(story: Story, q: QuoteRef, lang: str, f: Filler) -> str:
    """The words of a quote concept in one language, filled for the story."""
    return f.fill(templates(lang)["quotes"][q.concept])
