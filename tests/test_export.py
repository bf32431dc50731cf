"""Export: dyad-output/1 as the shared scorer validates it (every document once, lists present
even when empty, `reuse` present), and the CSV tables."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dyad.errors import StoreError
from dyad.export import export
from dyad.pipeline import run


@pytest.fixture()
def small_db(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Brazil and Russia held talks in Brasília on Monday. "
                                  "The two ministers agreed to expand trade.", encoding="utf-8")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "b.txt").write_text("Los cancilleres de Cuba y Rusia se reunieron en La "
                                          "Habana el jueves para hablar de cooperación.",
                                          encoding="utf-8")
    db = tmp_path / "d.db"
    run([corpus], db, progress=False)
    return db


def test_json_export_follows_the_contract(small_db: Path, tmp_path: Path, scorer: ModuleType) -> None:
    out = tmp_path / "out.json"
    assert export(small_db, "dyad-json", out) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    scorer.validate_pred(data)                     # raises on any breach of dyad-output/1
    assert data["schema"] == "dyad-output/1"
    assert isinstance(data["reuse"], list)
    files = [d["file"] for d in data["documents"]]
    assert files == ["a.txt", "sub/b.txt"]
    for d in data["documents"]:
        assert isinstance(d["events"], list) and isinstance(d["quotes"], list)
        assert isinstance(d["posts"], list) and isinstance(d["cited_sources"], list)
        assert d["text"]


def test_csv_export(small_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    assert export(small_db, "csv", folder) == 2
    for name in ("documents.csv", "events.csv", "quotes.csv"):
        assert (folder / name).is_file()
    rows = list(csv.DictReader((folder / "documents.csv").open(encoding="utf-8")))
    assert [r["file"] for r in rows] == ["a.txt", "sub/b.txt"]


def test_export_of_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        export(tmp_path / "missing.db", "dyad-json", tmp_path / "o.json")
    res = subprocess.run([sys.executable, "-m", "dyad", "export", "--db", str(tmp_path / "nope.db"),
                          "--out", str(tmp_path / "o.json")], capture_output=True, text=True)
    assert res.returncode == 1 and "no such database" in res.stderr
    assert not (tmp_path / "nope.db").exists()


def test_cli_run_prints_a_summary(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "x.txt").write_text("Russia and Venezuela signed an agreement on energy.", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "dyad", "run", str(corpus), "--db",
                          str(tmp_path / "x.db")], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "1 documents" in res.stdout and "0 errors" in res.stdout


def test_cli_run_with_unreadable_files_exits_3_and_names_them(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Russia and Cuba signed a memorandum on energy.", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    res = subprocess.run([sys.executable, "-m", "dyad", "run", str(corpus), "--db",
                          str(tmp_path / "x.db"), "--quiet"], capture_output=True, text=True)
    assert res.returncode == 3
    assert "bad.txt" in res.stderr and "1 errors" in res.stdout and "1 documents" in res.stdout
