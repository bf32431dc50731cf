"""Reading each input format: plain text, HTML (charsets, page metadata), JSON Lines, the
manifest, and the decoding rules they share; then a whole run over a mixed folder."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dyad import ingest
from dyad.config import Config
from dyad.errors import InputError
from dyad.ingest import html, jsonl, text
from dyad.ingest.decode import decode, normalise_newlines
from dyad.ingest.manifest import parse_date, read_manifest
from dyad.pipeline import run
from dyad.records import Given

CFG = Config()

TEXTS = {
    "en": "Russia and Venezuela agreed on Tuesday to expand trade, the foreign ministers said.",
    "es": "Rusia y Venezuela acordaron el martes ampliar el comercio, dijeron los cancilleres.",
    "pt": "A Rússia e o Brasil assinaram um memorando de cooperação energética em Brasília.",
    "ru": "Россия и Венесуэла договорились во вторник расширить торговлю, заявили министры.",
    "fr": "La Russie et Cuba ont signé mardi un accord de coopération à La Havane.",
    "sv": "Ryssland och Venezuela kom på tisdagen överens om att öka handeln, sade ministrarna.",
    "de": "Russland und Nicaragua vereinbarten am Dienstag eine engere Zusammenarbeit.",
    "it": "La Russia e l'Argentina hanno firmato martedì un accordo di cooperazione.",
}


# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_plain_text_in_every_language(code: str) -> None:
    body = f"Título / Headline\r\n\r\n{TEXTS[code]}\r\nSegunda línea.\rTercera."
    parsed = text.parse(f"{code}.txt", body.encode(), Given(language=code), CFG)
    (doc,) = parsed.documents
    assert parsed.fmt == doc.fmt == "txt" and doc.file == doc.source_path == f"{code}.txt"
    assert doc.raw_text == f"Título / Headline\n\n{TEXTS[code]}\nSegunda línea.\nTercera."
    assert doc.given.language == code and not doc.posts


def test_markdown_is_kept_as_written() -> None:
    body = "# Canciller\n\n**Lavrov** llegó a [Caracas](https://example.org).\n"
    assert text.parse("a.md", body.encode(), Given(), CFG).documents[0].raw_text == body


@pytest.mark.parametrize("encoding,bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff"),
                                          ("utf-32-le", b"\xff\xfe\x00\x00")])
def test_byte_order_marks(encoding: str, bom: bytes) -> None:
    body = TEXTS["ru"] + "\n" + TEXTS["fr"]
    assert decode("a.txt", bom + body.encode(encoding), None) == body


def test_utf16_without_bom_and_forced_encoding() -> None:
    assert decode("a.txt", TEXTS["es"].encode("utf-16-le"), None) == TEXTS["es"]
    assert decode("a.txt", TEXTS["ru"].encode("cp1251"), "cp1251") == TEXTS["ru"]
    cfg = Config(encoding="cp1252")
    doc = text.parse("a.txt", TEXTS["fr"].encode("cp1252"), Given(), cfg).documents[0]
    assert doc.raw_text == TEXTS["fr"]


def test_newlines_and_text_otherwise_unchanged() -> None:
    assert normalise_newlines("a\r\nb\rc\u2028d\x85e\x0cf") == "a\nb\nc\nd\ne\nf"
    composed = "ﬁ Ｆｕｌｌ café"                       # no NFKC: ligature and full width stay
    assert decode("a.txt", composed.encode(), None) == composed


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html lang="es"><head><meta charset="{charset}">
<title>Lavrov visita Managua | Diario Ejemplo</title>
<meta property="og:site_name" content="Diario Ejemplo">
<meta name="author" content="Ana Pérez">
<meta property="article:published_time" content="2023-04-19T10:00:00Z">
<link rel="canonical" href="https://diario.example/lavrov-managua"></head>
<body><nav><a href="/">Inicio</a> <a href="/mundo">Mundo</a></nav>
<article><h1>Lavrov visita Managua</h1>
<p>El canciller ruso Serguéi Lavrov llegó el miércoles a Managua para reunirse con su homólogo nicaragüense.</p>
<p>Ambos ministros firmaron un acuerdo de cooperación y discutieron la situación regional.</p></article>
<footer>© 2023 Diario Ejemplo</footer></body></html>"""


