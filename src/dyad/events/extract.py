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

A document's tokens, keys and mentions are read once (`Reading`); each sentence takes its
slice of them, and its cues and triggers are found in one pass over its keys.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import iso3166

from dyad.actors import find
from dyad.actors.codebook import REGIONS, gazetteer
from dyad.actors.tokens import Lemmatiser, Token
from dyad.events import when
from dyad.events.lexicon import Cues, Hit, Lexicon, lexicon, triggers_of
from dyad.events.sentences import Sentence, split
from dyad.records import DaySpan, Document, Event, Mention, PersonRef, day_of
from dyad.stage import Context

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
ACTION_TYPES = {"CONSULT", "AID", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST",
                "RETREAT", "CONCEDE", "COOPERATE"}
CUE_WINDOW = 4
AGENT_TYPES = {"ACCUSE", "REJECT", "PROTEST"}    # condemning a deed: its doer is the target
REPEAT_DAYS = 3
GROUP_GAP = 4                      # tokens between actors listed together
OBJECT_GAP = 7                     # words between a trigger and its first target (numbers,
OBJECT_GAP_WITH = 12               # articles and "of" not counted); when "with" stands between
CLAUSE_BREAKS = set(";:«»“”\"()—")
OBJECT_BREAKS = set(";:()—")       # between a verb and its object (quotes may open a name)
TITLE_WORDS = 4                    # a quoted name of at most this many words is a title
SHORT_QUOTE = re.compile(r"[“‘«„‚\"]([^“”‘’«»„‚\"\n]{1,60}?)[”’»“‘\"]")
EVALUATIVE_REACH = 10             # tokens: an evaluation is about an actor near it
PRONOUN_REACH = 6                  # tokens after a trigger where "them" can stand
# A list item ("- supporting ...", "2) strengthening ...", "• développer ..."): typography,
# the same in every language. A lowercase item with no subject continues a sentence that
# lists aims or principles (a programme, a concept): no event happened.
LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[a-z][)]|[-–—•·*▪◦])\s+(?=\w)")
_KEY, _START, _END = (operator.attrgetter(a) for a in ("key", "start", "end"))
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")   # a word the Russian lemmatiser can read as a verb


Syntax = Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class Actor:
    """An actor named in a sentence: where (token index), its code, the person if any."""

    k: int
    code: str
    person: str | None
    e: int = -1                    # one past its last token (-1: not in this sentence)

    @property
    def end(self) -> int:
        return self.e if self.e > self.k else self.k + 1


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


