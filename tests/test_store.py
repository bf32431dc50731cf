"""The store: schema version and migrations, refusal of foreign or newer files, and
round-trips of documents through the stages' writes (hypothesis)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.errors import StoreError
from dyad.records import (DaySpan, Document, DroppedLine, Event, Given, Mention, PersonRef, Post,
                          Quote)
from dyad.store import SCHEMA_VERSION, Database
from dyad.store import documents as store


def test_new_store_has_current_schema(tmp_path: Path) -> None:
    with Database(tmp_path / "s.db") as db:
        assert db.version == SCHEMA_VERSION
        tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "posts", "events", "quotes", "mentions", "clusters", "reuse",
            "sources", "runs", "errors", "dropped_lines"} <= tables
    # plain sqlite3 reads it as is
    con = sqlite3.connect(tmp_path / "s.db")
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    con.close()


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    Database(tmp_path / "s.db").close()
    with Database(tmp_path / "s.db") as db:
        assert db.version == SCHEMA_VERSION


def test_refuses_foreign_sqlite_file(tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "other.db")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a dyad store"):
        Database(tmp_path / "other.db")


def test_refuses_non_sqlite_file(tmp_path: Path) -> None:
    (tmp_path / "junk.db").write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError):
        Database(tmp_path / "junk.db")


def test_refuses_newer_schema(tmp_path: Path) -> None:
    with Database(tmp_path / "s.db") as db:
        db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Database(tmp_path / "s.db")


def test_transaction_rolls_back(tmp_path: Path) -> None:
    with Database(tmp_path / "s.db") as db:
        with pytest.raises(RuntimeError):
            with db.transaction() as c:
                c.execute("INSERT INTO runs (started, inputs) VALUES ('x', '[]')")
                raise RuntimeError("boom")
        assert db.query("SELECT count(*) FROM runs")[0][0] == 0


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzабвгдеж_-.", min_size=1, max_size=20)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def spans(draw: st.DrawFn) -> DaySpan:
    a, b = sorted((draw(days), draw(days)))
    return DaySpan(a, b)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    n_posts = draw(st.integers(0, 3))
    posts = [Post(index=i, raw_text=draw(texts), text=draw(texts),
                  date=draw(st.none() | days.map(dt.date.isoformat)),
                  forwarded_from=draw(st.none() | names), message_id=draw(st.none() | names),
                  language=draw(st.none() | st.sampled_from(["en", "ru", "es"])),
                  duplicate_of=draw(st.none() | st.integers(0, 2)))
             for i in range(n_posts)]
    person = st.builds(PersonRef, name=names, acts_for=st.none() | st.sampled_from(["RUS", "VEN"]))
    events = draw(st.lists(st.builds(
        Event, type=st.sampled_from(["CONSULT", "AGREE", "ACCUSE"]), source=names, target=names,
        evidence=texts, people=st.lists(person, max_size=2), date=st.none() | spans(),
        place=st.none() | names, evidence_start=st.none() | st.integers(0, 10_000),
        post=st.none() | st.integers(0, 2), planned=st.booleans(), negated=st.booleans(),
        cluster=st.none()), max_size=3))
    quotes = draw(st.lists(st.builds(
        Quote, text=texts, speaker=st.none() | person, via=st.none() | names,
        date=st.none() | spans(), start=st.none() | st.integers(0, 10_000),
        post=st.none() | st.integers(0, 2), cluster=st.none()), max_size=3))
    return Document(
        file=draw(names) + ".txt", source_path="src.txt", fmt="txt", raw_text=draw(texts),
        given=Given(url=draw(st.none() | names), title=draw(st.none() | texts)),
        extra=draw(st.dictionaries(names, names, max_size=2)), group="g", posts=posts,
        text=draw(texts),
        dropped=draw(st.lists(st.builds(DroppedLine, line_no=st.integers(0, 99), text=texts,
                                        rule=names, post=st.none() | st.integers(0, 2)),
                              max_size=3)),
        language=draw(st.none() | st.sampled_from(["en", "ru"])),
        published=draw(st.none() | days.map(dt.date.isoformat)),
        kind=draw(st.none() | st.sampled_from(["article", "blog"])),
        outlet=draw(st.none() | names), cited_sources=draw(st.lists(names, max_size=3)),
        mentions=draw(st.lists(st.builds(Mention, start=st.integers(0, 99), end=st.integers(0, 99),
                                         text=texts, code=st.none() | names,
                                         person=st.none() | names, method=names,
                                         post=st.none() | st.integers(0, 2)), max_size=3)),
        events=events, quotes=quotes)


def _key(doc: Document) -> tuple:
    return (sorted((m.start, m.end, m.text, m.code, m.person, m.method, m.post)
                   for m in doc.mentions),
            sorted(((d.post if d.post is not None else -1), d.line_no, d.rule, d.text)
                   for d in doc.dropped))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_document_round_trip(tmp_path: Path, doc: Document) -> None:
    path = tmp_path / f"rt-{abs(hash(doc.file))}.db"
    path.unlink(missing_ok=True)
    with Database(path) as db:
        store.replace_source(db, path="src.txt", root="/corpus", fingerprint="f", size=1, fmt="txt",
                             documents=[doc], line_hashes=[{1, 2, -3}])
        doc_id = db.query("SELECT id FROM documents")[0][0]
        store.save_processed(db, doc_id, doc, None, [])
        store.save_processed(db, doc_id, doc, None, [])      # idempotent
        back = list(store.all_documents(db))
    assert len(back) == 1
    b = back[0]
    assert (b.file, b.raw_text, b.text, b.language, b.published, b.kind, b.outlet) == \
        (doc.file, doc.raw_text, doc.text, doc.language, doc.published, doc.kind, doc.outlet)
    assert b.cited_sources == doc.cited_sources and b.extra == doc.extra
    assert b.given == doc.given
    assert b.posts == doc.posts
    assert b.events == doc.events
    assert b.quotes == doc.quotes
    assert _key(b) == _key(doc)


def test_replacing_a_source_replaces_its_documents(tmp_path: Path) -> None:
    with Database(tmp_path / "s.db") as db:
        for text in ("first version", "second version"):
            store.replace_source(db, path="a.txt", root="/c", fingerprint=text, size=1, fmt="txt",
                                 documents=[Document("a.txt", "a.txt", "txt", text)],
                                 line_hashes=[set()])
        rows = db.query("SELECT raw_text FROM documents")
    assert [r[0] for r in rows] == ["second version"]
