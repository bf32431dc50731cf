"""On the development seeds: every gold person and every actor code of a gold event is found
and resolved in its document (issue 4's bar). Reads the gold key from ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import GOLD
from dyad.pipeline import run
from dyad.store import Database
from dyad.store import documents as store


@pytest.fixture(scope="module")
def found(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[set, set]]:
    db = tmp_path_factory.mktemp("actors") / "d.db"
    run([seeds_dir], db, progress=False)
    out = {}
    with Database(db) as conn:
        for doc in store.all_documents(conn):
            names = {m.person for m in doc.mentions if m.person}
            codes = {m.code for m in doc.mentions if m.code}
            out[doc.file] = (names, codes)
    return out


def gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def surname(name: str) -> str:
    return name.split()[-1]


def test_every_gold_person_is_found(found: dict[str, tuple[set, set]]) -> None:
    g = gold()
    missing = []
    for d in g["documents"]:
        wanted = {p for e in d.get("events") or [] for p in e.get("people") or []}
        wanted |= {q["speaker"] for q in d.get("quotes") or [] if q["speaker"] in g["people"]}
        if d.get("speaker"):
            wanted.add(d["speaker"])
        names, _ = found[d["file"]]
        for slug in wanted:
            person = g["people"][slug]
            hit = [n for n in names if surname(person["name"]).casefold() in n.casefold()]
            if not hit:
                missing.append((d["file"], slug))
    assert not missing


def test_every_gold_event_actor_code_is_found(found: dict[str, tuple[set, set]]) -> None:
    missing = []
    for d in gold()["documents"]:
        _, codes = found[d["file"]]
        for e in d.get("events") or []:
            for code in (e["source"], e["target"]):
                if code not in codes:
                    missing.append((d["file"], code))
    assert not sorted(set(missing))