@dataclass
class Reading:
    """What every sentence of one document is read with: its language's lexicon, word
    classes and lemmatiser, its tokens and mentions in text order, and (filled as they are
    asked) the words known to be, or not to be, future-tense forms."""

    lex: Lexicon
    syntax: Syntax
    roles: Syntax
    glue: frozenset[str]
    lemmatiser: Lemmatiser | None
    tokens: list[Token]
    keys: tuple[str, ...]             # the tokens' keys
    token_starts: list[int]
    token_ends: list[int]
    mentions: list[Mention]
    mention_order: list[int]          # indexes of `mentions` by start
    mention_starts: list[int]         # their starts, in that order
    future_words: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> Reading:
        lang = doc.language or "*"
        lex = lexicon(lang)
        g = gazetteer(lang)
        toks = lex.tokens(doc.text)
        order = sorted(range(len(doc.mentions)), key=lambda n: doc.mentions[n].start)
        return cls(lex, g.syntax, {"first": frozenset(g.role_lengths)}, _glue(lang),
                   g.lemmatiser, toks, tuple(map(_KEY, toks)), list(map(_START, toks)),
                   list(map(_END, toks)), doc.mentions, order,
                   [doc.mentions[n].start for n in order])

    def tokens_in(self, start: int, end: int
                  ) -> tuple[list[Token], tuple[str, ...], list[int]]:
        """The tokens within [start, end), their keys and their starts (tokens do not
        overlap, so those that end by `end` are the first of those that start in it)."""
        lo = bisect.bisect_left(self.token_starts, start)
        hi = min(bisect.bisect_left(self.token_starts, end),
                 bisect.bisect_right(self.token_ends, end))
        hi = max(lo, hi)
        return self.tokens[lo:hi], self.keys[lo:hi], self.token_starts[lo:hi]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions within [start, end), in the order of `doc.mentions`."""
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_right(self.mention_starts, end)
        inside = sorted(n for n in self.mention_order[lo:hi] if self.mentions[n].end <= end)
        return [self.mentions[n] for n in inside]

    def is_future(self, word: str) -> bool:
        """`Lemmatiser.is_future`, asked once per word and document, and not of a word
        without a Cyrillic letter (pymorphy3's Russian dictionary and suffix tables are all
        Cyrillic: such a word is read by its shape, LATN or UNKN, never as a verb)."""
        got = self.future_words.get(word)
        if got is None:
            got = self.lemmatiser is not None and _CYRILLIC.search(word) is not None \
                and self.lemmatiser.is_future(word)
            self.future_words[word] = got
        return got


def extract_events(doc: Document, ctx: Context) -> None:
    """Stage: doc.events from the cleaned text and the mentions."""
    reading = Reading.of(doc)
    published = doc.published_day
    events: list[tuple[Event, bool]] = []
    for block in _blocks(doc, published, ctx):
        context_date: DaySpan | None = None
        last_speaker = block.speaker
        previous: list[Actor] = []
        last_pair: tuple[Actor, Actor] | None = None
        for sent in split(doc.text[block.start:block.end]):
            sent = Sentence(sent.start + block.start, sent.end + block.start, sent.text)
            mentions = reading.mentions_in(sent.start, sent.end)
            found, context_date, last_speaker = _sentence_events(
                doc, reading, sent, mentions, block, context_date, last_speaker, previous,
                last_pair)
            events += found
            for e, _ in found:
                if e.type == "CONSULT" and not e.planned and not e.negated:
                    last_pair = (Actor(-1, e.source, None), Actor(-1, e.target, None))
            previous = [Actor(-1, m.code, m.person) for m in mentions
                        if m.code and m.method != "place"]
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
        speaker = _speaker_in(doc.mentions, 0, _head_end(doc.text)) \
            if doc.kind == "statement" else None
        return [Block(0, len(doc.text), None, speaker, line_date or published, place)]
    blocks = []
    for p, at in doc.kept_post_spans():
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


def _future_form(reading: Reading, toks: list[Token], hit: Hit) -> bool:
    """The trigger, or the verb right before it, in a future-tense form (languages whose
    keys are lemmas: "посетит" -> "посетить" loses the tense)."""
    if reading.lemmatiser is None:
        return False
    return any(t.is_word and t.text.isalpha() and reading.is_future(t.text)
               for t in toks[max(0, hit.i - 1):hit.j])


def _quoted_by(doc: Document, sent: Sentence) -> Actor | None:
    """The speaker of the quotation that holds most of the sentence (the quotes stage
    found who said it, before or after the quoted words)."""
    for q in doc.quotes:
        if q.start is None or q.speaker is None or not q.speaker.acts_for:
            continue
        lo, hi = max(q.start, sent.start), min(q.start + len(q.text), sent.end)
        if hi - lo >= 0.6 * (sent.end - sent.start):
            person = q.speaker.name if any(m.person == q.speaker.name for m in doc.mentions) \
                else None
            return Actor(-1, q.speaker.acts_for, person)
    return None


HEAD_LINES = 6                     # a statement's head: title, kind, author, date lines
HEAD_LINE_CHARS = 120              # ... each shorter than this (a body paragraph ends it)


def _head_end(text: str) -> int:
    """Where a statement's head lines end (its title, "Press Statement", the author and
    role, the date), i.e. the first long line, or after HEAD_LINES lines."""
    pos = 0
    for n, line in enumerate(text.split("\n")):
        if n >= HEAD_LINES or len(line) >= HEAD_LINE_CHARS:
            break
        pos += len(line) + 1
    return pos


def _speaker_in(mentions: list[Mention], start: int, end: int) -> Actor | None:
    for m in mentions:
        if start <= m.start and m.end <= end and m.person and m.code:
            return Actor(-1, m.code, m.person)
    return None


def _sentence_events(doc: Document, reading: Reading, sent: Sentence, mentions: list[Mention],
                     block: Block,
                     context_date: DaySpan | None, last_speaker: Actor | None,
                     previous: list[Actor], last_pair: tuple[Actor, Actor] | None
                     ) -> tuple[list[tuple[Event, bool]], DaySpan | None, Actor | None]:
    lex, syntax, glue = reading.lex, reading.syntax, reading.glue
    toks, keys, starts = reading.tokens_in(sent.start, sent.end)
    cues = lex.cues_of(keys)
    actors = _actors(mentions, toks, starts, syntax, reading.roles)
    first_person = cues.has("first_person", 0, len(toks))
    speaker = _reporting_speaker(cues, toks, actors)
    if speaker is not None:
        if speaker.person:                # "the State Department said": this sentence only
            last_speaker = speaker
    elif first_person and block.speaker is not None:
        speaker = block.speaker
    else:
        speaker = last_speaker or block.speaker
    speaker = _quoted_by(doc, sent) or speaker
    if speaker is not None:
        actors = _own_country(cues, actors, speaker)
    hits = triggers_of(lex, keys)
    if not hits and not any(map(str.isdigit, sent.text)):
        return [], context_date, last_speaker
    live = _reported_deeds_out(hits)
    span, how = when.event_date(sent.text, doc.language, block.reference,
                                _own_date(sent, toks, starts, live,
                                          syntax.get("date_of", frozenset())))
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
    purpose = syntax.get("purpose", frozenset())
    for t, hit in list(firsts.items()):
        # "established a mechanism TO strengthen relations": an aim of the action before it
        if hit not in live or (
                hit.trigger.cls == "action"
                and any(w.key in purpose for w in toks[max(0, hit.i - 2):hit.i])
                and any(h.trigger.cls == "action" and h.trigger.type != t and h.j <= hit.i
                        for h in firsts.values())):
            del firsts[t]
    titles = [(m.start() + sent.start, m.end() + sent.start) for m in SHORT_QUOTE.finditer(sent.text)
              if len(m.group(1).split()) <= TITLE_WORDS]
    for t, hit in list(firsts.items()):
        # "the 'We Accuse' exhibition": a verb inside a short quoted title is no deed
        if hit.trigger.cls in ("action", "speech") and \
                any(a <= toks[hit.i].start < b for a, b in titles):
            del firsts[t]
    if not firsts:
        return [], context_date, last_speaker
    item = LIST_ITEM.match(sent.text)
    programme = item is not None and sent.text[item.end()].islower() and \
        not any(a.k < hits[0].i for a in actors)
    pair, sides_at = _the_sides(cues, hits, actors, speaker, last_pair)
    actors = _unframed(actors, toks, syntax.get("frame_words", frozenset()))
    for hit in firsts.values():
        args = _arguments(hit, actors, speaker, toks, syntax, previous, glue,
                          _shared_subject(hit, hits, toks, actors, syntax))
        for later in (h for h in hits if not args and h.i > hit.i and h.trigger.type == hit.trigger.type
                      and h.trigger.cls == hit.trigger.cls
                      and not any(a <= toks[h.i].start < b for a, b in titles)):
            # "on the sidelines of the UN General Assembly ... a conversation of Lavrov with
            # Rodríguez": the first phrase names the setting; a later one of the type the pair
            args = _arguments(later, actors, speaker, toks, syntax, previous, glue,
                              _shared_subject(later, hits, toks, actors, syntax))
            if args:
                hit = later
        if not args and hit.trigger.type in SYMMETRIC and hit.trigger.cls == "action":
            args = _partner_or_host(hit, actors, speaker, toks, syntax, mentions, glue)
        if pair is not None and hit.trigger.cls in ("action", "speech") and \
                not any(sides_at < a.k < hit.i for a in actors):
            args = [pair]
        elif not args and last_pair is not None and speaker is not None and first_person and \
                hit.trigger.type in ("AGREE", "CONSULT") and not any(a.k < hit.i for a in actors):
            # "We agreed ..." in talks already named: the other (state) side of those talks
            other = [a for a in last_pair if a.code != speaker.code]
            if len(other) == 1 and other[0].code in iso3166.countries_by_alpha3:
                args = [(speaker, other[0])]
        if args:
            # a future date or "will" makes an action planned; an agreement, a call or a
            # condemnation about the future is made now
            planned = hit.trigger.type in ACTION_TYPES and (
                how == "future" or cues.has("planned", hit.i - CUE_WINDOW, hit.i)
                or _future_form(reading, toks, hit))
            negated = cues.has("negation", hit.i - CUE_WINDOW, hit.i)
            hypothetical = cues.has("hypothetical", hit.i - CUE_WINDOW, hit.i)
        for source, target in args:
            people = _people(actors, {source.code, target.code}, speaker)
            out.append(Event(
                type=hit.trigger.type, source=source.code, target=target.code,
                evidence=sent.text, people=people, date=date, place=place,
                evidence_start=sent.start, post=block.post,
                planned=planned or hypothetical or programme,
                negated=negated))
    return [(e, dated) for e in out], context_date, last_speaker


def _the_sides(cues: Cues, hits: list[Hit], actors: list[Actor],
               speaker: Actor | None, last_pair: tuple[Actor, Actor] | None
               ) -> tuple[tuple[Actor, Actor] | None, int]:
    """"The ministers agreed", "both sides", "the two countries": the two parties the
    sentence itself names (with its speaker), else those of the last talks with two parties;
    and where the phrase stands (actors before it report, they are not the subject)."""
    at = next((k for k in cues.starts("the_sides") if k < hits[0].i), None) if hits else None
    if at is None:
        return None, -1
    named = _distinct(([speaker] if speaker else []) + actors, None)
    if len(named) == 2:
        return (named[0], named[1]), at
    return last_pair, at


def _own_country(cues: Cues, actors: list[Actor], speaker: Actor) -> list[Actor]:
    """"visited OUR COUNTRY": the speaker's state, where the words stand."""
    found = []
    for k in cues.starts("own_country"):
        n = cues.cue_at("own_country", k)
        if not any(a.k <= k < a.end for a in actors):
            found.append(Actor(k, speaker.code, None, k + n))
    return sorted(actors + found, key=lambda a: a.k) if found else actors


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


