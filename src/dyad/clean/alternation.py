"""Faster regular expressions of many alternatives, with the same answers. Python's `re`
tries every alternative of an alternation in turn at every place it searches, and under
IGNORECASE it cannot rule one out by its first letter without entering it; a lexicon of 50
appeal patterns tried at every word start is most of the cleaning stage's time. Here the
alternatives are put in groups by the characters they can begin with, each group behind a
lookahead of those characters, so that at a given place only the groups whose first
character is there are entered.

The first characters of an alternative are read from Python's own parse of it
(`re._parser`); an alternative whose first character cannot be told (a class of letters,
an optional start, scoped flags) is tried everywhere, as before. A grouped pattern finds a
match in exactly the texts the plain alternation finds one in, but not always the same
match: use it where only whether a text matches counts. `first_chars` also serves as a
guard for patterns whose match itself counts (`guarded`). This module knows no lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:  # Python's regular-expression parser (private, stable across 3.11-3.13)
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - another Python: no grouping, plain alternations
    _C = _P = None

_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _first(items: Iterable[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(the characters a parsed pattern can begin with, or None when that is not known as a
    set of literal characters; whether it can match the empty string)."""
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue                     # anchors, \b, lookarounds consume nothing
        if name == "LITERAL":
            chars.add(chr(av))
            return chars, False
        if name == "IN":
            if all(str(o) == "LITERAL" for o, _ in av):
                chars.update(chr(a) for _, a in av)
                return chars, False
            return None, False
        if name == "SUBPATTERN":
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None, False       # scoped flags change what a letter matches
            got, nullable = _first(sub)
        elif name == "BRANCH":
            got, nullable = set(), False
            for alt in av[1]:
                g, n = _first(alt)
                if g is None:
                    return None, False
                got |= g
                nullable = nullable or n
        elif name in _REPEATS:
            low, _high, sub = av
            got, nullable = _first(sub)
            nullable = nullable or low == 0
        else:
            return None, False
        if got is None:
            return None, False
        chars |= got
        if not nullable:
            return chars, False
    return chars, True


def first_chars(pattern: str, flags: int) -> frozenset[str] | None:
    """The literal characters any match of `pattern` must begin with (each compared as the
    pattern's flags say, e.g. either case under IGNORECASE), or None when unknown or the
    pattern can match the empty string."""
    if _P is None:
        return None
    try:
        got, nullable = _first(_P.parse(pattern, flags))
    except (re.error, TypeError, ValueError, AttributeError):
        return None
    return None if got is None or nullable or not got else frozenset(got)


def lookahead(chars: Iterable[str]) -> str:
    """A lookahead for any of the characters, each matched as a literal of the pattern
    (the same case rules as the literal it was read from)."""
    return "(?=" + "|".join(re.escape(c) for c in sorted(set(chars))) + ")"


def grouped(patterns: list[str], flags: int) -> str:
    """One alternation of the patterns, grouped by their first characters (see the module
    docstring), to be compiled with `flags`: it matches somewhere in a text exactly when
    one of the patterns does."""
    groups: dict[frozenset[str], tuple[set[str], list[str]]] = {}
    plain: list[str] = []
    for p in patterns:
        chars = first_chars(p, flags)
        if chars is None:
            plain.append(p)
            continue
        seen, members = groups.setdefault(frozenset(c.lower() for c in chars), (set(), []))
        seen |= chars
        members.append(p)
    parts = [lookahead(seen) + "(?:" + "|".join(f"(?:{p})" for p in members) + ")"
             for seen, members in groups.values()]
    parts += [f"(?:{p})" for p in plain]
    return "|".join(parts)
