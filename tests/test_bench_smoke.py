"""Smoke test of the benchmark (bench/run.py): one run on 50 synthetic documents writes a
result file with every field the benchmark reports. Timings themselves are not checked."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_benchmark_runs_on_50_documents(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    profile = tmp_path / "profile.txt"
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "50", "--repeat", "1",
         "--out", str(out), "--cache", str(tmp_path / "cache"), "--work", str(tmp_path / "work"),
         "--profile", str(profile)],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert time.perf_counter() - started < 60
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "dyad-bench/1"
    assert {"machine", "args", "sizes", "scaling", "targets", "git", "profile"} <= set(data)
    (entry,) = data["sizes"]
    assert entry["n"] == 50
    assert entry["generate"]["files"] > 0
    assert len(entry["runs"]) == 1
    m = entry["median"]
    assert m["documents"] == 50
    assert m["docs_per_second"] > 0
    assert {"read", "process", "link"} <= set(m["phases"])
    assert m["stages"] and all(v >= 0 for v in m["stages"].values())     # per-stage timers
    assert m["peak_rss_mib"] > 0 and m["store_mib"] > 0
    acc = entry["accuracy"]
    assert acc["documents"] == acc["expected_documents"] == 50
    assert 0 <= acc["language_accuracy"] <= 1
    assert "docs_per_second_met" in data["targets"]
    assert "top 30 by own time" in profile.read_text(encoding="utf-8")
    assert not list((tmp_path / "work").glob("*.db"))
