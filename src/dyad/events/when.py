"""When an event happened: the day or span a sentence dates it to, and a text's dateline.

`event_date(sentence, lang, reference)` reads, in this order:

1. absolute dates (through `dyad.metadata.dates.find_dates`): a full date is that day; a
   day range ("February 21-22, 2024", "21–22 de febrero", "с 21 по 22 февраля", "from
   30 September to 2 October") a span; a month with its year ("in March 2023", "в марте
   2023 года") that month. A date without a year takes the year that puts it latest while
   not after `reference` + 7 days (earliest on or after the reference in a future clause);
   with no reference, none is guessed.
2. relative phrases, kept as data in `lang/<code>/when.yaml`: yesterday/today/tomorrow,
   last/this/next week, month and year, "N days ago", weekdays ("on Wednesday": the latest
   one on or before the reference; "last Wednesday": strictly before; "next Wednesday":
   after), months ("last December", "in March", "в декабре прошлого года"). Weekday and
   month names come from CLDR through babel.

The first phrase in the sentence decides. `how` is "absolute", "relative", "future" (the
day or span lies after the reference, or the clause speaks of what is to come: a planned
event) or "none". A bare weekday or month looks forward when a future cue ("will", "va a",
"будет") stands in its clause.

`dateline(text, lang)` finds a post's or article's dateline near its head ("📍 Managua,
April 19, 2023", "(Moscow, March 30, 2023)", "MOSCOW, April 12 (Reuters) -") and gives its
date (None when the year is not written) and place.

It does not decide which sentence an event is read from, nor the publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from re import _constants as sre_constants          # the parsed form of a pattern, to read
from re import _parser as sre_parser                # the words a rule cannot match without
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from babel.core import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names

from dyad import lang as langdata
from dyad.metadata.dates import find_dates, month_forms
from dyad.records import DaySpan

TOPIC = "when"
YEARLESS_LEAD = dt.timedelta(days=7)     # a year-less date may lie this far after the reference
MAX_RANGE_DAYS = 92                      # longer "ranges" are two separate dates
HEAD_LINES = 10                          # a dateline stands in this many non-empty lines ...
HEAD_CHARS = 2000                        # ... within this many characters
PLACE_WORDS = 5                          # at most this many words in a dateline's place
FRONT_WORDS = 1                          # "On Friday, he will ...": words besides the phrase

UNITS = ("day", "week", "month", "year")
WEEKDAY_MODES = ("past", "bare", "future", "last_week", "next_week")
MONTH_MODES = ("past", "bare", "previous_year", "this_year", "next_year", "future")

_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?:(?<=['’])|(?![^\W\d_]))"
_DASHES = "-–—"
_DIGIT = re.compile(r"\d")
_BREAK_PUNCT = re.compile(r"[,;:()\[\]«»\"“”„—–]|[.!?](?=\s|$)")


# ---------------------------------------------------------------- language data


@dataclass(frozen=True)
class _Rule:
    """One phrase pattern: `kind` is "unit", "ago", "weekday" or "month"; for units and
    "ago" `key` is the unit and `arg` the offset ("earlier"/"later" for parts of the
    current unit); for weekdays and months `key` is the mode."""

    lang: str
    pattern: re.Pattern[str]
    kind: str
    key: str
    arg: int | str = 0
    # the same phrase, case-sensitive and lowercase without the letter look-behind, to run
    # on a lowercased sentence (much faster); None for month names, whose case matters
    fast: re.Pattern[str] | None = None
    # strings one of which every match of `fast` contains ("last", "week"; the weekday
    # names): a lowercased sentence without any of them is not searched; None: no screen
    needs: frozenset[str] | None = None


@dataclass(frozen=True)
class _Lang:
    code: str
    rules: tuple[_Rule, ...]
    weekdays: Mapping[str, int]          # casefolded form -> 0 (Monday) .. 6
    months: Mapping[str, int]            # casefolded form -> 1 .. 12
    month_names: tuple[tuple[str, str | None], ...]   # (form as written, look-ahead)
    numbers: Mapping[str, int]
    future: re.Pattern[str] | None
    breaks: re.Pattern[str] | None
    range_words: tuple[str, ...]
    particles: frozenset[str]
    month_parts: Mapping[str, frozenset[str]]             # "early" -> words naming that third
    month_screen: re.Pattern[str]        # any month name: without one, no month rule can match
    needed: tuple[str, ...]              # every rule's `needs`, each string once
    needing: Mapping[str, tuple[int, ...]]   # such a string -> the rules (indexes) needing it
    unscreened: frozenset[int]           # the rules that need no particular string


def _data() -> Mapping[str, Mapping[str, Any]]:
    return langdata.load(TOPIC)


def _codes(lang: str | None) -> tuple[str, ...]:
    data = _data()
    if lang in data:
        return (lang,)
    return tuple(sorted(data, key=lambda c: (c != "en", c)))


def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


def _words(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    body = [str(p) for p in patterns if str(p)]
    if not body:
        return None
    body.sort(key=len, reverse=True)
    alt = "|".join(f"(?:{_spaces(p)})" for p in body)
    return re.compile(f"{_LETTER_BEFORE}(?:{alt}){_LETTER_AFTER}", flags)


def _spaces(pattern: str) -> str:
    """A data pattern with each space standing for any run of white space (spaces inside
    a look-behind stay single: a look-behind has a fixed width)."""
    out: list[str] = []
    stack: list[bool] = []                       # per open group: is it a look-behind?
    escaped = False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            stack.append(pattern.startswith(("(?<!", "(?<="), i))
        elif ch == ")" and stack:
            stack.pop()
        elif ch == " " and not any(stack):
            out.append(r"\s+")
            continue
        out.append(ch)
    return "".join(out)


def _derive(names: Mapping[str, int],
            rules: Sequence[Sequence[str]]) -> list[tuple[str, str | None, int]]:
    """(form, look-ahead or None, number): CLDR's names, then the forms the data's rules
    derive from them (a rule is [regex, replacement] or [regex, replacement, look-ahead])."""
    out: dict[str, tuple[str | None, int]] = {name: (None, num) for name, num in names.items()}
    for rule in rules:
        pat, repl = str(rule[0]), str(rule[1])
        guard = str(rule[2]) if len(rule) > 2 else None
        for name, num in names.items():
            form = re.sub(pat, repl, name, count=1)
            if form:
                out.setdefault(form, (guard, num))
    return [(form, guard, num) for form, (guard, num) in out.items()]


def _name_alternation(forms: Iterable[tuple[str, str | None]], keep_case: bool) -> str:
    parts = []
    for form, guard in sorted(forms, key=lambda f: len(f[0]), reverse=True):
        esc = re.escape(form)
        if keep_case and form[:1].isupper():
            esc = f"(?-i:{esc}|{re.escape(form.upper())})"
        if guard:
            esc = f"{esc}(?=(?:{guard}))"
        parts.append(esc)
    return "|".join(parts) if parts else "(?!)"


@functools.cache
def _lang(code: str) -> _Lang:
    data = _data().get(code, {})
    loc = _locale(code)

    weekday_names: dict[str, int] = {}
    standalone: dict[str, int] = {}
    if loc is not None:
        for context in ("format", "stand-alone"):
            for num, name in get_day_names("wide", context, locale=loc).items():
                weekday_names.setdefault(name, int(num))
        for num, name in get_month_names("wide", "stand-alone", locale=loc).items():
            standalone[name] = int(num)
    wd_forms = _derive(weekday_names, data.get("weekday_forms") or ())
    weekdays = {form.casefold(): num for form, _g, num in wd_forms}

    month_names = dict(month_forms(code, abbreviated=False))
    mo_forms = [(f, None) for f in month_names]
    for form, guard, num in _derive(standalone, data.get("month_forms") or ()):
        if form not in month_names:
            month_names[form] = num
            mo_forms.append((form, guard))
    months = {f.casefold(): n for f, n in month_names.items()}

    numbers = {str(k).casefold(): int(v) for k, v in (data.get("numbers") or {}).items()}
    wd_alt = _name_alternation([(f, g) for f, g, _n in wd_forms], keep_case=False)
    mo_alt = _name_alternation(mo_forms, keep_case=True)
    num_alt = "|".join([r"\d{1,2}"] + [re.escape(w) for w in sorted(numbers, key=len, reverse=True)])

    def compile_template(template: str) -> re.Pattern[str]:
        body = _spaces(str(template))
        body = body.replace("{weekday}", f"(?P<wd>{wd_alt})")
        body = body.replace("{month}", f"(?P<mo>{mo_alt})")
        body = body.replace("{n}", f"(?P<n>{num_alt})")
        return re.compile(f"{_LETTER_BEFORE}(?:{body}){_LETTER_AFTER}", re.IGNORECASE)

    def screened(pattern: re.Pattern[str], kind: str, key: str, arg: int | str) -> _Rule:
        fast = _fast(pattern)
        return _Rule(code, pattern, kind, key, arg, fast, _needs_of(fast) if fast else None)

    rules: list[_Rule] = []
    for unit in UNITS:
        for arg, phrases in (data.get(unit) or {}).items():
            for p in phrases:
                rules.append(screened(compile_template(p), "unit", unit, arg))
    for unit, phrases in (data.get("ago") or {}).items():
        for p in phrases:
            rules.append(screened(compile_template(p), "ago", str(unit), 0))
    for mode in WEEKDAY_MODES:
        for p in (data.get("weekday") or {}).get(mode) or ():
            rules.append(screened(compile_template(p), "weekday", mode, 0))
    for mode in MONTH_MODES:
        for p in (data.get("month_name") or {}).get(mode) or ():
            rules.append(_Rule(code, compile_template(p), "month", mode))

    return _Lang(
        code=code,
        rules=tuple(rules),
        weekdays=MappingProxyType(weekdays),
        months=MappingProxyType(months),
        month_names=tuple(mo_forms),
        numbers=MappingProxyType(numbers),
        future=_words(data.get("future_cues") or ()),
        breaks=_words(data.get("clause_breaks") or ()),
        range_words=tuple(str(w) for w in data.get("range_joiners") or ()),
        particles=frozenset(str(w).casefold() for w in data.get("place_particles") or ()),
        month_screen=re.compile(mo_alt, re.IGNORECASE),
        month_parts=MappingProxyType({
            str(part): frozenset(w.casefold() for f in forms or () for w in re.findall(r"\w+", str(f)))
            for part, forms in (data.get("month_parts") or {}).items()}),
        needed=tuple(sorted({w for r in rules for w in r.needs or ()})),
        needing=MappingProxyType({w: tuple(i for i, r in enumerate(rules) if w in (r.needs or ()))
                                  for w in {w for r in rules for w in r.needs or ()}}),
        unscreened=frozenset(i for i, r in enumerate(rules) if r.needs is None),
    )


@functools.cache
def _range_joiner(codes: tuple[str, ...]) -> str:
    words = sorted({w for c in codes for w in _lang(c).range_words}, key=len, reverse=True)
    alt = "|".join([f"[{_DASHES}/]"] + [f"{_LETTER_BEFORE}(?:{_spaces(w)}){_LETTER_AFTER}"
                                        for w in words])
    return f"(?i:{alt})"


@functools.cache
def _day_suffix(codes: tuple[str, ...]) -> str:
    dates = langdata.load("dates")
    suffixes = sorted({str(s) for c in codes for s in (dates.get(c, {}).get("day_suffix") or ())},
                      key=len, reverse=True)
    alt = "|".join(re.escape(s) for s in suffixes)
    return f"(?:(?i:{alt}))?\\.?" if alt else r"\.?"


@functools.cache
def _range_regexes(codes: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str],
                                                    re.Pattern[str]]:
    """(between two dates, a day before a date, a day after a date)."""
    join = _range_joiner(codes)
    day = rf"(?P<d>[0-3]?\d)(?!\d){_day_suffix(codes)}"
    between = re.compile(rf"^\s*{join}\s*$")
    before = re.compile(rf"(?<![\d.,/:]){day}\s*{join}\s*$")
    after = re.compile(rf"^\s*{join}\s*{day}(?:(?:\s*,\s*|\s+)(?P<y>(?:19|20)\d{{2}})(?!\d))?")
    return between, before, after


@functools.cache
def _month_year(codes: tuple[str, ...]) -> re.Pattern[str]:
    dates = langdata.load("dates")
    forms: dict[str, str | None] = {}
    joiners: set[str] = set()
    for c in codes:
        for form, guard in _lang(c).month_names:
            forms.setdefault(form, guard)
        joiners.update(str(j) for j in (dates.get(c, {}).get("joiners") or ()))
    alt = _name_alternation(forms.items(), keep_case=True)
    join = ("(?:(?i:" + "|".join(re.escape(j) for j in sorted(joiners, key=len, reverse=True))
            + r")\s+)?") if joiners else ""
    return re.compile(rf"{_LETTER_BEFORE}(?P<mo>{alt})\.?\s*,?\s+{join}"
                      rf"(?P<y>(?:19|20)\d{{2}})(?!\d)", re.IGNORECASE)


# ---------------------------------------------------------------- calendar arithmetic


def _month_span(year: int, month: int) -> DaySpan:
    return DaySpan(dt.date(year, month, 1),
                   dt.date(year, month, calendar.monthrange(year, month)[1]))


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + by
    return n // 12, n % 12 + 1


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _year_span(year: int) -> DaySpan:
    return DaySpan(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- clauses and the future


def _clause(sentence: str, start: int, end: int, lg: _Lang) -> tuple[int, int]:
    """The clause around [start, end): from the last break before it to the next after.
    A break word belongs to the clause it opens. A phrase fronted alone ("On Friday, ...")
    takes the clause after it as its own."""
    cuts = sorted({m.start() for m in _BREAK_PUNCT.finditer(sentence)}
                  | ({m.start() for m in lg.breaks.finditer(sentence)} if lg.breaks else set()))
    lo = max((c for c in cuts if c <= start), default=0)
    later = [c for c in cuts if c >= end]
    hi = later[0] if later else len(sentence)
    rest = sentence[lo:start] + " " + sentence[end:hi]
    if len(re.findall(r"[^\W\d_]+", rest)) <= FRONT_WORDS and len(later) >= 1:
        hi = later[1] if len(later) > 1 else len(sentence)
    return lo, hi


def _future_clause(sentence: str, start: int, end: int, codes: Sequence[str]) -> bool:
    for code in codes:
        lg = _lang(code)
        if lg.future is None:
            continue
        lo, hi = _clause(sentence, start, end, lg)
        if any(m.end() > lo and m.start() < hi for m in lg.future.finditer(sentence)):
            return True
    return False


# ---------------------------------------------------------------- absolute dates


@dataclass(frozen=True)
class _Abs:
    start: int
    end: int
    first: tuple[int | None, int, int]     # (year or None, month, day)
    last: tuple[int | None, int, int]


def _absolute_hits(sentence: str, lang: str | None, codes: tuple[str, ...]) -> list[_Abs]:
    """Dates, day ranges and months with their year, in the order they stand."""
    if _DIGIT.search(sentence) is None:
        return []                          # every date pattern has a digit (a day, a year)
    hits = find_dates(sentence, lang)
    between, before, after = _range_regexes(codes)
    out: list[_Abs] = []
    skip = -1
    for i, (s, e, d, has_year) in enumerate(hits):
        if i == skip:
            continue
        year = d.year if has_year else None
        first: tuple[int | None, int, int] = (year, d.month, d.day)
        last, start, end = first, s, e
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and between.match(sentence[e:nxt[0]]):
            # "from 30 September to 2 October 2023", "February 21 - March 2"
            last = (nxt[2].year if nxt[3] else None, nxt[2].month, nxt[2].day)
            end, skip = nxt[1], i + 1
        elif sentence[s:s + 1].isdigit() and (mb := before.search(sentence[:s])) \
                and int(mb["d"]) < d.day:
            # "21–22 de febrero", "с 21 по 22 февраля"
            first, start = (year, d.month, int(mb["d"])), mb.start()
        elif not has_year and not sentence[s:s + 1].isdigit() \
                and (ma := after.match(sentence[e:])) and int(ma["d"]) > d.day:
            # "February 21-22, 2024"
            year = int(ma["y"]) if ma["y"] else None
            first, last, end = (year, d.month, d.day), (year, d.month, int(ma["d"])), e + ma.end()
        out.append(_Abs(start, end, first, last))
    taken = [(x.start, x.end) for x in out]
    for m in _month_year(codes).finditer(sentence):
        if any(m.start() < hi and m.end() > lo for lo, hi in taken):
            continue
        num = next((n for c in codes if (n := _lang(c).months.get(m["mo"].casefold()))), None)
        if num is not None:
            y = int(m["y"])
            out.append(_Abs(m.start(), m.end(), (y, num, 1),
                            (y, num, calendar.monthrange(y, num)[1])))
    out.sort(key=lambda x: x.start)
    return out


def _yearless_year(month: int, day: int, reference: dt.date, future: bool) -> int | None:
    """The year a year-less date takes: the latest that puts it not after the reference
    + YEARLESS_LEAD; in a future clause the earliest that puts it on or after it."""
    years = range(reference.year - 1, reference.year + 6) if future \
        else range(reference.year + 1, reference.year - 6, -1)     # wide enough for 29 February
    for y in years:
        d = _safe(y, month, day)
        if d is None:
            continue
        if (d >= reference) if future else (d <= reference + YEARLESS_LEAD):
            return y
    return None


def _resolve_absolute(a: _Abs, reference: dt.date | None, future: bool) -> DaySpan | None:
    (y1, m1, d1), (y2, m2, d2) = a.first, a.last
    wrap = 1 if (m1, d1) > (m2, d2) else 0          # a range across the new year
    if y1 is None and y2 is not None:
        y1 = y2 - wrap
    elif y2 is None and y1 is not None:
        y2 = y1 + wrap
    elif y1 is None:
        if reference is None:
            return None                              # no year guessed where none is known
        y1 = _yearless_year(m1, d1, reference, future)
        if y1 is None:
            return None
        y2 = y1 + wrap
    if y1 is None or y2 is None:
        return None
    first, last = _safe(y1, m1, d1), _safe(y2, m2, d2)
    if first is None or last is None or last < first:
        return None
    if (last - first).days > MAX_RANGE_DAYS:
        return DaySpan.day(first)
    return DaySpan(first, last)


# ---------------------------------------------------------------- relative phrases


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    rule: _Rule
    match: re.Match[str]


def _relative_hits(sentence: str, codes: Sequence[str]) -> list[_Hit]:
    lower = sentence.lower()
    if len(lower) != len(sentence):
        lower = ""                         # a character whose lowercase is longer: slow path
    hits = []
    for c in codes:
        lg = _lang(c)
        months = lg.month_screen.search(sentence) is not None
        if lower:                          # the rules whose needed words the sentence has
            live = set(lg.unscreened)
            for w in lg.needed:
                if w in lower:
                    live.update(lg.needing[w])
            rules = [lg.rules[i] for i in sorted(live)]
        else:
            rules = list(lg.rules)
        for r in rules:
            if r.kind == "month" and not months:
                continue
            if r.fast is None or not lower:
                hits += [_Hit(m.start(), m.end(), r, m) for m in r.pattern.finditer(sentence)]
                continue
            pos = 0
            while (m := r.fast.search(lower, pos)) is not None:
                if m.start() == 0 or not lower[m.start() - 1].isalpha():
                    hits.append(_Hit(m.start(), m.end(), r, m))
                    pos = max(m.end(), m.start() + 1)
                else:
                    pos = m.start() + 1
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return hits


def _fast(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` without its letter look-behind, with its letters lowercased (escapes such
    as \\W and \\S kept), case-sensitive; None when it cannot be rewritten safely."""
    source = pattern.pattern
    if not source.startswith(_LETTER_BEFORE) or "(?-i" in source:
        return None                        # a case-sensitive part ("(?-i:morgen)") must stay
    body = source[len(_LETTER_BEFORE):]
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out.append(body[i:i + 2])
            i += 2
            continue
        if ch == "(" and body.startswith("(?P<", i):
            j = body.index(">", i)
            out.append(body[i:j + 1])
            i = j + 1
            continue
        out.append(ch.lower() if len(ch.lower()) == 1 else ch)
        i += 1
    try:
        return re.compile("".join(out))
    except re.error:
        return None