def test_html_main_text_lines_and_metadata() -> None:
    parsed = html.parse("p.html", PAGE.format(charset="utf-8").encode(), Given(), CFG)
    (doc,) = parsed.documents
    assert parsed.fmt == doc.fmt == "html"
    lines = doc.raw_text.split("\n")
    assert any(line.startswith("El canciller ruso") for line in lines)
    assert any(line.startswith("Ambos ministros") for line in lines)
    assert "Inicio" not in doc.raw_text
    g = doc.given
    assert g.title == "Lavrov visita Managua" and g.author == "Ana Pérez"
    assert g.sitename == "Diario Ejemplo" and g.page_date == "2023-04-19"
    assert g.url == "https://diario.example/lavrov-managua"
    assert doc.extra.get("html_lang") == "es"


def test_html_manifest_wins() -> None:
    given = Given(title="Título del manifiesto", url="https://m.example/a", published="2023-04-20")
    g = html.parse("p.html", PAGE.format(charset="utf-8").encode(), given, CFG).documents[0].given
    assert g.title == "Título del manifiesto" and g.url == "https://m.example/a"
    assert g.published == "2023-04-20" and g.author == "Ana Pérez"


@pytest.mark.parametrize("charset,codec", [("windows-1252", "cp1252"), ("ISO-8859-1", "cp1252"),
                                           ("utf-8", "utf-8")])
def test_html_declared_charset(charset: str, codec: str) -> None:
    data = PAGE.format(charset=charset).encode(codec)
    doc = html.parse("p.html", data, Given(), CFG).documents[0]
    assert "Serguéi Lavrov llegó el miércoles" in doc.raw_text


def test_html_cyrillic_charset_in_http_equiv() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            f"</head><body><article><p>{TEXTS['ru']}</p><p>{TEXTS['ru']}</p></article></body></html>")
    doc = html.parse("r.htm", page.encode("cp1251"), Given(), CFG).documents[0]
    assert TEXTS["ru"] in doc.raw_text


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(InputError, match="no main text found in the HTML"):
        html.parse("e.html", b"<html><head><title>x</title></head><body><script>var a = 1;"
                             b"</script></body></html>", Given(), CFG)


# ---------------------------------------------------------------- JSON Lines


def _jsonl(*records: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                     for r in records).encode()


def test_jsonl_documents_names_metadata_and_extra() -> None:
    data = _jsonl(
        {"id": "ru-1", "text": TEXTS["ru"], "url": "https://tass.example/1", "outlet": "ТАСС",
         "date": "2023-11-16T10:00:00+03:00", "lang": "ru-RU", "section": "Мир", "views": 120,
         "tags": ["a", "b"]},
        {"text": TEXTS["pt"], "title": "Memorando", "published": "2023-11", "kind": "article",
         "author": ["Ana", "João"]},
        "",
        {"file": "sv/artikel.txt", "text": TEXTS["sv"], "paywall": False},
    )
    parsed = jsonl.parse("in/feed.jsonl", data, Given(outlet="Feed", language="en"), CFG)
    assert parsed.fmt == "jsonl" and not parsed.problems
    a, b, c = parsed.documents
    assert [d.file for d in parsed.documents] == ["ru-1", "in/feed.jsonl#2", "sv/artikel.txt"]
    assert all(d.source_path == "in/feed.jsonl" and d.fmt == "jsonl" for d in parsed.documents)
    assert a.raw_text == TEXTS["ru"]
    assert (a.given.url, a.given.outlet, a.given.published, a.given.language) == \
        ("https://tass.example/1", "ТАСС", "2023-11-16", "ru")
    assert a.extra == {"section": "Мир", "views": "120"}
    assert (b.given.title, b.given.published, b.given.kind, b.given.author) == \
        ("Memorando", "2023-11", "article", "Ana, João")
    assert (b.given.outlet, b.given.language) == ("Feed", "en")      # from the file's entry
    assert c.extra == {"paywall": "false"}


