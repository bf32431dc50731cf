"""What keeps linking fast and about linear in the corpus, without changing its decisions:
the array alignment finds exactly the passages of a plain word-by-word alignment; word
offsets hold through case folding; quote choice embeds nothing when word overlap decides
and everything else in one call; quote units are capped; candidate reads are bounded and
nearest first; every per-document lookup of linking uses an index."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from dyad.links import quotes as qt
from dyad.links import reuse
from dyad.records import Document, PersonRef, Quote
from dyad.store import Database
from dyad.store import documents as store

# ---------------------------------------------------------------- reuse


def plain_align(a: str, b: str) -> list[tuple[int, int, int, int, int]]:
    """The alignment `reuse.align` computes, written word by word (the reference)."""
    def words(t: str) -> list[re.Match[str]]:
        return list(re.finditer(r"\w+", t))

    ma, mb = words(a), words(b)
    wa, wb = [m.group().casefold() for m in ma], [m.group().casefold() for m in mb]
    k = reuse.ALIGN_K
    index: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(wb) - k + 1):
        index.setdefault(tuple(wb[j:j + k]), []).append(j)
    runs: list[list[int]] = []
    open_runs: dict[int, list[int]] = {}
    for i in range(len(wa) - k + 1):
        hits = index.get(tuple(wa[i:i + k]), [])
        if len(hits) > reuse.MAX_HITS:
            continue
        for j in hits:
            run = open_runs.get(j - i)
            if run is not None and run[1] >= i - 1:
                run[1], run[3] = i, j
            else:
                run = [i, i, j, j]
                open_runs[j - i] = run
                runs.append(run)
    runs.sort()
    spans: list[list[int]] = []
    for r in runs:
        a0, a1, b0, b1 = r[0], r[1] + k - 1, r[2], r[3] + k - 1
        for s in reversed(spans[-reuse.RECENT_SPANS:]):
            da, db = a0 - s[1] - 1, b0 - s[3] - 1
            if -k <= da <= reuse.GAP and -k <= db <= reuse.GAP and abs(da - db) <= reuse.GAP:
                s[1], s[3] = max(s[1], a1), max(s[3], b1)
                break
        else:
            spans.append([a0, a1, b0, b1])
    out = [(ma[s[0]].start(), ma[s[1]].end(), mb[s[2]].start(), mb[s[3]].end(), s[1] - s[0] + 1)
           for s in spans
           if s[1] - s[0] + 1 >= reuse.MIN_WORDS and s[3] - s[2] + 1 >= reuse.MIN_WORDS]
    return sorted(out, key=lambda p: (-p[4], p[0]))


VOCAB = ("the ministers reaffirmed their commitment to strengthening strategic partnership "
         "between two countries agreed expand cooperation in energy agriculture education "
         "culture respect for international law principles of United Nations Charter").split()


def _edited(words: list[str], rng: random.Random) -> list[str]:
    out = []
    for w in words:
        r = rng.random()
        if r < 0.04:
            continue                                  # a dropped word
        out.append(rng.choice(VOCAB) if r < 0.08 else w)
        if rng.random() < 0.02:
            out.append(rng.choice(VOCAB))             # an inserted word
    return out


def test_align_finds_what_a_plain_alignment_finds() -> None:
    rng = random.Random(7)
    for _ in range(150):
        shared = [rng.choice(VOCAB) for _ in range(rng.randint(10, 80))]
        a = [rng.choice(VOCAB) for _ in range(rng.randint(0, 60))] + shared + \
            [rng.choice(VOCAB) for _ in range(rng.randint(0, 40))]
        b = [rng.choice(VOCAB) for _ in range(rng.randint(0, 30))] + _edited(shared, rng) + \
            [rng.choice(VOCAB) for _ in range(rng.randint(0, 60))]
        ta = ". ".join(" ".join(a[i:i + 9]).capitalize() for i in range(0, len(a), 9))
        tb = ", ".join(" ".join(b[i:i + 7]) for i in range(0, len(b), 7)).upper()
        got = [(p.a_start, p.a_end, p.b_start, p.b_end, p.words) for p in reuse.align(ta, tb)]
        assert got == plain_align(ta, tb)


def test_word_offsets_hold_through_case_folding() -> None:
    # German sharp s and Turkish dotted I change length when case-folded; Greek and
    # Cyrillic do not
    for text in ("Die Straße nach Moskau ist GROSS, sagte der Minister.",
                 "Outside the plane: 𝐁𝐨𝐥𝐝 words and an emoji 🙂 between_them 2024.",
                 "İstanbul'da BAKAN konuştu: «İşbirliği sürecek».",
                 "Ο υπουργός ΕΞΩΤΕΡΙΚΩΝ είπε ότι η συνεργασία θα συνεχιστεί.",
                 "Министр ИНОСТРАННЫХ дел заявил: «Сотрудничество продолжится»."):
        w = reuse.Words(text)
        ref = list(re.finditer(r"\w+", text))
        starts, ends = w.offsets()
        assert [text[s:e].casefold() for s, e in zip(starts, ends)] == \
               [m.group().casefold() for m in ref]
        assert len(w.words) == len(ref) and len(w.shingle_ids()) == max(0, len(ref) - 3)


def test_word_table_is_the_regex_class() -> None:
    table = reuse._word_table()
    word = re.compile(r"\w")
    assert all(bool(table[c]) == bool(word.match(chr(c))) for c in range(0, 0x10000, 7))


def test_fingerprints_are_stable_values() -> None:
    """The store keeps fingerprints across runs: they must not depend on the process."""
    text = " ".join(VOCAB)
    assert min(reuse.fingerprints(text)) == -7296612714801675361       # blake2b of 8 words
    assert reuse.fingerprints(text) == reuse.fingerprints(text.upper())
    assert len(reuse.fingerprints(text)) > 1
    assert reuse.fingerprints("one two three") == set()


# ---------------------------------------------------------------- quotes


class CountingVectors:
    """A stand-in for the embedding model: one fixed random unit vector per text, and a
    record of every call."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.stack([np.random.default_rng(abs(hash(t)) % 2**32).normal(size=384)
                        for t in texts]).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def q(i: int, lang: str, text: str, speaker: str = "lavrov@RUS") -> qt.QuoteItem:
    return qt.QuoteItem(id=i, doc=i, speaker=speaker, day=740000, dated=False, language=lang,
                        text=text)


