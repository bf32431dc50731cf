"""Repeats: posts that repeat (exactly or nearly) are marked, distinct ones kept; document
signatures estimate similarity; near-duplicate documents are flagged, not dropped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.dedup import mark_repeated_posts, signature, similarity
from dyad.pipeline import run
from dyad.records import Document, Post
from dyad.stage import Context

WORDS = ("ministro canciller reunión acuerdo sanciones comercio energía visita cumbre diálogo "
         "министр встреча соглашение санкции торговля визит minister talks agreement trade "
         "visit summit dialogue sanctions").split()

sentences = st.lists(st.sampled_from(WORDS), min_size=8, max_size=40).map(" ".join)


def channel(texts: list[str]) -> Document:
    doc = Document("c.txt", "c.txt", "telegram-dump", "\n".join(texts))
    doc.posts = [Post(index=i, raw_text=t, text=t) for i, t in enumerate(texts)]
    return doc


@settings(max_examples=80, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=6, unique=True), st.randoms(use_true_random=False))
def test_repeated_posts_are_marked_and_the_first_kept(texts: list[str], rnd) -> None:  # noqa: ANN001
    repeats = [rnd.choice(texts) for _ in range(rnd.randint(0, 4))]
    doc = channel(texts + repeats)
    mark_repeated_posts(doc, Context())
    kept = [p.text for p in doc.kept_posts]
    # every distinct text survives in its first position; no exact repeat survives
    assert len(kept) == len(set(kept))
    assert set(kept) <= set(texts)
    for p in doc.posts[len(texts):]:
        assert p.duplicate_of is not None
    # idempotent
    mark_repeated_posts(doc, Context())
    assert [p.text for p in doc.kept_posts] == kept


def test_near_repeat_of_a_post_is_marked() -> None:
    a = ("Foreign Minister Sergey Lavrov held talks with his Nicaraguan counterpart in Managua on "
         "trade, investment and the work of the intergovernmental commission.")
    doc = channel([a, "Something else entirely about a summit in Brasília and energy.",
                   a.replace("Managua", "Managua today")])
    mark_repeated_posts(doc, Context())
    assert [p.duplicate_of for p in doc.posts] == [2, None, None]   # the fuller one is kept


def test_case_and_punctuation_do_not_hide_a_repeat() -> None:
    doc = channel(["We welcome the revival of CELAC.", "we welcome the revival of celac"])
    mark_repeated_posts(doc, Context())
    assert doc.posts[1].duplicate_of == 0


@settings(max_examples=40, deadline=None)
@given(sentences, sentences)
def test_signature_similarity_is_symmetric_and_one_for_itself(a: str, b: str) -> None:
    sa, _ = signature(a)
    sb, _ = signature(b)
    assert sa is not None and sb is not None
    assert similarity(sa, sa) == 1.0
    assert similarity(sa, sb) == similarity(sb, sa)


def test_empty_text_has_no_signature() -> None:
    assert signature("  ") == (None, [])


def test_near_duplicate_documents_are_flagged_not_dropped(tmp_path: Path) -> None:
    body = ("The foreign ministers of Russia and Brazil met in Moscow on Tuesday and agreed to "
            "expand cooperation in energy, agriculture and science. The sides also discussed the "
            "situation in Venezuela and the preparations for the BRICS summit in Kazan, where "
            "the leaders are expected to sign several agreements on trade and finance.")
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(body, encoding="utf-8")
    (corpus / "b.txt").write_text(body + " Reporting by our correspondent.", encoding="utf-8")
    (corpus / "c.txt").write_text("A different story about sanctions on Cuban banks and the "
                                  "reaction of the Cuban foreign ministry in Havana.", encoding="utf-8")
    run([corpus], tmp_path / "d.db", progress=False)
    rows = dict(sqlite3.connect(tmp_path / "d.db").execute(
        "SELECT file, duplicate_of FROM documents").fetchall())
    assert rows == {"a.txt": None, "b.txt": "a.txt", "c.txt": None}


def test_of_a_preview_and_its_full_text_the_full_one_is_kept() -> None:
    full = ("We extensively discussed developing our relations in trade, the economy and "
            "investment. The key role belongs to the Intergovernmental Commission on Trade and "
            "Economic Cooperation, whose co-chairs will meet again in June.")
    preview = full[:120]
    doc = channel([preview, "An unrelated post about the weather in Moscow and the city's parks.",
                   full])
    mark_repeated_posts(doc, Context())
    assert [p.text for p in doc.kept_posts] == [doc.posts[1].text, full]
    assert doc.posts[0].duplicate_of == 2
