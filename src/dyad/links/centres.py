"""Recompute the per-language embedding centres of `lang/xx/links.yaml` from its parallel
background sentences and print them as YAML (to paste under `centres:`):

    python -m dyad.links.centres

Run only when the background sentences or the model change; dyad reads the stored centres.
"""

from __future__ import annotations

import sys

import numpy as np

from dyad import lang as langdata
from dyad.links.embed import TOPIC, embed


def compute() -> dict[str, list[float]]:
    """{language: mean embedding of its background sentences}, rounded to 5 decimals."""
    background = langdata.load(TOPIC)[langdata.COMMON]["background"]
    return {lang: [round(float(x), 5) for x in np.mean(embed(list(sents)), axis=0)]
            for lang, sents in background.items()}


def main() -> int:
    sys.stdout.write("centres:\n")
    for lang, vec in compute().items():
        sys.stdout.write(f"  {lang}: [{', '.join(f'{x:.5f}' for x in vec)}]\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