def _actors(mentions: list[Mention], toks: list[Token], starts: list[int], syntax: Syntax,
            roles: Syntax) -> list[Actor]:
    """The actors named in a sentence, with their token positions (the first token that
    starts at or after the mention's start; `starts`: the tokens' starts); a name after a
    locative ("in the U.S. city of New York") is a place, not an actor."""
    out = []
    for m in mentions:
        if not m.code or m.method == "place":
            continue
        k = bisect.bisect_left(starts, m.start)
        if not m.person and (m.code in iso3166.countries_by_alpha3 or m.code in REGIONS) \
                and _after_locative(toks, k, syntax, roles):
            continue                       # "in Brazil", "in the U.S. city of": a place
        e = bisect.bisect_left(starts, m.end, k)
        out.append(Actor(k, m.code, m.person, max(e, k + 1)))
    return out


def _reporting_speaker(cues: Cues, toks: list[Token], actors: list[Actor]) -> Actor | None:
    """The person a reporting verb in the sentence attributes it to: "sa Yvan Gil",
    "Lavrov betonade", "Putin said"; else an institution right before the verb ("the Russian
    Foreign Ministry informed")."""
    for k in cues.starts("reporting"):
        n = cues.cue_at("reporting", k)
        people = [a for a in actors if a.person and (k - 4 <= a.k < k or k + n <= a.k <= k + n + 2)]
        if people:
            return min(people, key=lambda a: abs(a.k - k))
        # an institution right before the verb: "the State Department said" (not "NATO's
        # claims": a possessive makes the verb a noun)
        subject = [a for a in actors if k - 3 <= a.k < k and a.end >= k - 1
                   and not any(t.text in "'’" for t in toks[a.end:k])]
        if subject:
            return subject[-1]
    return None


