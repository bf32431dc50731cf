"""Events from one document, sentence by sentence: triggers (`lexicon.py`) give the type and
how to read the arguments; the mentions found by the actors stage give source and target
(people count for whom they act for); `when.py` gives the date; the sentence itself is the
evidence. One event per target when a sentence lists several.

Who the source is depends on the trigger's class:
- action / speech: the actors named before the trigger (the subject), else the speaker;
- evaluative ("illegal sanctions", "hegemony"): the speaker of the sentence (the person a
  reporting verb or a quote attributes it to, the author of a statement or post);
- passive: the agent after the trigger; the actors before it are the targets.
The speaker of a sentence is the actor next to a reporting verb in it, else (first-person
text, or none named) the speaker of the post or document: the person its first line names,
else whom the channel it was forwarded from stands for.

Planned, hypothetical and negated events are flagged (not exported). Events repeating an
earlier one of the document (same type, actors and date) are dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import iso3166

from dyad.actors import find
from dyad.actors.codebook import REGIONS, gazetteer
from dyad.actors.tokens import Token
from dyad.events import when
from dyad.events.lexicon import Hit, Lexicon, find_triggers, lexicon
from dyad.events.sentences import Sentence, split
from dyad.records import DaySpan, Document, Event, Mention, PersonRef, day_of
from dyad.stage import Context

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
ACTION_TYPES = {"CONSULT", "AID", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST",
                "RETREAT", "CONCEDE", "COOPERATE"}
CUE_WINDOW = 4
REPEAT_DAYS = 3
GROUP_GAP = 4                      # tokens between actors listed together
OBJECT_GAP = 7                     # tokens between a trigger and its first target
OBJECT_GAP_WITH = 12               # ... when "with" stands between them
CLAUSE_BREAKS = set(";:«»“”\"()—")


Syntax = Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class Actor:
    """An actor named in a sentence: where (token index), its code, the person if any."""

    k: int
    code: str
    person: str | None


@dataclass
class Block:
    """A stretch of text read as one unit (a post, or the whole body): its span, whose voice
    it is in, the date it speaks from, and where its dateline puts it."""

    start: int
    end: int
    post: int | None
    speaker: Actor | None
    reference: dt.date | None
    place: str | None


def extract_events(doc: Document, ctx: Context) -> None:
    """Stage: doc.events from the cleaned text and the mentions."""
    lex = lexicon(doc.language or "*")
    published = doc.published_day
    events: list[tuple[Event, bool]] = []
    for block in _blocks(doc, published, ctx):
        context_date: DaySpan | None = None
        last_speaker = block.speaker
        previous: list[Actor] = []
        last_pair: tuple[Actor, Actor] | None = None
        for sent in split(doc.text[block.start:block.end]):
            sent = Sentence(sent.start + block.start, sent.end + block.start, sent.text)
            found, context_date, last_speaker = _sentence_events(
                doc, lex, sent, block, context_date, last_speaker, previous, last_pair)
            events += found
            for e, _ in found:
                if e.type == "CONSULT" and not e.planned and not e.negated:
                    last_pair = (Actor(-1, e.source, None), Actor(-1, e.target, None))
            previous = [Actor(-1, m.code, m.person) for m in doc.mentions
                        if sent.start <= m.start and m.end <= sent.end and m.code
                        and m.method != "place"]
    doc.events = _without_repeats(events)


def _without_repeats(found: list[tuple[Event, bool]]) -> list[Event]:
    """One event per post, type, actors, flags and date. An event whose date the sentence
    did not give (a headline, a caption, a later mention) repeats an event of the same post,
    type and actors when its own date is unknown or within REPEAT_DAYS of the other's."""
    def key(e: Event) -> tuple:
        a, b = (e.source, e.target) if e.type not in SYMMETRIC else sorted((e.source, e.target))
        return (e.post, e.type, a, b, e.planned, e.negated)      # posts are separate items

    def near(kept: DaySpan | None, new: DaySpan | None) -> bool:
        return new is None or (kept is not None and abs((kept.first - new.first).days) <= REPEAT_DAYS)

    kept: list[tuple[Event, bool]] = []
    for e, d in sorted(found, key=lambda x: not x[1]):          # dated ones first
        same = [o for o, _ in kept if key(o) == key(e)]
        if any(o.date == e.date for o in same) or (not d and any(near(o.date, e.date) for o in same)):
            continue
        kept.append((e, d))
    return sorted((e for e, _ in kept), key=lambda e: e.evidence_start or 0)


