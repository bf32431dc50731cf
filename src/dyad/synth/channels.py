"""Telegram channels of the synthetic corpus: posts made from stories in a channel's
language, laid out as a channel dump pasted as text (posts under "Forwarded from ..." or
"Channel, [date time]" headers, with reaction lines, "Read in full" lines, and posts
repeated as people paste them) and as a Telegram Desktop export (`result.json`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass

from dyad.synth.fill import Forms, actor_forms, format_date
from dyad.synth.registry import actors, templates
from dyad.synth.render import lead, quote_line
from dyad.synth.stories import Story, filler

REACTIONS = ("👍", "🔥", "❤️", "👏", "🤝", "💯", "😡", "🙏")


@dataclass(frozen=True)
class PostText:
    story: str
    lines: tuple[str, ...]
    quotes: tuple[str, ...]
    channel: str
    when: dt.datetime


def channel_name(story: Story, lang: str, rng: random.Random) -> str:
    t = templates(lang)["telegram"]
    reg = actors()
    owner = reg[story.a] if rng.random() < 0.7 else reg[story.b]
    other = reg[story.b] if owner.code == story.a else reg[story.a]
    return rng.choice(t["channels"]).format(c=actor_forms(owner, lang),
                                            d=actor_forms(other, lang))


def post(story: Story, lang: str, rng: random.Random, channel: str | None = None) -> PostText:
    """One channel post about a story: place and date line, flags and lead, a detail, the
    speaker's words, a "Read in full" link and hashtags, each present or not."""
    f = filler(story, lang)
    tg = f.t["telegram"]
    reg = actors()
    a, b = reg[story.a], reg[story.b]
    lines: list[str] = []
    if rng.random() < 0.5:
        lines.append(f"📍 {f.base['place'].name}, {format_date(story.date, lang)}")
    lines.append(f"{a.flag}{b.flag} {lead(f, story, rng, details=0)}")
    if rng.random() < 0.6:
        lines.append(f.fill(rng.choice(f.t["events"][story.kind]["detail"])))
    quotes: tuple[str, ...] = ()
    if story.quotes and rng.random() < 0.75:
        lines.append(quote_line(f, story, rng, 0, via="", frame=tg["speaker"]))
        quotes = (f"{story.id}:{story.quotes[0].concept}",)
    if rng.random() < 0.5:
        lines.append(rng.choice(tg["read_in_full"]))
    if rng.random() < 0.7:
        lines.append(f"#{a.tag}{b.tag}")
    when = dt.datetime.combine(story.date, dt.time(rng.randint(7, 22), rng.randrange(60)))
    return PostText(story.id, tuple(lines), quotes, channel or channel_name(story, lang, rng),
                    when)


def reactions(rng: random.Random) -> str:
    marks = rng.sample(REACTIONS, rng.randint(1, 3))
    return " ".join(f"{m}{rng.randint(1, 250)}" for m in marks)


def dump_text(posts: Sequence[PostText], lang: str, rng: random.Random) -> tuple[str, int, int]:
    """A pasted channel dump, the number of distinct posts in it and the number pasted
    (repeats included). Some posts are pasted
    twice (later in the dump), some carry their text twice after a "Read in full" line."""
    tg = templates(lang)["telegram"]
    stamped = rng.random() < 0.25
    blocks: list[list[str]] = []
    for p in posts:
        if stamped:
            header = f"{p.channel}, [{p.when:%d.%m.%Y %H:%M}]"
        else:
            header = f"{tg['forwarded_from']} {p.channel}"
        body = list(p.lines)
        if rng.random() < 0.15:
            body = body + [rng.choice(tg["read_in_full"])] + body
        block = [header, *body]
        if rng.random() < 0.7:
            block.append(reactions(rng))
        blocks.append(block)
    distinct = len(blocks)
    out = list(blocks)
    for block in blocks:
        if rng.random() < 0.3:
            copy = block if rng.random() < 0.5 else block[:-1] + [reactions(rng)]
            out.insert(rng.randint(out.index(block) + 1, len(out)), copy)
    return "\n".join(line for block in out for line in block) + "\n", distinct, len(out)


def export_json(posts: Sequence[PostText], lang: str, rng: random.Random, channel_id: int,
                owner: str) -> str:
    """A Telegram Desktop export (`result.json`) of a channel holding the posts, oldest
    first, after the channel's creation message."""
    tg = templates(lang)["telegram"]
    title = rng.choice(tg["export_title"]).format(c=Forms(actors()[owner].names[lang]))
    from_id = f"channel{channel_id}"
    ordered = sorted(posts, key=lambda p: p.when)
    first = ordered[0].when - dt.timedelta(days=30) if ordered else dt.datetime(2022, 1, 1)
    messages: list[dict[str, object]] = [{
        "id": 1, "type": "service", "date": first.isoformat(),
        "date_unixtime": str(calendar.timegm(first.timetuple())), "actor": title,
        "actor_id": from_id, "action": "create_channel", "title": title, "text": "",
        "text_entities": []}]
    for k, p in enumerate(ordered, start=2):
        head, rest = p.lines[0], "\n".join(p.lines[1:])
        msg: dict[str, object] = {
            "id": k, "type": "message", "date": p.when.isoformat(),
            "date_unixtime": str(calendar.timegm(p.when.timetuple())),
            "from": title, "from_id": from_id}
        if p.channel != title and rng.random() < 0.4:
            msg["forwarded_from"] = p.channel
        if rng.random() < 0.3:
            msg.update({"photo": "(File not included. Change data exporting settings to "
                                 "download.)", "width": 1280, "height": 853})
        if rng.random() < 0.5:
            entities = [{"type": "bold", "text": head}, {"type": "plain", "text": "\n\n" + rest}]
            msg["text"] = [{"type": "bold", "text": head}, "\n\n" + rest]
        else:
            msg["text"] = head + "\n\n" + rest
            entities = [{"type": "plain", "text": head + "\n\n" + rest}]
        msg["text_entities"] = entities
        if rng.random() < 0.6:
            msg["reactions"] = [{"type": "emoji", "count": rng.randint(1, 300), "emoji": m}
                                for m in rng.sample(REACTIONS, rng.randint(1, 3))]
        messages.append(msg)
    data = {"name": title, "type": "public_channel", "id": channel_id, "messages": messages}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