def _arguments(hit: Hit, actors: list[Actor], speaker: Actor | None, toks: list[Token],
               syntax: Syntax, previous: list[Actor], glue: frozenset[str], cut: int
               ) -> list[tuple[Actor, Actor]]:
    """(source, target) pairs for one trigger. Actors from `cut` on up to the trigger belong
    to an earlier verb whose subject this one shares ("Biden praised Brazil's democracy AND
    condemned ...")."""
    before = [a for a in actors if a.k < min(hit.i, cut)]
    # an actor inside a trigger with a gap ("expelled five RUSSIAN diplomats", "appelle LA
    # RUSSIE à") is its object
    after = [a for a in actors if a.k >= hit.j or hit.i < a.k < hit.j]
    openers = syntax.get("clause_openers", frozenset())
    frames = syntax.get("frame_words", frozenset())
    if after:
        gap = toks[hit.j:after[0].k]
        reach = OBJECT_GAP_WITH if any(t.key in syntax.get("comitative", ()) for t in gap) \
            else OBJECT_GAP
        light = syntax.get("articles", frozenset()) | syntax.get("of", frozenset())
        words = [t for t in gap if any(c.isalpha() for c in t.text) and t.key not in light]
        if len(words) > reach or any(t.text in OBJECT_BREAKS or t.key in openers or
                                     t.key in frames for t in gap):
            after = []                # too far to be the object ("... in the framework of X"),
                                      # or in another clause ("..., tandis que le Brésil")
    if after:
        listed = _group(after, toks, glue)
        end = listed[-1].end
        if end < len(toks) and toks[end].key in frames:
            after = []                # "held in BRICS, the SCO and Russia-ASEAN FORMATS": frames
    cls = hit.trigger.cls
    if cls == "passive":
        agent = _group(after, toks, glue)[:1] or ([speaker] if speaker else [])
        src = agent[0] if agent else None
        targets = _distinct(_group(before[::-1], toks, glue), src)
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
            near = sorted((a for a in others if _distance(a, hit) <= EVALUATIVE_REACH),
                          key=lambda a: _distance(a, hit))
        if not near and _opens_with(toks, syntax.get("demonstratives", frozenset())):
            # "THIS decision is a new aggression against the people": what the previous
            # sentence's actor did
            near = [a for a in previous if src is None or a.code != src.code][:1]
        targets = near[:1]
    else:
        subject = _distinct(_group(before[::-1], toks, glue)[::-1], None)
        if subject and _after_comitative(subject[0], toks, syntax):
            subject = []
        if subject:
            src = subject[0]
            objects = _group(after, toks, glue)
            if hit.trigger.type in AGENT_TYPES:
                objects = [a for a in objects if not _victim(hit, a, toks, syntax)]
            targets = _distinct(subject[1:] + objects, src)
            if cls == "speech" and hit.trigger.type in AGENT_TYPES:
                # "condemned the blockade imposed on Cuba BY the United States": the doer
                targets = _agent_after(hit, actors, toks, syntax, src) or targets
            if hit.trigger.type not in SYMMETRIC and len(subject) > 1:
                # "Russia and China congratulated Maduro": each of the subject does it;
                # "Lavrov y Rodríguez condenan el bloqueo": nobody named is condemned
                objects = [t for t in _distinct(objects, None)
                           if all(t.code != s.code for s in subject)]
                return [(s, t) for s in subject for t in objects]
        else:
            src = speaker
            group = _group(after, toks, glue)
            targets = _distinct(group, src)
            if src is None and len(targets) >= 2 and not _after_comitative(group[0], toks, syntax):
                # verb-second order ("Den 16 november träffade Lavrov Gil"): the first
                # actor after the verb is its subject
                src, targets = targets[0], targets[1:]
        if not targets and src is not None and _pronoun_after(toks, hit.j, syntax):
            earlier = [a for a in actors if a.k < hit.i and a.code != src.code] or \
                [a for a in previous if a.code != src.code]
            targets = earlier[:1]
    if src is None:
        return []
    return [(src, t) for t in targets if t.code != src.code]


