"""What the held-out evaluations (`events_eval.py`, `quotes_eval.py`, `links_eval.py`) share:
running dyad in subprocesses on a copy of a corpus (its documents and manifest.jsonl, never
its answer key), scoring the export with the shared scorer
(`Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"`), and picking the
scorer's explain lines about one kind of item. Each script keeps its own corpus, figures and
report; this module only runs and scores.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any, Sequence

REPO = Path(__file__).resolve().parents[1]
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


class EvalError(RuntimeError):
    """dyad or the scorer failed; the message says which step and why."""


def load_scorer(path: Path = SCORER) -> ModuleType:
    """The shared scorer as a module (raises FileNotFoundError when it is absent)."""
    if "dyad_shared_score" in sys.modules:
        return sys.modules["dyad_shared_score"]
    if not path.is_file():
        raise FileNotFoundError(f"the shared scorer is not at {path}")
    spec = importlib.util.spec_from_file_location("dyad_shared_score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["dyad_shared_score"] = mod
    spec.loader.exec_module(mod)
    return mod


def corpus_files(corpus: Path) -> list[Path]:
    """The files dyad is given: the documents and manifest.jsonl, never the answer key."""
    return sorted(p for p in corpus.iterdir() if p.suffix == ".txt" or p.name == "manifest.jsonl")


def _dyad(args: Sequence[str], step: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True, text=True,
                          cwd=REPO)
    if proc.returncode != 0:
        raise EvalError(f"dyad {step} exited with {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def run_dyad(work: Path, corpus: Path) -> Path:
    """Run dyad on a copy of the corpus in work/; returns the path of the dyad-output/1 export."""
    copy = work / "corpus"
    copy.mkdir(parents=True, exist_ok=True)
    for p in corpus_files(corpus):
        shutil.copy2(p, copy / p.name)
    db, out = work / "store.sqlite", work / "out.json"
    _dyad(["run", str(copy), "--db", str(db), "--quiet"], "run")
    _dyad(["export", "--db", str(db), "--out", str(out)], "export")
    return out


def score(pred_path: Path, gold_path: Path) -> tuple[dict[str, Any], list[str]]:
    """(figures, explain lines) of the shared scorer for an export."""
    sc = load_scorer()
    gold = sc.load_gold(gold_path)
    pred = json.loads(pred_path.read_text(encoding="utf-8"))
    return sc.score(gold, pred)


def evaluate(corpus: Path, gold_path: Path, keep: Path | None = None
             ) -> tuple[dict[str, Any], list[str]]:
    """Run dyad on the corpus (in `keep`, else a temporary folder) and score it."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        return score(run_dyad(keep, corpus), gold_path)
    with tempfile.TemporaryDirectory(prefix="dyad-eval-") as tmp:
        return score(run_dyad(Path(tmp), corpus), gold_path)


def explain_lines(explain: list[str], kind: re.Pattern[str]) -> list[str]:
    """The scorer's explain lines that `kind` matches, under their document headers."""
    out: list[str] = []
    header = None
    for line in explain:
        if line.startswith("== "):
            header = line
        elif kind.match(line):
            if header:
                out.append(header)
                header = None
            out.append(line)
    return out


def fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"
