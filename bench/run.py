"""Benchmark of the whole dyad pipeline on synthetic corpora (`dyad.synth`).

    python bench/run.py --sizes 1000 10000 [--repeat 3] [--seed 0] [--out bench/results/x.json]
                        [--profile bench/results/profile.txt]

For each size it generates a corpus (cached per size and seed under --cache), then runs
`dyad.pipeline.run` in a fresh subprocess per repeat, so that each run's peak RSS is its
own. The child times the run; the pipeline itself reports the read / process / link phases
and the store and dedup steps within them (`RunSummary.phase_seconds`, `step_seconds`) and,
through the stage timer (`stage.Context.timer`), each per-document stage of
`dyad.pipeline.STAGES`; the child also samples its RSS every few hundred documents, and
every half second the proportional set size (PSS) of itself and its worker processes
summed: the memory the run holds, pages the workers share by fork counted once (the peak
RSS of main + jobs x worker counts them in every process, an upper bound). It
checks the result against the corpus's hidden answer key (language, near-duplicates, posts
after dedup). The parent reports medians over repeats (documents per second, seconds per
phase and stage, peak RSS, store size), the scaling of linking time between sizes, whether
the targets hold, and writes it all to a JSON file. `--profile` adds one cProfile run of the
largest size and writes the top 30 functions (by own time and by cumulative time).

Timings are noisy: this is not part of the test suite (tests/test_bench_smoke.py only runs
it on 50 documents).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

SCHEMA = "dyad-bench/1"
REPO = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "dyad-bench-cache"
TARGETS = {"docs_per_second": 50.0, "peak_rss_mib": 1024.0, "link_ratio_per_size_ratio": 1.2}

RSS_EVERY = 250            # documents between two samples of the child's RSS while processing


# ---------------------------------------------------------------- the child: one timed run


class StageClock:
    """The pipeline's stage timer: seconds and calls per stage, and the RSS after every
    RSS_EVERY documents (counted by the first stage's calls)."""

    def __init__(self, first_stage: str) -> None:
        self.first = first_stage
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.documents = 0
        self.rss: list[tuple[int, int]] = []

    def __call__(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.calls[stage] = self.calls.get(stage, 0) + 1
        if stage == self.first:
            self.documents += 1
            if self.documents % RSS_EVERY == 0:
                self.rss.append((self.documents, current_rss()))


def current_rss() -> int:
    """Resident set size of this process now, in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def peak_rss(who: int = resource.RUSAGE_SELF) -> int:
    """Peak resident set size of this process (or, RUSAGE_CHILDREN, of the largest of its
    finished children: the worker processes), in bytes (ru_maxrss is KiB on Linux)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss * scale


def _pss(pid: int) -> int:
    """Proportional set size of a process in bytes (its private pages, and its share of the
    pages it shares, such as the tables workers inherit by fork); 0 when unreadable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    return out


class PssSampler:
    """Samples, every INTERVAL seconds in a thread, the summed proportional set size of this
    process and its children (the workers): what the run holds in memory, pages shared by
    fork counted once. Keeps the peak and a sample every SERIES_EVERY seconds."""

    INTERVAL = 0.5
    SERIES_EVERY = 10.0

    def __init__(self) -> None:
        self.peak = 0
        self.series: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PssSampler:
        if os.path.exists("/proc/self/smaps_rollup"):
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        me, start, last = os.getpid(), time.perf_counter(), -1e9
        while not self._stop.wait(self.INTERVAL):
            total = _pss(me) + sum(_pss(c) for c in _children(me))
            self.peak = max(self.peak, total)
            now = time.perf_counter() - start
            if now - last >= self.SERIES_EVERY:
                self.series.append((round(now, 1), total))
                last = now


def store_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"))
               if p.exists())


def check_truth(db: Path, corpus: Path) -> dict[str, Any] | None:
    """The run's output against the corpus's answer key: language accuracy, near-duplicate
    precision and recall (reprints), channel dumps with the right number of posts."""
    truth_file = corpus / ".truth.jsonl"
    if not truth_file.is_file():
        return None
    truth = {}
    for line in truth_file.read_text(encoding="utf-8").splitlines():
        t = json.loads(line)
        truth[t["file"]] = t
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = conn.execute("SELECT id, file, language, duplicate_of FROM documents").fetchall()
        kept = dict(conn.execute(
            "SELECT doc_id, count(*) FROM posts WHERE duplicate_of IS NULL "
            "AND coalesce(text, '') != '' GROUP BY doc_id").fetchall())
        conn.close()
    except sqlite3.Error as e:
        return {"error": str(e)}
    lang_ok = dumps = dumps_ok = found = found_ok = 0
    for doc_id, file, language, dup in rows:
        t = truth.get(file)
        if t is None:
            continue
        lang_ok += language == t["language"]
        if dup:
            found += 1
            found_ok += dup == t.get("reprint_of")
        if t["format"] == "telegram-dump":
            dumps += 1
            dumps_ok += kept.get(doc_id, 0) == t["posts_distinct"]
    reprints = sum(1 for t in truth.values() if t.get("reprint_of"))
    try:
        links = check_links(db, truth)
    except sqlite3.Error as e:
        links = {"error": str(e)}
    return {"documents": len(rows), "expected_documents": len(truth),
            "language_accuracy": round(lang_ok / max(1, len(rows)), 4),
            "near_duplicates_found": found, "reprints": reprints,
            "near_duplicate_precision": round(found_ok / found, 4) if found else None,
            "near_duplicate_recall": round(found_ok / reprints, 4) if reprints else None,
            "dumps_with_right_posts": dumps_ok, "dumps": dumps, "links": links}


def check_links(db: Path, truth: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Links against the answer key, by pairs of documents: reuse pairs whose documents
    report a common story (or one reprints the other); pairs of documents put together by an
    event cluster that report a common story; by a quote cluster, that print a common quote
    (story and statement). Template sentences the generator shares between unrelated
    stories are real shared passages, so reuse pairs outside a story are not errors."""
    def stories(f: str) -> set[str]:
        return set(truth.get(f, {}).get("stories") or ())

    def quotes(f: str) -> set[str]:
        return set(truth.get(f, {}).get("quotes") or ())

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        pairs = conn.execute("SELECT a, b FROM reuse").fetchall()
        members: dict[str, dict[str, set[str]]] = {"events": {}, "quotes": {}}
        for table, found in members.items():
            for cluster, file in conn.execute(
                    f"SELECT x.cluster, d.file FROM {table} x JOIN documents d ON d.id = x.doc_id "
                    "WHERE x.cluster IS NOT NULL"):
                found.setdefault(cluster, set()).add(file)
    finally:
        conn.close()
    same_story = sum(1 for a, b in pairs if stories(a) & stories(b)
                     or truth.get(a, {}).get("reprint_of") == b
                     or truth.get(b, {}).get("reprint_of") == a)
    out: dict[str, Any] = {"reuse_pairs": len(pairs), "reuse_pairs_same_story": same_story}
    for table, right, key in (("events", lambda a, b: bool(stories(a) & stories(b)), "stories"),
                              ("quotes", lambda a, b: bool(quotes(a) & quotes(b)), "quotes")):
        n = ok = 0
        for files in members[table].values():
            ordered = sorted(files)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    n += 1
                    ok += right(a, b)
        kind = table[:-1]
        out[f"{kind}_clusters"] = len(members[table])
        out[f"{kind}_document_pairs"] = n
        out[f"{kind}_pair_precision"] = round(ok / n, 4) if n else None
        out[f"{kind}_pair_recall"] = _pair_recall(members[table], truth, key)
    return out


def _pair_recall(clusters: dict[str, set[str]], truth: dict[str, dict[str, Any]],
                 key: str) -> float | None:
    """Share of the pairs of documents the answer key says report a common story (or print
    a common quote) that one cluster puts together. A pair counts even when dyad found no
    event or quote in one of them, so this is a floor, for comparing runs."""
    holders: dict[str, set[str]] = {}
    for file, t in truth.items():
        for x in t.get(key) or ():
            holders.setdefault(x, set()).add(file)
    together: dict[str, set[str]] = {}
    for cluster, files in clusters.items():
        for f in files:
            together.setdefault(f, set()).add(cluster)
    pairs = {(a, b) for files in holders.values() for a in files for b in files if a < b}
    if not pairs:
        return None
    found = sum(1 for a, b in pairs if together.get(a, set()) & together.get(b, set()))
    return round(found / len(pairs), 4)


def child(corpus: Path, db: Path, result: Path, profile_out: Path | None, jobs: int) -> int:
    started = time.perf_counter()
    import dyad.pipeline as pipeline
    from dyad.config import Config
    from dyad.workers import jobs_for

    import_seconds = time.perf_counter() - started
    rss_import = current_rss()
    clock = StageClock(pipeline.STAGES[0].name)
    profiler = None
    if profile_out is not None:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
    t0 = time.perf_counter()
    # a profiled run keeps every stage in this process, where the profiler sees it
    config = Config(jobs=1 if profiler is not None else jobs)
    with PssSampler() as pss:
        summary = pipeline.run([corpus], db, config, progress=False, timer=clock)
    seconds = time.perf_counter() - t0
    if profiler is not None:
        profiler.disable()
        write_profile(profiler, profile_out, seconds)  # type: ignore[arg-type]
    documents = int(summary.totals.get("documents", 0))
    timers = {**{f"phase:{k}": v for k, v in summary.phase_seconds.items()},
              **{f"stage:{k}": v for k, v in clock.seconds.items()},
              **summary.step_seconds}
    out = {
        "documents": documents,
        "processed": summary.processed,
        "errors": len(summary.errors),
        "totals": summary.totals,
        "seconds": round(seconds, 4),
        "docs_per_second": round(documents / seconds, 2) if seconds else None,
        "import_seconds": round(import_seconds, 4),
        "timers": {k: round(v, 4) for k, v in sorted(timers.items())},
        "stage_calls": dict(sorted(clock.calls.items())),
        "jobs": jobs_for(config),
        "peak_rss_bytes": peak_rss(),
        "peak_rss_worker_bytes": peak_rss(resource.RUSAGE_CHILDREN),
        "peak_pss_total_bytes": pss.peak,
        "pss_total_series": pss.series,                 # [seconds into the run, bytes]
        "rss_after_import_bytes": rss_import,
        "rss_while_processing_bytes": clock.rss,        # [documents processed, RSS]
        "rss_after_run_bytes": current_rss(),
        "store_bytes": store_bytes(db),
        "accuracy": check_truth(db, corpus),
    }
    result.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


def write_profile(profiler: Any, path: Path, seconds: float) -> None:
    import pstats

    buf = io.StringIO()
    stats = pstats.Stats(profiler, stream=buf)
    buf.write(f"# cProfile of one dyad pipeline run ({seconds:.1f} s with profiling)\n\n")
    buf.write("## top 30 by own time (tottime)\n")
    stats.sort_stats("tottime").print_stats(30)
    buf.write("\n## top 30 by cumulative time\n")
    stats.sort_stats("cumulative").print_stats(30)
    buf.write("\n## who calls the regular expressions (own time of re.Pattern methods)\n")
    stats.sort_stats("tottime").print_callers(r"method '(search|match|sub|findall|finditer)'")
    text = buf.getvalue()
    for prefix in sorted({str(REPO / "src") + os.sep, str(Path(sys.prefix)) + os.sep,
                          str(Path(sys.base_prefix)) + os.sep}, key=len, reverse=True):
        text = text.replace(prefix, "")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- the parent


def corpus_for(size: int, seed: int, cache: Path) -> tuple[Path, dict[str, Any]]:
    """The cached synthetic corpus of `size` documents (generated when missing or stale)."""
    from dyad.synth import generate
    from dyad.synth.corpus import MARKER, VERSION

    folder = cache / f"n{size}-s{seed}"
    marker = folder / MARKER
    if marker.is_file():
        info = json.loads(marker.read_text(encoding="utf-8"))
        if info.get("generator") == VERSION and info.get("n") == size and info.get("seed") == seed:
            return folder, {"cached": True, "files": info.get("files"),
                            "bytes": info.get("bytes"), "generate_seconds": None}
    stats = generate(folder, size, seed, overwrite=True)
    return folder, {"cached": False, "files": stats.files, "bytes": stats.bytes,
                    "generate_seconds": stats.seconds, "by_format": stats.by_format,
                    "by_language": stats.by_language, "stories": stats.stories}


def run_child(corpus: Path, work: Path, tag: str, timeout: float,
              profile_out: Path | None = None, jobs: int = 0) -> dict[str, Any]:
    db = work / f"{tag}.db"
    result = work / f"{tag}.json"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), result):
        p.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), str(db),
           str(result), "--jobs", str(jobs)]
    if profile_out is not None:
        cmd += ["--profile-out", str(profile_out)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - start
    if proc.returncode != 0 or not result.is_file():
        raise RuntimeError(f"benchmark run {tag} failed (exit {proc.returncode}):\n"
                           f"{proc.stderr[-3000:]}")
    out = json.loads(result.read_text(encoding="utf-8"))
    out["wall_seconds"] = round(wall, 3)
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), result):
        p.unlink(missing_ok=True)
    return out