def _shared_subject(hit: Hit, hits: list[Hit], toks: list[Token], actors: list[Actor],
                    syntax: Syntax) -> int:
    """Where the subject of a verb coordinated with an earlier one ends: "X praised Y and
    condemned Z" (an "and", perhaps an auxiliary, right before the verb, an earlier trigger
    before that): the earlier trigger's start; else the trigger's own start."""
    coordinators = syntax.get("coordinators", ())
    k = hit.i - 1
    if k >= 1 and toks[k].key not in coordinators and toks[k].text.islower() and \
            not any(a.k <= k < a.end for a in actors):
        k -= 1                                   # "et A condamné", "and HAS condemned"
    if k < 0 or toks[k].key not in coordinators:
        return hit.i
    earlier = [h.i for h in hits if h.j <= k]
    return min(earlier) if earlier else hit.i


def _reported_deeds_out(hits: list[Hit]) -> list[Hit]:
    """The hits that are not a deed named after a statement of another type ("calls on
    Russia to WITHDRAW", "condemned the ATTACKS"): those are what the statement is about, not
    events of their own."""
    return [h for h in hits if not (h.trigger.cls in ("action", "passive") and any(
        o.trigger.cls in ("speech", "evaluative") and o.trigger.type != h.trigger.type
        and o.j <= h.i for o in hits))]


