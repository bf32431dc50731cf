"""Dates written in a text, and the date a document was published.

`find_dates(text, lang)` finds calendar dates in any of the shipped languages: ISO
("2023-09-30"), all-numeric ("29/06/2023", "06/29/2023", "12.04.2023") and with month names
("21 September 2023", "Sep. 21, 2023", "3 de mayo de 2023", "12 апреля 2023", "5. Mai").
Month names come from CLDR through babel (wide and abbreviated, format and stand-alone
forms, so genitives like "апреля" are known); `lang/<code>/dates.yaml` adds forms CLDR lacks
and the words around dates. It is a reusable API (the events stage reads dates with it).

`published_date(doc, evidence)` decides a document's publication date: the manifest's,
else a channel's newest post, else a date the text presents as its publication date (a cue
such as "Published", a timestamp, a date at the head of the text), else the page metadata.
It never computes dates from relative phrases ("2 hours ago") or from today's date. It does
not decide anything else about the document.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from babel.core import Locale, UnknownLocaleError
from babel.dates import get_month_names

from dyad import lang as langdata
from dyad.records import Document

DateHit = tuple[int, int, dt.date, bool]     # start, end, date, whether the text gave the year

PLACEHOLDER_YEAR = 2000                       # a leap year: "29 February" without a year is valid
CHANNEL_FORMATS = frozenset({"telegram-json", "telegram-dump"})
_ISO_GIVEN = re.compile(r"^\s*((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?")


# ---------------------------------------------------------------- language data


@functools.cache
def _common() -> Mapping[str, Any]:
    return langdata.load("dates").get(langdata.COMMON, {})


def _date_langs() -> tuple[str, ...]:
    return tuple(code for code in langdata.load("dates") if code != langdata.COMMON)


def _data(code: str) -> Mapping[str, Any]:
    return langdata.load("dates").get(code, {})


def _babel_locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


@functools.cache
def month_forms(code: str, abbreviated: bool = True) -> tuple[tuple[str, int], ...]:
    """(written form, month number) for one language: CLDR's wide (and, if asked,
    abbreviated) names in format and stand-alone context, plus the data file's extra forms.
    Abbreviations are given without their final dot."""
    forms: dict[str, int] = {}
    loc = _babel_locale(code)
    widths = ("wide", "abbreviated") if abbreviated else ("wide",)
    if loc is not None:
        for width in widths:
            for context in ("format", "stand-alone"):
                for num, name in get_month_names(width, context, locale=loc).items():
                    name = name.strip().rstrip(".")
                    if len(name) >= 3:
                        forms.setdefault(name, num)
    for num, names in (_data(code).get("months") or {}).items():
        for name in names:
            if abbreviated or len(name) > 4:
                forms.setdefault(str(name).rstrip("."), int(num))
    return tuple(forms.items())


def _form_regex(form: str) -> str:
    """A month form as a regex: lower-case CLDR forms match in any case; capitalised ones
    (English, German) only capitalised or in capitals, so "may" the verb is no month."""
    esc = re.escape(form)
    if form[:1].isupper():
        return f"(?:{esc}|{re.escape(form.upper())})"
    return f"(?i:{esc})"


def _alternation(options: Sequence[str], case_insensitive: bool = True) -> str:
    uniq = sorted({o for o in options if o}, key=len, reverse=True)
    if not uniq:
        return "(?!)"
    body = "|".join(re.escape(o) for o in uniq)
    return f"(?i:{body})" if case_insensitive else f"(?:{body})"


@dataclass(frozen=True)
class _Patterns:
    months: Mapping[str, int]          # casefolded form -> month
    wide: frozenset[str]               # casefolded full month names
    textual_dmy: re.Pattern[str]
    textual_mdy: re.Pattern[str]
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    numeric_order: str


@functools.cache
def _patterns(code: str | None) -> _Patterns:
    langs = _date_langs()
    primary = code if code in langs else None
    forms: dict[str, int] = {}
    regex_forms: list[str] = []
    order = ([primary] if primary else []) + [c for c in ("en",) if c != primary and c in langs] \
        + [c for c in langs if c not in (primary, "en")]
    for c in order:
        full = c in (primary, "en") or primary is None and c == "en"
        for form, num in month_forms(c, abbreviated=full):
            key = form.casefold()
            if key not in forms:
                forms[key] = num
                regex_forms.append(form)
    regex_forms.sort(key=len, reverse=True)
    month = "(?P<m>" + "|".join(_form_regex(f) for f in regex_forms) + r")\.?(?![^\W\d_])"
    suffixes = set()
    joiners = set()
    for c in order:
        suffixes.update(str(s) for s in _data(c).get("day_suffix") or ())
        joiners.update(str(j) for j in _data(c).get("joiners") or ())
    suffix = f"(?:{_alternation(sorted(suffixes))})?" if suffixes else ""
    join = f"(?:{_alternation(sorted(joiners))}\\s+)?" if joiners else ""
    year = r"(?P<y>(?:19|20)\d{2})(?!\d)"
    day = r"(?P<d>[0-3]?\d)"
    dmy = re.compile(rf"(?<![\d.,/:]){day}(?!\d){suffix}\.?\s*{join}{month}"
                     rf"(?:\s*,?\s*{join}{year})?")
    mdy = re.compile(rf"(?<![^\W\d_]){month}\s*{day}(?!\d){suffix}(?:(?:\s*,\s*|\s+){year})?"
                     r"(?![\d:])")
    iso = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>[01]?\d)(?P=s)"
                     r"(?P<d>[0-3]?\d)(?!\d)")
    numeric = re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<s>[./-])(?P<b>[0-3]?\d)(?P=s)"
                         r"(?P<y>(?:19|20)\d{2}|\d{2})(?![\d]|[./-]\d)")
    num_order = str(_data(primary).get("numeric_order", "dmy")) if primary else "dmy"
    wide = frozenset(f.casefold() for c in order for f, _n in month_forms(c, abbreviated=False))
    return _Patterns(forms, wide, dmy, mdy, iso, numeric, num_order)


# ---------------------------------------------------------------- finding dates


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _two_digit(yy: int) -> int:
    pivot = int(_common().get("two_digit_pivot", 69))
    return 2000 + yy if yy <= pivot else 1900 + yy


def find_dates(text: str, lang: str | None = None,
               default_year: int = PLACEHOLDER_YEAR) -> list[DateHit]:
    """Every calendar date written in `text`, in order: (start, end, date, has_year).

    `lang` (ISO 639-1) chooses the month abbreviations and the reading of ambiguous numeric
    dates; the full month names of every shipped language are always known. A date without
    a year ("5 May") carries `default_year` and has_year False. All-numeric dates are read
    day first or month first by whichever part exceeds 12, else by the order the text's
    unambiguous numeric dates show, else day first with dots, else the language's order.
    """
    p = _patterns(lang)
    hits: list[tuple[int, int, dt.date, bool, int]] = []   # ..., priority (lower wins ties)

    for m in p.iso.finditer(text):
        d = _make(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            hits.append((m.start(), m.end(), d, True, 0))

    numeric = [m for m in p.numeric.finditer(text)
               if len(m["y"]) == 4 or (len(m["a"]) == 2 and len(m["b"]) == 2)]
    seen_order: dict[str, set[str]] = {}
    for m in numeric:
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            seen_order.setdefault(m["s"], set()).add("dmy")
        elif b > 12 >= a:
            seen_order.setdefault(m["s"], set()).add("mdy")
    for m in numeric:
        a, b = int(m["a"]), int(m["b"])
        y = int(m["y"]) if len(m["y"]) == 4 else _two_digit(int(m["y"]))
        if a > 12:
            order = "dmy"
        elif b > 12:
            order = "mdy"
        elif len(seen_order.get(m["s"], ())) == 1:
            order = next(iter(seen_order[m["s"]]))
        elif m["s"] == ".":
            order = "dmy"
        else:
            order = p.numeric_order
        if m["s"] == "." and order == "mdy":
            continue                                   # dotted dates are day first
        d = _make(y, b, a) if order == "dmy" else _make(y, a, b)
        if d:
            hits.append((m.start(), m.end(), d, True, 1))

    for pat, prio in ((p.textual_dmy, 2), (p.textual_mdy, 3)):
        for m in pat.finditer(text):
            num = p.months.get(m["m"].casefold().rstrip("."))
            if num is None:
                continue
            has_year = m["y"] is not None
            d = _make(int(m["y"]) if has_year else default_year, num, int(m["d"]))
            end = m.end()
            if not has_year and m.end("m") == end - 1 and text[end - 1] == "." \
                    and m["m"].casefold() in p.wide:
                end -= 1                            # a full stop after a full month name
            if d:
                hits.append((m.start(), end, d, has_year, prio))

    # keep the longest of overlapping readings (then the earlier, then the surer pattern)
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0], h[4]))
    kept: list[tuple[int, int, dt.date, bool, int]] = []
    for h in hits:
        if all(h[1] <= k[0] or h[0] >= k[1] for k in kept):
            kept.append(h)
    kept.sort(key=lambda h: h[0])
    return [(s, e, d, y) for s, e, d, y, _ in kept]


# ---------------------------------------------------------------- publication date


@functools.cache
def _cue_regex(key: str) -> re.Pattern[str] | None:
    cues = [str(c) for code in _date_langs() for c in (_data(code).get(key) or ())]
    if not cues:
        return None
    body = "|".join(f"(?:{c})" for c in sorted(set(cues), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)


@functools.cache
def _time_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a time right after a date, a time right before one)."""
    c = _common()
    time = str(c.get("time", r"\d{1,2}:\d{2}"))
    sep = str(c.get("separators", r"[\s,]*"))
    joiners = sorted({str(j) for code in _date_langs()
                      for j in (_data(code).get("time_joiners") or ())}, key=len, reverse=True)
    join = f"(?:(?i:{'|'.join(re.escape(j) for j in joiners)})\\s*)?" if joiners else ""
    return (re.compile(rf"^{sep}{join}{time}(?!\d)"),
            re.compile(rf"(?<!\d){time}{sep}$"))


