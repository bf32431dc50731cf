"""Evaluate dyad's actor and people finder on a held-out set of annotated sentences.

    python bench/actors_eval.py [--file tests/data/actors_heldout.yaml] [--json] [--explain]

Runs `dyad.actors.find(text, lang)` on every sentence of the file and compares, per sentence:

- codes: found = {m.code of mentions without a person whose method is not "place"}
  ∪ {m.code (acts_for) of person mentions}; compared as sets with the gold `codes`,
  micro-summed into precision / recall / F1, per language and overall;
- people: found person names against the gold `people` ({canonical name: acts_for}),
  matched one-to-one by surname as /work/shared/eval/score.py's `surname_match` does (the
  last word of one name stands among the words of the other, accent-, case- and
  script-insensitively), with acts_for required to agree.

`--explain` lists every miss and false alarm (with the text and method of the mention that
caused a false alarm) and a tally of false alarms by method. This module only measures: it
does not change the engine or its data, and it is not a test (tests/test_actors_heldout.py
asserts floors on its figures).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FILE = REPO / "tests" / "data" / "actors_heldout.yaml"

# ---------------------------------------------------------------- name matching (as score.py)

_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў", [
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    "i", "yi", "ye", "g", "u"]))
_TRANSLIT.update({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i"})
_NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "la", "el", "del", "von", "van", "y", "e"})


def fold(s: str) -> str:
    """Casefold, transliterate Cyrillic to Latin and strip accents (as score.py's fold)."""
    s = unicodedata.normalize("NFKC", s or "").casefold()
    s = unicodedata.normalize("NFKD", "".join(_TRANSLIT.get(c, c) for c in s))
    return "".join(c for c in s if not unicodedata.combining(c))


def name_words(name: str) -> list[str]:
    """A person's name as comparable words in order, particles and initials dropped."""
    return [t for t in re.findall(r"\w+", fold(name)) if len(t) >= 2 and t not in _NAME_PARTICLES]


def surname_match(gold_name: str, found_name: str) -> bool:
    """The same person: one name's last word stands among the other's words."""
    g, f = name_words(gold_name), name_words(found_name)
    return bool(g and f) and (g[-1] in f or f[-1] in g)


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Item:
    """One annotated sentence."""

    lang: str
    text: str
    codes: frozenset[str]
    people: tuple[tuple[str, str], ...]          # (canonical name, acts_for)


def load(path: Path | str = DEFAULT_FILE) -> list[Item]:
    """The annotated sentences of a `dyad-actors-heldout/1` file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    items = []
    for s in data["sentences"]:
        items.append(Item(lang=s["lang"], text=s["text"], codes=frozenset(s.get("codes") or ()),
                          people=tuple((str(n), str(a)) for n, a in (s.get("people") or {}).items())))
    return items


# ---------------------------------------------------------------- scoring


@dataclass
class Counts:
    """True positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def figures(self) -> dict[str, float | int | None]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return {"p": p, "r": r, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Result:
    """One sentence's comparison."""

    item: Item
    found_codes: frozenset[str]
    code_fp: dict[str, list[tuple[str, str]]]     # code -> [(mention text, method)]
    code_fn: list[str]
    people_tp: list[tuple[str, str]]             # (gold name, found name)
    people_fp: list[tuple[str, str | None, str]]  # (found name, acts_for, why)
    people_fn: list[tuple[str, str, str]]        # (gold name, acts_for, why)


@dataclass
class Report:
    """Figures per language and overall, and the per-sentence results."""

    codes: dict[str, Counts] = field(default_factory=dict)
    people: dict[str, Counts] = field(default_factory=dict)
    results: list[Result] = field(default_factory=list)


def found_codes(mentions: Iterable[Any]) -> dict[str, list[tuple[str, str]]]:
    """{code: [(mention text, method)]} of the mentions that count as a found actor."""
    out: dict[str, list[tuple[str, str]]] = {}
    for m in mentions:
        if not m.code:
            continue
        if m.person or m.method != "place":
            out.setdefault(m.code, []).append((m.text, m.method))
    return out


def found_people(mentions: Iterable[Any]) -> list[tuple[str, str | None]]:
    """Distinct (person, acts_for) of the person mentions: a name that surname-matches an
    earlier one with the same acts_for is the same person mentioned again."""
    out: list[tuple[str, str | None]] = []
    for m in mentions:
        if m.person and not any(a == m.code and surname_match(n, m.person) for n, a in out):
            out.append((m.person, m.code))
    return out


def match_people(gold: Sequence[tuple[str, str]], found: Sequence[tuple[str, str | None]]
                 ) -> tuple[list[tuple[str, str]], list[tuple[str, str | None, str]],
                            list[tuple[str, str, str]]]:
    """One-to-one matching by surname and acts_for -> (matched, false alarms, misses)."""
    used: set[int] = set()
    tp: list[tuple[str, str]] = []
    fn: list[tuple[str, str, str]] = []
    for gname, gcode in gold:
        j = next((j for j, (fname, fcode) in enumerate(found)
                  if j not in used and fcode == gcode and surname_match(gname, fname)), None)
        if j is not None:
            used.add(j)
            tp.append((gname, found[j][0]))
            continue
        wrong = [f"{fname} -> {fcode}" for fname, fcode in found if surname_match(gname, fname)]
        fn.append((gname, gcode, f"found with other acts_for: {', '.join(wrong)}" if wrong else "not found"))
    fp = []
    for j, (fname, fcode) in enumerate(found):
        if j not in used:
            gl = [f"{g} -> {c}" for g, c in gold if surname_match(g, fname)]
            fp.append((fname, fcode, f"gold says {', '.join(gl)}" if gl else "not in gold"))
    return tp, fp, fn


def evaluate(items: Sequence[Item], find: Callable[[str, str], list[Any]] | None = None) -> Report:
    """Run the finder on every item and tally the figures."""
    if find is None:
        from dyad.actors import find as dyad_find
        find = dyad_find
    rep = Report()
    for it in items:
        mentions = find(it.text, it.lang)
        codes = found_codes(mentions)
        fc = frozenset(codes)
        tp_p, fp_p, fn_p = match_people(it.people, found_people(mentions))
        res = Result(item=it, found_codes=fc,
                     code_fp={c: codes[c] for c in sorted(fc - it.codes)},
                     code_fn=sorted(it.codes - fc),
                     people_tp=tp_p, people_fp=fp_p, people_fn=fn_p)
        rep.results.append(res)
        for key in (it.lang, "all"):
            rep.codes.setdefault(key, Counts()).add(len(fc & it.codes), len(fc - it.codes), len(it.codes - fc))
            rep.people.setdefault(key, Counts()).add(len(tp_p), len(fp_p), len(fn_p))
    return rep


def figures(rep: Report) -> dict[str, Any]:
    """Everything measured, as plain data (the --json output)."""
    langs = sorted(k for k in rep.codes if k != "all") + ["all"]
    fa_methods = Counter(method for r in rep.results for occ in r.code_fp.values()
                         for _, method in occ[:1])
    return {
        "schema": "dyad-actors-eval/1",
        "sentences": len(rep.results),
        "codes": {k: rep.codes[k].figures() for k in langs},
        "people": {k: rep.people[k].figures() for k in langs},
        "code_false_alarms_by_method": dict(fa_methods.most_common()),
        "code_misses_by_code": dict(Counter(c for r in rep.results for c in r.code_fn).most_common()),
    }


# ---------------------------------------------------------------- report


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def render(fig: dict[str, Any]) -> str:
    """The compact human-readable table."""
    out = [f"dyad actors: {fig['sentences']} held-out sentences", "",
           f"  {'':<6}{'codes P':>8}{'R':>7}{'F1':>7}   {'people P':>9}{'R':>7}{'F1':>7}"]
    for lang, c in fig["codes"].items():
        p = fig["people"][lang]
        out.append(f"  {lang:<6}{_fmt(c['p']):>8}{_fmt(c['r']):>7}{_fmt(c['f1']):>7}   "
                   f"{_fmt(p['p']):>9}{_fmt(p['r']):>7}{_fmt(p['f1']):>7}"
                   f"   codes tp {c['tp']} fp {c['fp']} fn {c['fn']}; people tp {p['tp']} fp {p['fp']} fn {p['fn']}")
    return "\n".join(out)


def explain(rep: Report, fig: dict[str, Any]) -> str:
    """Every miss and false alarm, sentence by sentence, then tallies."""
    out = ["", "explain:"]
    for i, r in enumerate(rep.results):
        lines = [f"code miss {c}" for c in r.code_fn]
        lines += [f"code false alarm {c}  <- " + "; ".join(f"{t!r} ({m})" for t, m in occ)
                  for c, occ in r.code_fp.items()]
        lines += [f"person miss {n} ({a}): {why}" for n, a, why in r.people_fn]
        lines += [f"person false alarm {n} ({a}): {why}" for n, a, why in r.people_fp]
        if lines:
            out.append(f"== #{i} [{r.item.lang}] {r.item.text}")
            out += ["   " + s for s in lines]
    out += ["", "code false alarms by method: "
            + ", ".join(f"{k} {v}" for k, v in fig["code_false_alarms_by_method"].items()),
            "code misses by code: "
            + ", ".join(f"{k} {v}" for k, v in fig["code_misses_by_code"].items())]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate dyad.actors.find on held-out sentences.")
    ap.add_argument("--file", default=str(DEFAULT_FILE), help="annotated sentences (YAML)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--explain", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args(argv)
    rep = evaluate(load(args.file))
    fig = figures(rep)
    print(json.dumps(fig, indent=2, ensure_ascii=False) if args.json else render(fig))
    if args.explain:
        print(explain(rep, fig), file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
