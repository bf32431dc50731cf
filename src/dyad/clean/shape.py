"""Shape cues of a single line, independent of language: its normalised key, its words,
whether it reads as a sentence, is a list item, a counter of emoji and numbers, a link, a
breadcrumb. No lexicon here (see `clean.lexicon`) and no decisions (see `clean.lines`)."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'"})
WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*", re.UNICODE)
_SEGMENT_SPLIT = re.compile(r"[\s|·•/,;:()\[\]]+")
_NUMBER = re.compile(r"^\d[\d.,]*(?:k|m|к|м|тыс|млн)?\.?$", re.IGNORECASE)
# Closing marks a sentence may end with, after its final . ! ? …
_TERMINAL = re.compile(r"[.!?…](?:[\s\"'”’»)\]]*)$|[\"”»](?:[\s)\]]*)$")
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪◦●‣→►]\s*\S|(?:\d{1,3}|[a-zа-я])[.)]\s+\S)", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.|t\.me/)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"@[\w.]{2,}", re.UNICODE)
_BREADCRUMB_SEP = re.compile(r"\s+(?:>|»|›|→|/)\s+|\s*(?:>|›|→)\s*")
_MENU_SEP = re.compile(r"\s*(?:\||·|•|/|»|›|>|→)\s*")
_QUOTE_MARKS = "\"“”„«»‘’‚‹›"


def normalise(s: str) -> str:
    """NFKC, case-folded, one apostrophe, whitespace collapsed."""
    s = unicodedata.normalize("NFKC", s).translate(_APOSTROPHES).casefold()
    return _SPACE.sub(" ", s).strip()


def key(s: str) -> str:
    """A line or phrase as the lexicon compares it: normalised, without bullets, emoji and
    punctuation at either end ("👉 Read in full" -> "read in full", "RELATED:" -> "related")."""
    return _EDGES.sub("", normalise(s))


def strip_marks(s: str) -> str:
    """The line without leading bullets, dashes, emoji and other marks (letters, digits,
    quote marks and # @ are kept)."""
    i = 0
    while i < len(s):
        c = s[i]
        if c.isalnum() or c in _QUOTE_MARKS or c in "#@(":
            break
        i += 1
    return s[i:].strip()


def words(s: str) -> list[str]:
    return WORD.findall(s)


def tokens(s: str) -> list[str]:
    """Key tokens for segmenting a line into lexicon phrases (separators dropped)."""
    out = []
    for t in _SEGMENT_SPLIT.split(normalise(s)):
        t = _EDGES.sub("", t)
        if t:
            out.append(t)
    return out


def is_number(token: str) -> bool:
    return bool(_NUMBER.match(token))


def ends_as_sentence(s: str) -> bool:
    return bool(_TERMINAL.search(s.rstrip()))


def is_list_item(s: str) -> bool:
    return bool(_LIST_ITEM.match(s.strip()))


def has_lowercase_word(s: str, min_len: int = 3) -> bool:
    return any(w[0].islower() and len(w) >= min_len for w in words(s))


def reads_as_content(s: str) -> bool:
    """A line that a footer run stops at: a sentence (two or more words closed by . ! ? or a
    closing quote), a long line, or a list item of several words of running text."""
    n = len(words(s))
    if n >= 12:
        return True
    if n >= 2 and ends_as_sentence(s) and any(c.isalpha() for c in s):
        return True
    return is_list_item(s) and n >= 4 and has_lowercase_word(s)


def reads_as_sentence(s: str) -> bool:
    """A content sentence that corpus evidence alone must not remove (wire copy is reprinted
    across documents): eight or more words closed by sentence punctuation, or a long line."""
    n = len(words(s))
    return n >= 20 or (n >= 8 and ends_as_sentence(s))


def has_quote_marks(s: str) -> bool:
    return any(c in s for c in "“”„«»\"")


def is_counter(s: str) -> bool:
    """Only emoji/symbols and numbers, with at least one of each: "👍1", "👍2 🔥5 ❤ 3", "👁 3 450"."""
    symbol = digit = False
    for c in s:
        if c.isspace() or c in ".,:·|/":
            continue
        if c.isdigit():
            digit = True
            continue
        if c in "KkMmКкМм":
            continue
        cat = unicodedata.category(c)
        if cat in ("So", "Sk", "Sm", "Mn", "Me", "Cf", "Cs", "Co"):
            symbol = symbol or cat in ("So", "Cs", "Co")
            continue
        return False
    return symbol and digit


def is_link_only(s: str) -> bool:
    """Only URLs and @handles (with marks around them)."""
    rest = _HANDLE.sub(" ", _URL.sub(" ", s))
    if rest == s:
        return False
    return not any(c.isalnum() for c in rest)


def is_initials(s: str) -> bool:
    """An editor's or agency's initials in brackets alone: "(ian)", "(jp/mr)", "(AFP)"."""
    return bool(re.fullmatch(r"[(\[]\s*[^\W\d_]{1,8}(?:\s*[/,;&-]\s*[^\W\d_]{1,8}){0,4}\s*[)\]]\.?",
                             s.strip()))


def split_breadcrumb(s: str) -> list[str] | None:
    """The items of a breadcrumb ("News > World", "Inicio » Mundo » América") or None."""
    if not re.search(r"[>»›→]", s):
        return None
    parts = [p.strip() for p in _BREADCRUMB_SEP.split(s)]
    return parts if len(parts) >= 2 and all(parts) else None


def split_menu(s: str) -> list[str] | None:
    """The items of a menu line ("Home | World | Politics | Economy") or None."""
    parts = [p.strip() for p in _MENU_SEP.split(s)]
    parts = [p for p in parts if p]
    return parts if len(parts) >= 3 else None


def short_capitalised(item: str, max_words: int = 3) -> bool:
    w = words(item)
    return 1 <= len(w) <= max_words and (w[0][0].isupper() or w[0][0].isdigit())