def _workers(run: dict[str, Any]) -> int:
    """Worker processes of a run (none when it processed in its own process)."""
    jobs = run.get("jobs", 1)
    return jobs if jobs > 1 else 0


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    def med(values: list[float]) -> float:
        return round(statistics.median(values), 4)

    labels = sorted({k for r in runs for k in r["timers"]})
    timers = {k: med([r["timers"].get(k, 0.0) for r in runs]) for k in labels}
    seconds = med([r["seconds"] for r in runs])
    documents = runs[0]["documents"]
    return {
        "documents": documents,
        "seconds": seconds,
        "docs_per_second": round(documents / seconds, 2) if seconds else None,
        "wall_seconds": med([r["wall_seconds"] for r in runs]),
        "phases": {k[6:]: v for k, v in timers.items() if k.startswith("phase:")},
        "stages": {k[6:]: v for k, v in timers.items() if k.startswith("stage:")},
        "steps": {k: v for k, v in timers.items() if not k.startswith(("phase:", "stage:"))},
        "peak_rss_main_mib": round(
            statistics.median([r["peak_rss_bytes"] for r in runs]) / 2**20, 1),
        "peak_rss_worker_mib": round(
            statistics.median([r.get("peak_rss_worker_bytes", 0) for r in runs]) / 2**20, 1),
        "jobs": runs[0].get("jobs", 1),
        # main process plus every worker at the largest worker's peak (an upper bound:
        # forked workers share the pages they did not write)
        "peak_rss_mib": round(statistics.median(
            [r["peak_rss_bytes"] + _workers(r) * r.get("peak_rss_worker_bytes", 0)
             for r in runs]) / 2**20, 1),
        # what the run's processes hold together, pages shared by fork counted once
        # (sampled every half second; 0 where /proc has no smaps_rollup)
        "peak_pss_mib": round(statistics.median(
            [r.get("peak_pss_total_bytes", 0) for r in runs]) / 2**20, 1),
        "rss_after_import_mib": round(
            statistics.median([r["rss_after_import_bytes"] for r in runs]) / 2**20, 1),
        "store_mib": round(statistics.median([r["store_bytes"] for r in runs]) / 2**20, 2),
    }


