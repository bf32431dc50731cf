"""Command line of the synthetic corpus generator: `python -m dyad.synth OUT --n 1000
--seed 0` writes the corpus and prints what it wrote as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dyad.synth.corpus import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dyad.synth",
                                     description="Write a synthetic dyad corpus.")
    parser.add_argument("out", type=Path, help="folder to write (empty, or an earlier "
                                               "synthetic corpus with --overwrite)")
    parser.add_argument("--n", type=int, default=1000, help="number of documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--overwrite", action="store_true",
                        help="replace an earlier synthetic corpus in OUT")
    args = parser.parse_args(argv)
    try:
        stats = generate(args.out, args.n, args.seed, overwrite=args.overwrite)
    except (FileExistsError, ValueError) as e:
        print(f"dyad.synth: error: {e}", file=sys.stderr)
        return 1
    print(json.dumps(stats.to_json(), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