@functools.cache
def _time_only() -> re.Pattern[str]:
    return re.compile(str(_common().get("time", r"\d{1,2}:\d{2}")))


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _plausible(d: dt.date) -> bool:
    lo, hi = (_common().get("published_years") or (1980, 2100))
    return int(lo) <= d.year <= int(hi)


def _cue_dates(text: str, hits: list[DateHit], key: str) -> list[dt.date]:
    """Dates a publication cue (`published` or `updated`) introduces: the first full date
    starting within reach after the cue, with no digit or line break between them. The cue
    must open its line (after bullets and punctuation) or stand in a short line."""
    rx = _cue_regex(key)
    if rx is None:
        return []
    reach = int(_common().get("cue_reach", 40))
    line_max = int(_common().get("cue_line_max", 120))
    found: list[dt.date] = []
    for cue in rx.finditer(text):
        ls, le = _line_bounds(text, cue.start())
        lead = text[ls:cue.start()]
        if re.search(r"[^\W_]", lead) and le - ls > line_max:
            continue
        for start, _end, d, has_year in hits:
            if start < cue.end():
                continue
            if start - cue.end() > reach:
                break
            gap = _time_only().sub(" ", text[cue.end():start])
            if re.search(r"[\d\n]", gap):
                break
            if has_year and _plausible(d):
                found.append(d)
            break
    return found


