"""Event-type accuracy on PLOVER's English example sentences (shared/eval/plover), a check of
type coverage, not training data: each sentence is one event; dyad reads it as a one-line
article and the first event it codes (and any event it codes) is compared with the gold type.
Many PLOVER sentences have actors outside dyad's codebook (police, rebels, companies), so the
type of the sentence's first trigger is also compared, whatever the actors ("trigger type").

    python bench/plover_eval.py [--file PATH] [--json] [--explain]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from dyad.events.lexicon import find_triggers, lexicon
from dyad.pipeline import process_document
from dyad.records import Document, Given

RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "plover" / "PLOVER_GSR_CAMEO.json"


def evaluate(path: Path) -> tuple[dict, list[str]]:
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    by_type: dict[str, Counter] = defaultdict(Counter)
    explain = []
    for r in records:
        gold = RENAMED.get(r["event"], r["event"])
        doc = Document(file="plover.txt", source_path="plover.txt", fmt="txt", raw_text=r["text"],
                       given=Given(language="en", published=r.get("date")))
        process_document(doc)
        types = [e.type for e in doc.events if not e.planned and not e.negated]
        lex = lexicon("en")
        hits = find_triggers(lex, lex.tokens(r["text"]))
        c = by_type[gold]
        c["trigger"] += bool(hits) and hits[0].trigger.type == gold
        c["coded"] += bool(types)
        c["n"] += 1
        c["first"] += bool(types) and types[0] == gold
        c["any"] += gold in types
        c["none"] += not types
        if not types or types[0] != gold:
            explain.append(f"{r['id']}: gold {gold}, found {types or 'nothing'}: {r['text'][:150]}")
    total = Counter()
    for c in by_type.values():
        total.update(c)
    fig = {"sentences": total["n"],
           "first_type_accuracy": total["first"] / total["n"],
           "any_type_recall": total["any"] / total["n"],
           "no_event": total["none"] / total["n"],
           "trigger_type_accuracy": total["trigger"] / total["n"],
           "type_right_when_coded": total["first"] / max(total["coded"], 1),
           "by_type": {t: {"n": c["n"], "first": c["first"] / c["n"], "any": c["any"] / c["n"],
                           "trigger": c["trigger"] / c["n"]}
                       for t, c in sorted(by_type.items())}}
    return fig, explain


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--file", type=Path, default=DEFAULT)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--explain", action="store_true")
    args = ap.parse_args(argv)
    if not args.file.is_file():
        print(f"no PLOVER file at {args.file}", file=sys.stderr)
        return 2
    fig, explain = evaluate(args.file)
    if args.json:
        print(json.dumps(fig, indent=2))
    else:
        print(f"PLOVER examples: {fig['sentences']} sentences; first event's type right "
              f"{fig['first_type_accuracy']:.3f}; gold type among events {fig['any_type_recall']:.3f}; "
              f"no event {fig['no_event']:.3f}")
        print(f"  trigger type right {fig['trigger_type_accuracy']:.3f}; type right when an event "
              f"is coded {fig['type_right_when_coded']:.3f}")
        for t, m in fig["by_type"].items():
            print(f"  {t:<10} n {m['n']:>3}  first {m['first']:.2f}  any {m['any']:.2f}  "
                  f"trigger {m['trigger']:.2f}")
    if args.explain:
        print("\n".join(explain))
    return 0


if __name__ == "__main__":
    sys.exit(main())
