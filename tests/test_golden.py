"""The golden test: `dyad run` + `dyad export` on the development seeds, scored by the shared
scorer, must reach the floors in golden_floors.yaml (floors only ever go up)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from conftest import GOLD

FLOORS = yaml.safe_load((Path(__file__).parent / "golden_floors.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(seeds_dir: Path, scorer: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("golden")
    db, out = tmp / "dyad.db", tmp / "out.json"
    for args in (["run", str(seeds_dir), "--db", str(db), "--quiet"],
                 ["export", "--db", str(db), "--format", "dyad-json", "--out", str(out)]):
        res = subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True, text=True,
                             timeout=300)
        assert res.returncode == 0, res.stderr
    gold = scorer.load_gold(str(GOLD))
    pred = json.loads(out.read_text(encoding="utf-8"))
    figs, explain = scorer.score(gold, pred)
    print("\n".join(explain))
    return figs


def rate(m: dict[str, Any]) -> float:
    return m["rate"] if m["rate"] is not None else 0.0


def test_cleaning_floors(figures: dict[str, Any]) -> None:
    cl = figures["cleaning"]
    assert cl["must_drop_survivors"]["n"] <= FLOORS["cleaning"]["must_drop_survivors_max"]
    assert rate(cl["evidence_kept"]) >= FLOORS["cleaning"]["evidence_kept"]
    assert rate(figures["dedup"]) >= FLOORS["dedup"]


def test_metadata_floors(figures: dict[str, Any]) -> None:
    md, fl = figures["metadata"], FLOORS["metadata"]
    for key in ("language", "published", "kind", "outlet"):
        assert rate(md[key]) >= fl[key], (key, md[key])
    assert (md["cited_sources"]["p"] or 0) >= fl["cited_sources_p"], md["cited_sources"]
    assert (md["cited_sources"]["r"] or 0) >= fl["cited_sources_r"], md["cited_sources"]


def test_event_and_quote_floors(figures: dict[str, Any]) -> None:
    for kind in ("events", "quotes"):
        for k in ("p", "r"):
            assert (figures[kind][k] or 0) >= FLOORS[kind][k], (kind, k, figures[kind])


def test_link_floors(figures: dict[str, Any]) -> None:
    for key, floor in FLOORS["links"].items():
        assert rate(figures["links"][key]) >= floor, (key, figures["links"][key])
    assert figures["links"]["wrong_merges"]["n"] == 0