def _blocks(doc: Document, published: dt.date | None, ctx: Context) -> list[Block]:
    """The posts of a channel (each with its own voice, dateline and date), or the body."""
    if not doc.posts:
        head = doc.text.split("\n", 2)[:2]
        line_date, place = when.dateline("\n".join(head), doc.language)
        speaker = _speaker_in(doc.mentions, 0, len(head[0]) if head else 0) \
            if doc.kind == "statement" else None
        return [Block(0, len(doc.text), None, speaker, line_date or published, place)]
    blocks, pos = [], 0
    for p in doc.kept_posts:
        at = doc.text.find(p.text, pos)
        if at < 0:
            continue
        pos = at + len(p.text)
        first_line = p.text.split("\n", 1)[0]
        line_date, place = when.dateline("\n".join(p.text.split("\n")[:3]), doc.language)
        speaker = _speaker_in(doc.mentions, at, at + len(first_line))
        if speaker is None and p.forwarded_from:
            codes = [m.code for m in find(p.forwarded_from, doc.language, ctx.config.registries)
                     if m.code]
            speaker = Actor(-1, codes[0], None) if codes else None
        post_day = day_of(p.date)
        blocks.append(Block(at, at + len(p.text), p.index, speaker, line_date or post_day, place))
    return blocks


def _speaker_in(mentions: list[Mention], start: int, end: int) -> Actor | None:
    for m in mentions:
        if start <= m.start and m.end <= end and m.person and m.code:
            return Actor(-1, m.code, m.person)
    return None


def _sentence_events(doc: Document, lex: Lexicon, sent: Sentence, block: Block,
                     context_date: DaySpan | None, last_speaker: Actor | None,
                     previous: list[Actor], last_pair: tuple[Actor, Actor] | None
                     ) -> tuple[list[tuple[Event, bool]], DaySpan | None, Actor | None]:
    toks = [Token(t.start + sent.start, t.end + sent.start, t.text, t.key)
            for t in lex.tokens(sent.text)]
    mentions = [m for m in doc.mentions if sent.start <= m.start and m.end <= sent.end]
    g = gazetteer(doc.language or "*")
    syntax = g.syntax
    actors = _actors(mentions, toks, syntax, {"first": frozenset(g.role_lengths)})
    first_person = lex.has_cue("first_person", toks, 0, len(toks))
    speaker = _reporting_speaker(lex, toks, actors)
    if speaker is not None and speaker.person:
        last_speaker = speaker
    elif first_person and block.speaker is not None:
        speaker = block.speaker
    else:
        speaker = last_speaker or block.speaker
    hits = find_triggers(lex, toks)
    if not hits and not any(c.isdigit() for c in sent.text):
        return [], context_date, last_speaker
    span, how = when.event_date(sent.text, doc.language, block.reference)
    if span is not None and how != "future" and span.first == span.last:
        context_date = span        # the day the text is about, for the sentences that follow
    if not hits:
        return [], context_date, last_speaker
    dated = span is not None and how != "future"
    date = span if dated else (context_date or
                               (DaySpan.day(block.reference) if block.reference else None))
    place = next((m.text for m in mentions if m.method == "place"), None) or block.place
    out = []
    firsts: dict[str, Hit] = {}
    for hit in hits:
        firsts.setdefault(hit.trigger.type, hit)      # one reading per type and sentence
    for t, hit in list(firsts.items()):
        # "calls on Russia to withdraw", "condemns the strikes": an action named after a
        # statement of another type is what the statement is about, not an event of its own
        if hit.trigger.cls in ("action", "passive") and any(
                h.trigger.cls in ("speech", "evaluative") and h.trigger.type != t and h.j <= hit.i
                for h in firsts.values()):
            del firsts[t]
    pair = _the_sides(lex, toks, hits, actors, speaker, last_pair)
    for hit in firsts.values():
        args = _arguments(hit, actors, speaker, toks, syntax, previous)
        if pair is not None and hit.trigger.cls in ("action", "speech") and \
                not any(a.k < hit.i for a in actors):
            args = [pair]
        elif not args and last_pair is not None and speaker is not None and first_person and \
                hit.trigger.type in ("AGREE", "CONSULT") and not any(a.k < hit.i for a in actors):
            # "We agreed ..." in talks already named: the other side of those talks
            other = [a for a in last_pair if a.code != speaker.code]
            if len(other) == 1 and other[0].code != speaker.code:
                args = [(speaker, other[0])]
        for source, target in args:
            # a future date or "will" makes an action planned; an agreement, a call or a
            # condemnation about the future is made now
            planned = hit.trigger.type in ACTION_TYPES and (how == "future" or lex.has_cue(
                "planned", toks, hit.i - CUE_WINDOW, hit.i))
            negated = lex.has_cue("negation", toks, hit.i - CUE_WINDOW, hit.i)
            hypothetical = lex.has_cue("hypothetical", toks, hit.i - CUE_WINDOW, hit.i)
            people = _people(actors, {source.code, target.code}, speaker)
            out.append(Event(
                type=hit.trigger.type, source=source.code, target=target.code,
                evidence=sent.text, people=people, date=date, place=place,
                evidence_start=sent.start, post=block.post, planned=planned or hypothetical,
                negated=negated))
    return [(e, dated) for e in out], context_date, last_speaker


