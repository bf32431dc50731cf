"""Tokens with their offsets, and the keys actors are matched on: case-folded, accent-free
and, for Russian, lemmatised with pymorphy3 (so "Лаврова", "Лавровым" and "Лавров" share a
key). Words and single punctuation marks are tokens (hyphens too: "Russia-CELAC" is three);
"U.S.", "EE. UU." and "EE.UU." give the same keys. It knows no names; the gazetteer does."""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import accumulate, repeat
from types import MappingProxyType
from typing import NamedTuple

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
# the same tokens as `_TOKEN`, kept by `split` between the (whitespace) gaps around them
_SPLIT = re.compile(r"(\w+|[^\w\s])", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


class _Fields(NamedTuple):
    start: int
    end: int
    text: str
    key: str          # folded (and, for Russian words, lemmatised) form used for matching
    # a word, not a punctuation mark (stored: the matchers ask it of every token many times)
    is_word: bool


class Token(_Fields):
    """One token of a text: a word or a single punctuation mark, with its offsets.

    An immutable named tuple: `tokenize` makes them by the million, and a tuple is built in
    one step, all of a text's tokens at once (see `tokenize`)."""

    __slots__ = ()

    def __new__(cls, start: int, end: int, text: str, key: str,
                is_word: bool | None = None) -> Token:
        return tuple.__new__(cls, (start, end, text, key,
                                   text[:1].isalnum() if is_word is None else is_word))

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


def fold(s: str) -> str:
    """Case-folded, without accents (ё -> е, é -> e; й is kept)."""
    s = unicodedata.normalize("NFKC", s).casefold().replace("й", "\0")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s).replace("\0", "й")


class Lemmatiser:
    """Russian lemmas from pymorphy3, remembered per word for the life of the object."""

    def __init__(self) -> None:
        import pymorphy3

        self._morph = pymorphy3.MorphAnalyzer(lang="ru")
        self._seen: dict[str, str] = {}
        # each word's token key (see `tokenize`), the same for every gazetteer using this
        # lemmatiser, so they share it
        self.keys: dict[str, str] = {}

    def is_future(self, word: str) -> bool:
        """A verb form in the future tense ("посетит", "откроет"): Russian perfective
        verbs say "will" by their form alone, which a lemma erases."""
        parses = self._morph.parse(word)
        return bool(parses) and parses[0].tag.tense == "futr"

    def lemma(self, word: str) -> str:
        got = self._seen.get(word)
        if got is None:
            parses = self._morph.parse(word)
            got = parses[0].normal_form if parses else word.lower()
            self._seen[word] = got
        return got


@functools.cache
def shared_lemmatiser() -> Lemmatiser:
    """One pymorphy3 analyser for every language's gazetteer (its dictionary is large)."""
    return Lemmatiser()


def tokenize(text: str, lemmatiser: Lemmatiser | None = None,
             memo: dict[str, str] | None = None) -> list[Token]:
    """Tokens of `text`; Cyrillic words are lemmatised when a lemmatiser is given. `memo`
    remembers each word's key across calls."""
    memo = {} if memo is None else memo
    # [gap, token, gap, token, ..., gap]: the gaps are whitespace (maybe empty), so the
    # running sum of the pieces' lengths gives every token's offsets
    pieces = _SPLIT.split(text)
    words = pieces[1::2]
    offsets = list(accumulate(map(len, pieces), initial=0))
    keys = list(map(memo.get, words))
    if None in keys:                          # words never seen before: compute their keys
        for n, word in enumerate(words):
            if keys[n] is None:
                key = memo.get(word)
                if key is None:
                    if lemmatiser is not None and _CYRILLIC.search(word):
                        key = fold(lemmatiser.lemma(word))
                    else:
                        key = fold(word)
                    memo[word] = key
                keys[n] = key
    is_word = [w[:1].isalnum() for w in words]
    # tuple.__new__ over zipped fields builds every token without a Python-level call each
    return list(map(tuple.__new__, repeat(Token),
                    zip(offsets[1::2], offsets[2::2], words, keys, is_word)))


@functools.cache
def _latin() -> MappingProxyType[str, str]:
    """Lowercase Cyrillic letters -> Latin (read-only, built once)."""
    return MappingProxyType(dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ", [
        "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
        "i", "yi", "ye", "g"])))


def transliterate(name: str) -> str:
    """A Cyrillic name in Latin letters (for people the registry does not know)."""
    table = _latin()
    out = []
    for c in name:
        low = c.lower()
        if low in table:
            t = table[low]
            out.append(t.capitalize() if c.isupper() else t)
        else:
            out.append(c)
    return "".join(out)
