"""Linking one processed document to the documents linked before it, through the store:
text reuse, quote clusters, event clusters; and, once a run's documents are linked, the
propagation of every cluster that changed. The decisions are in `reuse.py`, `quotes.py`,
`events.py` and `propagation.py`; this module finds the candidates (blocking: shared
fingerprints, speaker and days, actor pair and days) and writes what was decided.

Every write goes through the caller's transaction (the pipeline links documents in batches),
so a killed run leaves each document wholly linked or not at all. Cost per document is bounded
by the blocking caps (MAX_*_CANDIDATES: the nearest in days, each read as an index range),
and every lookup goes through an index (migration 0003), so a run grows about linearly with
the corpus. The texts of the last REUSE_CACHE documents aligned are kept tokenised.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from dyad.links import events as ev
from dyad.links import propagation
from dyad.links import quotes as qt
from dyad.links import reuse
from dyad.links.embed import DIM, embed, text_key
from dyad.links.keys import day_number, speaker_key
from dyad.records import ReusePair, day_of
from dyad.store import Database
from dyad.store import documents as store

MAX_REUSE_CANDIDATES = 5      # documents aligned with a new one, most shared fingerprints first
REUSE_CACHE = 2048            # linked documents whose tokenised texts a Linker keeps
QUOTE_CACHE = 8192            # linked quotes a Linker keeps as QuoteItems
MAX_QUOTE_CANDIDATES = 200    # quotes by the same speaker compared with a new one, closest days
MAX_EVENT_CANDIDATES = 200    # events of the same pair and type compared with a new one, closest


class StoreVectors:
    """Unit vectors through the store's cache: computed once per unit text, kept as float16."""

    def __init__(self, db: Database, threads: int | None = None) -> None:
        self._db = db
        self._threads = threads
        self.computed = 0
        self.seconds = 0.0              # spent embedding

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        have = store.load_vectors(self._db, keys)
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in have}.items())
        if missing:
            start = time.perf_counter()
            vecs = embed([t for _k, t in missing], self._threads)
            self.seconds += time.perf_counter() - start
            self.computed += len(missing)
            fresh = {k: v.astype(np.float16).tobytes() for (k, _t), v in zip(missing, vecs)}
            store.save_vectors(self._db, fresh)
            have.update(fresh)
        return np.stack([np.frombuffer(have[k], dtype=np.float16).astype(np.float32)
                         for k in keys]) if keys else np.zeros((0, DIM), np.float32)