def test_jsonl_bad_lines_are_reported_and_the_rest_read() -> None:
    data = _jsonl({"text": TEXTS["es"]}, "{not json", "[1, 2]", {"title": "sin texto"},
                  {"content": "otro nombre"}, {"text": TEXTS["fr"], "published": "mardi"},
                  {"id": 1, "text": TEXTS["de"]}, {"id": 1, "text": TEXTS["it"]})
    parsed = jsonl.parse("f.jsonl", data, Given(), CFG)
    assert [d.raw_text for d in parsed.documents] == [TEXTS["es"], TEXTS["fr"], TEXTS["de"]]
    reasons = [p.reason for p in parsed.problems]
    assert reasons[0].startswith("line 2: not valid JSON")
    assert reasons[1] == "line 3: not a JSON object"
    assert reasons[2] == "line 4: no 'text' string"
    assert "it has 'content'" in reasons[3]
    assert reasons[4].startswith("line 6: bad date 'mardi'")
    assert reasons[5].startswith("line 8: the name '1' is already used on line 7")
    assert parsed.documents[1].given.published is None


def test_jsonl_with_no_good_line_is_an_error() -> None:
    with pytest.raises(InputError, match="no line of this JSON Lines file gave a document"):
        jsonl.parse("f.jsonl", _jsonl("{x", {"title": "t"}), Given(), CFG)


def _stream_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "feed.jsonl").write_bytes(_jsonl(
        {"id": "a", "text": TEXTS["es"], "outlet": "Uno"}, "{bad", {"id": "b", "text": TEXTS["fr"]},
        {"text": TEXTS["ru"], "published": "2024-03-05"}))
    (corpus / "note.txt").write_text(TEXTS["en"], encoding="utf-8")
    return corpus


def _stored(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT file, source_path, raw_text, given, stage FROM documents "
                            "ORDER BY file").fetchall()
    finally:
        conn.close()


def test_a_large_jsonl_is_read_as_a_stream_with_the_same_result(tmp_path: Path,
                                                                 monkeypatch) -> None:
    """A JSON Lines file over ingest.STREAM_BYTES is read a line at a time where it is
    stored (never whole in one process): the store ends the same, bad lines reported."""
    corpus = _stream_corpus(tmp_path)
    whole = run([corpus], tmp_path / "whole.db", Config(jobs=1), progress=False)
    monkeypatch.setattr(ingest, "STREAM_BYTES", 16)
    assert ingest.streamed(ingest.discover([corpus]).sources[0])
    streamed = run([corpus], tmp_path / "stream.db", Config(jobs=1), progress=False)
    assert _stored(tmp_path / "whole.db") == _stored(tmp_path / "stream.db")
    assert len(_stored(tmp_path / "stream.db")) == 4
    assert [e.reason for e in streamed.errors] == [e.reason for e in whole.errors]
    assert streamed.errors[0].reason.startswith("line 2: not valid JSON")
    # unchanged the next time: fingerprinted, not read again
    again = run([corpus], tmp_path / "stream.db", Config(jobs=1), progress=False)
    assert again.unchanged_files == 2 and again.new_files == 0


def test_a_streamed_file_without_documents_is_named(tmp_path: Path, monkeypatch) -> None:
    corpus = _stream_corpus(tmp_path)
    (corpus / "feed.jsonl").write_bytes(_jsonl("{x", {"title": "t"}))
    monkeypatch.setattr(ingest, "STREAM_BYTES", 4)
    summary = run([corpus], tmp_path / "s.db", Config(jobs=1), progress=False)
    assert [d[0] for d in _stored(tmp_path / "s.db")] == ["note.txt"]
    assert any(e.path == "feed.jsonl" and "no line of this JSON Lines file gave a document"
               in e.reason for e in summary.errors)


