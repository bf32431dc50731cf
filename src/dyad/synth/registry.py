"""The synthetic corpus's registries, read from the data files beside this module: states
(names in each language, capitals, office-holders), outlets and author names, the kinds of
story, and each language's templates (`templates/<lang>.yaml`). Everything is loaded once
and returned read-only. This module holds no randomness and writes nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from dyad.lang import freeze

LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "ru", "fr", "sv")



def _read(*parts: str) -> Any:
    node = resources.files("dyad.synth")
    for part in parts:
        node = node / part
    return freeze(yaml.safe_load(node.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Person:
    """An (invented) office-holder of a state."""

    actor: str
    role: str
    name: str                 # Latin script
    name_ru: str              # Cyrillic script
    last: str
    last_ru: str
    female: bool


@dataclass(frozen=True)
class Actor:
    """A state: its code, names in each language, capital, flag and office-holders."""

    code: str
    flag: str
    tag: str
    ministry_languages: tuple[str, ...]
    names: Mapping[str, Mapping[str, str]]
    capital: Mapping[str, Mapping[str, str]]
    people: tuple[Person, ...]

    def person(self, role: str) -> Person:
        return next((p for p in self.people if p.role == role), self.people[0])


@dataclass(frozen=True)
class Outlet:
    """A publisher of the synthetic corpus."""

    name: str
    domain: str
    language: str
    kind: str                 # site | wire | blog | ministry | channel


@functools.cache
def actors() -> Mapping[str, Actor]:
    out = {}
    for code, a in _read("data", "actors.yaml").items():
        people = tuple(Person(actor=code, role=p["role"], name=p["name"], name_ru=p["ru"],
                              last=p.get("last", p["name"].split()[-1]),
                              last_ru=p.get("ru_last", p["ru"].split()[-1]),
                              female=bool(p.get("f", False))) for p in a["people"])
        out[code] = Actor(code=code, flag=a["flag"], tag=a["tag"],
                          ministry_languages=tuple(a["ministry_languages"]), names=a["names"],
                          capital=a["capital"], people=people)
    return MappingProxyType(out)


@functools.cache
def outlets(lang: str) -> Mapping[str, tuple[Outlet, ...]]:
    """{"site" | "wire" | "blog": outlets} of one language."""
    data = _read("data", "outlets.yaml")[lang]
    return MappingProxyType({
        kind: tuple(Outlet(o["name"], o["domain"], lang, kind) for o in data[key])
        for kind, key in (("site", "sites"), ("wire", "wires"), ("blog", "blogs"))})


@functools.cache
def author_names(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(first names, last names) of one language's journalists."""
    data = _read("data", "outlets.yaml")[lang]
    return tuple(data["first"]), tuple(data["last"])


@functools.cache
def story_kinds() -> Mapping[str, Mapping[str, Any]]:
    """{event kind: {type, sources, targets, quotes: {concept: side}}}."""
    return _read("data", "stories.yaml")["events"]


@functools.cache
def templates(lang: str) -> Mapping[str, Any]:
    """One language's templates (`templates/<lang>.yaml`)."""
    return _read("templates", f"{lang}.yaml")