def scaling(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Linking (and whole-run) time ratios between consecutive sizes."""
    out = []
    ordered = sorted(results, key=lambda r: r["n"])
    for small, big in zip(ordered, ordered[1:]):
        ls = small["median"]["phases"].get("link")
        lb = big["median"]["phases"].get("link")
        size_ratio = big["n"] / small["n"]
        link_ratio = round(lb / ls, 2) if ls and lb is not None else None
        out.append({"from": small["n"], "to": big["n"], "size_ratio": round(size_ratio, 2),
                    "link_ratio": link_ratio,
                    "run_ratio": round(big["median"]["seconds"] / small["median"]["seconds"], 2),
                    "peak_rss_ratio": round(big["median"]["peak_rss_mib"]
                                            / small["median"]["peak_rss_mib"], 2),
                    "link_within_target": (link_ratio is not None and link_ratio
                                           <= TARGETS["link_ratio_per_size_ratio"] * size_ratio)})
    return out


def git_state() -> dict[str, Any]:
    """The commit measured, and whether src/ had uncommitted changes."""
    def git(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                                 timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return out.stdout.strip() if out.returncode == 0 else None

    status = git("status", "--porcelain", "--", "src")
    return {"commit": git("rev-parse", "HEAD"),
            "src_changed": bool(status) if status is not None else None}


def targets(results: list[dict[str, Any]], scale: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "docs_per_second_min": TARGETS["docs_per_second"],
        "docs_per_second_met": all((r["median"]["docs_per_second"] or 0)
                                   >= TARGETS["docs_per_second"] for r in results),
        "peak_rss_mib_max": TARGETS["peak_rss_mib"],
        # the memory the run holds: summed PSS where measured, else the RSS bound
        "peak_rss_met": all((r["median"].get("peak_pss_mib") or r["median"]["peak_rss_mib"])
                            <= TARGETS["peak_rss_mib"] for r in results),
        "link_ratio_per_size_ratio_max": TARGETS["link_ratio_per_size_ratio"],
        "link_scaling_met": all(s["link_within_target"] for s in scale) if scale else None,
    }


def report_line(r: dict[str, Any]) -> str:
    m = r["median"]
    phases = " ".join(f"{k}={v:.2f}s" for k, v in m["phases"].items())
    stages = " ".join(f"{k}={v:.2f}s" for k, v in m["stages"].items())
    return (f"n={r['n']:>6}: {m['docs_per_second']:>7.1f} docs/s, run {m['seconds']:.1f} s "
            f"[{phases}] stages [{stages}], peak PSS {m.get('peak_pss_mib', 0):.0f} MiB "
            f"(RSS bound {m['peak_rss_mib']:.0f}), "
            f"store {m['store_mib']:.1f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None,
                        help="result JSON (default bench/results/bench-<time>.json)")
    parser.add_argument("--profile", type=Path, default=None,
                        help="also profile one run of the largest size; top-30 text file here")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help="where generated corpora are kept between runs")
    parser.add_argument("--work", type=Path, default=None,
                        help="where run stores are written (default: a temporary folder)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per run")
    parser.add_argument("--jobs", type=int, default=0,
                        help="worker processes of the pipeline (0: one per core; 1: none)")
    parser.add_argument("--child", nargs=3, metavar=("CORPUS", "DB", "RESULT"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        corpus, db, result = (Path(x) for x in args.child)
        return child(corpus, db, result, args.profile_out, args.jobs)

    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out_path = args.out or REPO / "bench" / "results" / f"bench-{stamp}.json"
    work = args.work or Path(tempfile.mkdtemp(prefix="dyad-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for size in sorted(set(args.sizes)):
            corpus, gen = corpus_for(size, args.seed, args.cache)
            runs = [run_child(corpus, work, f"n{size}-r{r}", args.timeout, jobs=args.jobs)
                    for r in range(max(1, args.repeat))]
            entry = {"n": size, "corpus": str(corpus), "generate": gen, "runs": runs,
                     "median": median_of(runs), "accuracy": runs[-1].get("accuracy")}
            results.append(entry)
            print(report_line(entry), flush=True)
        profile = None
        if args.profile is not None:
            size = max(args.sizes)
            corpus, _ = corpus_for(size, args.seed, args.cache)
            prof_run = run_child(corpus, work, f"n{size}-profile", args.timeout * 3,
                                 profile_out=args.profile.resolve())
            profile = {"n": size, "file": str(args.profile), "seconds": prof_run["seconds"]}
            print(f"profile of n={size} written to {args.profile}", flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    scale = scaling(results)
    data = {
        "schema": SCHEMA,
        "created": stamp,
        "git": git_state(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "args": {"sizes": sorted(set(args.sizes)), "repeat": args.repeat, "seed": args.seed},
        "sizes": results,
        "scaling": scale,
        "targets": targets(results, scale),
        "profile": profile,
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    for s in scale:
        print(f"{s['from']} -> {s['to']} documents (x{s['size_ratio']}): linking x{s['link_ratio']}"
              f", whole run x{s['run_ratio']}, peak RSS x{s['peak_rss_ratio']}")
    print(f"targets: {json.dumps(data['targets'])}")
    print(f"wrote {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
