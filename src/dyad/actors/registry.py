"""The people registry: who matters for the beat, whom they act for, their roles with dates,
and every way their names are written (Latin and Cyrillic). Read from the package's
`data/people.yaml` plus any user registries in the same format (a person with the same
canonical name gains the user's names and roles). It finds nothing in text."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import yaml

from dyad.errors import DyadError
from dyad.lang import parse_yaml


@dataclass(frozen=True)
class Role:
    role: str
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    acts_for: str | None = None     # when the role was for another state or organisation


@dataclass(frozen=True)
class Person:
    name: str                       # canonical, Latin script
    acts_for: str
    gender: str | None
    roles: tuple[Role, ...]
    names: tuple[str, ...]          # every written form, the canonical one included

    @property
    def role_keys(self) -> frozenset[str]:
        return frozenset(r.role for r in self.roles)

    def acting_for(self, when: dt.date | None) -> str:
        """Whom the person acted for on `when`: a dated role's own `acts_for` when that role
        covers the day, else the person's."""
        if when is not None:
            for r in self.roles:
                if r.acts_for and (r.start is None or r.start <= when) and \
                        (r.end is None or when <= r.end):
                    return r.acts_for
        return self.acts_for


@dataclass(frozen=True)
class Registry:
    people: tuple[Person, ...]
    _by_name: Mapping[str, Person] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name",
                           MappingProxyType({p.name: p for p in self.people}))

    def by_name(self) -> Mapping[str, Person]:
        """{canonical name: person}, built once (read-only)."""
        return self._by_name


def _date(v: object) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.date):
        return v
    s = str(v)
    if len(s) == 7:
        s += "-01"
    if len(s) == 4:
        s += "-01-01"
    return dt.date.fromisoformat(s)


def _people(data: object, where: str) -> list[Person]:
    if not isinstance(data, list):
        raise DyadError(f"{where}: a people registry is a YAML list of people")
    out = []
    for i, p in enumerate(data):
        if not isinstance(p, dict) or not p.get("name") or not p.get("acts_for"):
            raise DyadError(f"{where}: entry {i + 1}: needs at least `name` and `acts_for`")
        try:
            roles = tuple(Role(str(r.get("role") or "official"), r.get("title"),
                               _date(r.get("from")), _date(r.get("to")), r.get("acts_for"))
                          for r in p.get("roles") or [])
        except (ValueError, AttributeError) as e:
            raise DyadError(f"{where}: entry {i + 1} ({p['name']}): bad role: {e}") from e
        names = [str(p["name"])] + [str(n) for n in p.get("names") or []]
        out.append(Person(name=str(p["name"]), acts_for=str(p["acts_for"]),
                          gender=p.get("gender"), roles=roles,
                          names=tuple(dict.fromkeys(names))))
    return out


@functools.cache
def load_registry(extra: tuple[str, ...] = ()) -> Registry:
    """The shipped registry merged with user registries (paths), in order."""
    shipped = resources.files("dyad.data") / "people.yaml"
    people: dict[str, Person] = {}
    sources: list[tuple[str, object]] = []
    if shipped.is_file():
        sources.append(("people.yaml", parse_yaml(shipped.read_text(encoding="utf-8")) or []))
    for path in extra:
        try:
            sources.append((path, parse_yaml(Path(path).read_text(encoding="utf-8")) or []))
        except (OSError, yaml.YAMLError) as e:
            raise DyadError(f"{path}: cannot read the registry: {e}") from e
    for where, data in sources:
        for p in _people(data, where):
            old = people.get(p.name)
            if old is not None:
                p = Person(p.name, p.acts_for, p.gender or old.gender, old.roles + p.roles,
                           tuple(dict.fromkeys(old.names + p.names)))
            people[p.name] = p
    return Registry(tuple(people.values()))
