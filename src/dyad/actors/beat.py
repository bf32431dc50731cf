"""The beat: the actor codes of the part of the world a run follows (`data/beat.yaml`, or a
user file of the same format). It reads the file and answers membership; which texts are
kept for being on the beat is decided by the stages that ask."""

from __future__ import annotations

import functools
from importlib import resources

import yaml

from dyad.errors import DyadError


@functools.lru_cache(maxsize=8)
def beat_codes(path: str | None = None) -> frozenset[str]:
    """The codes of the beat file at `path`, or of the shipped beat when None."""
    if path is None:
        text = (resources.files("dyad.data") / "beat.yaml").read_text(encoding="utf-8")
        where = "the shipped beat"
    else:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise DyadError(f"{path}: cannot read the beat file ({e.strerror})") from e
        where = path
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise DyadError(f"{where}: not valid YAML ({e})") from e
    codes = data.get("codes") if isinstance(data, dict) else None
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise DyadError(f"{where}: a beat file needs 'codes:', a list of actor codes")
    return frozenset(c.strip() for c in codes)
