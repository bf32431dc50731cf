"""Links across documents without embeddings: event clusters (same event in two languages,
repeated meetings of one pair apart, undated events), text reuse (winnowing and alignment
robust to small edits), the Linker through the store (killed-and-rerun safe, incremental),
propagation and `dyad clusters`; and the seeds end to end."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.links import Linker, listing
from dyad.links import events as ev
from dyad.links import reuse
from dyad.links.keys import day_number, name_key, place_key, speaker_key
from dyad.records import DaySpan, Document, Event, Mention, PersonRef, Quote
from dyad.store import Database
from dyad.store import documents as store

from conftest import GOLD, SEEDS


def day(s: str) -> DaySpan:
    return DaySpan.day(dt.date.fromisoformat(s))


def item(doc: int, e: Event, published: str = "2024-03-05", i: int = 0) -> ev.EventItem:
    return ev.item_of(e, doc * 100 + i, doc, day_number(dt.date.fromisoformat(published)))


# ---------------------------------------------------------------- keys


def test_place_keys_across_languages_and_scripts() -> None:
    assert place_key("Moscow") == place_key("Moskva") == place_key("Москва") == place_key("Moscú")
    assert place_key("Moscow") != place_key("Caracas")
    assert place_key(None) is None


@pytest.mark.parametrize("latin,cyrillic", [
    ("Alina Cárdenas", "Алина Карденас"), ("Li Wenhua", "Ли Веньхуа"), ("Yván Gil", "Иван Хиль"),
    ("Luis Salazar", "Луис Салазар"), ("Bruno Rodríguez", "Бруно Родригес"),
    ("Mauro Vieira", "Мауро Виейра"), ("María Zajárova", "Мария Захарова"),
    ("Miguel Díaz-Canel", "Мигель Диас-Канель"), ("Anna Lindqvist", "Анна Линдквист"),
    ("Claudia Sheinbaum", "Клаудия Шейнбаум"), ("Hugo Chávez", "Уго Чавес"),
])
def test_name_keys_are_shared_by_transliterations(latin: str, cyrillic: str) -> None:
    """Names the people registry does not know are written by ear in the other script."""
    assert name_key(latin) == name_key(cyrillic)
    assert speaker_key(PersonRef(latin, "VEN")) == speaker_key(PersonRef(cyrillic, "VEN"))


def test_name_keys_keep_different_names_apart() -> None:
    keys = [name_key(n) for n in ("Lavrov", "Peskov", "Zakharova", "Gil", "Rodríguez", "Maduro",
                                  "Ortega", "Petro", "Putin", "Shoigu")]
    assert len(set(keys)) == len(keys)


def test_speaker_key_is_script_independent() -> None:
    assert speaker_key(PersonRef("Sergey Lavrov", "RUS")) == speaker_key(PersonRef("Сергей Лавров", "RUS"))
    assert speaker_key(PersonRef("Sergey Lavrov", "RUS")) != speaker_key(PersonRef("Yván Gil", "VEN"))
    assert speaker_key(None) is None


# ---------------------------------------------------------------- events


def meeting(date: str | None, place: str | None, source: str = "RUS", target: str = "VEN",
            etype: str = "CONSULT", people: tuple[str, ...] = ()) -> Event:
    return Event(type=etype, source=source, target=target, evidence="x",
                 date=day(date) if date else None, place=place,
                 people=[PersonRef(p) for p in people])


def test_same_meeting_in_two_languages_either_order() -> None:
    a = item(1, meeting("2024-03-04", "Moscow", people=("Sergey Lavrov",)))
    b = item(2, meeting("2024-03-05", "Москва", "VEN", "RUS", people=("Сергей Лавров", "Yván Gil")))
    assert ev.same_event(a, b)


def test_repeated_meetings_of_one_pair_stay_apart() -> None:
    new_york = item(1, meeting("2023-09-20", "New York"), "2023-09-21")
    moscow = item(2, meeting("2023-11-16", "Moscow"), "2023-11-17")
    assert not ev.same_event(new_york, moscow)
    # same day, different places; a call and a visit are different types
    assert not ev.same_event(item(1, meeting("2024-03-04", "Caracas")),
                             item(2, meeting("2024-03-04", "Moscow")))
    assert not ev.same_event(item(1, meeting("2024-03-04", None)),
                             item(2, meeting("2024-03-04", None, etype="AGREE")))
    # two tours a year apart
    assert not ev.same_event(item(1, meeting("2023-04-18", "Managua")),
                             item(2, meeting("2024-04-18", "Managua")))
    # different people on both sides
    assert not ev.same_event(item(1, meeting("2024-03-04", None, people=("Putin",))),
                             item(2, meeting("2024-03-04", None, people=("Shoigu",))))


def test_direction_matters_for_asymmetric_types() -> None:
    a = item(1, meeting("2024-03-04", None, "USA", "RUS", "SANCTION"))
    b = item(2, meeting("2024-03-04", None, "RUS", "USA", "SANCTION"))
    assert not ev.same_event(a, b)
    assert ev.same_event(a, item(3, meeting("2024-03-04", None, "USA", "RUS", "SANCTION")))


def test_undated_events_use_the_publication_day() -> None:
    dated = item(1, meeting("2024-03-04", None), "2024-03-04")
    assert ev.same_event(dated, item(2, meeting(None, None), "2024-03-06"))
    assert not ev.same_event(dated, item(2, meeting(None, None), "2024-03-20"))
    assert not ev.same_event(dated, item(2, meeting(None, None), "2024-03-01"))
    assert ev.same_event(item(1, meeting(None, None), "2024-03-04"),
                         item(2, meeting(None, None), "2024-03-05"))
    nothing = ev.item_of(meeting(None, None), 9, 9, None)
    assert not ev.same_event(dated, nothing)


def test_choose_needs_every_member() -> None:
    """Complete linkage: an undated report cannot bridge two meetings a week apart."""
    first = item(1, meeting("2024-03-04", None))
    later = item(2, meeting("2024-03-10", None))
    undated = item(3, meeting(None, None), "2024-03-06")
    assert ev.choose(undated, [[first, later]]) is None
    assert ev.choose(undated, [[first], [later]]) == [first]

def year(y: int) -> DaySpan:
    return DaySpan(dt.date(y, 1, 1), dt.date(y, 12, 31))


def test_events_dated_by_a_year_join_nothing() -> None:
    """'Last year 9 delegations visited', in two reports of two different stories: a year
    says when, not which event; nor does it match a dated meeting inside that year."""
    a = ev.item_of(Event("CONSULT", "RUS", "VEN", "x", date=year(2023)), 1, 1,
                   day_number(dt.date(2024, 3, 5)))
    b = ev.item_of(Event("CONSULT", "RUS", "VEN", "x", date=year(2023)), 2, 2,
                   day_number(dt.date(2024, 7, 1)))
    inside = item(3, meeting("2023-08-06", None))
    assert not ev.matchable(a) and ev.window(a) is None
    assert not ev.same_event(a, b)
    assert not ev.same_event(a, inside) and not ev.same_event(inside, a)
    # a month is still a date to match by ("in March": a visit reported a few days later)
    march = ev.item_of(Event("CONSULT", "RUS", "VEN", "x",
                             date=DaySpan(dt.date(2024, 3, 1), dt.date(2024, 3, 31))), 4, 4,
                       day_number(dt.date(2024, 4, 2)))
    assert ev.matchable(march) and ev.same_event(march, item(5, meeting("2024-03-12", None)))



# ---------------------------------------------------------------- reuse


PASSAGE = ("The ministers reaffirmed their commitment to strengthening the strategic partnership "
           "between the two countries and agreed to expand cooperation in energy, agriculture, "
           "education and culture, in full respect for international law and the principles of "
           "the United Nations Charter")


def test_reuse_found_through_small_edits() -> None:
    edited = PASSAGE.replace("two countries", "two nations").replace(", education", "")
    a = f"Caracas, 3 March. Officials met on Monday.\n\n{PASSAGE}. Nothing else was said."
    b = f"A long statement began with thanks to the hosts. {edited}. The talks ended at noon."
    assert reuse.fingerprints(a) & reuse.fingerprints(b)
    passages = reuse.align(a, b)
    assert passages
    a_text, b_text = passages[0].texts(a, b)
    assert a_text.startswith("The ministers reaffirmed") and a_text.endswith("Charter")
    assert "two nations" in b_text


def test_no_reuse_for_a_common_phrase() -> None:
    a = "He said that the United Nations Charter must be respected by everyone. " * 1
    b = "Officials in Brasília discussed trade. The United Nations Charter must be respected."
    assert reuse.align(a, b) == []


def test_reuse_in_russian() -> None:
    p = ("Российская Федерация намерена развивать отношения с государствами Латинской Америки "
         "на прагматичной, деидеологизированной и взаимовыгодной основе с учётом степени "
         "самостоятельности и конструктивности их политики в отношении Российской Федерации")
    assert reuse.align(f"Заявление МИД. {p}.", f"Министр напомнил: {p}. Спасибо.")


# ---------------------------------------------------------------- through the store


def _doc(file: str, text: str, published: str, language: str = "en",
         events: list[Event] | None = None) -> Document:
    d = Document(file=file, source_path=file, fmt="txt", raw_text=text)
    d.text, d.published, d.language, d.kind, d.outlet = text, published, language, "article", file[:3]
    d.events = events or []
    return d


def _store(db: Database, docs: list[Document]) -> None:
    for d in docs:
        store.replace_source(db, path=d.file, root=".", fingerprint=d.file, size=1, fmt="txt",
                             documents=[d], line_hashes=[set()])
        doc_id = db.query("SELECT id FROM documents WHERE file = ?", (d.file,))[0][0]
        store.save_processed(db, doc_id, d, None, [])


def _link_all(db: Database) -> None:
    linker = Linker(db)
    with db.transaction():
        for doc_id, _file, _sig in list(store.processed_for_linking(db)):
            with db.transaction():
                linker.link(doc_id)
            store.save_linked(db, doc_id, None)
    linker.finish()


def test_linker_store_round_trip(tmp_path: Path) -> None:
    db_path = tmp_path / "l.db"
    docs = [
        _doc("a.txt", f"Intro. {PASSAGE}.", "2024-03-05", events=[meeting("2024-03-04", "Moscow")]),
        _doc("b.txt", f"Other intro words here. {PASSAGE}. End.", "2024-03-06", "en",
             [meeting("2024-03-04", "Moskva", "VEN", "RUS")]),
        _doc("c.txt", "Nothing shared.", "2024-05-06", "es", [meeting("2024-05-05", "Caracas")]),
    ]
    with Database(db_path) as db:
        _store(db, docs)
        _link_all(db)
        out = {d.file: d for d in store.all_documents(db)}
        assert out["a.txt"].events[0].cluster == out["b.txt"].events[0].cluster is not None
        assert out["c.txt"].events[0].cluster is None
        assert [(r.a, r.b) for r in store.all_reuse(db)] == [("a.txt", "b.txt")]
        # incremental: a new document joins the existing cluster, nothing else changes
        _store(db, [_doc("d.txt", "Report.", "2024-03-05", "pt",
                         [meeting(None, "Moscou")])])
        _link_all(db)
        out = {d.file: d for d in store.all_documents(db)}
        assert out["d.txt"].events[0].cluster == out["a.txt"].events[0].cluster
        assert db.query("SELECT count(*) FROM clusters")[0][0] == 1
        path = json.loads(db.query("SELECT path FROM propagation")[0]["path"])
        assert [p["file"] for p in path] == ["a.txt", "d.txt", "b.txt"]
        # replacing a source drops its links; a cluster left alone dissolves
        _store(db, [_doc("b.txt", "Changed.", "2024-03-06"), _doc("d.txt", "Changed.", "2024-03-05")])
        _link_all(db)
        out = {d.file: d for d in store.all_documents(db)}
        assert out["a.txt"].events[0].cluster is None
        assert store.all_reuse(db) == []
        assert db.query("SELECT count(*) FROM propagation")[0][0] == 0


def test_killed_link_batch_leaves_nothing(tmp_path: Path) -> None:
    with Database(tmp_path / "l.db") as db:
        _store(db, [_doc("a.txt", PASSAGE, "2024-03-05", events=[meeting("2024-03-04", None)]),
                    _doc("b.txt", PASSAGE, "2024-03-05", events=[meeting("2024-03-04", None)])])
        linker = Linker(db)
        with pytest.raises(KeyboardInterrupt):
            with db.transaction():
                for doc_id, _f, _s in list(store.processed_for_linking(db)):
                    linker.link(doc_id)
                    store.save_linked(db, doc_id, None)
                raise KeyboardInterrupt
        for table in ("clusters", "reuse", "event_keys", "reuse_prints", "link_docs"):
            assert db.query(f"SELECT count(*) FROM {table}")[0][0] == 0
        _link_all(db)
        assert db.query("SELECT count(*) FROM clusters")[0][0] == 1
        assert db.query("SELECT count(*) FROM reuse")[0][0] == 1


# ---------------------------------------------------------------- the seeds, end to end


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("seed corpus not available")
    from dyad.export import export
    from dyad.pipeline import run

    tmp = tmp_path_factory.mktemp("links")
    db = tmp / "s.db"
    run([SEEDS], db, progress=False)
    export(db, "dyad-json", tmp / "out.json")
    return tmp


def test_seed_links(seeds_run: Path, scorer) -> None:  # type: ignore[no-untyped-def]
    import yaml

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    pred = json.loads((seeds_run / "out.json").read_text(encoding="utf-8"))
    pairs = {frozenset((r["a"], r["b"])) for r in pred["reuse"]}
    assert frozenset(("001_a12f386ff18da441.txt", "004_15bc1a7ff6d97cc3.txt")) in pairs
    figures, _explain = scorer.score(gold, pred)
    links = figures["links"]
    assert links["same_event_recall"]["rate"] == 1.0
    assert links["doc_reuse_recall"]["rate"] == 1.0
    assert links["wrong_merges"]["n"] == 0
    assert links["precision"]["all"]["n"] == links["precision"]["all"]["of"]


def test_clusters_command(seeds_run: Path) -> None:
    res = CliRunner().invoke(main, ["clusters", "--db", str(seeds_run / "s.db"), "--kind", "event"])
    assert res.exit_code == 0, res.output
    assert "clusters" in res.output
    views = listing(seeds_run / "s.db", "event", actor="RUS")
    assert all(v.kind == "event" and len(v.path) >= 2 for v in views)
    assert listing(seeds_run / "s.db", "quote", speaker="nobody") == []


def test_people_of_different_sides_do_not_keep_one_agreement_apart() -> None:
    """One report names Lavrov, another Gil: the two sides of one agreement, not two."""
    from dyad.links import events as ev
    from dyad.records import DaySpan, Event, PersonRef
    import datetime as dt
    day = DaySpan.day(dt.date(2024, 11, 14))
    a = ev.item_of(Event("AGREE", "RUS", "VEN", "x", [PersonRef("Sergey Lavrov", "RUS")], day), 1, 1, None)
    b = ev.item_of(Event("AGREE", "VEN", "RUS", "y", [PersonRef("Yván Gil", "VEN")], day), 2, 2, None)
    c = ev.item_of(Event("AGREE", "RUS", "VEN", "z", [PersonRef("Sergey Ryabkov", "RUS")], day), 3, 3, None)
    assert ev.same_event(a, b)
    assert not ev.same_event(a, c)          # two different Russians: two different meetings


def test_an_inflected_russian_capital_is_the_capital() -> None:
    from dyad.links.keys import place_key
    assert place_key("Москве") == place_key("Moscow") == place_key("Moskva")


def test_stock_lines_about_two_partners_stay_two_clusters(tmp_path: Path) -> None:
    """Through the store: the actors a quotation names are read from the mentions inside its
    words, so one speaker's stock line about Cuba and about Bolivia, both carried in two
    languages, makes two clusters, not one."""


    def doc(file: str, lang: str, published: str, words: str, country: str, code: str) -> Document:
        text = f"The minister said: \"{words}\""
        d = _doc(file, text, published, lang)
        start = text.index(words)
        d.quotes = [Quote(text=words, speaker=PersonRef("Sergey Lavrov", "RUS"), start=start)]
        at = text.index(country)
        d.mentions = [Mention(at, at + len(country), country, code=code, method="name")]
        return d

    en = "{} is a key partner for us, and we intend to develop our relations in every area."
    es = "{} es un socio clave para nosotros y tenemos la intención de desarrollar nuestras relaciones en todos los ámbitos."
    docs = [doc("a1.txt", "en", "2024-03-04", en.format("Cuba"), "Cuba", "CUB"),
            doc("a2.txt", "en", "2024-03-06", en.format("Bolivia"), "Bolivia", "BOL"),
            doc("a3.txt", "es", "2024-03-05", es.format("Cuba"), "Cuba", "CUB"),
            doc("a4.txt", "es", "2024-03-07", es.format("Bolivia"), "Bolivia", "BOL")]
    with Database(tmp_path / "p.db") as db:
        _store(db, docs)
        first = store.link_document(db, db.query("SELECT id FROM documents WHERE file = 'a1.txt'")[0][0])
        assert first.quotes[0].actors == {"CUB"}
        _link_all(db)
        clusters: dict[str, set[str]] = {}
        for d in store.all_documents(db):
            for q in d.quotes:
                if q.cluster:
                    clusters.setdefault(q.cluster, set()).add(d.file)
    assert sorted(map(sorted, clusters.values())) == [["a1.txt", "a3.txt"], ["a2.txt", "a4.txt"]]
