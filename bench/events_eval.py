"""Evaluate dyad's event coder on the held-out multilingual corpus tests/data/events_heldout/.

    python bench/events_eval.py [--explain] [--json] [--keep DIR] [--pred OUT.json]

Copies the corpus's documents and manifest.jsonl (not its answer key) to a temporary folder,
runs `python -m dyad run <copy> --db <tmp>` and `python -m dyad export --out <tmp>.json` in
subprocesses, and scores the export with the shared scorer (/work/shared/eval/score.py,
found at Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py") against
tests/data/events_heldout/gold.yaml. Prints event precision / recall / F1 overall, per
language and per PLOVER type; `--explain` adds the scorer's list of every missed event and
false alarm, document by document, and tallies of why the misses were missed.

`--pred` scores an existing dyad-output/1 file instead of running dyad; `--keep` keeps the
store and the export in DIR. This module only measures: it does not change the engine or its
data, and it is not a test (tests/test_events_heldout.py asserts a floor on its figures).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))      # the bench scripts' shared harness
import heldout  # noqa: E402
from heldout import REPO, EvalError, fmt as _fmt  # noqa: E402

CORPUS = REPO / "tests" / "data" / "events_heldout"
GOLD = CORPUS / "gold.yaml"
EVENT_LINE = re.compile(r"^\s*(missed event|false event)")


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    """The files dyad is given: the documents and manifest.jsonl, never the answer key."""
    return heldout.corpus_files(corpus)


def score(pred_path: Path, gold_path: Path = GOLD) -> tuple[dict[str, Any], list[str]]:
    """(figures, explain lines) of the shared scorer for an export."""
    return heldout.score(pred_path, gold_path)


def evaluate(corpus: Path = CORPUS, gold_path: Path = GOLD, keep: Path | None = None
             ) -> tuple[dict[str, Any], list[str]]:
    """Run dyad on the corpus and score it: (figures, explain lines)."""
    return heldout.evaluate(corpus, gold_path, keep)


# ---------------------------------------------------------------- report


def event_explain(explain: list[str]) -> list[str]:
    """The scorer's explain lines about events only, under their document headers."""
    return heldout.explain_lines(explain, EVENT_LINE)


def tallies(explain: list[str]) -> dict[str, Counter[str]]:
    """Misses and false alarms counted by type, and misses by reason (from the scorer's notes)."""
    t: dict[str, Counter[str]] = {"missed_by_type": Counter(), "false_by_type": Counter(),
                                  "missed_by_reason": Counter()}
    for line in explain:
        m = re.match(r"^\s*(missed|false) event \S+ (\w+) ", line)
        if not m:
            continue
        t[f"{m.group(1)}_by_type"][m.group(2)] += 1
        if m.group(1) == "missed":
            why = line.rsplit("[", 1)[-1]
            reason = ("no found event of the type" if why.startswith("no found") else
                      "same type, other actors" if " actors " in why.split(";")[0] else
                      "same type and actors, wrong date" if " date " in why.split(";")[0] else
                      "partner taken by another gold event")
            t["missed_by_reason"][reason] += 1
    return t


def render(fig: dict[str, Any]) -> str:
    """Event figures overall, per language and per type."""
    def line(name: str, m: dict[str, Any]) -> str:
        return (f"  {name:<10}{_fmt(m['p']):>7}{_fmt(m['r']):>7}{_fmt(m['f1']):>7}"
                f"   tp {m['tp']:>3} fp {m['fp']:>3} fn {m['fn']:>3}")
    ev = fig["events"]
    out = [f"dyad events: {fig['documents']} held-out documents ({GOLD.relative_to(REPO)})", "",
           f"  {'':<10}{'P':>7}{'R':>7}{'F1':>7}",
           line("events", ev) + f"   (excused {ev['excused']})", "", "by language"]
    out += [line(k, m) for k, m in fig["by_language"].items()]
    out += ["", "by type"] + [line(k, m) for k, m in fig["by_type"].items()]
    return "\n".join(out)


def render_explain(explain: list[str]) -> str:
    lines = event_explain(explain)
    t = tallies(lines)
    out = ["", "explain (events):"] + (lines or ["  nothing missed"]) + [""]
    for k, c in t.items():
        out.append(f"{k.replace('_', ' ')}: " + (", ".join(f"{a} {n}" for a, n in c.most_common()) or "none"))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score dyad's events on the held-out corpus.")
    ap.add_argument("--explain", action="store_true", help="list every missed event and false alarm")
    ap.add_argument("--json", action="store_true", help="print the scorer's figures as JSON")
    ap.add_argument("--keep", type=Path, help="keep the store and the export in this folder")
    ap.add_argument("--pred", type=Path, help="score this dyad-output/1 file instead of running dyad")
    ap.add_argument("--gold", type=Path, default=GOLD, help="answer key (default: %(default)s)")
    args = ap.parse_args(argv)
    try:
        fig, explain = score(args.pred, args.gold) if args.pred else evaluate(gold_path=args.gold, keep=args.keep)
    except (EvalError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        keep = ("documents", "events", "by_language", "by_type")
        print(json.dumps({k: fig[k] for k in keep}, indent=2, ensure_ascii=False))
    else:
        print(render(fig))
    if args.explain:
        print(render_explain(explain), file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
