"""The synthetic corpus generator (dyad.synth): deterministic output, every format and
language present, stories overlapping across languages, article sizes, templates that fill
in every language, and a corpus the pipeline reads without errors."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

import pytest

from dyad.synth import generate
from dyad.synth.__main__ import main as synth_main
from dyad.synth.channels import channel_name, post
from dyad.synth.corpus import MARKER, TRUTH, plan
from dyad.synth.registry import LANGUAGES, story_kinds, templates
from dyad.synth.render import outline, quote_line
from dyad.synth.stories import Story, filler, make_story


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _truth(root: Path) -> list[dict]:
    return [json.loads(line) for line in (root / TRUTH).read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "c"
    generate(out, 400, seed=7)
    return out


def test_same_seed_gives_same_bytes(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 80, seed=3)
    b = generate(tmp_path / "b", 80, seed=3)
    c = generate(tmp_path / "c", 80, seed=4)
    fa, fb, fc = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert fa == fb
    assert fa != fc
    assert a.documents == b.documents == 80
    assert (a.files, a.bytes) == (b.files, b.bytes)


def test_document_count_and_format_shares() -> None:
    formats = plan(1000, random.Random(0))
    assert len(formats) == 1000
    share = {f: formats.count(f) / 1000 for f in set(formats)}
    assert share["article"] == pytest.approx(0.60, abs=0.01)
    for f in ("statement", "html", "dump"):
        assert share[f] == pytest.approx(0.10, abs=0.01)
    assert share["export"] > 0 and share["jsonl"] > 0


def test_formats_and_languages_present(corpus: Path) -> None:
    truth = _truth(corpus)
    assert len(truth) == 400
    assert {t["format"] for t in truth} == {"txt", "html", "telegram-dump", "telegram-json",
                                            "jsonl"}
    assert {t["language"] for t in truth} == set(LANGUAGES)
    assert {t["kind"] for t in truth} >= {"article", "statement", "channel"}
    assert list(corpus.glob("telegram/*/result.json"))
    assert (corpus / "feed.jsonl").is_file()
    manifest = [json.loads(x) for x in (corpus / "manifest.jsonl").read_text("utf-8").splitlines()]
    listed = {m["file"] for m in manifest}
    files = {t["file"] for t in truth if t["file"].endswith((".txt", ".html"))}
    assert listed <= files and len(listed) > 0.6 * len(files)
    assert any("url" in m and "published" in m and "outlet" in m for m in manifest)
    export = json.loads(next(corpus.glob("telegram/*/result.json")).read_text("utf-8"))
    assert export["messages"][0]["type"] == "service"
    assert len(export["messages"]) >= 3


def test_channel_dumps_repeat_posts(corpus: Path) -> None:
    truth = [t for t in _truth(corpus) if t["format"] == "telegram-dump"]
    assert truth
    forwarded = {templates(lang)["telegram"]["forwarded_from"] for lang in LANGUAGES}
    repeated = 0
    for t in truth:
        text = (corpus / t["file"]).read_text("utf-8")
        assert any(f in text for f in forwarded) or ", [" in text
        blocks = text.count("\n#") + 1
        repeated += len(text.splitlines()) > len(set(text.splitlines()))
        assert blocks >= 1
    assert repeated >= len(truth) // 4


def test_stories_overlap_across_languages(corpus: Path) -> None:
    truth = _truth(corpus)
    quote_langs: dict[str, set[str]] = defaultdict(set)
    story_langs: dict[str, set[str]] = defaultdict(set)
    for t in truth:
        for q in t["quotes"]:
            quote_langs[q].add(t["language"])
        for s in t["stories"]:
            story_langs[s].add(t["language"])
    assert any(len(v) >= 2 for v in quote_langs.values())
    assert sum(len(v) >= 3 for v in story_langs.values()) >= 5
    reprints = [t for t in truth if t.get("reprint_of")]
    assert reprints
    by_file = {t["file"]: t for t in truth}
    for r in reprints:
        original = by_file[r["reprint_of"]]
        assert original["language"] == r["language"] and original["stories"] == r["stories"]


def test_a_quote_is_translated() -> None:
    rng = random.Random(1)
    story = make_story(rng, 0)
    texts = {lang: quote_line(filler(story, lang), story, rng, 0, via="X") for lang in LANGUAGES}
    assert len(set(texts.values())) == len(LANGUAGES)


def test_article_sizes(corpus: Path) -> None:
    sizes = [(corpus / t["file"]).stat().st_size for t in _truth(corpus)
             if t["format"] == "txt" and t["kind"] in ("article", "blog")]
    assert len(sizes) > 150
    assert all(1024 <= s <= 6144 for s in sizes), (min(sizes), max(sizes))
    assert max(sizes) - min(sizes) > 2000          # lengths vary


def _stories_of_every_kind() -> list[Story]:
    rng = random.Random(0)
    found: dict[str, Story] = {}
    for i in range(2000):
        s = make_story(rng, i)
        found.setdefault(s.kind, s)
        if len(found) == len(story_kinds()):
            break
    return list(found.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_template_fills(lang: str) -> None:
    t = templates(lang)
    assert set(t["quotes"]) == set(templates("en")["quotes"])
    assert len(t["topics"]) == len(templates("en")["topics"])
    rng = random.Random(0)
    for story in _stories_of_every_kind():
        f = filler(story, lang)
        for part in ("headline", "lead", "detail"):
            for tpl in t["events"][story.kind][part]:
                assert "{" not in f.fill(tpl)
        for tpl in t["quotes"].values():
            f.fill(tpl)
        for tpl in t["say"]:
            f.fill(tpl, q="q", p=f.base["pa"], via="V")
        for tpl in t["background"]:
            assert "{" not in f.fill(tpl, rng)
        for key, values in t["boilerplate"].items():
            for tpl in values:
                f.fill(tpl, author="A", outlet="O", date="D", time="T", via="V")
        for key in ("title", "body", "closing"):
            for tpl in t["statement"][key]:
                f.fill(tpl)
        for _ in range(5):
            channel_name(story, lang, rng)
            post(story, lang, rng)
        o = outline(story, lang, rng, 2000, "V")
        assert o.headline and len(o.paragraphs) >= 2


def test_refuses_a_folder_that_is_not_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        generate(tmp_path, 10)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_overwrite_replaces_an_earlier_corpus(tmp_path: Path) -> None:
    generate(tmp_path / "c", 30, seed=1)
    with pytest.raises(FileExistsError):
        generate(tmp_path / "c", 30, seed=2)
    generate(tmp_path / "c", 20, seed=2, overwrite=True)
    assert json.loads((tmp_path / "c" / MARKER).read_text())["n"] == 20


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert synth_main([str(tmp_path / "out"), "--n", "25", "--seed", "2"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 25
    assert synth_main([str(tmp_path / "out"), "--n", "25"]) == 1


def test_pipeline_reads_the_corpus(tmp_path: Path) -> None:
    from dyad.pipeline import run

    generate(tmp_path / "c", 60, seed=5)
    truth = {t["file"]: t for t in _truth(tmp_path / "c")}
    summary = run([tmp_path / "c"], tmp_path / "x.db", progress=False)
    assert not summary.errors
    assert summary.totals["documents"] == 60
    import sqlite3
    conn = sqlite3.connect(tmp_path / "x.db")
    fmts = dict(conn.execute("SELECT file, fmt FROM documents").fetchall())
    conn.close()
    assert set(fmts) == set(truth)
    for file, t in truth.items():
        if t["format"] in ("telegram-dump", "telegram-json", "html", "jsonl"):
            assert fmts[file] == t["format"], file