def _the_sides(lex: Lexicon, toks: list[Token], hits: list[Hit], actors: list[Actor],
               speaker: Actor | None, last_pair: tuple[Actor, Actor] | None
               ) -> tuple[Actor, Actor] | None:
    """"The ministers agreed", "both sides", "the two countries": the two parties the
    sentence itself names (with its speaker), else those of the last talks with two parties."""
    if not hits or not lex.has_cue("the_sides", toks, 0, hits[0].i):
        return None
    named = _distinct(([speaker] if speaker else []) + actors, None)
    if len(named) == 2:
        return named[0], named[1]
    return last_pair


def _after_locative(toks: list[Token], k: int, syntax: Syntax, roles: Syntax) -> bool:
    """Token k follows a locative ("in", "in the"), and that locative does not follow a
    title ("Utrikesministrarna i Ryssland": the ministers OF Russia)."""
    j = k - 1
    if j >= 0 and toks[j].key in syntax.get("articles", ()):
        j -= 1
    if j < 0 or toks[j].key not in syntax.get("locatives", ()):
        return False
    return not (j > 0 and (toks[j - 1].key in roles.get("first", ()) or
                           toks[j - 1].key in syntax.get("title_words", ())))


def _actors(mentions: list[Mention], toks: list[Token], syntax: Syntax,
            roles: Syntax) -> list[Actor]:
    """The actors named in a sentence, with their token positions; a name after a locative
    ("in the U.S. city of New York") is a place, not an actor."""
    starts = {t.start: k for k, t in enumerate(toks)}
    out = []
    for m in mentions:
        if not m.code or m.method == "place":
            continue
        k = starts.get(m.start)
        if k is None:
            k = next((n for n, t in enumerate(toks) if t.start >= m.start), len(toks))
        if not m.person and (m.code in iso3166.countries_by_alpha3 or m.code in REGIONS) \
                and _after_locative(toks, k, syntax, roles):
            continue                       # "in Brazil", "in the U.S. city of": a place
        out.append(Actor(k, m.code, m.person))
    return out


def _reporting_speaker(lex: Lexicon, toks: list[Token], actors: list[Actor]) -> Actor | None:
    """The person a reporting verb in the sentence attributes it to: "sa Yvan Gil",
    "Lavrov betonade", "Putin said"; else an institution right before the verb ("the Russian
    Foreign Ministry informed")."""
    for k in range(len(toks)):
        n = lex.cue_at("reporting", toks, k)
        if not n:
            continue
        people = [a for a in actors if a.person and (k - 4 <= a.k < k or k + n <= a.k <= k + n + 2)]
        if people:
            return min(people, key=lambda a: abs(a.k - k))
        subject = [a for a in actors if k - 3 <= a.k < k]
        if subject:
            return subject[-1]
    return None


