"""Event clusters: whether two events, read from different documents, report the same
real-world event. Both must have the same or a compatible PLOVER type (`lang/xx/links.yaml`),
the same pair of actors (in either order for the symmetric types), compatible days and
compatible places, and, when both name people for the same side, one of them in common.

Days. An event's own date (a day or a span) is compared with one day of slack either side.
An event without a date is never merged with a dated one unless the publication day of its
document lies within UNDATED_DAYS after the dated event's first day (news of a meeting comes
out that day or within a few days; a report a week later speaks of an older event); two events
without dates merge only when their documents were published within UNDATED_DAYS of each
other. An event with neither a date nor a publication day merges with nothing, and so does
an event dated only by a period longer than LONGEST_SPAN ("last year 9 delegations visited",
"in 2023"): a year says when, not which event, and every such statement of a pair would
otherwise chain the year's meetings into one cluster.

This module decides on pairs of `EventItem`s; choosing among candidate clusters (complete
linkage: a newcomer must fit every member) is `choose`. It reads and writes no store.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dyad import lang as langdata
from dyad.links.keys import day_number, name_key, place_key
from dyad.records import Event

SLACK_DAYS = 1            # dates that differ by one day report the same day (time zones, "Friday")
UNDATED_DAYS = 3          # an undated event published this many days after a dated one may be it
LONGEST_SPAN = 31         # days: an event dated by a longer period (a year) is matched with none


@functools.cache
def _rules() -> tuple[frozenset[str], dict[str, str]]:
    data = langdata.load("links").get(langdata.COMMON, {})
    symmetric = frozenset(data.get("symmetric_event_types") or ())
    group: dict[str, str] = {}
    for types in data.get("compatible_event_types") or ():
        first = sorted(types)[0]
        for t in types:
            group[t] = first
    return symmetric, group


def type_group(event_type: str) -> str:
    """The type every type compatible with `event_type` shares (itself when none is)."""
    return _rules()[1].get(event_type, event_type)


def pair_key(event_type: str, source: str, target: str) -> str:
    """'SRC>TGT', or 'A|B' with the codes sorted for a symmetric type."""
    if type_group(event_type) in _rules()[0] or event_type in _rules()[0]:
        a, b = sorted((source, target))
        return f"{a}|{b}"
    return f"{source}>{target}"


@dataclass
class EventItem:
    """What event clustering compares: an event's keys, with its store id and cluster."""

    id: int
    doc: int
    pair: str
    type: str                                   # the type group
    first: int | None                           # day numbers (see keys.day_number)
    last: int | None
    dated: bool                                 # False: first/last are the publication day
    place: str | None = None
    people: frozenset[str] = field(default_factory=frozenset)
    cluster: str | None = None


def item_of(event: Event, event_id: int, doc: int, published: int | None) -> EventItem:
    """The keys of an event of a document published on day number `published`."""
    if event.date is not None:
        first, last, dated = day_number(event.date.first), day_number(event.date.last), True
    else:
        first, last, dated = published, published, False
    people = frozenset(f"{p.acts_for or ''}:{k}" for p in event.people if (k := name_key(p.name)))
    return EventItem(id=event_id, doc=doc, pair=pair_key(event.type, event.source, event.target),
                     type=type_group(event.type), first=first, last=last, dated=dated,
                     place=place_key(event.place), people=people)


def matchable(item: EventItem) -> bool:
    """Whether the event has days precise enough to be matched at all: a publication day,
    or its own date spanning at most LONGEST_SPAN days."""
    if item.first is None or item.last is None:
        return False
    return not item.dated or item.last - item.first <= LONGEST_SPAN


def window(item: EventItem) -> tuple[int, int] | None:
    """The day numbers a candidate's first day may take (for the store's range query);
    None for an event that is matched with none."""
    if not matchable(item) or item.first is None or item.last is None:
        return None
    reach = SLACK_DAYS + UNDATED_DAYS + 1
    return item.first - reach - LONGEST_SPAN, item.last + reach


def _days_agree(a: EventItem, b: EventItem) -> bool:
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return False
    if not matchable(a) or not matchable(b):
        return False
    if a.dated and b.dated:
        return a.first <= b.last + SLACK_DAYS and b.first <= a.last + SLACK_DAYS
    if not a.dated and not b.dated:
        return abs(a.first - b.first) <= UNDATED_DAYS
    dated, undated = (a, b) if a.dated else (b, a)
    return dated.first - SLACK_DAYS <= undated.first <= dated.first + UNDATED_DAYS


def same_event(a: EventItem, b: EventItem) -> bool:
    """Whether two events (of different documents) may report the same real-world event."""
    if a.doc == b.doc or a.type != b.type or a.pair != b.pair:
        return False
    if not _days_agree(a, b):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    if _people_conflict(a.people, b.people):
        return False
    return True


def _people_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both events name people for one side and none of them in common: two different
    meetings ("Lavrov met Gil" vs "Lavrov met Plasencia"). People named for different sides
    ("Lavrov" in one report, "Gil" in the other) do not conflict. A key is "CODE:name key"
    (`keys.name_key`: "Cárdenas" and "Карденас" are one person; an older key without a code
    counts as one side)."""
    def sides(keys: frozenset[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for k in keys:
            side, _, name = k.rpartition(":")
            out.setdefault(side, set()).add(name)
        return out
    sa, sb = sides(a), sides(b)
    return any(side in sb and not names & sb[side] for side, names in sa.items())


def closeness(a: EventItem, b: EventItem) -> tuple[int, int, int, int]:
    """How well two compatible events agree (larger is closer), to choose among clusters."""
    both_dated = int(a.dated and b.dated)
    gap = -abs((a.first or 0) - (b.first or 0)) - abs((a.last or 0) - (b.last or 0))
    return (both_dated, gap, int(bool(a.place and a.place == b.place)), len(a.people & b.people))


def choose(item: EventItem, groups: Iterable[Sequence[EventItem]]) -> Sequence[EventItem] | None:
    """Of candidate groups (the members of one cluster each, or a lone event), the one the new
    event fits every member of, closest first; None when it fits none."""
    best, best_key = None, None
    for members in groups:
        if not members or not all(same_event(item, m) for m in members):
            continue
        key = max(closeness(item, m) for m in members)
        if best_key is None or key > best_key:
            best, best_key = members, key
    return best