def test_a_stream_stopped_midway_leaves_the_file_unread(tmp_path: Path, monkeypatch) -> None:
    """The documents of a streamed file are stored in one transaction: a run killed while
    reading it keeps none of them, and the next run ends as one that was not killed."""
    import dyad.pipeline as pipeline

    corpus = _stream_corpus(tmp_path)
    monkeypatch.setattr(ingest, "STREAM_BYTES", 16)
    calls = []

    def dying(doc):  # type: ignore[no-untyped-def]
        calls.append(doc.file)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return set()

    monkeypatch.setattr(pipeline, "line_keys", dying)
    with pytest.raises(KeyboardInterrupt):
        run([corpus], tmp_path / "k.db", Config(jobs=1), progress=False)
    assert not [d for d in _stored(tmp_path / "k.db") if d[1] == "feed.jsonl"]
    monkeypatch.undo()
    monkeypatch.setattr(ingest, "STREAM_BYTES", 16)
    run([corpus], tmp_path / "k.db", Config(jobs=1), progress=False)
    run([corpus], tmp_path / "clean.db", Config(jobs=1), progress=False)
    assert [d[:4] for d in _stored(tmp_path / "k.db")] == \
        [d[:4] for d in _stored(tmp_path / "clean.db")]


# ---------------------------------------------------------------- manifest


def test_manifest_entries_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"file": "a.txt", "url": "https://x.example/a", "title": "A",
                    "outlet": "teleSUR", "published": "2023-09-30", "language": "EN"}),
        "",
        "{broken",
        json.dumps({"url": "https://x.example/b"}),
        json.dumps({"file": "c.txt", "published": "30/09/2023"}),
        json.dumps({"file": "./d.txt", "published": "2023-09", "kind": "blog",
                    "author": "Ana Pérez"}),
        json.dumps({"file": "e.txt", "kind": "editorial", "title": "E"}),
        json.dumps({"file": "a.txt", "title": "again"}),
        json.dumps(["file", "f.txt"]),
    ]
    mf = tmp_path / "manifest.jsonl"
    mf.write_text("\n".join(lines), encoding="utf-8")
    entries, problems = read_manifest(mf)
    assert sorted(entries) == ["a.txt", "d.txt", "e.txt"]
    assert entries["a.txt"] == Given(url="https://x.example/a", title="A", outlet="teleSUR",
                                     published="2023-09-30", language="en")
    assert entries["d.txt"].published == "2023-09" and entries["d.txt"].kind == "blog"
    assert entries["e.txt"].kind is None and entries["e.txt"].title == "E"
    assert problems[0].startswith("line 3: not valid JSON")
    assert problems[1] == "line 4: no 'file' key naming the document"
    assert problems[2].startswith("line 5: bad date '30/09/2023'")
    assert problems[3].startswith("line 7: unknown kind 'editorial'")
    assert problems[4].startswith("line 8: a second entry for 'a.txt'")
    assert problems[5] == "line 9: not a JSON object"


def test_unreadable_manifest_is_one_problem(tmp_path: Path) -> None:
    mf = tmp_path / "manifest.jsonl"
    mf.write_bytes(b'{"file": "a.txt", "title": "Caf\xe9"}\n')
    entries, problems = read_manifest(mf)
    assert entries == {} and len(problems) == 1 and "not valid UTF-8" in problems[0]
    mf.write_bytes(b"")
    assert read_manifest(mf) == ({}, [])


def test_parse_date() -> None:
    assert parse_date("2023-09-30") == "2023-09-30"
    assert parse_date("2023-09") == "2023-09"
    assert parse_date("2023-09-30T12:00:00Z") == "2023-09-30"
    assert parse_date("2023-02-30") is None and parse_date("2023-13") is None
    assert parse_date("30.09.2023") is None


def test_discover_applies_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS["en"], encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        json.dumps({"file": "a.txt", "outlet": "RT", "published": "2023-09-30"}), encoding="utf-8")
    (src,) = ingest.discover([tmp_path]).sources
    assert src.given == Given(outlet="RT", published="2023-09-30")
    doc = ingest.parse(src, ingest.load(src, CFG).data, CFG).documents[0]
    assert doc.given.outlet == "RT"


