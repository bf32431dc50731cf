"""Propagation: for each quote or event cluster, the order in which outlets carried it -
members sorted by publication day (unknown days last), each with its outlet, language and
the sources it credits (the quote's `via`, else the outlets its document cites) - stored per
cluster (`propagation` table) so that a UI can draw the path; and the listing behind
`dyad clusters`.

Recomputed only for clusters marked changed while linking, or whose membership changed since
(documents replaced). A cluster left with members in fewer than two documents is dissolved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import StoreError
from dyad.links.keys import day_of_number, fold
from dyad.store import Database
from dyad.store import documents as store


def path_of(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Members in the order outlets carried them: by publication day, then file."""
    ordered = sorted(members, key=lambda m: (m["day"] is None, m["day"] or 0, m["file"], m["item"]))
    out = []
    for m in ordered:
        day = day_of_number(m["day"])
        out.append({"file": m["file"], "item": m["item"],
                    "published": day.isoformat() if day else None, "outlet": m["outlet"],
                    "language": m["language"], "via": m["via"], "date": m["date"]})
    return out


def refresh(db: Database) -> int:
    """Recompute every stale cluster's propagation (one transaction); returns how many."""
    with db.transaction():
        stale = store.stale_clusters(db)
        for cluster, kind in stale:
            members = store.cluster_members(db, cluster, kind)
            if len({m["file"] for m in members}) < 2:
                store.dissolve_cluster(db, cluster)
                continue
            path = path_of(members)
            labels = sorted({m["label"] for m in members})
            store.save_propagation(db, cluster, kind, " / ".join(labels),
                                   path[0]["published"], path)
    return len(stale)


@dataclass
class ClusterView:
    """A cluster as `dyad clusters` lists it."""

    id: str
    kind: str
    label: str
    first_day: str | None
    path: list[dict[str, Any]] = field(default_factory=list)

    def lines(self) -> list[str]:
        head = f"{self.id}  {self.kind}  {self.label}  ({len(self.path)} items"
        head += f", first {self.first_day})" if self.first_day else ")"
        rows = []
        for i, m in enumerate(self.path, 1):
            via = ", ".join(m["via"] or [])
            rows.append(f"  {i}. {m['published'] or '????-??-??'}  {m['outlet'] or '-'}  "
                        f"[{m['language'] or '?'}]  {m['file']}#{'e' if self.kind == 'event' else 'q'}"
                        f"{m['item']}" + (f"  via {via}" if via else ""))
        return [head, *rows]


def listing(db_path: Path, kind: str | None = None, actor: str | None = None,
            speaker: str | None = None) -> list[ClusterView]:
    """The clusters of a store with their members in propagation order. `kind` is 'quote' or
    'event'; `actor` keeps clusters whose label names that actor code (an event's pair, a
    speaker's state); `speaker` keeps quote clusters whose speaker's name contains it
    (accents and case aside)."""
    if not db_path.is_file():
        raise StoreError(f"{db_path}: no such database")
    with Database(db_path) as db:
        rows = store.propagation_rows(db, kind)
    out = []
    for r in rows:
        label = r["label"] or ""
        if actor and actor.upper() not in label.replace("[", " ").replace("]", " ").split():
            continue
        if speaker and (r["kind"] != "quote" or fold(speaker) not in fold(label)):
            continue
        out.append(ClusterView(r["cluster"], r["kind"], label, r["first_day"],
                               json.loads(r["path"])))
    return out