def _own_date(sent: Sentence, toks: list[Token], starts: list[int], hits: list[Hit],
              date_of: frozenset[str]) -> Callable[[int, int], bool]:
    """Whether a date of the sentence (offsets in it) may date its event: not one hung on
    another noun by "of" ("condemned the attacks OF 8 January", "los ataques DEL 8 de
    enero"), unless a trigger opens with that noun ("the meeting of 16 October"; not
    "condemned the attacks": there the noun is what is condemned). `starts`: the tokens'
    starts."""

    def keep(start: int, _end: int) -> bool:
        k = bisect.bisect_left(starts, sent.start + start) - 1
        if k < 1 or toks[k].key not in date_of or not toks[k - 1].is_word:
            return True
        return any(h.i == k - 1 for h in hits)        # the noun opens a trigger: "the MEETING"
    return keep


def _distance(a: Actor, hit: Hit) -> int:
    """Tokens between an actor and a trigger (0 when they touch or overlap)."""
    if a.end <= hit.i:
        return hit.i - a.end
    return max(0, a.k - hit.j + 1) if a.k >= hit.j else 0


def _unframed(actors: list[Actor], toks: list[Token], frames: frozenset[str]) -> list[Actor]:
    """Without the actors that name a setting: "on the sidelines of the 79th SESSION of the
    UN General Assembly", "в рамках ШОС" (a frame word right before them)."""
    return [a for a in actors
            if not any(t.key in frames for t in toks[max(0, a.k - 2):a.k])]


def _opens_with(toks: list[Token], words: frozenset[str]) -> bool:
    """The sentence's first word (after marks) is one of `words`."""
    first = next((t for t in toks if t.is_word), None)
    return first is not None and first.key in words


def _victim(hit: Hit, a: Actor, toks: list[Token], syntax: Syntax) -> bool:
    """"rejected the sanctions AGAINST Venezuela", "condemned the strikes against Kyiv": an
    actor after "against" that follows a deed named after the verb is its victim."""
    against = syntax.get("against", ())
    skip = syntax.get("articles", frozenset())
    k = a.k - 1
    while k >= hit.j and toks[k].key in skip:
        k -= 1
    if k < hit.j or toks[k].key not in against:
        return False
    return any(any(c.isalpha() for c in t.text) and t.key not in skip for t in toks[hit.j:k])


def _agent_after(hit: Hit, actors: list[Actor], toks: list[Token], syntax: Syntax,
                 src: Actor) -> list[Actor]:
    """The actor a passive agent marker ("by", "por", "par") introduces in the clause after a
    condemnation or rejection: the doer of the deed condemned."""
    markers = syntax.get("agent_markers", ())
    skip = syntax.get("articles", frozenset())
    for a in actors:
        if a.k < hit.j or a.code == src.code or a.k - hit.j > 2 * OBJECT_GAP_WITH or \
                any(t.text in CLAUSE_BREAKS for t in toks[hit.j:a.k]):
            continue
        k = a.k - 1
        while k >= hit.j and toks[k].key in skip:
            k -= 1
        if k >= hit.j and toks[k].key in markers:
            return [a]
    return []