def _timestamp_dates(text: str, hits: list[DateHit], head_end: int) -> list[dt.date]:
    """Full dates printed with a clock time ("12 апреля 2023, 14:05", "13:28 29.06.2023")
    in the head of the text or on a short line of their own."""
    after, before = _time_regexes()
    line_max = int(_common().get("cue_line_max", 120)) // 2
    out = []
    for start, end, d, has_year in hits:
        if not has_year or not _plausible(d):
            continue
        ls, le = _line_bounds(text, start)
        if start > head_end and le - ls > line_max:
            continue
        if after.search(text[end:le]) or before.search(text[ls:start]):
            out.append(d)
    return out


def _head_end(text: str) -> int:
    c = _common()
    n_lines, n_chars = int(c.get("head_lines", 8)), int(c.get("head_chars", 800))
    count, pos = 0, 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        count += 1
        pos = m.end()
        if count >= n_lines:
            break
    return min(pos, n_chars)


def normalise_given(value: str | None, lang: str | None = None) -> str | None:
    """A given date as "YYYY-MM-DD" (or "YYYY-MM" when only the month is given)."""
    if not value:
        return None
    m = _ISO_GIVEN.match(value)
    if m:
        if m[3]:
            d = _make(int(m[1]), int(m[2]), int(m[3]))
            return d.isoformat() if d else None
        return f"{m[1]}-{m[2]}" if 1 <= int(m[2]) <= 12 else None
    for _s, _e, d, has_year in find_dates(value, lang):
        if has_year:
            return d.isoformat()
    return None


def text_published(text: str, lang: str | None) -> dt.date | None:
    """The publication date a text states: by a cue, else a timestamp, else the first full
    date at its head. None when the text states none."""
    hits = find_dates(text, lang)
    if not hits:
        return None
    for key in ("published", "updated"):
        found = _cue_dates(text, hits, key)
        if found:
            return found[0]
    head_end = _head_end(text)
    stamped = _timestamp_dates(text, hits, head_end)
    if stamped:
        return stamped[0]
    line_max = int(_common().get("cue_line_max", 120))
    lead_max = int(_common().get("dateline_lead", 60))
    for start, _end, d, has_year in hits:
        if start >= head_end:
            break
        ls, le = _line_bounds(text, start)
        if has_year and _plausible(d) and (start - ls <= lead_max or le - ls <= line_max):
            return d
    return None


def _post_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = _ISO_GIVEN.match(value)
    return _make(int(m[1]), int(m[2]), int(m[3])) if m and m[3] else None


def is_channel(doc: Document) -> bool:
    """A Telegram channel (export or pasted dump), or any document read as posts."""
    return doc.fmt in CHANNEL_FORMATS or bool(doc.posts)


def published_date(doc: Document, evidence: str) -> str | None:
    """The document's publication date as "YYYY-MM-DD" (or the manifest's "YYYY-MM"), or
    None. `evidence` is the document's text with its boilerplate (see metadata.evidence)."""
    given = normalise_given(doc.given.published, doc.language)
    if given:
        return given
    if is_channel(doc):
        days = [d for d in (_post_day(p.date) for p in doc.posts) if d]
        return max(days).isoformat() if days else None
    found = text_published(evidence, doc.language)
    if found:
        return found.isoformat()
    return normalise_given(doc.given.page_date, doc.language)
