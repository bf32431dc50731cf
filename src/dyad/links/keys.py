"""Keys that say whether two mentions may name the same thing across languages and scripts:
people by surname, places by the state a capital stands for (the `metonyms` of
`lang/<code>/actors.yaml`) or by their folded spelling, days as integers. Pure functions over
strings; no matching decisions here."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from dyad import lang as langdata
from dyad.actors.tokens import shared_lemmatiser
from dyad.records import PersonRef

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
_NON_WORD = re.compile(r"[^\w]+")
_HAS_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def fold(text: str) -> str:
    """Case, accents and Cyrillic script folded away: 'Москва' -> 'moskva', 'Yván' -> 'yvan'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(_CYRILLIC.get(ch, ch) for ch in text)


@functools.lru_cache(maxsize=4096)
def surname(name: str | None) -> str | None:
    """The last word of a person's name, folded (the key the scorer compares people by too);
    None for no name."""
    words = [w for w in _NON_WORD.split(fold(name or "")) if w]
    return words[-1] if words else None


# How a folded surname is reduced to the consonants both scripts write alike, in order:
# spellings of one sound made one letter, the letters transliteration gives or drops at will
# (vowels, y, h and the kh that Russian writes for Spanish j and g before e/i) removed.
_SOUNDS = tuple((re.compile(a), b) for a, b in (
    (r"shch|sch", "sh"), (r"ph", "f"), (r"th", "t"), (r"ck|qu|q", "k"), (r"gu(?=[ei])", "g"),
    (r"c(?=[eiy])", "s"), (r"ch", "C"), (r"c", "k"), (r"g(?=[eiy])", ""), (r"kh|j", ""),
    (r"z", "s"), (r"w", "v"), (r"x", "ks"), (r"[aeiouyh]", ""), (r"(.)\1+", r"\1"),
))


@functools.lru_cache(maxsize=4096)
def name_key(name: str | None) -> str | None:
    """A person's surname as a key that Latin and Cyrillic spellings share: 'Cárdenas' and
    'Карденас' -> 'krdns', 'Wenhua' and 'Веньхуа' -> 'vn', 'Gil' and 'Хиль' -> 'l' (the
    folded surname itself when no consonant is left); None for no name. A key, not a
    spelling: two people of one state may share one, so it only narrows whom to compare."""
    last = surname(name)
    if not last:
        return None
    key = last
    for pattern, sound in _SOUNDS:
        key = pattern.sub(sound, key)
    return key or last


def speaker_key(speaker: PersonRef | None) -> str | None:
    """Blocking key of a quote's speaker: 'name key@state' (`name_key`; state '' when
    unknown); None when there is no speaker to block on."""
    if speaker is None:
        return None
    last = name_key(speaker.name)
    if not last:
        return None if not speaker.acts_for else f"@{speaker.acts_for}"
    return f"{last}@{speaker.acts_for or ''}"


@functools.cache
def _capitals() -> dict[str, str]:
    """{folded capital or seat name: actor code} over every language's metonyms."""
    out: dict[str, str] = {}
    for data in langdata.load("actors").values():
        for code, names in (data.get("metonyms") or {}).items():
            for n in names:
                out.setdefault(fold(n), code)
    return out


@functools.lru_cache(maxsize=4096)
def place_key(place: str | None) -> str | None:
    """A place as a key: '@RUS' for a capital or seat of Russia in any language ('Moscow',
    'Moskva', 'Москва'), else its folded words; None for no place. (The last few thousand
    names and places are kept: the same ones come back in document after document.)"""
    if not place or not place.strip():
        return None
    folded = " ".join(w for w in _NON_WORD.split(fold(place)) if w)
    code = _capitals().get(folded)
    if code is None and _HAS_CYRILLIC.search(place):
        # an inflected Russian form ("в Москве"): the lemma of each word
        lemmatiser = shared_lemmatiser()
        lemmas = " ".join(fold(lemmatiser.lemma(w)) for w in _NON_WORD.split(place) if w)
        code = _capitals().get(lemmas)
        folded = folded if code is None else lemmas
    return f"@{code}" if code else folded


def day_number(day: dt.date | None) -> int | None:
    return day.toordinal() if day else None


def day_of_number(n: int | None) -> dt.date | None:
    return dt.date.fromordinal(n) if n else None
