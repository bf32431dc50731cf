"""The whole run: incremental re-runs, changed files, a run killed mid-way and started again,
bad files reported while the rest goes on, documents committed in batches (a batch that
fails leaves no trace), and the stage and phase timings."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad import pipeline
from dyad.config import Config
from dyad.pipeline import process_document, run
from dyad.records import Document
from dyad.stage import Context
from dyad.store import Database
from dyad.store import documents as store

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


# ---------------------------------------------------------------- batches


def stages_of(db: Path) -> dict[str, str]:
    con = sqlite3.connect(db)
    out = dict(con.execute("SELECT file, stage FROM documents").fetchall())
    con.close()
    return out


def test_a_failed_batch_leaves_no_trace_and_a_rerun_finishes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, clean_db, db = tmp_path / "corpus", tmp_path / "clean.db", tmp_path / "d.db"
    make_corpus(corpus, 11)
    run([corpus], clean_db, progress=False)

    monkeypatch.setattr(pipeline, "BATCH", 4)
    real_save = store.save_processed
    saved = []

    def save_then_die(*args: object, **kwargs: object) -> None:
        real_save(*args, **kwargs)          # type: ignore[arg-type]
        saved.append(1)
        if len(saved) == 6:                 # the second document of the second batch
            raise KeyboardInterrupt

    monkeypatch.setattr(store, "save_processed", save_then_die)
    with pytest.raises(KeyboardInterrupt):
        run([corpus], db, progress=False)
    stages = stages_of(db)
    assert sum(st in ("processed", "linked") for st in stages.values()) == 4   # 1st batch only
    assert sorted(stages.values()).count("read") == 7
    processed = sorted(f for f, st in stages.items() if st in ("processed", "linked"))
    assert processed == sorted(stages)[:4]                     # in file order
    con = sqlite3.connect(db)
    # nothing of the unfinished batch was written: no rows of its documents
    assert con.execute("SELECT count(*) FROM dropped_lines x JOIN documents d ON d.id = x.doc_id "
                       "WHERE d.stage = 'read'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM documents WHERE stage = 'read' "
                       "AND text IS NOT NULL").fetchone()[0] == 0
    con.close()

    monkeypatch.setattr(store, "save_processed", real_save)
    again = run([corpus], db, progress=False)
    assert again.processed == 7
    assert state(db) == state(clean_db)


@pytest.mark.parametrize("batch", [1, 3, 1000])
def test_batch_size_does_not_change_the_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               batch: int) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 7)
    # a reprint: linked in the same batch as its original, it must still be found
    (corpus / "doc0000_copy.txt").write_text((corpus / "doc0000.txt").read_text("utf-8"),
                                             encoding="utf-8")
    run([corpus], tmp_path / "default.db", progress=False)
    monkeypatch.setattr(pipeline, "BATCH", batch)
    summary = run([corpus], tmp_path / "other.db", progress=False)
    assert summary.processed == 8
    assert state(tmp_path / "other.db") == state(tmp_path / "default.db")
    con = sqlite3.connect(tmp_path / "other.db")
    dup = con.execute("SELECT duplicate_of FROM documents WHERE file = 'doc0000_copy.txt'")
    assert dup.fetchone()[0] == "doc0000.txt"
    con.close()


def test_a_failing_write_inside_a_batch_undoes_only_itself(tmp_path: Path) -> None:
    with Database(tmp_path / "d.db") as db:
        run_id = store.begin_run(db, ["x"])
        with db.transaction():
            store.record_error(db, run_id, "a.txt", "kept")
            with pytest.raises(sqlite3.IntegrityError):
                with db.transaction() as c:        # a savepoint inside the batch
                    c.execute("INSERT INTO errors (run_id, path, reason) VALUES (?, ?, ?)",
                              (run_id, "b.txt", "undone"))
                    c.execute("INSERT INTO errors (run_id, path, reason) VALUES (?, NULL, ?)",
                              (run_id, "fails"))
            store.record_error(db, run_id, "c.txt", "kept too")
        rows = db.query("SELECT path FROM errors ORDER BY id")
        assert [r["path"] for r in rows] == ["a.txt", "c.txt"]
        assert not db.conn.in_transaction


# ---------------------------------------------------------------- timings


def test_the_timer_hears_each_stage_of_each_document_in_order(tmp_path: Path) -> None:
    heard: list[tuple[str, float]] = []
    doc = Document(file="a.txt", source_path="a.txt", fmt="txt",
                   raw_text=LANG_TEXTS["en"].format(a="Russia", b="Cuba", c="Havana"))
    process_document(doc, Context(timer=lambda name, secs: heard.append((name, secs))))
    assert [name for name, _ in heard] == [s.name for s in pipeline.STAGES]
    assert all(secs >= 0 for _, secs in heard)
    assert doc.language == "en" and doc.text


def test_a_failing_stage_is_timed_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: Document, ctx: Context) -> None:
        raise ValueError("broken")

    first = pipeline.STAGES[0]
    monkeypatch.setattr(pipeline, "STAGES", (type(first)("broken", (), (), broken),))
    heard: list[str] = []
    with pytest.raises(ValueError):
        process_document(Document(file="a.txt", source_path="a.txt", fmt="txt", raw_text="x"),
                         Context(timer=lambda name, secs: heard.append(name)))
    assert heard == ["broken"]


def test_run_reports_seconds_per_phase_step_and_stage(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 4)
    per_stage: dict[str, list[float]] = {}
    summary = run([corpus], tmp_path / "d.db", progress=False,
                  timer=lambda name, secs: per_stage.setdefault(name, []).append(secs))
    assert set(summary.phase_seconds) == {"read", "process", "link"}
    assert {"read:parse", "read:store", "process:load", "process:minhash", "process:store",
            "link:load", "link:store"} <= set(summary.step_seconds)
    assert all(v >= 0 for v in [*summary.phase_seconds.values(), *summary.step_seconds.values()])
    assert sum(summary.phase_seconds.values()) <= summary.seconds
    assert summary.step_seconds["process:store"] <= summary.phase_seconds["process"]
    assert {name: len(v) for name, v in per_stage.items()} == \
        {s.name: 4 for s in pipeline.STAGES}
    # nothing new to do: the phases are still reported, no stage runs
    per_stage.clear()
    again = run([corpus], tmp_path / "d.db", progress=False,
                timer=lambda name, secs: per_stage.setdefault(name, []).append(secs))
    assert set(again.phase_seconds) == {"read", "process", "link"} and not per_stage


# ---------------------------------------------------------------- worker processes


def test_worker_processes_give_the_same_store_as_one_process(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 9)
    (corpus / "doc0000_copy.txt").write_text((corpus / "doc0000.txt").read_text("utf-8"),
                                             encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    one = run([corpus], tmp_path / "one.db", Config(jobs=1), progress=False)
    two = run([corpus], tmp_path / "two.db", Config(jobs=2, parallel_min_docs=1),
              progress=False)
    assert one.processed == two.processed == 10
    assert [e.path for e in one.errors] == [e.path for e in two.errors]
    assert state(tmp_path / "two.db") == state(tmp_path / "one.db")


def test_a_stage_failing_in_a_worker_is_reported_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 5)
    real = pipeline.STAGES[-1]

    def boom(doc: Document, ctx: Context) -> None:
        if doc.file == "doc0002.txt":
            raise ValueError("bad luck")
        real.run(doc, ctx)

    monkeypatch.setattr(pipeline, "STAGES", pipeline.STAGES[:-1] + (
        pipeline.Stage(real.name, real.requires, real.assigns, boom),))
    summary = run([corpus], tmp_path / "d.db", Config(jobs=2, parallel_min_docs=1),
                  progress=False)
    assert summary.processed == 4
    assert [(e.path, "ValueError: bad luck" in e.reason) for e in summary.errors] == \
        [("doc0002.txt", True)]
