"""Evaluate dyad's quote finder on the held-out multilingual corpus tests/data/quotes_heldout/.

    python bench/quotes_eval.py [--explain] [--json] [--keep DIR] [--pred OUT.json]
    python bench/quotes_eval.py --corpus DIR --gold GOLD.yaml      # any corpus and answer key

Copies the corpus's documents and manifest.jsonl (not its answer key) to a temporary folder,
runs `python -m dyad run <copy> --db <tmp>` and `python -m dyad export --out <tmp>.json` in
subprocesses, and scores the export with the shared scorer (/work/shared/eval/score.py,
found at Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py") against
tests/data/quotes_heldout/gold.yaml. Prints quote precision / recall / F1 overall and per
language, and the share of matched quotes whose outlet (via) is right; `--explain` adds the
scorer's list of every missed quote, false alarm and wrong via, document by document.

`--pred` scores an existing dyad-output/1 file instead of running dyad; `--keep` keeps the
store and the export in DIR. This module only measures: it does not change the engine or its
data, and it is not a test (tests/test_quotes_heldout.py asserts a floor on its figures).
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

CORPUS = REPO / "tests" / "data" / "quotes_heldout"
GOLD = CORPUS / "gold.yaml"
QUOTE_LINE = re.compile(r"^\s*(missed quote|false quote|quote via)")


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


def quote_explain(explain: list[str]) -> list[str]:
    """The scorer's explain lines about quotes only, under their document headers."""
    return heldout.explain_lines(explain, QUOTE_LINE)


def by_language(explain: list[str], fig: dict[str, Any], gold_path: Path) -> dict[str, dict[str, Any]]:
    """Quote P/R/F1 per language, counted from the scorer's explain lines and the answer key."""
    import yaml

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    lang_of = {d["file"]: d.get("language") for d in gold["documents"]}
    n_gold = Counter()
    for d in gold["documents"]:
        n_gold[d.get("language")] += len(d.get("quotes") or [])
    fn, fp = Counter(), Counter()
    doc = None
    for line in explain:
        if line.startswith("== "):
            doc = line[3:].split()[0]
        elif doc is not None and line.strip().startswith("missed quote"):
            fn[lang_of.get(doc)] += 1
        elif doc is not None and line.strip().startswith("false quote"):
            fp[lang_of.get(doc)] += 1
    out = {}
    for lang in sorted(n_gold, key=str):
        tp = n_gold[lang] - fn[lang]
        p = tp / (tp + fp[lang]) if tp + fp[lang] else None
        r = tp / n_gold[lang] if n_gold[lang] else None
        f1 = 2 * p * r / (p + r) if p and r else 0.0
        out[str(lang)] = {"p": p, "r": r, "f1": f1, "tp": tp, "fp": fp[lang], "fn": fn[lang]}
    return out


def render(fig: dict[str, Any], explain: list[str] | None = None, gold_path: Path = GOLD) -> str:
    """Quote figures overall and per language, and the via agreement."""
    def line(name: str, m: dict[str, Any]) -> str:
        return (f"  {name:<10}{_fmt(m['p']):>7}{_fmt(m['r']):>7}{_fmt(m['f1']):>7}"
                f"   tp {m['tp']:>3} fp {m['fp']:>3} fn {m['fn']:>3}")
    q = fig["quotes"]
    out = [f"dyad quotes: {fig['documents']} held-out documents ({gold_path})", "",
           f"  {'':<10}{'P':>7}{'R':>7}{'F1':>7}", line("quotes", q)]
    via = fig.get("metadata", {}).get("quote_via")
    if via:
        out.append(f"  via       {_fmt(via.get('rate'))}   {via.get('n')}/{via.get('of')}")
    if explain is not None:
        out += ["", "by language"]
        out += [line(k, m) for k, m in by_language(explain, fig, gold_path).items()]
    return "\n".join(out)


def render_explain(explain: list[str]) -> str:
    lines = quote_explain(explain)
    return "\n".join(["", "explain (quotes):"] + (lines or ["  nothing missed"]))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score dyad's quotes on the held-out corpus.")
    ap.add_argument("--explain", action="store_true", help="list every missed event and false alarm")
    ap.add_argument("--json", action="store_true", help="print the scorer's figures as JSON")
    ap.add_argument("--keep", type=Path, help="keep the store and the export in this folder")
    ap.add_argument("--pred", type=Path, help="score this dyad-output/1 file instead of running dyad")
    ap.add_argument("--gold", type=Path, default=GOLD, help="answer key (default: %(default)s)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="documents (default: %(default)s)")
    args = ap.parse_args(argv)
    try:
        fig, explain = score(args.pred, args.gold) if args.pred else \
            evaluate(corpus=args.corpus, gold_path=args.gold, keep=args.keep)
    except (EvalError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        out = {"documents": fig["documents"], "quotes": fig["quotes"],
               "by_language": by_language(explain, fig, args.gold)}
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(render(fig, explain, args.gold))
    if args.explain:
        print(render_explain(explain), file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