def test_word_overlap_decides_without_embeddings() -> None:
    vectors = CountingVectors()
    scorer = qt.Scorer(vectors)
    new = q(1, "en", "We will continue to trade with our partners in national currencies.")
    same = q(2, "en", "We will continue to trade with our partners in national currencies, "
                      "he said.")
    other = q(3, "es", "Seguiremos comerciando con nuestros socios en monedas nacionales.")
    assert qt.choose(new, [[other], [same]], scorer) == [same]
    assert vectors.calls == []


def test_embeddings_are_fetched_in_one_call() -> None:
    vectors = CountingVectors()
    scorer = qt.Scorer(vectors)
    new = q(1, "en", "We will continue to trade with our partners in national currencies.")
    groups = [[q(2, "es", "Seguiremos comerciando con nuestros socios.")],
              [q(3, "pt", "Vamos continuar a comerciar com os nossos parceiros."),
               q(4, "ru", "Мы продолжим торговать с партнёрами.")]]
    qt.choose(new, groups, scorer)
    assert len(vectors.calls) == 1 and len(vectors.calls[0]) == 4
    # a vetoed group (another speaker) is not embedded at all
    vectors.calls.clear()
    qt.choose(q(5, "en", "Trade will go on."), [[q(6, "es", "El comercio seguirá.", "gil@VEN")]],
              scorer)
    assert vectors.calls == []


def test_units_of_a_long_quote_are_capped_sentences_first() -> None:
    sentences = [f"Sentence number {w} has a rather long first part, and then it has a second "
                 f"part." for w in ("one", "two", "three", "four", "five", "six", "seven")]
    item = q(1, "en", " ".join(sentences))
    units = item.unit_texts()
    assert len(units) == qt.MAX_UNITS
    assert units[:7] == [s.rstrip(".") for s in sentences]      # closing stops not embedded


# ---------------------------------------------------------------- the store


def _quote_doc(db: Database, file: str, published: str | None, texts: list[str]) -> int:
    doc = Document(file=file, source_path=file, fmt="txt", raw_text="x")
    doc.text, doc.language, doc.published = "x", "en", published
    doc.quotes = [Quote(text=t, speaker=PersonRef("Sergey Lavrov", "RUS")) for t in texts]
    store.replace_source(db, path=file, root=".", fingerprint="f", size=1, fmt="txt",
                         documents=[doc], line_hashes=[set()])
    doc_id = db.query("SELECT id FROM documents WHERE file = ?", (file,))[0][0]
    store.save_processed(db, doc_id, doc, None, [])
    return doc_id


