"""Linking one processed document to the documents linked before it, through the store:
text reuse, quote clusters, event clusters; and, once a run's documents are linked, the
propagation of every cluster that changed. The decisions are in `reuse.py`, `quotes.py`,
`events.py` and `propagation.py`; this module finds the candidates (blocking: shared
fingerprints, speaker and days, actor pair and days) and writes what was decided.

Every write goes through the caller's transaction (the pipeline links documents in batches),
so a killed run leaves each document wholly linked or not at all. Cost per document is bounded
by the blocking caps, so a run grows about linearly with the corpus.
"""

from __future__ import annotations

import json
import sqlite3
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

MAX_REUSE_CANDIDATES = 10     # documents aligned with a new one, most shared fingerprints first
MAX_QUOTE_CANDIDATES = 200    # quotes by the same speaker compared with a new one, closest days


class StoreVectors:
    """Unit vectors through the store's cache: computed once per unit text, kept as float16."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.computed = 0

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        have = store.load_vectors(self._db, keys)
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in have}.items())
        if missing:
            vecs = embed([t for _k, t in missing])
            self.computed += len(missing)
            fresh = {k: v.astype(np.float16).tobytes() for (k, _t), v in zip(missing, vecs)}
            store.save_vectors(self._db, fresh)
            have.update(fresh)
        return np.stack([np.frombuffer(have[k], dtype=np.float16).astype(np.float32)
                         for k in keys]) if keys else np.zeros((0, DIM), np.float32)


class Linker:
    """Links documents one at a time (in the caller's transaction); `finish` afterwards."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.vectors = StoreVectors(db)
        self.scorer = qt.Scorer(self.vectors)
        self._next = {kind: store.last_cluster_number(db, kind) + 1 for kind in ("event", "quote")}
        self.counts = {"reuse": 0, "event_links": 0, "quote_links": 0}

    def _new_cluster(self, kind: str) -> str:
        n = self._next[kind]
        self._next[kind] = n + 1
        cluster = f"{'ev' if kind == 'event' else 'qt'}-{n:06d}"
        store.add_cluster(self.db, cluster, kind)
        return cluster

    def link(self, doc_id: int) -> None:
        doc = store.link_document(self.db, doc_id)
        store.clear_links(self.db, doc_id, doc.file)
        day = day_number(day_of(doc.published))
        self._reuse(doc)
        self._events(doc, day)
        self._quotes(doc, day)
        store.save_link_doc(self.db, doc, day)

    # ------------------------------------------------------------ reuse

    def _reuse(self, doc: store.LinkDoc) -> None:
        prints: set[int] = set()
        for text in doc.texts:
            prints |= reuse.fingerprints(text)
        if not prints:
            return
        holders = store.print_holders(self.db, prints, reuse.DF_CAP)
        shared: dict[int, int] = {}
        for h, ids in holders.items():
            if len(ids) >= reuse.DF_CAP:
                continue
            for other in ids:
                if other != doc.id:
                    shared[other] = shared.get(other, 0) + 1
        store.add_prints(self.db, doc.id,
                         [h for h in prints if len(holders.get(h, ())) < reuse.DF_CAP])
        ranked = sorted((o for o, n in shared.items() if n >= reuse.MIN_SHARED),
                        key=lambda o: (-shared[o], o))[:MAX_REUSE_CANDIDATES]
        info = store.link_docs(self.db, ranked)
        mine = "\n\n".join(doc.texts)
        for other in ranked:
            o = info.get(other)
            if o is None or (o["language"] and doc.language and o["language"] != doc.language):
                continue
            theirs = "\n\n".join(store.link_texts(self.db, other))
            passages = reuse.align(theirs, mine)
            if not passages:
                continue
            best = passages[0]
            a_text, b_text = best.texts(theirs, mine)
            pair = (ReusePair(o["file"], doc.file, a_text, b_text, float(best.words))
                    if o["file"] < doc.file else
                    ReusePair(doc.file, o["file"], b_text, a_text, float(best.words)))
            store.save_reuse_pair(self.db, pair)
            self.counts["reuse"] += 1

    # ------------------------------------------------------------ events

    def _events(self, doc: store.LinkDoc, day: int | None) -> None:
        for le in doc.events:
            item = ev.item_of(le.event, le.id, doc.id, day)
            span = ev.window(item)
            groups: dict[str, list[ev.EventItem]] = {}
            if span is not None and item.first is not None:
                rows = store.event_key_rows(self.db, item.pair, item.type, span[0], span[1],
                                            item.first - ev.SLACK_DAYS - ev.UNDATED_DAYS - 1)
                for r in rows:
                    if r["doc_id"] == doc.id:
                        continue
                    key = r["cluster"] or f"#{r['event_id']}"
                    if key not in groups:
                        groups[key] = ([_event_item(x) for x in
                                        store.event_cluster_rows(self.db, r["cluster"])]
                                       if r["cluster"] else [_event_item(r)])
            chosen = ev.choose(item, groups.values())
            if chosen is not None:
                cluster = chosen[0].cluster or self._new_cluster("event")
                item.cluster = cluster
            store.save_event_key(self.db, event_id=le.id, doc_id=doc.id, pair=item.pair,
                                 etype=item.type, first=item.first, last=item.last,
                                 dated=item.dated, place=item.place, people=sorted(item.people),
                                 cluster=item.cluster)
            if chosen is not None and item.cluster:
                store.set_cluster(self.db, "event", [m.id for m in chosen] + [le.id], item.cluster)
                self.counts["event_links"] += 1

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
                                dated=own is not None, language=lq.language, text=lq.quote.text)
            lo = hi = None
            if item.day is not None:
                lo, hi = item.day - qt.WINDOW_DAYS, item.day + qt.WINDOW_DAYS
            rows = [r for r in store.quote_key_rows(self.db, speaker, lo, hi)
                    if r["doc_id"] != doc.id]
            rows.sort(key=lambda r: (abs((r["day"] or 0) - (item.day or 0)), r["quote_id"]))
            groups: dict[str, list[qt.QuoteItem]] = {}
            for r in rows[:MAX_QUOTE_CANDIDATES]:
                key = r["cluster"] or f"#{r['quote_id']}"
                if key not in groups:
                    groups[key] = ([_quote_item(x) for x in
                                    store.quote_cluster_rows(self.db, r["cluster"])]
                                   if r["cluster"] else [_quote_item(r)])
            chosen = qt.choose(item, groups.values(), self.scorer) if groups else None
            if chosen is not None:
                item.cluster = chosen[0].cluster or self._new_cluster("quote")
            store.save_quote_key(self.db, quote_id=lq.id, doc_id=doc.id, speaker=speaker,
                                 day=item.day, dated=item.dated, language=item.language,
                                 cluster=item.cluster)
            if chosen is not None and item.cluster:
                store.set_cluster(self.db, "quote", [m.id for m in chosen] + [lq.id], item.cluster)
                self.counts["quote_links"] += 1

    # ------------------------------------------------------------ after the documents

    def finish(self) -> int:
        """Recompute the propagation of every cluster that changed; dissolve clusters left
        with fewer than two documents. Returns the number of clusters recomputed."""
        return propagation.refresh(self.db)


def _event_item(row: sqlite3.Row) -> ev.EventItem:
    """An event_keys row as an EventItem."""
    return ev.EventItem(id=row["event_id"], doc=row["doc_id"], pair=row["pair"], type=row["type"],
                        first=row["day_first"], last=row["day_last"], dated=bool(row["dated"]),
                        place=row["place"], people=frozenset(json.loads(row["people"])),
                        cluster=row["cluster"])


def _quote_item(row: sqlite3.Row) -> qt.QuoteItem:
    """A quote_keys row, joined with its quote's text, as a QuoteItem."""
    return qt.QuoteItem(id=row["quote_id"], doc=row["doc_id"], speaker=row["speaker"],
                        day=row["day"], dated=bool(row["dated"]), language=row["language"],
                        text=row["text"], cluster=row["cluster"])