def _partner_or_host(hit: Hit, actors: list[Actor], speaker: Actor | None, toks: list[Token],
                     syntax: Syntax, mentions: list[Mention], glue: frozenset[str]
                     ) -> list[tuple[Actor, Actor]]:
    """Talks whose only named side is the doer: the partner named after "with" further on
    ("телефонный разговор Министра ... Лаврова С Министром ... Венесуэлы"), else the state
    whose capital or seat the talks were held in ("an informal meeting in the Kremlin")."""
    before = [a for a in actors if a.k < hit.i]
    src = _distinct(_group(before[::-1], toks, glue)[::-1], None)[:1] or \
        [a for a in actors if a.k >= hit.j][:1] or ([speaker] if speaker else [])
    if not src:
        return []
    doer = src[0]
    host_ok = hit.trigger.type == "CONSULT" and (doer.k < hit.i or doer.k < 0) and (
        doer.person is not None or doer.code in iso3166.countries_by_alpha3)
    comitative = syntax.get("comitative", ())
    for a in actors:
        if a.k < hit.j or a.code == doer.code or a.k - hit.j > 3 * OBJECT_GAP or \
                any(t.text in CLAUSE_BREAKS for t in toks[hit.j:a.k]):
            continue
        # "with" before it, only its own title between ("с Министром ... Венесуэлы")
        w = next((k for k in range(a.k - 1, max(hit.j, a.k - 9) - 1, -1)
                  if toks[k].key in comitative), None)
        if w is not None and not any(w < o.k < a.k and o.code != a.code for o in actors):
            return [(doer, a)]
    if not host_ok:           # "the meeting took place in the U.S. ... of the UN": no doer
        return []
    named = {(a.k, a.code) for a in actors}
    host = next((m.code for m in mentions if m.code and m.code != doer.code
                 and m.code in iso3166.countries_by_alpha3 and not m.person
                 and (m.method == "place" or not any(c == m.code for _k, c in named))), None)
    return [(doer, Actor(-1, host, None))] if host else []


def _after_comitative(a: Actor, toks: list[Token], syntax: Syntax) -> bool:
    """"partnership WITH Brazil, Cuba ...", "problems with the IMF OR the World Bank": an
    actor after "with", or listed with one that is, is no subject (nor an accused)."""
    comitative = syntax.get("comitative", ())
    glue = syntax.get("coordinators", frozenset()) | syntax.get("articles", frozenset())
    k = a.k
    while True:
        if any(t.key in comitative for t in toks[max(0, k - 3):k]):
            return True
        # walk back over a list: "X, Y or the Z" (names of up to four words each)
        j = k - 1
        while j >= 0 and (toks[j].key in glue or toks[j].text in ",/"):
            j -= 1
        if j == k - 1 or j < 0 or not toks[j].text[:1].isupper() and not toks[j].text[:1].isdigit():
            return False
        start = j
        while start > 0 and start > j - 4 and toks[start - 1].text[:1].isupper() and \
                toks[start - 1].key not in comitative:
            start -= 1
        k = start


def _pronoun_after(toks: list[Token], j: int, syntax: Syntax) -> bool:
    """An object pronoun soon after the trigger, in the same clause ("develop relations
    with THEM")."""
    for t in toks[j:j + PRONOUN_REACH]:
        if t.text in CLAUSE_BREAKS:
            return False
        if t.key in syntax.get("object_pronouns", ()):
            return True
    return False


def _group(actors: list[Actor], toks: list[Token], glue: frozenset[str]) -> list[Actor]:
    """The actor nearest the trigger and those listed with it ("Türkiye, South Africa,
    Egypt and Bolivia"; "Venezuela's Gil and his Russian counterpart Lavrov"; "Brasiliens
    president Luiz Inácio Lula da Silva och Kubas president"), walking away from the trigger:
    between one and the next at most GROUP_GAP tokens, all of them list glue (commas,
    "and", articles, possessives, titles and roles), no clause break."""
    if not actors:
        return []
    out = [actors[0]]
    for a in actors[1:]:
        first, second = sorted((out[-1], a), key=lambda x: x.k)
        gap = toks[first.end:second.k]
        if len(gap) > GROUP_GAP or any(t.text in CLAUSE_BREAKS for t in gap) or \
                any(t.key not in glue and any(c.isalnum() for c in t.text) for t in gap):
            break
        out.append(a)
    return out


@functools.cache
def _glue(lang: str) -> frozenset[str]:
    """Words that may stand between the actors of one list, in `lang`."""
    g = gazetteer(lang)
    words = set(g.role_lengths)
    for name in ("coordinators", "articles", "possessive_pronouns", "possessive", "title_words",
                 "connectors", "of", "list_glue"):
        words |= g.syntax.get(name, frozenset())
    for name, forms in g.syntax.items():
        if name.startswith("pronoun_"):
            words |= forms
    return frozenset(words | {"s"})


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
