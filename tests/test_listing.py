"""`dyad events` and `dyad quotes`: filters by actor, type, dates, language, speaker and text;
filters are bound parameters (text that looks like SQL is only text); a missing store is a
clear error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.errors import StoreError
from dyad.pipeline import run
from dyad.store import listing


DOCS = {
    "a.txt": "Moscow, 14 March 2024\n\nRussian Foreign Minister Sergey Lavrov met his Venezuelan "
             "counterpart Yvan Gil in Moscow on Tuesday. Russia and Venezuela signed an agreement "
             "on energy cooperation.\n",
    "b.txt": "Caracas, 2 de mayo de 2024\n\nVenezuela condenó el miércoles las nuevas sanciones "
             "de Estados Unidos contra su industria petrolera.\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("listing")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = root / "s.db"
    run([corpus], db, progress=False)
    return db


def test_all_events_are_listed_by_date(store: Path) -> None:
    rows = listing.events(store, listing.EventFilter())
    assert {(r.type, r.file) for r in rows} >= {("CONSULT", "a.txt"), ("AGREE", "a.txt"),
                                                ("ACCUSE", "b.txt")}
    days = [r.date_first for r in rows if r.date_first]
    assert days == sorted(days)


def test_filters(store: Path) -> None:
    assert {r.type for r in listing.events(store, listing.EventFilter(type="accuse"))} == {"ACCUSE"}
    assert all("USA" in (r.source, r.target)
               for r in listing.events(store, listing.EventFilter(actor="usa")))
    assert {r.language for r in listing.events(store, listing.EventFilter(language="es"))} == {"es"}
    may = listing.events(store, listing.EventFilter(since=dt.date(2024, 4, 1)))
    assert may and all(r.file == "b.txt" for r in may)
    march = listing.events(store, listing.EventFilter(until=dt.date(2024, 3, 31)))
    assert march and all(r.file == "a.txt" for r in march)
    assert len(listing.events(store, listing.EventFilter(limit=1))) == 1


def test_filter_values_are_parameters_not_sql(store: Path) -> None:
    assert listing.events(store, listing.EventFilter(actor="RUS' OR '1'='1")) == []
    assert listing.quotes(store, listing.QuoteFilter(text="%' OR 1=1 --")) == []


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        listing.events(tmp_path / "none.db", listing.EventFilter())
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output


def test_cli_events_and_quotes(store: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["events", "--db", str(store), "--type", "CONSULT", "--actor", "VEN"])
    assert out.exit_code == 0, out.output
    assert "CONSULT" in out.output and "Lavrov" in out.output
    out = runner.invoke(main, ["events", "--db", str(store), "--since", "2024-13-01"])
    assert out.exit_code == 2
    out = runner.invoke(main, ["quotes", "--db", str(store), "--speaker", "nobody"])
    assert out.exit_code == 0 and out.output.strip().endswith("0 quotes")