def _needs_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of a case-sensitive `pattern` contains, read from
    its parsed form: a run of literal characters, or one from each branch of an
    alternation; the set whose shortest string is longest. None when none is found (or the
    pattern cannot be read)."""
    try:
        parsed = sre_parser.parse(pattern.pattern, pattern.flags)
    except (re.error, AttributeError, TypeError, ValueError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _needed_in(list(parsed))


def _needed_in(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """`_needs_of` for a parsed sequence."""
    c = sre_constants
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and all(found) and (best is None or (min(map(len, found)), -len(found))
                                     > (min(map(len, best)), -len(best))):
            best = found

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & re.IGNORECASE:          # "(?i:...)" may match other cases
                consider(_needed_in(list(sub)))
        elif op is c.ATOMIC_GROUP:
            consider(_needed_in(list(av)))
        elif op is c.BRANCH:
            alternatives = [_needed_in(list(b)) for b in av[1]]
            if all(a is not None for a in alternatives):
                consider(frozenset().union(*(a for a in alternatives if a is not None)))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            least, _most, sub = av
            if least >= 1:
                consider(_needed_in(list(sub)))
        elif op is c.IN and av and all(o is c.LITERAL for o, _v in av):
            consider(frozenset(chr(v) for _o, v in av))  # "[-–]"
        # other items (classes, anchors, look-arounds) need no particular string
    if run:
        consider(frozenset({"".join(run)}))
    return best


def _unit_span(unit: str, arg: int | str, ref: dt.date, future: bool) -> DaySpan:
    """A day offset, or a week, month or year: `arg` units from the reference's; for the
    reference's own unit, its part up to the reference ("earlier", or 0 in a past clause)
    or from it ("later", or 0 in a future clause)."""
    if unit == "day":
        return DaySpan.day(ref + dt.timedelta(days=int(arg)))
    if unit == "week":
        whole = DaySpan(_monday(ref), _monday(ref) + dt.timedelta(days=6))
        if isinstance(arg, int) and arg:
            step = dt.timedelta(days=7 * arg)
            return DaySpan(whole.first + step, whole.last + step)
    elif unit == "month":
        whole = _month_span(ref.year, ref.month)
        if isinstance(arg, int) and arg:
            return _month_span(*_shift_month(ref.year, ref.month, arg))
    else:
        whole = _year_span(ref.year)
        if isinstance(arg, int) and arg:
            return _year_span(ref.year + arg)
    if arg == "later" or (arg == 0 and future):
        return DaySpan(ref, whole.last)
    return DaySpan(whole.first, ref)


def _number(text: str | None, lg: _Lang) -> int:
    if not text:
        return 1
    return int(text) if text.isdigit() else lg.numbers.get(text.casefold(), 1)


def _ago_span(unit: str, n: int, ref: dt.date) -> DaySpan:
    if unit == "day":
        return DaySpan.day(ref - dt.timedelta(days=n))
    if unit == "week":
        mon = _monday(ref - dt.timedelta(days=7 * n))
        return DaySpan(mon, mon + dt.timedelta(days=6))
    if unit == "month":
        return _month_span(*_shift_month(ref.year, ref.month, -n))
    return _year_span(ref.year - n)


def _weekday_span(mode: str, wd: int, ref: dt.date, future: bool) -> DaySpan:
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if mode == "past":
        return DaySpan.day(ref - dt.timedelta(days=back or 7))
    if mode == "future":
        return DaySpan.day(ref + dt.timedelta(days=ahead or 7))
    if mode == "last_week":
        return DaySpan.day(_monday(ref) - dt.timedelta(days=7 - wd))
    if mode == "next_week":
        return DaySpan.day(_monday(ref) + dt.timedelta(days=7 + wd))
    if future:
        return DaySpan.day(ref + dt.timedelta(days=ahead))
    return DaySpan.day(ref - dt.timedelta(days=back))


def _month_name_span(mode: str, month: int, ref: dt.date, future: bool) -> DaySpan:
    if mode == "previous_year":
        return _month_span(ref.year - 1, month)
    if mode == "this_year":
        return _month_span(ref.year, month)
    if mode == "next_year":
        return _month_span(ref.year + 1, month)
    if mode == "past":
        return _month_span(ref.year if month < ref.month else ref.year - 1, month)
    if mode == "future":
        return _month_span(ref.year if month > ref.month else ref.year + 1, month)
    if future:
        span = _month_span(ref.year if month >= ref.month else ref.year + 1, month)
    else:
        span = _month_span(ref.year if month <= ref.month else ref.year - 1, month)
    if span.first <= ref <= span.last:
        return DaySpan(ref, span.last) if future else DaySpan(span.first, ref)
    return span


def _resolve_relative(h: _Hit, sentence: str, ref: dt.date,
                      codes: Sequence[str]) -> tuple[DaySpan, bool] | None:
    """The span a phrase names, and whether its clause speaks of the future."""
    r, m, lg = h.rule, h.match, _lang(h.rule.lang)
    future = _future_clause(sentence, h.start, h.end, codes)
    if r.kind == "unit":
        return _unit_span(r.key, r.arg, ref, future), future or r.arg == "later"
    if r.kind == "ago":
        return _ago_span(r.key, _number(m.groupdict().get("n"), lg), ref), False
    if r.kind == "weekday":
        wd = lg.weekdays.get(m["wd"].casefold())
        return (_weekday_span(r.key, wd, ref, future), future) if wd is not None else None
    month = lg.months.get(m["mo"].casefold())
    if not month:
        return None
    return _month_part(_month_name_span(r.key, month, ref, future), m.group(0), lg), future


def _month_part(span: DaySpan, phrase: str, lg: _Lang) -> DaySpan:
    """The third of a whole month a phrase names ("early", "a mediados de", "в конце"), or
    the span as it is."""
    if span.first.day != 1 or span.last.month != span.first.month:
        return span                                 # a part up to the reference already
    words = {w.casefold() for w in re.findall(r"\w+", phrase)}
    part = next((p for p, forms in lg.month_parts.items() if words & forms), None)
    if part == "early":
        return DaySpan(span.first, span.first.replace(day=10))
    if part == "middle":
        return DaySpan(span.first.replace(day=11), span.first.replace(day=20))
    if part == "late":
        return DaySpan(span.first.replace(day=21), span.last)
    return span


# ---------------------------------------------------------------- the API


def event_date(sentence: str, lang: str | None, reference: dt.date | None,
               keep: Callable[[int, int], bool] | None = None) -> tuple[DaySpan | None, str]:
    """The day or span a sentence dates its event to, and how ("absolute", "relative",
    "future", "none"). `reference` is the date the text speaks from (the post's dateline
    or the publication date); relative phrases and year-less dates are resolved against it
    and need it. `keep(start, end)` may turn down a date of the sentence (one that dates
    something else than the event: "the attacks of 8 January")."""
    codes = _codes(lang)
    absolute = [a for a in _absolute_hits(sentence, lang, codes)
                if keep is None or keep(a.start, a.end)]
    if absolute:
        a = absolute[0]
        future = reference is not None and _future_clause(sentence, a.start, a.end, codes)
        span = _resolve_absolute(a, reference, future)
        if span is None:
            return None, "none"
        if reference is not None and (span.first > reference
                                      or (future and span.last >= reference)):
            return span, "future"
        return span, "absolute"
    if reference is None:
        return None, "none"
    for h in _relative_hits(sentence, codes):
        found = _resolve_relative(h, sentence, reference, codes)
        if found is None:
            continue
        span, future = found
        if span.first > reference or (future and span.last >= reference):
            return span, "future"
        return span, "relative"
    return None, "none"


# ---------------------------------------------------------------- datelines


_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
_AFTER_DATE = re.compile(r"^\s*(?:\([^()\n]{1,40}\)|$|[-–—.:/|)\]])")
_AGENCY_LINE = re.compile(r"^(?P<place>[^\W\d_][^\n()]{0,60}?)\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
                          r"\s*[-–—]")


def _head(text: str) -> str:
    out: list[str] = []
    count = 0
    for ln in text[:HEAD_CHARS].split("\n"):
        out.append(ln)
        if ln.strip():
            count += 1
            if count >= HEAD_LINES:
                break
    return "\n".join(out)


@functools.cache
def _not_places() -> tuple[frozenset[str], frozenset[str]]:
    """(weekday names, wide and abbreviated; month names): a dateline's place has no
    weekday in it and is not only month names ("Rio de Janeiro" has a month in it)."""
    weekdays: set[str] = set()
    months: set[str] = set()
    for c in _codes(None):
        weekdays.update(_lang(c).weekdays)
        loc = _locale(c)
        if loc is not None:
            for context in ("format", "stand-alone"):
                weekdays.update(n.casefold().rstrip(".")
                                for n in get_day_names("abbreviated", context, locale=loc).values())
        months.update(_lang(c).months)
        months.update(f.casefold() for f, _n in month_forms(c, abbreviated=True))
    return frozenset(weekdays), frozenset(months)


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset().union(*(_lang(c).particles for c in _codes(None)))


def _place(candidate: str) -> str | None:
    """A place name as written (capitals made title case), when `candidate` is one:
    capitalised words with lower-case particles between them."""
    candidate = candidate.strip().rstrip(",.").strip()
    tokens = candidate.split()
    if not tokens or len(tokens) > PLACE_WORDS or any(not _TOKEN.fullmatch(t) for t in tokens):
        return None
    particles = _particles()
    if not (tokens[0][:1].isupper() and tokens[-1][:1].isupper()):
        return None
    for t in tokens:
        if not t[:1].isupper() and t.casefold() not in particles:
            return None
    weekdays, months = _not_places()
    folded = [t.casefold().rstrip(".") for t in tokens]
    if any(t in weekdays for t in folded) or all(t in months or t in particles for t in folded):
        return None                       # "Thursday, 21 September 2023", "Submitted on Thu, ..."
    if all(t.isupper() for t in tokens if len(t) > 1):
        out = []
        for t in tokens:
            low = t.casefold()
            out.append(low if low in particles else "-".join(p.capitalize() for p in t.split("-")))
        return " ".join(out)
    return " ".join(tokens)


def _agency(name: str | None) -> bool:
    """Whether a parenthesis after a place can name a news agency: "(Reuters)", "(dpa)",
    not "(left)"."""
    if not name:
        return False
    return name[:1].isupper() or (name.isalpha() and len(name) <= 3)


def dateline(text: str, lang: str | None) -> tuple[dt.date | None, str | None]:
    """A post's or article's dateline near its head: "📍 Managua, April 19, 2023",
    "(Moscow, March 30, 2023)", "MOSCOW, April 12 (Reuters) -", "Caracas, 16 nov (EFE).-",
    "Москва, 12 апреля. /ТАСС/." -> (date or None when no year can be known, place name).
    (None, None) when the head has no dateline."""
    codes = _codes(lang)
    head = _head(text)
    weekdays = _name_alternation([(f, None) for c in codes for f in _lang(c).weekdays],
                                 keep_case=False)
    tail = re.compile(rf"(?P<cand>[^\n()\[\]]*?)\s*[,.]\s*(?:(?i:{weekdays})\s*,?\s*)?$")
    for s, e, d, has_year in find_dates(head, lang):
        ls = head.rfind("\n", 0, s) + 1
        le = head.find("\n", e)
        le = len(head) if le < 0 else le
        if not _AFTER_DATE.match(head[e:le]):
            continue
        m = tail.search(head[ls:s])
        if not m:
            continue
        opener = head[ls:ls + m.start("cand")].rstrip()
        if opener.endswith(("(", "[")):
            if not re.match(r"\s*[)\]]", head[e:le]):
                continue                  # "(Moscow, March 30, 2023)" must close
        elif re.search(r"[^\W\d_]", opener):
            continue
        cand = re.sub(r"^\W+", "", m["cand"])       # bullets, emoji: "📍 Managua"
        place = _place(cand.split(",")[0])
        if place is not None:
            return (d if has_year else None), place
    for line in head.split("\n"):
        m = _AGENCY_LINE.match(re.sub(r"^[^\w(]+", "", line.strip()))
        if m and (_agency(m["agency"]) or m["place"].isupper()):  # "Berlin (dpa) -", "MOSCOW –"
            place = _place(m["place"])
            if place is not None:
                return None, place
    return None, None
