"""Line-level rules: whether one line, seen with its neighbours, is boilerplate and which rule
says so (widget, share bar, byline, photo credit, dateline, donation appeal, counters, ...).
The cues come from the multilingual lexicon (`clean.lexicon`) and from the line's shape
(`clean.shape`). Rules that need a run of lines (related blocks, captions, repeats, footers,
corpus evidence) are in `clean.blocks`; this module never looks further than one line away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.clean.lexicon import Lexicon
from dyad.clean.shape import (ends_as_sentence, has_quote_marks, is_counter, is_initials,
                              is_link_only, is_list_item, is_number, key, normalise,
                              short_capitalised, split_breadcrumb, split_menu, strip_marks,
                              tokens, words)

HEAD_LINES = 15           # section labels count as boilerplate only among the first lines
SHORT_WORDS = 20          # widget, label, byline and dateline rules look at lines this short
_CLOSING_QUOTES = "\"”»’“"
_CUE_END = re.compile(r"^\s*(?:[:：\-–—»>|]\s*)")
_COPYRIGHT = re.compile(r"\((?:c|с)\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class LineView:
    """One line and what the rules may know about where it stands."""

    text: str                 # the line, stripped
    prev: str = ""            # the previous non-blank line of the same text
    next: str = ""            # the next non-blank line
    head: bool = False        # among the first HEAD_LINES non-blank lines
    first: bool = False       # the first line not dropped by another rule (a title)


class _Line:
    """What several rules ask of one line, each worked out once: its number of words, the
    line without its leading marks (`body`), that normalised (`norm`) and the number of
    words of `norm`. `body` has the same words as the line (the marks it loses are not
    word characters)."""

    __slots__ = ("text", "n", "_body", "_norm", "_norm_n")

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(words(text))
        self._body: str | None = None
        self._norm: str | None = None
        self._norm_n: int | None = None

    @property
    def body(self) -> str:
        if self._body is None:
            self._body = strip_marks(self.text)
        return self._body

    @property
    def norm(self) -> str:
        if self._norm is None:
            self._norm = normalise(self.body)
        return self._norm

    @property
    def norm_n(self) -> int:
        if self._norm_n is None:
            self._norm_n = len(words(self.norm))
        return self._norm_n


@dataclass(frozen=True)
class Verdict:
    rule: str
    related_head: bool = False    # heads a block of related headlines
    caption: str = ""             # key of the caption a photo credit closed, if any


# ---------------------------------------------------------------- lexicon lines


def segment(line: str, lex: Lexicon) -> list[str] | None:
    """The classes of lexicon phrases a line is made of ("Share on Facebook" -> [widget,
    glue, widget]), numbers as "#"; None when some word is not in the lexicon."""
    toks = tokens(line)
    n = len(toks)
    if not n or n > 16:
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        steps: list[tuple[int, str]] = []
        if is_number(toks[i]):
            steps.append((1, "#"))
        if toks[i] in lex.glue:
            steps.append((1, "glue"))
        for size in range(1, min(lex.max_phrase_tokens, n - i) + 1):
            cls = lex.phrase_class.get(tuple(toks[i:i + size]))
            if cls:
                steps.append((size, cls))
        for size, cls in steps:
            cand = cur + [cls]
            old = best[i + size]
            if old is None or _better(cand, old):
                best[i + size] = cand
    return best[n]


def _better(a: list[str], b: list[str]) -> bool:
    """Fewer glue words, then fewer pieces."""
    return (a.count("glue"), len(a)) < (b.count("glue"), len(b))


def segment_rule(view: LineView, lex: Lexicon) -> str | None:
    parts = segment(view.text, lex)
    if not parts:
        return None
    phrases = [p for p in parts if p not in ("#", "glue")]
    if not phrases or parts[0] == "glue" or parts[-1] == "glue":
        return None
    if parts.count("glue") > len(phrases) - 1:
        return None
    kinds = set(phrases)
    if kinds == {"section"}:
        if len(phrases) >= 2:
            return "nav"
        return "section" if view.head and "#" not in parts else None
    if kinds == {"comments"}:
        return "comments"
    if kinds <= {"views", "comments"} and "#" in parts:
        return "reactions"
    if kinds == {"more_link"} and len(phrases) == 1:
        return "related"
    if kinds == {"tags"}:
        return "tags"
    if "section" in kinds or len(kinds) > 1:
        return "nav"
    return "widget"


def related_head(line: str, lex: Lexicon) -> bool:
    """A line that heads a block of related headlines: "RELATED:", "Lea también", "Read more:"."""
    k = key(line)
    return k in lex.related or (k in lex.more_link and line.rstrip().endswith((":", "：")))


def related_inline(ln: _Line, lex: Lexicon) -> bool:
    """A related cue with its headline on the same line: "RELATED: Russia and Cuba sign ..."."""
    found = lex.prefix("related", ln.norm)
    if not found:
        return False
    m = _CUE_END.match(found[1])
    if not m:
        return False
    rest = found[1][m.end():].strip()
    return bool(rest) and (is_link_only(rest) or len(words(rest)) <= 25)


def forwarded(ln: _Line, lex: Lexicon) -> bool:
    return ln.norm_n <= 12 and lex.prefix("forwarded", ln.norm) is not None


def tag_label(ln: _Line, lex: Lexicon) -> bool:
    """A tag list with its label: "Tags: Russia, Venezuela", "Темы: ...". """
    if ln.norm_n > 15:
        return False
    found = lex.prefix("tags", ln.norm)
    return bool(found) and found[1].lstrip().startswith((":", "："))


# ---------------------------------------------------------------- credits and appeals


def photo_credit(ln: _Line, lex: Lexicon) -> tuple[bool, str]:
    """A photo credit or a caption closed by one: "Photo: Reuters", "Putin. Photo/Illustration",
    "... 2023. | Photo: X/@mfa_russia", "(Photo: Reuters)". Returns (is credit, caption key)."""
    n = ln.n
    if n > 45:
        return False, ""
    body = ln.body
    if n <= 3 and lex.prefix("photo", ln.norm) and not ends_as_sentence(body):
        return True, ""
    for m in lex.photo_credit.finditer(body):
        before = body[:m.start()].rstrip()
        if not (m.group("marker")[0].isupper() or not before or before[-1] in "([|/"):
            continue            # "a photo by Reuters shows ..." is running text
        rest = m.group("rest").strip()
        nrest = len(words(rest))
        if m.group("slash") is not None:
            ok = nrest <= 3 and rest[:1].isupper()
        elif m.group("by") is not None:
            ok = bool(rest) and rest[0].isupper() and nrest <= 8
        else:
            ok = nrest <= 10
        if ok:
            caption = body[:m.start()].rstrip(" |/-–—([,;")
            return True, key(caption) if len(words(caption)) >= 4 else ""
    return False, ""


def copyright_line(ln: _Line, lex: Lexicon) -> bool:
    line = ln.text
    if ln.n > 30:
        return False
    if "©" in line or _COPYRIGHT.search(line):
        return True
    return bool(lex.copyright.search(normalise(line)))


def donation(ln: _Line, lex: Lexicon) -> bool:
    """An appeal for money or support: "Support our work", "Stöd hans arbete genom en
    direktdonation via Paypal.", an author box that ends in one. A short line with an appeal
    goes; a longer one (up to 80 words) only with a payment channel or an author-bio cue, and
    a line with quotation marks only with a payment channel (a quoted appeal is content)."""
    n = ln.n
    if n > 80:
        return False
    body = ln.body
    quoted = has_quote_marks(ln.text)
    if n > 25 or quoted:
        paid = bool(lex.payment.search(body))
        if not (paid or (not quoted and lex.bio.search(body))):
            return False
    return bool(lex.donation.search(body))


def subscribe(ln: _Line, lex: Lexicon) -> bool:
    line = ln.text
    if ln.n > 30 or (has_quote_marks(line) and not is_link_only(line)):
        return False
    return bool(lex.subscribe.search(ln.body))


def disclaimer(ln: _Line, lex: Lexicon) -> bool:
    return ln.n <= 80 and bool(lex.disclaimer.search(ln.body))


# ---------------------------------------------------------------- datelines and bylines


def dateline(ln: _Line, lex: Lexicon) -> bool:
    """A publication dateline with its cue and little more than the date: "Published 21
    September 2023 (1 hours 28 minutes ago)", "Submitted on Thu, 06/29/2023 - 13:28",
    "publicerad 17 november 2023", "Опубликовано: 12.04.2023"."""
    body, norm = ln.body, ln.norm
    if ln.norm_n > 16:
        return False
    found = lex.prefix("dateline", norm)
    if not found:
        return False
    cue, rest = found
    ws = words(rest)
    if not (any(c.isdigit() for c in rest) or any(w in lex.calendar for w in ws)):
        return False
    orig = words(body)[len(words(cue)):]
    other, after_by = 0, False
    for w, o in zip(ws, orig):
        if w in lex.byline:
            after_by = True
            continue
        if (len(w) <= 2 or w in lex.calendar or w.rstrip(".") in lex.calendar
                or w in lex.date_words or any(c.isdigit() for c in w)):
            continue
        if after_by and o[:1].isupper():
            continue
        other += 1
    return other <= 1


def _name_words(ws: list[str], lex: Lexicon) -> tuple[int, int]:
    """(capitalised words, lowercase words that are not name particles or dates)."""
    caps = low = 0
    for w in ws:
        f = w.casefold()
        if any(c.isupper() for c in w):
            caps += 1
        elif f in lex.name_particles or w.isdigit() or f in lex.calendar or f in lex.date_words:
            continue
        elif any(c.isalpha() for c in w):
            low += 1
    return caps, low


def byline(view: LineView, ln: _Line, lex: Lexicon) -> bool:
    """An author line: "By John Smith", "Por Fulano de Tal | EFE", "Автор: Иван Петров",
    "by teleSUR/ GSD", "Reporting by X; Editing by Y", "- Torbjörn Sassersson"."""
    line = view.text
    body, norm = ln.body, ln.norm
    n = ln.n
    if not n or n > 16:
        return False
    for kind in ("credit", "credit_label"):
        found = lex.prefix(kind, norm)
        if not found or (kind == "credit_label" and not found[1].lstrip().startswith((":", "："))):
            continue
        ws = words(body)[len(words(found[0])):]
        caps, low = _name_words(ws, lex)
        if caps and low <= 2 and len(ws) <= 14:
            return True
    found = lex.prefix("byline", norm)
    if (found and found[1][:1].isspace() and n <= 10 and not view.first
            and not line.rstrip().endswith(("?", "!"))):
        ws = words(body)[len(words(found[0])):]
        caps, low = _name_words(ws, lex)
        if 0 < len(ws) <= 8 and caps and (
                low == 0 or (low <= 2 and caps >= 2 and not ends_as_sentence(body))):
            return True
    return dash_name(view, lex)


def dash_name(view: LineView, lex: Lexicon) -> bool:
    """A signature line of a dash and a name, not part of a dashed list and not the
    attribution of the quotation just above it ("“...” / — Vladimir Putin")."""
    m = re.fullmatch(r"[-–—]+\s*(\S.*)", view.text)
    if not m or is_list_item(view.prev) or is_list_item(view.next):
        return False
    if view.prev.rstrip().endswith(tuple(_CLOSING_QUOTES)):
        return False
    name = m.group(1)
    ws = words(name)
    if not 2 <= len(ws) <= 4 or any(c.isdigit() for c in name) or ends_as_sentence(name):
        return False
    caps, low = _name_words(ws, lex)
    return low == 0 and caps >= 2


# ---------------------------------------------------------------- navigation shapes


def navigation(ln: _Line, lex: Lexicon) -> bool:
    """A breadcrumb ("News > World") or a menu of short items ("Home | World | Politics")."""
    line = ln.text
    if ends_as_sentence(line) or ln.n > 20:
        return False

    def item_ok(item: str, max_words: int) -> bool:
        k = key(item)
        return (k in lex.widget or k in lex.section or short_capitalised(item, max_words))

    crumbs = split_breadcrumb(line)
    if crumbs and ln.n <= 12 and all(item_ok(c, 4) for c in crumbs):
        return True
    items = split_menu(line)
    return bool(items) and all(item_ok(i, 3) for i in items)


# ---------------------------------------------------------------- all line rules


def judge(view: LineView, lex: Lexicon) -> Verdict | None:
    """The first line rule that fires on a line, or None to keep it. Most rules are for
    short lines; a long line can only be an appeal, a disclaimer or a captioned credit."""
    line = view.text
    if not line:
        return None
    ln = _Line(line)
    n = ln.n
    if n <= SHORT_WORDS:
        if is_counter(line):
            return Verdict("reactions")
        if is_link_only(line):
            return Verdict("link")
        if is_initials(line):
            return Verdict("byline")
        if forwarded(ln, lex):
            return Verdict("forwarded")
        if related_head(line, lex):
            return Verdict("related", related_head=True)
    if n <= 80 and donation(ln, lex):
        return Verdict("donation")
    if n <= 30 and subscribe(ln, lex):
        return Verdict("subscribe")
    if n <= 40 and lex.advert.search(ln.body):
        return Verdict("advert")
    if n <= SHORT_WORDS:
        rule = segment_rule(view, lex)
        if rule:
            return Verdict(rule)
    if n <= 30 and related_inline(ln, lex):
        return Verdict("related")
    if n <= 45:
        credit, caption = photo_credit(ln, lex)
        if credit:
            return Verdict("photo-credit", caption=caption)
    if n <= 30 and copyright_line(ln, lex):
        return Verdict("copyright")
    if n <= 80 and disclaimer(ln, lex):
        return Verdict("disclaimer")
    if n > SHORT_WORDS:
        return None
    if dateline(ln, lex):
        return Verdict("dateline")
    if tag_label(ln, lex):
        return Verdict("tags")
    if navigation(ln, lex):
        return Verdict("nav")
    if byline(view, ln, lex):
        return Verdict("byline")
    return None
