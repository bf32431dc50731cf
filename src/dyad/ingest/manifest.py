"""STUB (to be replaced)."""
from __future__ import annotations
import json
from pathlib import Path
from dyad.records import Given

MANIFEST_NAME = "manifest.jsonl"


def read_manifest(path: Path) -> tuple[dict[str, Given], list[str]]:
    out: dict[str, Given] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[d["file"]] = Given(url=d.get("url"), title=d.get("title"), outlet=d.get("outlet"),
                                   published=d.get("published"), language=d.get("language"))
    return out, []
