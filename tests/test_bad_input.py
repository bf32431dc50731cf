"""Files that cannot be read must give a clear reason (naming the file), never a crash, and
must not stop the other files: binary files, empty and blank files, wrong encodings, broken
JSON, oversized and pathological content."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from dyad import ingest
from dyad.config import Config
from dyad.errors import InputError
from dyad.ingest import html, jsonl, telegram, text
from dyad.ingest.decode import decode
from dyad.pipeline import run
from dyad.records import Given

CFG = Config()


def reason(parse, data: bytes, path: str = "f.txt", config: Config = CFG) -> str:
    with pytest.raises(InputError) as e:
        parse(path, data, Given(), config)
    assert e.value.path == path
    return e.value.reason


@pytest.mark.parametrize("data,named", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
    (b"GIF89a\x01\x00\x01\x00", "GIF"),
    (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml", "Word"),
    (b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml", "Excel"),
    (b"PK\x03\x04\x14\x00", "ZIP"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    (b"SQLite format 3\x00\x10\x00", "SQLite"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "OLE2"),
    (b"{\\rtf1\\ansi Hola}", "RTF"),
])
@pytest.mark.parametrize("parse", [text.parse, html.parse, jsonl.parse, telegram.parse_export])
def test_binary_files_are_named(parse, data: bytes, named: str) -> None:
    r = reason(parse, data)
    assert r.startswith("not a text file") and named in r


def test_random_bytes_are_binary() -> None:
    data = random.Random(7).randbytes(4096)
    assert "binary data" in reason(text.parse, data)


@pytest.mark.parametrize("parse", [text.parse, html.parse, jsonl.parse, telegram.parse_export])
def test_empty_and_whitespace_only(parse) -> None:
    assert "empty file" in reason(parse, b"")
    assert "whitespace" in reason(parse, b"  \n\r\n\t  \n")


def test_blank_with_invisible_characters() -> None:
    assert "whitespace" in reason(text.parse, "\ufeff \u200b\n\u00a0\n".encode())


def test_latin1_bytes_say_where_and_what_to_do() -> None:
    data = ("Le ministre a déclaré que la coopération continuerait. " * 3).encode("latin-1")
    r = reason(text.parse, data)
    assert r.startswith("not valid UTF-8 (invalid byte 0xE9 at offset 15)")
    assert "--encoding cp1252" in r


def test_cp1251_bytes_suggest_cp1251() -> None:
    data = "Министр иностранных дел заявил о сотрудничестве.".encode("cp1251")
    assert "--encoding cp1251" in reason(text.parse, data)


def test_utf16_with_bom_is_accepted() -> None:
    body = "Canciller Gil: «Venezuela y Rusia son aliados».\r\nSegunda línea."
    doc = text.parse("u.txt", "\ufeff".encode("utf-16-le") + body.encode("utf-16-le"), Given(),
                     CFG).documents[0]
    assert doc.raw_text == "Canciller Gil: «Venezuela y Rusia son aliados».\nSegunda línea."
    doc = text.parse("u.txt", body.encode("utf-16"), Given(), CFG).documents[0]   # BOM + native
    assert doc.raw_text.startswith("Canciller Gil")


def test_unknown_or_wrong_forced_encoding() -> None:
    assert "unknown encoding 'klingon'" in reason(text.parse, b"abc def", config=Config(encoding="klingon"))
    r = reason(text.parse, "日本語のテキスト".encode("utf-8"), config=Config(encoding="ascii"))
    assert r.startswith("cannot be decoded as ascii")


def test_text_that_is_junk() -> None:
    assert "no letters" in reason(text.parse, b"12345 678 90 -- 11:30 / 2023 !!! ???\n" * 5)
    junk = ("\x01\x02\x03\x04\x05\x06" * 30 + "abc").encode()
    assert "binary" in reason(text.parse, junk)
    mostly_replacement = ("\ufffd" * 50 + " ab").encode()
    assert "does not look like text" in reason(text.parse, mostly_replacement)


def test_broken_json_and_json_that_is_not_an_export() -> None:
    r = reason(telegram.parse_export, b'{\n  "name": "Canal",\n  "messages": [\n    {"id": 1,,}\n', "r.json")
    assert r.startswith("not valid JSON") and "line 4, column" in r
    assert "no 'messages' list" in reason(telegram.parse_export, b'{"name": "x"}', "r.json")
    assert "nested too deeply" in reason(telegram.parse_export, b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "r.json")
    assert "not valid UTF-8" in reason(telegram.parse_export, b'{"name": "Caf\xe9", "messages": []}', "r.json")


def test_jsonl_with_some_bad_lines_keeps_the_good_ones() -> None:
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    data = "\n".join([json.dumps({"text": "Lavrov llegó a Caracas."}), deep, "garbage",
                      json.dumps({"text": "Gil viajó a Moscú."})]).encode() + b"\n\xff\xfe{}\n"
    parsed = jsonl.parse("f.jsonl", data, Given(), CFG)
    assert [d.raw_text for d in parsed.documents] == ["Lavrov llegó a Caracas.", "Gil viajó a Moscú."]
    reasons = [p.reason for p in parsed.problems]
    assert reasons[0] == "line 2: JSON nested too deeply"
    assert reasons[1].startswith("line 3: not valid JSON")
    assert reasons[2].startswith("line 5: not valid UTF-8")


def test_jsonl_many_bad_lines_are_counted_not_listed() -> None:
    data = b"\n".join([b'{"text": "ok"}'] + [b"{bad"] * 500)
    parsed = jsonl.parse("f.jsonl", data, Given(), CFG)
    assert len(parsed.problems) == jsonl.MAX_PROBLEMS + 1
    assert parsed.problems[-1].reason == f"... and {500 - jsonl.MAX_PROBLEMS} more bad lines"


def test_single_huge_line() -> None:
    line = ("Lavrov " * 1_500_000).encode()                       # ~10 MB, one line
    doc = text.parse("big.txt", line, Given(), CFG).documents[0]
    assert len(doc.raw_text) == len(line)
    data = b'{"text": "' + line + b'"}\n'
    assert len(jsonl.parse("big.jsonl", data, Given(), CFG).documents) == 1
    assert decode("x.txt", b"x" * 5_000_000, None).startswith("xxx")


def _source(tmp_path: Path, name: str) -> ingest.SourceFile:
    (src,) = [s for s in ingest.discover([tmp_path]).sources if s.path == name]
    return src


def test_oversized_files_are_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:                                   # sparse: costs no disk
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match=r"file is 50 MiB, over the 20 MiB limit for \.txt"):
        ingest.load(_source(tmp_path, "huge.txt"), CFG)
    (tmp_path / "small.jsonl").write_bytes(b'{"text": "' + b"a" * 5000 + b'"}')
    with pytest.raises(InputError, match="over the"):
        ingest.load(_source(tmp_path, "small.jsonl"), Config(max_export_bytes=1000))


def test_a_run_reports_each_bad_file_and_keeps_the_good(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text("La cancillería rusa anunció la visita de Lavrov.",
                                     encoding="utf-8")
    (corpus / "utf16.txt").write_bytes("Rysslands utrikesminister besökte Caracas.".encode("utf-16"))
    with open(corpus / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    (corpus / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x00")
    (corpus / "noise.txt").write_bytes(os.urandom(2048).replace(b"\x00", b"\x01") + b"\x00")
    (corpus / "empty.html").write_bytes(b"")
    (corpus / "broken.json").write_bytes(b'{"messages": [')
    (corpus / "mixed.jsonl").write_bytes(b'{"text": "Texto bueno sobre Brasil."}\n{oops\n')
    (corpus / "manifest.jsonl").write_bytes(b'{"file": "good.txt", "published": "yesterday"}\n')
    summary = run([corpus], tmp_path / "x.db", progress=False)
    errors = {e.path: e.reason for e in summary.errors}
    assert set(errors) == {"huge.txt", "scan.txt", "noise.txt", "empty.html", "broken.json",
                           "mixed.jsonl", "manifest.jsonl"}
    assert "limit" in errors["huge.txt"] and "PDF" in errors["scan.txt"]
    assert "binary" in errors["noise.txt"] and "empty" in errors["empty.html"]
    assert "not valid JSON" in errors["broken.json"] and errors["mixed.jsonl"].startswith("line 2:")
    assert "bad date 'yesterday'" in errors["manifest.jsonl"]
    assert summary.totals.get("documents") == 3        # good.txt, utf16.txt, mixed.jsonl#1


def test_jsonl_saved_as_json_gets_a_hint() -> None:
    data = b'{"text": "Uno."}\n{"text": "Dos."}\n'
    assert "name it .jsonl" in reason(telegram.parse_export, data, "a.json")


def test_a_bad_beat_file_stops_the_run_before_the_store_is_touched(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dyad.cli import main
    (tmp_path / "a.txt").write_text("Lavrov met Gil in Moscow on Monday.\n", encoding="utf-8")
    beat = tmp_path / "beat.yaml"
    beat.write_text("codes: [LAC\n", encoding="utf-8")
    db = tmp_path / "s.db"
    res = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--db", str(db),
                                    "--beat", str(beat), "--quiet"])
    assert res.exit_code != 0
    assert "beat.yaml: not valid YAML" in res.output
    assert not db.exists()
