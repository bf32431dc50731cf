"""The demo: a small corpus we wrote ourselves (invented but plausible diplomatic news in
several languages and every input format), shipped in `demo/corpus/`, and the function that
runs the whole pipeline on it and says what it found."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

from dyad.pipeline import run
from dyad.store import Database
from dyad.store import documents as store


def corpus_path() -> Path:
    """The demo corpus folder inside the installed package."""
    return Path(str(resources.files("dyad.demo") / "corpus"))


def run_demo(db: Path) -> str:
    """Run the pipeline on the demo corpus into `db`; returns a short report."""
    summary = run([corpus_path()], db, progress=False)
    lines = [f"dyad demo: {summary.line()}"]
    with Database(db) as conn:
        docs = list(store.all_documents(conn))
    by_lang = Counter(d.language or "?" for d in docs)
    by_kind = Counter(d.kind or "?" for d in docs)
    lines.append("languages: " + ", ".join(f"{k} {v}" for k, v in sorted(by_lang.items())))
    lines.append("kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    for d in docs:
        extra = f", {len(d.kept_posts)} posts" if d.posts else ""
        dup = f", near-duplicate of {d.duplicate_of}" if d.duplicate_of else ""
        cited = f", cites {', '.join(d.cited_sources)}" if d.cited_sources else ""
        lines.append(f"  {d.file}: {d.language}, {d.kind}, {d.outlet or 'outlet unknown'}, "
                     f"published {d.published or 'unknown'}{extra}{cited}{dup}; "
                     f"{len(d.events)} events, {len(d.quotes)} quotes")
    for err in summary.errors:
        lines.append(f"  error: {err.path}: {err.reason}")
    lines.append(f"database: {db.resolve()}  (open it with sqlite3, pandas or datasette; "
                 f"`dyad export --db {db} --format dyad-json --out out.json`)")
    return "\n".join(lines)
