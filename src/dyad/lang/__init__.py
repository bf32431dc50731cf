"""Language knowledge as data: one folder per language (ISO 639-1 code) under this package,
each holding YAML files by topic (`boilerplate.yaml`, `dates.yaml`, `citations.yaml`, ...).
Adding a language means adding a folder, not code. `xx/` holds what is the same in every
language (symbols, URL shapes). This module only finds and parses the files; what a topic's
keys mean is up to the stage that reads it.
"""

from __future__ import annotations

import functools
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

COMMON = "xx"


def freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


# libyaml's safe loader where PyYAML was built with it (the same data as PyYAML's own safe
# loader on every shipped file, ~8x faster), else PyYAML's own
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """The data of a YAML text, read safely (no Python objects)."""
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)     # the error as PyYAML words it (or its reading)


@functools.cache
def available() -> tuple[str, ...]:
    """Every language folder shipped (the common `xx` folder included)."""
    root = resources.files("dyad.lang")
    return tuple(sorted(e.name for e in root.iterdir()
                        if e.is_dir() and len(e.name) == 2 and e.name.isalpha()))


@functools.cache
def load(topic: str) -> MappingProxyType:
    """{language: read-only data} for every language folder that has `<topic>.yaml`."""
    root = resources.files("dyad.lang")
    out = {}
    for lang in available():
        f = root / lang / f"{topic}.yaml"
        if f.is_file():
            out[lang] = freeze(parse_yaml(f.read_text(encoding="utf-8")) or {})
    return MappingProxyType(out)
