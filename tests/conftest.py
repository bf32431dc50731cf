"""Shared fixtures: where the shared evaluation material is (beside the repository), and a
loader for its scorer."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.yaml"
SCORER = SHARED / "eval" / "score.py"


def load_module(name: str, path: Path) -> ModuleType:
    """Import a script that is not a package module (the shared scorer, bench/*.py) once."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def load_scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"the shared scorer is not at {SCORER}")
    return load_module("dyad_shared_score", SCORER)


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    return load_scorer()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the development corpus is not at {SEEDS}")
    return SEEDS