# ---------------------------------------------------------------- a whole run


def test_run_stores_good_files_and_names_bad_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    for code, body in TEXTS.items():
        (corpus / f"{code}.txt").write_text(f"Titular\n\n{body}\n", encoding="utf-8")
    (corpus / "sub" / "page.html").write_bytes(PAGE.format(charset="utf-8").encode())
    (corpus / "feed.jsonl").write_bytes(_jsonl({"id": "j1", "text": TEXTS["es"]}, "{bad"))
    (corpus / "dump.txt").write_text(
        "Forwarded from Canal Uno 🇦🇷\nPrimer mensaje del canal.\n👍3\n"
        "Forwarded from Canal Dos\nSegundo mensaje del canal.\n", encoding="utf-8")
    (corpus / "chan.json").write_text(json.dumps({"name": "Canal", "messages": [
        {"id": 1, "type": "message", "date": "2023-04-19T12:30:00", "text": TEXTS["pt"]}]}),
        encoding="utf-8")
    (corpus / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (corpus / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "latin.txt").write_bytes(TEXTS["fr"].encode("latin-1"))
    (corpus / "blank.md").write_bytes(b" \n\t\n")
    (corpus / "other.json").write_text('{"posts": []}', encoding="utf-8")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    (corpus / "manifest.jsonl").write_text(
        json.dumps({"file": "en.txt", "outlet": "Wire"}) + "\nnot json\n", encoding="utf-8")

    summary = run([corpus], tmp_path / "x.db", progress=False)
    errors = {e.path: e.reason for e in summary.errors}
    assert "PDF" in errors["report.txt"]
    assert "PNG" in errors["photo.html"]
    assert "not valid UTF-8" in errors["latin.txt"] and "--encoding" in errors["latin.txt"]
    assert "whitespace" in errors["blank.md"]
    assert "not a Telegram export" in errors["other.json"]
    assert "unsupported file type" in errors["notes.docx"]
    assert errors["feed.jsonl"].startswith("line 2:")
    assert errors["manifest.jsonl"].startswith("line 2:")
    con = sqlite3.connect(tmp_path / "x.db")
    stored = dict(con.execute("SELECT file, fmt FROM documents").fetchall())
    assert {f"{c}.txt" for c in TEXTS} <= set(stored)
    assert stored["sub/page.html"] == "html" and stored["j1"] == "jsonl"
    assert stored["dump.txt"] == "telegram-dump" and stored["chan.json"] == "telegram-json"
    assert not {"report.txt", "photo.html", "latin.txt", "blank.md", "other.json"} & set(stored)
    n_posts = con.execute("SELECT count(*) FROM posts p JOIN documents d ON d.id = p.doc_id "
                          "WHERE d.file = 'dump.txt'").fetchone()[0]
    assert n_posts == 2


def test_language_codes_are_normalised() -> None:
    from dyad.ingest.manifest import given_from

    assert given_from({"language": "spa"})[0].language == "es"
    assert given_from({"lang": "pt-BR"})[0].language == "pt"
    assert given_from({"language": "SV"})[0].language == "sv"
    given, problems = given_from({"language": "Swedish", "title": "T"})
    assert given.language is None and given.title == "T"
    assert problems[0].field == "language"


def test_manifest_entries_apply_by_path_relative_to_the_manifest(tmp_path: Path) -> None:
    from dyad.ingest import discover

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Texto de prueba sobre una reunión.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another text.", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        '{"file": "sub/a.txt", "outlet": "EFE", "published": "2024-03-01"}\n'
        '{"file": "b.txt", "language": "en"}\n', encoding="utf-8")
    found = {s.path: s.given for s in discover([tmp_path]).sources}
    assert found["sub/a.txt"] is not None and found["sub/a.txt"].outlet == "EFE"
    assert found["b.txt"] is not None and found["b.txt"].language == "en"
