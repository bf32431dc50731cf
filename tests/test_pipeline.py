"""The whole run: incremental re-runs, changed files, a run killed mid-way and started again,
and bad files reported while the rest goes on."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dyad.pipeline import run

LANG_TEXTS = {
    "en": "The foreign ministers of {a} and {b} met in {c} on Tuesday to discuss trade and "
          "energy cooperation. \"We agreed to expand our partnership,\" the minister said.",
    "es": "Los cancilleres de {a} y {b} se reunieron en {c} el martes para hablar de comercio "
          "y cooperación energética. «Acordamos ampliar nuestra asociación», dijo el ministro.",
    "ru": "Министры иностранных дел стран {a} и {b} встретились во вторник в городе {c}, чтобы "
          "обсудить торговлю и энергетику. «Мы договорились расширять партнерство», — сказал министр.",
}
PLACES = ["Moscow", "Brasília", "Caracas", "Havana", "Managua", "La Paz", "Lima", "Bogotá"]


def make_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    langs = sorted(LANG_TEXTS)
    for i in range(n):
        lang = langs[i % len(langs)]
        body = LANG_TEXTS[lang].format(a=f"Country{i}", b=f"Land{i * 7 % 13}",
                                       c=PLACES[i % len(PLACES)])
        (folder / f"doc{i:04d}.txt").write_text(
            f"Headline number {i}\n\nShare\n\n{body}\n\n{body.replace('.', ';', 1)} {i}\n",
            encoding="utf-8")


def state(db: Path) -> dict[str, list[tuple]]:
    """Everything stored that a run decides, without row ids, run logs or timestamps."""
    con = sqlite3.connect(db)
    out = {
        "documents": con.execute(
            "SELECT file, source_path, fmt, stage, raw_text, text, language, published, kind, "
            "outlet, cited_sources, duplicate_of, group_key FROM documents ORDER BY file").fetchall(),
        "posts": con.execute(
            "SELECT d.file, p.idx, p.text, p.duplicate_of, p.language FROM posts p "
            "JOIN documents d ON d.id = p.doc_id ORDER BY d.file, p.idx").fetchall(),
        "dropped": con.execute(
            "SELECT d.file, x.post, x.line_no, x.rule FROM dropped_lines x "
            "JOIN documents d ON d.id = x.doc_id ORDER BY 1, 2, 3").fetchall(),
        "sources": con.execute("SELECT path, fingerprint, status FROM sources ORDER BY path").fetchall(),
        "lines": con.execute("SELECT count(*) FROM doc_lines").fetchall(),
        "buckets": con.execute("SELECT count(*) FROM lsh_buckets").fetchall(),
        "events": con.execute("SELECT count(*) FROM events").fetchall(),
        "quotes": con.execute("SELECT count(*) FROM quotes").fetchall(),
    }
    con.close()
    return out


def test_incremental_rerun_processes_only_new_or_changed(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "d.db"
    make_corpus(corpus, 6)
    first = run([corpus], db, progress=False)
    assert first.processed == 6 and first.new_files == 6 and not first.errors
    before = state(db)

    again = run([corpus], db, progress=False)
    assert again.processed == 0 and again.unchanged_files == 6
    assert state(db) == before

    (corpus / "doc0001.txt").write_text("A changed text. The ministers met again in Lima.",
                                        encoding="utf-8")
    (corpus / "new.txt").write_text("A new document about a visit to Havana by the delegation.",
                                    encoding="utf-8")
    third = run([corpus], db, progress=False)
    assert third.processed == 2 and third.unchanged_files == 5
    docs = dict(sqlite3.connect(db).execute("SELECT file, raw_text FROM documents").fetchall())
    assert len(docs) == 7
    assert docs["doc0001.txt"].startswith("A changed text")


def test_bad_files_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "d.db"
    make_corpus(corpus, 3)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02" * 50)
    (corpus / "broken.json").write_text('{"messages": [ {"id": 1, ', encoding="utf-8")
    (corpus / "slides.pdf").write_bytes(b"%PDF-1.7")
    summary = run([corpus], db, progress=False)
    bad = {e.path for e in summary.errors}
    assert {"empty.txt", "binary.txt", "broken.json", "slides.pdf"} <= bad
    assert all(e.reason for e in summary.errors)
    assert summary.totals["documents"] == 3
    # the good documents are untouched by a second run with the same bad files
    before = state(db)
    again = run([corpus], db, progress=False)
    assert state(db) == before
    assert {e.path for e in again.errors} == bad


def test_a_killed_run_restarted_ends_as_an_uninterrupted_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 300)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    run([corpus], clean_db, progress=False)

    cmd = [sys.executable, "-m", "dyad", "run", str(corpus), "--db", str(killed_db), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    killed_while = None
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            con = sqlite3.connect(f"file:{killed_db}?mode=ro", uri=True, timeout=1)
            n = con.execute("SELECT count(*) FROM documents WHERE stage != 'read'").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
        if n >= 20:
            os.kill(proc.pid, signal.SIGKILL)
            killed_while = n
            break
    proc.wait()
    assert killed_while is not None, "the run finished before it could be killed"
    con = sqlite3.connect(killed_db)
    remaining = con.execute("SELECT count(*) FROM documents WHERE stage != 'linked'").fetchone()[0]
    con.close()
    assert remaining > 0, "the kill came too late to interrupt anything"

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert state(killed_db) == state(clean_db)