class Linker:
    """Links documents one at a time (in the caller's transaction); `finish` afterwards.
    `embed_threads`: the embedding model's threads (None: as many cores as are idle)."""

    def __init__(self, db: Database, embed_threads: int | None = None) -> None:
        self.db = db
        self.vectors = StoreVectors(db, embed_threads)
        self.scorer = qt.Scorer(self.vectors)
        self._next = {kind: store.last_cluster_number(db, kind) + 1 for kind in ("event", "quote")}
        self.counts = {"reuse": 0, "event_links": 0, "quote_links": 0, "words_read": 0}
        # seconds spent on each kind of link (the quotes' include the embedding's, which
        # self.vectors.seconds holds)
        self.seconds = {"reuse": 0.0, "events": 0.0, "quotes": 0.0}
        self._aligned: OrderedDict[int, reuse.Words] = OrderedDict()
        self._quotes_seen: OrderedDict[int, qt.QuoteItem] = OrderedDict()

    def _new_cluster(self, kind: str) -> str:
        n = self._next[kind]
        self._next[kind] = n + 1
        cluster = f"{'ev' if kind == 'event' else 'qt'}-{n:06d}"
        store.add_cluster(self.db, cluster, kind)
        return cluster

    def link(self, doc_id: int, prints: frozenset[int] | None = None) -> None:
        """Link one processed document; `prints`: its reuse fingerprints, when computed
        already (`reuse.document_prints` of its link texts)."""
        doc = store.link_document(self.db, doc_id)
        store.clear_links(self.db, doc_id, doc.file)
        day = day_number(day_of(doc.published))
        t0 = time.perf_counter()
        self._reuse(doc, prints)
        t1 = time.perf_counter()
        self._events(doc, day)
        t2 = time.perf_counter()
        self._quotes(doc, day)
        t3 = time.perf_counter()
        store.save_link_doc(self.db, doc, day)
        for part, seconds in (("reuse", t1 - t0), ("events", t2 - t1), ("quotes", t3 - t2)):
            self.seconds[part] += seconds

    # ------------------------------------------------------------ reuse

    def _reuse(self, doc: store.LinkDoc, given: frozenset[int] | None) -> None:
        prints = given if given is not None else reuse.document_prints(doc.texts)
        if not prints:
            return
        held = store.print_counts(self.db, prints)
        kept = [h for h in prints if held.get(h, 0) < reuse.DF_CAP]      # not boilerplate
        ranked = store.print_sharers(self.db, [h for h in kept if h in held], reuse.MIN_SHARED,
                                     MAX_REUSE_CANDIDATES, doc.id) if held else []
        store.add_prints(self.db, doc.id, kept)
        info = store.link_docs(self.db, ranked)
        mine = reuse.words_of("\n\n".join(doc.texts))
        others = [(o, self._words(other)) for other in ranked
                  if (o := info.get(other)) is not None
                  and not (o["language"] and doc.language and o["language"] != doc.language)]
        found = reuse.align_many([theirs for _o, theirs in others], mine)
        for (o, theirs), passages in zip(others, found):
            if not passages:
                continue
            best = passages[0]
            a_text, b_text = best.texts(theirs.text, mine.text)
            pair = (ReusePair(o["file"], doc.file, a_text, b_text, float(best.words))
                    if o["file"] < doc.file else
                    ReusePair(doc.file, o["file"], b_text, a_text, float(best.words)))
            store.save_reuse_pair(self.db, pair)
            self.counts["reuse"] += 1
        self._keep(doc.id, mine.kept())        # later documents may be aligned with it

    def _words(self, doc_id: int) -> reuse.Words:
        """A linked document's texts, tokenised for alignment (the last REUSE_CACHE kept:
        the documents holding fingerprints that many share come up again and again)."""
        found = self._aligned.pop(doc_id, None)
        if found is None:
            self.counts["words_read"] += 1
            found = reuse.Words("\n\n".join(store.link_texts(self.db, doc_id))).kept()
        self._keep(doc_id, found)
        return found

    def _keep(self, doc_id: int, words: reuse.Words) -> None:
        if len(self._aligned) >= REUSE_CACHE:
            self._aligned.popitem(last=False)
        self._aligned[doc_id] = words

    # ------------------------------------------------------------ events

    def _events(self, doc: store.LinkDoc, day: int | None) -> None:
        for le in doc.events:
            item = ev.item_of(le.event, le.id, doc.id, day)
            span = ev.window(item)
            rows = []
            if span is not None and item.first is not None:
                rows = [r for r in store.event_key_rows(
                            self.db, item.pair, item.type, span[0], span[1],
                            item.first - ev.SLACK_DAYS - ev.UNDATED_DAYS - 1)
                        if r["doc_id"] != doc.id]
                if len(rows) > MAX_EVENT_CANDIDATES:
                    rows.sort(key=lambda r: (abs(r["day_first"] - item.first), r["event_id"]))
                    rows = rows[:MAX_EVENT_CANDIDATES]
            chosen = ev.choose(item, self._event_groups(rows))
            if chosen is not None:
                cluster = chosen[0].cluster or self._new_cluster("event")
                item.cluster = cluster
            store.save_event_key(self.db, event_id=le.id, doc_id=doc.id, pair=item.pair,
                                 etype=item.type, first=item.first, last=item.last,
                                 dated=item.dated, place=item.place, people=sorted(item.people),
                                 cluster=item.cluster)
            if chosen is not None and item.cluster:
                # members already in the cluster (all of a cluster's) have nothing to change
                store.set_cluster(self.db, "event", [m.id for m in chosen
                                                     if m.cluster != item.cluster] + [le.id],
                                  item.cluster)
                self.counts["event_links"] += 1

    def _event_groups(self, rows: Sequence[sqlite3.Row]) -> list[list[ev.EventItem]]:
        """Candidate key rows as groups to choose from, in order of first appearance: each
        cluster with all its members (read in one query), each lone event alone."""
        clusters = [r["cluster"] for r in rows if r["cluster"]]
        members = store.event_clusters_rows(self.db, clusters) if clusters else {}
        groups: dict[str, list[ev.EventItem]] = {}
        for r in rows:
            key = r["cluster"] or f"#{r['event_id']}"
            if key not in groups:
                groups[key] = [_event_item(x) for x in (members.get(key, [r]) if r["cluster"]
                                                        else [r])]
        return list(groups.values())

    # ------------------------------------------------------------ quotes

    def _quotes(self, doc: store.LinkDoc, day: int | None) -> None:
        for lq in doc.quotes:
            speaker = speaker_key(lq.quote.speaker)
            if speaker is None or not lq.quote.text.strip():
                continue
            own = day_number(lq.quote.date.first) if lq.quote.date else None
            if own == day:      # the quotes stage falls back on the publication day: not its own
                own = None
            item = qt.QuoteItem(id=lq.id, doc=doc.id, speaker=speaker, day=own or day,
                                dated=own is not None, language=lq.language, text=lq.quote.text,
                                actors=lq.actors)
            # a short quotation meets only quotes within RECENT_DAYS, and none without a
            # day (see quotes.vetoed): the others are not read
            long = item.word_count() >= qt.LONG_WORDS
            groups = self._quote_groups(store.quote_key_rows(
                self.db, speaker, item.day, qt.WINDOW_DAYS if long else qt.RECENT_DAYS,
                MAX_QUOTE_CANDIDATES, doc.id)) if item.day is not None or long else []
            # the surest group only: merging every group a quotation overlaps chained stock
            # phrases of one speaker into giant clusters (synthetic 10k: pair precision 0.09)
            matched = qt.choose_all(item, groups, self.scorer)[:1] if groups else []
            chosen = list(matched[0]) if matched else None
            if chosen is not None:
                item.cluster = next((m.cluster for m in chosen if m.cluster), None) or \
                    self._new_cluster("quote")
            store.save_quote_key(self.db, quote_id=lq.id, doc_id=doc.id, speaker=speaker,
                                 day=item.day, dated=item.dated, language=item.language,
                                 cluster=item.cluster)
            self._remember(item)
            if chosen is not None and item.cluster:
                store.set_cluster(self.db, "quote", [m.id for m in chosen] + [lq.id], item.cluster)
                self.counts["quote_links"] += 1

    def _quote_groups(self, rows: Sequence[sqlite3.Row]) -> list[list[qt.QuoteItem]]:
        """Candidate key rows (nearest first) as groups to choose from, in order of first
        appearance: each cluster with all its members, each lone quote alone. Quotes seen
        lately (the last QUOTE_CACHE) are not read again: their units, shingles and numbers
        are worked out already."""
        clusters = {r["cluster"] for r in rows if r["cluster"]}
        members = store.quote_cluster_members(self.db, clusters) if clusters else {}
        cluster_of = {i: c for c, ids in members.items() for i in ids}
        cluster_of.update((r["quote_id"], r["cluster"]) for r in rows)
        items = {i: self._quotes_seen[i] for i in cluster_of if i in self._quotes_seen}
        missing = [i for i in cluster_of if i not in items]
        if missing:
            items.update((r["quote_id"], _quote_item(r))
                         for r in store.quote_keys_by_id(self.db, missing))
        for i, item in items.items():
            item.cluster = cluster_of[i]
            self._remember(item)
        groups: dict[str, list[qt.QuoteItem]] = {}
        for r in rows:
            key = r["cluster"] or f"#{r['quote_id']}"
            if key not in groups:
                ids = members.get(r["cluster"], [r["quote_id"]]) if r["cluster"] else \
                    [r["quote_id"]]
                groups[key] = [items[i] for i in ids if i in items]
        return list(groups.values())

    def _remember(self, item: qt.QuoteItem) -> None:
        self._quotes_seen.pop(item.id, None)
        if len(self._quotes_seen) >= QUOTE_CACHE:
            self._quotes_seen.popitem(last=False)
        self._quotes_seen[item.id] = item

    # ------------------------------------------------------------ after the documents

    def finish(self) -> int:
        """Recompute the propagation of every cluster that changed; dissolve clusters left
        with fewer than two documents. Returns the number of clusters recomputed."""
        return propagation.refresh(self.db)


@functools.lru_cache(maxsize=4096)
def _people(stored: str) -> frozenset[str]:
    """An event_keys row's people (JSON) as a set (the same lists come back again and again)."""
    return frozenset(json.loads(stored))


def _event_item(row: sqlite3.Row) -> ev.EventItem:
    """An event_keys row as an EventItem."""
    return ev.EventItem(id=row["event_id"], doc=row["doc_id"], pair=row["pair"], type=row["type"],
                        first=row["day_first"], last=row["day_last"], dated=bool(row["dated"]),
                        place=row["place"], people=_people(row["people"]),
                        cluster=row["cluster"])


def _quote_item(row: sqlite3.Row) -> qt.QuoteItem:
    """A quote_keys row, joined with its quote's text, as a QuoteItem."""
    return qt.QuoteItem(id=row["quote_id"], doc=row["doc_id"], speaker=row["speaker"],
                        day=row["day"], dated=bool(row["dated"]), language=row["language"],
                        text=row["text"], cluster=row["cluster"],
                        actors=store.actor_set(row["actors"]))
