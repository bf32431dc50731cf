"""Filling a language's templates: how a state, a city and a person are named in that
language (`Forms`, `PersonView`), how a date and a number are written, and `Filler`, which
fills a template's slots for one story in one language. It draws no random numbers itself
except through the `random.Random` it is handed, and knows nothing about file formats.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import Any

from dyad.synth.registry import Actor, Person, templates


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:]


class Forms:
    """A name's grammatical forms in one language, as attributes: `{a.gen}`, `{a.de}`.
    A form the language lacks falls back to `name`; a capitalised attribute (`Name`, `Gen`)
    is the form with its first letter capitalised."""

    def __init__(self, forms: Mapping[str, str], **extra: str) -> None:
        self._forms = {**forms, **extra}

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        if key[:1].isupper():
            return capitalise(self.__getattr__(key[:1].lower() + key[1:]))
        return self._forms.get(key, self._forms["name"])

    def __str__(self) -> str:
        return self._forms["name"]


def actor_forms(actor: Actor, lang: str) -> Forms:
    return Forms(actor.names[lang], flag=actor.flag, tag=actor.tag)


def place_forms(actor: Actor, lang: str) -> Forms:
    return Forms(actor.capital[lang])


class PersonView:
    """A person as a language's text names them: `name`, `last` (family name), `full`
    (role and name), `Full`, `Last`, and `a`, the Russian feminine past-tense ending."""

    def __init__(self, person: Person, actor: Actor, lang: str) -> None:
        t = templates(lang)
        self.name = person.name_ru if lang == "ru" else person.name
        self.last = person.last_ru if lang == "ru" else person.last
        role = t["roles"].get(person.role) or t["roles"]["fm"]
        if not isinstance(role, str):
            role = role[1] if person.female else role[0]
        self.role = role.format(c=actor_forms(actor, lang))
        self.full = f"{self.role} {self.name}"
        self.Full = capitalise(self.full)
        self.Last = capitalise(self.last)
        self.a = "а" if person.female and lang == "ru" else ""

    def __str__(self) -> str:
        return self.name


def format_date(d: dt.date, lang: str) -> str:
    t = templates(lang)
    return t["date"].format(d=d.day, month=t["months"][d.month - 1], y=d.year)


def format_decimal(x: float, lang: str) -> str:
    return f"{x:.1f}".replace(".", templates(lang)["decimal"])


class Slots(dict[str, Any]):
    """Template slots; a template naming a slot that is not there is a data error."""

    def __missing__(self, key: str) -> Any:
        raise KeyError(f"template slot {{{key}}} is not filled")


def fresh_numbers(rng: random.Random, lang: str) -> dict[str, Any]:
    """Numbers for one sentence: counts, hours, a percentage, a past year, billions."""
    return {"num": rng.randint(2, 12), "num2": rng.randint(3, 40), "hours": rng.randint(2, 6),
            "pct": rng.randint(3, 45), "year": rng.randint(2008, 2021),
            "bn": format_decimal(rng.uniform(0.4, 9.5), lang)}


class Filler:
    """Fills templates of one language with one story's slots (and any extra ones)."""

    def __init__(self, lang: str, base: Slots) -> None:
        self.lang = lang
        self.t = templates(lang)
        self.base = base

    def fill(self, template: str, rng: random.Random | None = None, **extra: Any) -> str:
        slots = Slots(self.base)
        if rng is not None:
            slots.update(fresh_numbers(rng, self.lang))
        slots.update(extra)
        return template.format_map(slots)

    def pick(self, rng: random.Random, key: str, *path: str, **extra: Any) -> str:
        """Fill one template drawn from the list at t[key][path...]."""
        node: Any = self.t[key]
        for p in path:
            node = node[p]
        return self.fill(rng.choice(node), **extra)
