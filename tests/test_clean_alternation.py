"""Grouped alternations (`clean.alternation`) find a match in exactly the lines the plain
alternation finds one in; first characters are read soundly from a pattern."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad import lang
from dyad.clean.alternation import first_chars, grouped
from dyad.clean.lexicon import PATTERN_KEYS, load_lexicon
from dyad.config import Config

FLAGS = re.IGNORECASE | re.UNICODE
PREFIX = r"(?<![^\W_])(?=[^\W_])"


def _plain(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(PREFIX + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", FLAGS)


def _grouped(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(PREFIX + "(?:" + grouped(patterns, FLAGS) + ")", FLAGS)


@pytest.mark.parametrize("pattern, chars", [
    (r"\bsupport (?:us|our work)\b", {"s"}),
    (r"(?:^|(?<=[.!] )|(?<=please ))donate\b", {"d"}),
    (r"(?:donate|support|спасибо)", {"d", "s", "с"}),
    (r"[ab]c", {"a", "b"}),
    (r"x?y", {"x", "y"}),
    (r"\w+ now", None),            # a class of letters: not known
    (r"(?:a|)b", {"a", "b"}),
    (r"a*", None),                 # may match the empty string
    (r"(?-i:A)b", None),           # scoped flags
])
def test_first_chars(pattern: str, chars: set[str] | None) -> None:
    got = first_chars(pattern, FLAGS)
    assert got == (frozenset(chars) if chars is not None else None)


LINES = [
    "Support our work: donate now via PayPal",
    "Поддержите наш канал — подпишитесь на нас",
    "Stöd hans arbete genom en direktdonation via Paypal.",
    "Apoie o nosso trabalho, faça uma doação",
    "Suscríbete a nuestro canal de Telegram",
    "Abonnez-vous à notre chaîne",
    "The minister said Russia would support the talks.",
    "ſupport our work",                  # long s: matches "s" under IGNORECASE
    "SUBSCRIBE TO OUR CHANNEL",
    "Views expressed in this article are the author's own",
    "",
]


def _shipped() -> dict[str, list[str]]:
    data = lang.load("boilerplate")
    codes = [c for c in (*Config().languages, lang.COMMON) if c in data]
    return {k: [str(p) for c in codes for p in data[c].get(k, ())] for k in PATTERN_KEYS}


@pytest.mark.parametrize("key", PATTERN_KEYS)
def test_shipped_patterns_match_the_same_lines(key: str) -> None:
    patterns = _shipped()[key]
    if not patterns:
        pytest.skip("no patterns")
    plain, fast = _plain(patterns), _grouped(patterns)
    for line in LINES:
        assert bool(plain.search(line)) == bool(fast.search(line)), line


def test_lexicon_uses_grouped_patterns() -> None:
    lex = load_lexicon(tuple(Config().languages))
    assert lex.donation.search("Please support our work: donate now")
    assert not lex.donation.search("Russia and Cuba signed an agreement.")


WORDS = ["support", "our", "work", "donate", "now", "subscribe", "to", "channel", "the",
         "подпишитесь", "канал", "doação", "ſupport", "SUPPORT", "Donate", "here", "us", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_grouped_is_equivalent_on_random_lines(words: list[str]) -> None:
    line = " ".join(words)
    for key in ("donation_patterns", "subscribe_patterns"):
        patterns = _shipped()[key]
        assert bool(_plain(patterns).search(line)) == bool(_grouped(patterns).search(line))