def test_quote_candidates_are_the_nearest_few(tmp_path: Path) -> None:
    with Database(tmp_path / "q.db") as db:
        days = [None, 100, 101, 103, 95, 99, 100, 200, 40]
        ids = []
        for n, day in enumerate(days):
            doc_id = _quote_doc(db, f"d{n}.txt", None, [f"quote {n}"])
            quote_id = db.query("SELECT id FROM quotes WHERE doc_id = ?", (doc_id,))[0][0]
            store.save_quote_key(db, quote_id=quote_id, doc_id=doc_id, speaker="lavrov@RUS",
                                 day=day, dated=False, language="en", cluster=None)
            ids.append(doc_id)
        rows = store.quote_key_rows(db, "lavrov@RUS", 100, 62, 4, ids[1])
        assert [r["day"] for r in rows] == [100, 101, 99, 103]
        rows = store.quote_key_rows(db, "lavrov@RUS", 100, 62, 50, -1)
        assert [r["day"] for r in rows] == [100, 100, 101, 99, 103, 95, 40, None]   # 200: too far
        assert len(store.quote_key_rows(db, "lavrov@RUS", None, 62, 3, -1)) == 3


@pytest.mark.parametrize("sql", [
    "DELETE FROM reuse WHERE a = 'x' OR b = 'x'",
    "DELETE FROM event_keys WHERE doc_id = 1",
    "DELETE FROM quote_keys WHERE doc_id = 1",
    "DELETE FROM reuse_prints WHERE doc_id = 1",
    "SELECT * FROM event_keys WHERE pair = 'A|B' AND type = 'MEET' AND day_first BETWEEN 1 AND 9 "
    "AND day_last >= 3",
    "SELECT * FROM event_keys WHERE cluster IN (SELECT value FROM json_each('[\"e\"]')) "
    "ORDER BY event_id",
    "SELECT * FROM quote_keys WHERE speaker = 'x' AND doc_id != 1 AND day BETWEEN 1 AND 9 "
    "ORDER BY day, quote_id LIMIT 9",
    "SELECT cluster, quote_id FROM quote_keys WHERE cluster IN (SELECT value FROM "
    "json_each('[\"a\"]')) ORDER BY cluster, quote_id",
    "SELECT k.*, q.text FROM quote_keys k JOIN quotes q ON q.id = k.quote_id "
    "WHERE k.quote_id IN (SELECT value FROM json_each('[1, 2]'))",
    "SELECT hash, count(*) FROM reuse_prints WHERE hash IN (SELECT value FROM json_each('[1]')) "
    "GROUP BY hash",
    "SELECT doc_id, count(*) AS n FROM reuse_prints WHERE hash IN (SELECT value FROM "
    "json_each('[1, 2]')) AND doc_id != 3 GROUP BY doc_id HAVING n >= 3 ORDER BY n DESC LIMIT 9",
    "SELECT text FROM posts WHERE doc_id = 1 AND duplicate_of IS NULL ORDER BY idx",
    "SELECT * FROM events WHERE doc_id = 1 ORDER BY idx",
    "SELECT * FROM quotes WHERE doc_id = 1 ORDER BY idx",
])
def test_linking_lookups_use_an_index(tmp_path: Path, sql: str) -> None:
    """No statement linking runs per document scans a whole table (that would make linking
    quadratic in the corpus)."""
    with Database(tmp_path / "i.db") as db:
        plan = " ".join(r[3] for r in db.query(f"EXPLAIN QUERY PLAN {sql}"))
    assert "SCAN" not in re.sub(r"SCAN (CONSTANT|json_each)", "", plan), plan


def test_reuse_candidates_most_shared_first(tmp_path: Path) -> None:
    with Database(tmp_path / "r.db") as db:
        ids = [_quote_doc(db, f"r{n}.txt", None, []) for n in range(5)]
        held = {ids[0]: [1, 2, 3, 4], ids[1]: [1, 2, 3], ids[2]: [1, 2], ids[3]: [2, 3, 4, 5, 6],
                ids[4]: [1, 2, 3, 4, 5, 6]}
        for doc_id, hashes in held.items():
            store.add_prints(db, doc_id, hashes)
        assert store.print_counts(db, [1, 2, 6, 99]) == {1: 4, 2: 5, 6: 2}
        # the new document is ids[4] itself: never its own candidate
        assert store.print_sharers(db, [1, 2, 3, 4, 5, 6], 3, 10, ids[4]) == \
            [ids[3], ids[0], ids[1]]
        assert store.print_sharers(db, [1, 2, 3, 4, 5, 6], 3, 2, ids[4]) == [ids[3], ids[0]]


def test_scorer_cache_full_keeps_what_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the scorer's cache fills, the quotes of the pair being scored stay available
    (the linker failed on 32 of 10,000 documents when a cached quote was dropped)."""
    monkeypatch.setattr(qt, "SCORER_CACHE", 2)
    scorer = qt.Scorer(CountingVectors())
    a, b, c = (q(i, lang, f"Statement number {i} about trade.") for i, lang in
               ((1, "en"), (2, "es"), (3, "pt")))
    scorer.prepare([a, b])
    assert isinstance(scorer.score(a, c), float)