def _arguments(hit: Hit, actors: list[Actor], speaker: Actor | None, toks: list[Token],
               syntax: Syntax, previous: list[Actor]) -> list[tuple[Actor, Actor]]:
    before = [a for a in actors if a.k < hit.i]
    after = [a for a in actors if a.k >= hit.j]
    if after:
        gap = toks[hit.j:after[0].k]
        reach = OBJECT_GAP_WITH if any(t.key in syntax.get("comitative", ()) for t in gap) \
            else OBJECT_GAP
        if len(gap) > reach:
            after = []                # too far to be the object ("... in the framework of X")
    cls = hit.trigger.cls
    if cls == "passive":
        agent = _group(after, toks)[:1] or ([speaker] if speaker else [])
        src = agent[0] if agent else None
        targets = _distinct(_group(before[::-1], toks), src)
    elif cls == "evaluative":
        src = speaker
        others = [a for a in actors if (src is None or a.code != src.code)
                  and not _after_comitative(a, toks, syntax)]
        if hit.i > 0 and toks[hit.i - 1].key in syntax.get("possessive_pronouns", ()):
            # "the West's policy to maintain ITS dominance", "THEIR hegemony": the owner
            # is the nearest actor before, else the subject of the previous sentence
            near = [a for a in others if a.k < hit.i][-1:] or \
                [a for a in previous if src is None or a.code != src.code][:1]
        else:
            near = sorted(others, key=lambda a: min(abs(a.k - hit.i), abs(a.k - hit.j)))
        targets = near[:1]
    else:
        subject = _distinct(_group(before[::-1], toks)[::-1], None)
        if subject and _after_comitative(subject[0], toks, syntax):
            subject = []
        if subject:
            src = subject[0]
            targets = _distinct(subject[1:] + _group(after, toks), src)
        else:
            src = speaker
            group = _group(after, toks)
            targets = _distinct(group, src)
            if src is None and len(targets) >= 2 and not _after_comitative(group[0], toks, syntax):
                # verb-second order ("Den 16 november träffade Lavrov Gil"): the first
                # actor after the verb is its subject
                src, targets = targets[0], targets[1:]
        if not targets and src is not None and any(
                t.key in syntax.get("object_pronouns", ()) for t in toks[hit.j:hit.j + 3]):
            earlier = [a for a in actors if a.k < hit.i and a.code != src.code] or \
                [a for a in previous if a.code != src.code]
            targets = earlier[:1]
    if src is None:
        return []
    return [(src, t) for t in targets if t.code != src.code]


def _after_comitative(a: Actor, toks: list[Token], syntax: Syntax) -> bool:
    """"partnership WITH Brazil, Cuba ...": a list after "with" is no subject."""
    return any(t.key in syntax.get("comitative", ()) for t in toks[max(0, a.k - 3):a.k])


def _group(actors: list[Actor], toks: list[Token]) -> list[Actor]:
    """The actor nearest the trigger and those listed with it ("Türkiye, South Africa,
    Egypt and Bolivia"; "Venezuela's Gil and his Russian counterpart Lavrov"), walking away
    from the trigger: each next one at most GROUP_GAP tokens further, no clause break between."""
    if not actors:
        return []
    out = [actors[0]]
    for a in actors[1:]:
        lo, hi = sorted((out[-1].k, a.k))
        gap = toks[lo + 1:hi]
        if len(gap) > GROUP_GAP or any(t.text in CLAUSE_BREAKS for t in gap):
            break
        out.append(a)
    return out


def _distinct(actors: list[Actor], source: Actor | None) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if (source is None or a.code != source.code) and not any(o.code == a.code for o in out):
            out.append(a)
    return out


def _people(actors: list[Actor], codes: set[str], speaker: Actor | None) -> list[PersonRef]:
    out: list[PersonRef] = []
    names = set()
    for a in actors:
        if a.person and a.code in codes and a.person not in names:
            names.add(a.person)
            out.append(PersonRef(a.person, a.code))
    if speaker and speaker.person and speaker.code in codes and speaker.person not in names:
        out.append(PersonRef(speaker.person, speaker.code))
    return out
