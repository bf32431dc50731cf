"""Evaluate dyad's cross-document links on the held-out corpus tests/data/links_heldout/.

    python bench/links_eval.py [--explain] [--json] [--keep DIR] [--pred OUT.json]
    python bench/links_eval.py --corpus DIR --gold GOLD.yaml      # any corpus and answer key

Copies the corpus's documents and manifest.jsonl (not its answer key) to a temporary folder,
runs `python -m dyad run <copy> --db <tmp>` and `python -m dyad export --out <tmp>.json` in
subprocesses, and scores the export with the shared scorer (/work/shared/eval/score.py,
found at Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py", the figures
its --json prints) against tests/data/links_heldout/gold.yaml. Prints the link figures
(quote-link recall, same_event recall, document-reuse recall, link precision, wrong merges
of related events) and, beside them, the event and quote figures the links rest on;
`--explain` adds the scorer's link lines (every missed link, wrong merge and unlinked pair
in a found cluster) and a tally of why links were missed: an end not found (the quote or
event layer) or both ends found but in different clusters (the linking layer).

`--pred` scores an existing dyad-output/1 file instead of running dyad; `--keep` keeps the
store and the export in DIR. This module only measures: it does not change the engine or its
data, and it is not a test (tests/test_links_heldout.py asserts floors on its figures).
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

CORPUS = REPO / "tests" / "data" / "links_heldout"
GOLD = CORPUS / "gold.yaml"
MISSED_LINK = re.compile(r"^\s*missed (?P<what>.+?) (?P<a>\S+) <-> (?P<b>\S+)(?:\s+\[(?P<why>.*)\])?$")


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


def link_explain(explain: list[str]) -> list[str]:
    """The scorer's lines under its '== links' header (missed links, wrong merges, unlinked pairs)."""
    out: list[str] = []
    inside = False
    for line in explain:
        if line.startswith("== "):
            inside = line.strip() == "== links"
        elif inside:
            out.append(line)
    return out


def link_tallies(lines: list[str]) -> dict[str, Counter[str]]:
    """Why links were missed, by kind of link: an end not found (quotes/events layer) or both
    ends found in different clusters (linking layer); and the wrong merges and unlinked pairs."""
    missed: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for line in lines:
        m = MISSED_LINK.match(line)
        if m:
            what, why = m.group("what"), m.group("why") or ""
            layer = ("end not found" if "not found" in why else
                     "different clusters" if why.startswith("clusters") else "not in reuse")
            missed[f"{what}: {layer}"] += 1
        elif line.strip().startswith("wrong merge"):
            other["wrong merges of related events"] += 1
        elif line.strip().startswith("unlinked quotes"):
            other["unlinked quote pairs in one cluster"] += 1
        elif line.strip().startswith("unlinked events"):
            other["unlinked event pairs in one cluster"] += 1
    return {"missed_links": missed, "false_links": other}


def summary(fig: dict[str, Any]) -> dict[str, Any]:
    """The figures this evaluation reports: links first, then the events and quotes under them."""
    lk = fig["links"]
    return {"documents": fig["documents"],
            "links": {"quote_recall": lk["quote_recall"],
                      "same_event_recall": lk["same_event_recall"],
                      "doc_reuse_recall": lk["doc_reuse_recall"],
                      "precision": lk["precision"],
                      "wrong_merges": lk["wrong_merges"],
                      "unscored": lk.get("unscored", 0)},
            "events": fig["events"], "quotes": fig["quotes"],
            "by_language": fig["by_language"]}


def render(fig: dict[str, Any], gold_path: Path = GOLD) -> str:
    """Link figures, then event and quote figures."""
    lk = fig["links"]
    pr = lk["precision"]

    def frac(name: str, m: dict[str, Any], extra: str = "") -> str:
        return f"  {name:<20}{_fmt(m.get('rate')):>7}   {m['n']:>3}/{m['of']:<3}{extra}"

    def prf(name: str, m: dict[str, Any]) -> str:
        return (f"  {name:<20}{_fmt(m['p']):>7}{_fmt(m['r']):>7}{_fmt(m['f1']):>7}"
                f"   tp {m['tp']:>3} fp {m['fp']:>3} fn {m['fn']:>3}")
    try:
        where = gold_path.relative_to(REPO)
    except ValueError:
        where = gold_path
    wm = lk["wrong_merges"]
    out = [f"dyad links: {fig['documents']} held-out documents ({where})", "",
           "links",
           frac("quote-link recall", lk["quote_recall"]),
           frac("same_event recall", lk["same_event_recall"]),
           frac("doc-reuse recall", lk["doc_reuse_recall"]),
           frac("link precision", pr["all"],
                f"   (quotes {pr['quotes']['n']}/{pr['quotes']['of']}, "
                f"events {pr['events']['n']}/{pr['events']['of']})"),
           f"  {'wrong merges':<20}{'':>7}   {wm['n']:>3}/{wm['of']:<3}   (related events judged)",
           "", f"  {'':<20}{'P':>7}{'R':>7}{'F1':>7}",
           prf("events", fig["events"]), prf("quotes", fig["quotes"])]
    return "\n".join(out)


def render_explain(explain: list[str]) -> str:
    lines = link_explain(explain)
    out = ["", "explain (links):"] + (lines or ["  nothing missed"]) + [""]
    for k, c in link_tallies(lines).items():
        out.append(f"{k.replace('_', ' ')}: " + (", ".join(f"{a} {n}" for a, n in sorted(c.items())) or "none"))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score dyad's cross-document links on the held-out corpus.")
    ap.add_argument("--explain", action="store_true", help="list every missed link and wrong merge")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
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
    except Exception as e:                                   # the scorer's ScoreError and kin
        if type(e).__name__ != "ScoreError":
            raise
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(summary(fig), indent=2, ensure_ascii=False))
    else:
        print(render(fig, args.gold))
    if args.explain:
        print(render_explain(explain), file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
